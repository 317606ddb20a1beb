"""Screens are ready before the patient asks for them, and a change of language or text size,
made at once only on the screen in view, is on every other screen when the patient opens it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.screens.section_list import SectionListScreen
from kiosk.ui.window import KioskWindow, Place
from tests.ui.conftest import find_button, tap
from tests.ui.screen_text import visible_text

AHEAD = {"home", "sections", "reader", "idle_warning"}


def test_the_education_screens_are_built_while_the_welcome_loop_shows(
        qtbot: QtBot, window: KioskWindow) -> None:
    assert window.place.screen == "attract"
    qtbot.waitUntil(lambda: set(window.built_screens()) >= AHEAD)
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert window.visit is None, "no visit is started (or timed) before a patient begins"
    assert "question" not in window.built_screens()


def test_after_a_wipe_they_are_ready_again(qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    window.go(Place("home"))
    window.start_questionnaire()
    window.wipe()
    assert window.ahead.busy
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert set(window.built_screens()) >= AHEAD
    assert window.visit is None


def test_a_language_chosen_on_home_is_on_the_topics_when_they_open(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)  # the topics were built in English
    window.go(Place("home"))
    tap(qtbot, find_button(window, "bar_language_es"))
    tap(qtbot, find_button(window, "home_learn"))
    assert window.place.screen == "sections"
    topics = window.page("sections")
    assert isinstance(topics, SectionListScreen)
    shown = visible_text(topics)
    for spanish, english in zip(loaded.content.sections("es"), loaded.content.sections("en"),
                                strict=True):
        assert spanish.words.title in shown
        assert english.words.title not in shown


def test_a_text_size_chosen_on_home_is_on_the_topics_when_they_open(
        qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    window.go(Place("sections"))
    before = max(label.font().pixelSize() for label in window.page("sections")
                 .findChildren(QLabel) if label.isVisible())
    window.go(Place("home"))
    window.set_text_size("largest")
    window.go(Place("sections"))
    after = max(label.font().pixelSize() for label in window.page("sections")
                .findChildren(QLabel) if label.isVisible())
    assert after > before


def test_the_keyboard_is_in_the_first_frame_and_its_keys_load_just_after(
        qtbot: QtBot) -> None:
    from kiosk.app import Options, start

    _, started = start(Options(windowed=True))
    assert isinstance(started, KioskWindow)
    window = started
    qtbot.addWidget(window)
    board = window.keyboard
    assert board is not None and board.view is not None, "its view is there when first shown"
    assert board.root is None, "its keys (Qt Quick, most of its cost) wait for the first frame"
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: board.root is not None)
    window.go(Place("home"))
    window.start_questionnaire()  # the first question asks for a name: the keys open
    qtbot.waitUntil(lambda: board.active and board.height() > 0)
    window.allow_close()
    window.close()
