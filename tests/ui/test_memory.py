"""A kiosk runs all day: visit after visit, with the screens fading in, nothing piles up.

Each visit goes through every patient screen with animations on (topics, a section, the
questions, the review list, send, thank-you and the wipe), waiting for each fade to
finish. What the kiosk holds after the 10th visit is what it holds after the 30th: Qt objects
under the window (fades, their effects, timers, everything), and the Python objects of a
visit's screens and answers.
"""

from __future__ import annotations

import collections
import datetime
import enum
import gc
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QGraphicsOpacityEffect, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.intake.questionnaire import Item
from kiosk.intake.session import IntakeSession
from kiosk.ui import screen_fade
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.parts import Screen
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_questionnaire import CANDIDATE

#: The candidate's answers as values (what their touches on the answer widgets give).
VALUES: dict[str, Any] = {
    **{key: tuple(value) if isinstance(value, list) else value
       for key, value in CANDIDATE.items()},
    "birth-date": datetime.date(1970, 1, 1), "pain-duration": 24,
}


@pytest.fixture
def animated(make_window: WindowFactory, shipped: Loaded,
             monkeypatch: pytest.MonkeyPatch) -> KioskWindow:
    """A kiosk with its screens fading in (fades made short, so 30 visits take seconds)."""
    monkeypatch.setattr(screen_fade, "FADE_MS", 1)
    return make_window(with_kiosk(shipped, animations=True, idle_seconds=600.0))


def fading(window: KioskWindow) -> bool:
    return window.fading


def settled(qtbot: QtBot, window: KioskWindow) -> None:
    """Wait for the screen's fade to finish."""
    qtbot.waitUntil(lambda: not fading(window))
    assert not window.findChildren(QGraphicsOpacityEffect), "no effect outlives its fade"


def answer_everything(window: KioskWindow) -> None:
    """The candidate's answers, question by question, straight into the visit."""
    session = window.visit
    assert session is not None
    item: Item | None = session.start()
    while item is not None:
        if item.id in VALUES:
            session.answer(item.id, VALUES[item.id])
        item = session.go_next()


def touch_in_turn(qtbot: QtBot, window: KioskWindow, *names: str) -> None:
    """Tap each named button (or the attract loop) in turn, waiting out each fade."""
    for name in names:
        tap(qtbot, window.page("attract") if name == "attract" else find_button(window, name))
        settled(qtbot, window)


def one_visit(qtbot: QtBot, window: KioskWindow) -> None:
    touch_in_turn(qtbot, window, "attract", "home_learn", "tile_risks", "bar_home",
                  "home_questionnaire")
    assert window.place.screen == "question"
    answer_everything(window)
    touch_in_turn(qtbot, window, "bar_home", "home_questionnaire", "review_send",
                  "thanks_done")
    assert window.place.screen == "attract"


def qt_objects(qtbot: QtBot, window: KioskWindow) -> collections.Counter[str]:
    """Qt objects under the window, by class, once the kiosk has got the next patient's
    screens ready (as it does in the pause before the next touch)."""
    qtbot.waitUntil(lambda: not window.ahead.busy)
    return collections.Counter(type(o).__name__ for o in window.findChildren(QObject))


def python_objects() -> collections.Counter[str]:
    """Python objects a visit makes (its screens, answer widgets and answers) and the enum
    types the Qt binding makes for values it has not seen before, by class."""
    gc.collect()
    found: collections.Counter[str] = collections.Counter()
    for held in gc.get_objects():
        if isinstance(held, enum.EnumType):
            found["enum type"] += 1
        elif isinstance(held, (Screen, AnswerWidget, IntakeSession)):
            found[type(held).__name__] += 1
    return found


@pytest.mark.soak
def test_thirty_visits_with_fades_leave_nothing_behind(qtbot: QtBot,
                                                       animated: KioskWindow) -> None:
    window = animated
    for _ in range(10):
        one_visit(qtbot, window)
    qt_10, python_10 = qt_objects(qtbot, window), python_objects()
    for _ in range(20):
        one_visit(qtbot, window)
    qt_30, python_30 = qt_objects(qtbot, window), python_objects()
    for kind in ("QPropertyAnimation", "QTimer", "QGraphicsOpacityEffect"):
        assert qt_30[kind] == qt_10[kind], f"{kind}: {qt_10[kind]} -> {qt_30[kind]}"
    assert qt_30["QPropertyAnimation"] == 1, "one fade, used again for every screen"
    assert qt_30 == qt_10, f"more: {qt_30 - qt_10}, fewer: {qt_10 - qt_30}"
    assert python_30 == python_10, f"more: {python_30 - python_10}"


def test_a_fade_on_a_screen_that_goes_ends_with_it(qtbot: QtBot, animated: KioskWindow,
                                                   shipped: Loaded) -> None:
    """New content replaces every screen at once, the one fading in too: its fade stops and
    its effect goes with it, and the new welcome loop fades in instead."""
    window = animated
    tap(qtbot, window.page("attract"))
    old_attract = window.page("attract")
    window.use_content(with_kiosk(shipped, animations=True, idle_seconds=600.0))
    assert window.page("attract") is not old_attract, "every screen was built again"
    assert old_attract.graphicsEffect() is None, "the old loop's fade ended when it went"
    assert fading(window), "the new loop fades in"
    settled(qtbot, window)
    assert window.place.screen == "attract"


def test_a_screen_deleted_while_it_fades_in_stops_its_fade(qtbot: QtBot,
                                                           animated: KioskWindow) -> None:
    window = animated
    tap(qtbot, window.page("attract"))
    assert fading(window), "home fades in"
    shiboken6.delete(window.page("home"))
    assert not fading(window), "the fade stopped with the screen it showed"
    assert not window.findChildren(QGraphicsOpacityEffect)


def test_a_finger_drag_still_scrolls_a_section(qtbot: QtBot, make_window: WindowFactory,
                                               loaded: Loaded) -> None:
    """Every scroll area shares one drag-and-flick gesture; each still scrolls by itself."""
    window = make_window(loaded)
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_risks"))
    scroll = window.page("reader").findChild(QScrollArea, "reader_scroll")
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    viewport = scroll.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 20)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for lift in range(10, 300, 10):
        qtbot.mouseMove(viewport, start - QPoint(0, lift))
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().value() > 0)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 300))
