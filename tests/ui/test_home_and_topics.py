"""Home, the bottom bar and the topics look finished at every screen size a kiosk has:
nothing drawn as a broken control, no half-empty portrait screen, tiles of a row in line, a
way on to the questions from the topics, and the same home at every visit."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.screens.section_list import SectionListScreen
from kiosk.ui.window import KioskWindow, Place
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text

SIZES = [(1920, 1080), (1280, 800), (1080, 1920)]
LOOKS = [pytest.param(size, text_size, language,
                      id=f"{size[0]}x{size[1]}-{text_size}-{language}")
         for size in SIZES for text_size in ("normal", "largest") for language in ("en", "es")]


def on_window(window: KioskWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def at_home(qtbot: QtBot, window: KioskWindow, text_size: str, language: str) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    tap(qtbot, find_button(window, f"bar_text_size_{text_size}"))
    assert window.place.screen == "home"


def settled(window: KioskWindow) -> None:
    """The bar has the height its lines ask for, at the foot of the window (a layout that
    changed with a tap is applied at the next turn of the event loop, before any paint)."""
    bar = window.bar
    layout = bar.layout()
    assert layout is not None
    assert bar.height() == layout.totalSizeHint().height()
    assert on_window(window, bar).bottom() == window.height() - 1


def home_actions(window: KioskWindow) -> list[QRect]:
    return [on_window(window, find_button(window, name))
            for name in ("home_learn", "home_questionnaire")]


def test_home_leaves_out_back_and_home_and_keeps_the_bar_in_place(
        qtbot: QtBot, window: KioskWindow) -> None:
    at_home(qtbot, window, "normal", "en")
    back, home = find_button(window, "bar_back"), find_button(window, "bar_home")
    assert not back.isVisible() and not home.isVisible(), "Back and Home lead nowhere here"
    assert "Back" not in visible_text(window.bar) and "Home" not in visible_text(window.bar)
    spanish = find_button(window, "bar_language_es")
    largest = find_button(window, "bar_text_size_largest")

    def one_line() -> None:
        settled(window)
        assert on_window(window, spanish).top() == on_window(window, largest).top()

    qtbot.waitUntil(one_line)  # a 1280 wide bar holds everything on one line
    where = on_window(window, spanish), on_window(window, largest)
    tap(qtbot, find_button(window, "home_learn"))
    assert back.isVisible() and back.isEnabled() and home.isVisible() and home.isEnabled()

    def in_place() -> None:
        settled(window)
        assert (on_window(window, spanish), on_window(window, largest)) == where

    qtbot.waitUntil(in_place)
    tap(qtbot, home)
    assert window.place.screen == "home" and not home.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_portrait_home_fills_the_screen_and_names_the_text_size(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, text_size: str,
        language: str) -> None:
    window = make_window(loaded, size=(1080, 1920))
    at_home(qtbot, window, text_size, language)
    qtbot.waitUntil(lambda: settled(window))
    home = window.page("home")
    screen = on_window(window, home)
    parts = [home.findChild(QWidget, name) for name in (
        "home_welcome", "home_intro", "home_picture", "home_learn", "home_questionnaire")]
    edges = [screen.top()]
    for part in parts:
        assert part is not None and part.isVisible()
        box = on_window(window, part)
        assert screen.contains(box), f"{part.objectName()} is off the screen"
        edges += [box.top(), box.bottom()]
    edges.append(screen.bottom())
    edges.sort()
    gaps = [lower - upper for upper, lower in itertools.pairwise(edges)]
    assert max(gaps) <= screen.height() // 4, f"a gap of {max(gaps)} px on a portrait screen"
    label = window.bar.findChild(QLabel, "bar_text_size_label")
    assert label is not None
    qtbot.waitUntil(lambda: settled(window))
    assert label.isVisible() and not label.visibleRegion().isEmpty()
    assert label.text() == loaded.content.words(language).ui.text_size
    assert window.rect().contains(on_window(window, label))


@pytest.mark.parametrize("language", ["en", "es"])
def test_text_size_label_shows_in_landscape_too(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, language: str) -> None:
    window = make_window(loaded, size=(1280, 800))
    at_home(qtbot, window, "normal", language)
    tap(qtbot, find_button(window, "home_learn"))
    label = window.bar.findChild(QLabel, "bar_text_size_label")
    assert label is not None and label.isVisible()
    assert label.text() == loaded.content.words(language).ui.text_size


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_home_actions_are_the_same_height_at_every_visit(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int]) -> None:
    window = make_window(loaded, size=size)
    tap(qtbot, window.page("attract"))
    qtbot.waitUntil(lambda: settled(window))
    first = home_actions(window)
    assert first[0].height() == first[1].height(), "the two actions stand level"
    # The first patient reads in Spanish at the largest text, then goes quiet.
    tap(qtbot, find_button(window, "bar_language_es"))
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    tap(qtbot, find_button(window, "home_learn"))
    window.wipe()
    tap(qtbot, window.page("attract"))
    assert window.place.screen == "home"
    qtbot.waitUntil(lambda: settled(window))
    assert home_actions(window) == first


def test_wide_screen_keeps_home_and_topics_in_the_middle(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, size=(1920, 1080))
    at_home(qtbot, window, "normal", "en")
    qtbot.waitUntil(lambda: settled(window))
    learn, ask = home_actions(window)
    left, right = learn.left(), window.width() - 1 - ask.right()
    assert abs(left - right) <= 2 and left >= 150, "the home column is centred, not edge to edge"
    tap(qtbot, find_button(window, "home_learn"))

    def topics_in_the_middle() -> None:
        tiles = [on_window(window, t) for t in window.findChildren(QPushButton)
                 if t.objectName().startswith("tile_") and t.isVisible()]
        left = min(t.left() for t in tiles)
        right = window.width() - 1 - max(t.right() for t in tiles)
        assert left >= 150 and abs(left - right) <= 40, "the topics stand in the middle"

    qtbot.waitUntil(topics_in_the_middle)


@pytest.mark.parametrize(("size", "text_size", "language"), LOOKS)
def test_tiles_in_a_row_are_one_height(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str) -> None:
    window = make_window(loaded, size=size)
    at_home(qtbot, window, text_size, language)
    tap(qtbot, find_button(window, "home_learn"))
    sections = window.page("sections")
    assert isinstance(sections, SectionListScreen)
    rows: dict[int, list[QRect]] = {}
    for tile in sections.tiles():
        box = on_window(window, tile)
        rows.setdefault(box.top(), []).append(box)
    assert sum(len(row) for row in rows.values()) == len(sections.tiles())
    for top, row in rows.items():
        assert len({box.height() for box in row}) == 1, f"uneven tiles in the row at {top}"
    if size[0] >= 1280 and text_size == "normal":
        assert max(len(row) for row in rows.values()) >= 2, "a wide screen has tiles side by side"


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_topic_leads_on_to_the_questions(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded, language: str) -> None:
    at_home(qtbot, window, "normal", language)
    words = loaded.content.words(language).ui
    sections = loaded.content.sections(language)
    for section in sections[:-1]:
        window.go(Place("reader", section.id))
        assert find_button(window, "reader_questions").text() == words.reader_questions
    tap(qtbot, find_button(window, "home_learn") if window.place.screen == "home"
        else find_button(window, "reader_all"))
    tap(qtbot, find_button(window, f"tile_{sections[-1].id}"))
    assert not find_button(window, "reader_next").isVisible()
    onward = find_button(window, "reader_questions")
    assert onward.property("role") == "primary", "on the last topic it is the main action"
    tap(qtbot, onward)
    assert window.place.screen == "question"
    first = loaded.content.questionnaire.items()[0]
    current = window.visit.current if window.visit is not None else None
    assert current is not None and current.id == first.id
    shown = visible_text(window)
    assert ("What is your first name?" if language == "en" else "nombre") in shown


def test_spanish_home_welcomes_everyone_and_the_english_gives_a_fair_time(
        qtbot: QtBot, window: KioskWindow) -> None:
    at_home(qtbot, window, "normal", "es")
    shown = visible_text(window)
    assert "Le damos la bienvenida a Riverside Spine Center" in shown
    assert "Bienvenid" not in shown
    tap(qtbot, find_button(window, "bar_language_en"))
    assert "about 5 minutes" not in visible_text(window)
    assert "about 10 minutes" in visible_text(window)
