"""Full screen holds on every screen the kiosk ships for, portrait included, at every text size.

A window whose layout asks for more than the screen leaves full-screen at once (the window
manager gives it the size it asks for). So on each screen of a patient's visit the window
keeps the size it was given, its layout's minimum fits the screen, nothing is cut off at the
side of a scrolling page, and every control is on screen: screens wrap and scroll instead.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.intake.questionnaire import Item
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.window import KioskWindow, Place
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_questionnaire import CANDIDATE

SIZES = [(800, 1280), (768, 1024), (1080, 1920), (1280, 800), (1920, 1080)]
TEXT_SIZES = ["normal", "large", "largest"]


def answer_everything(window: KioskWindow, loaded: Loaded) -> None:
    """The candidate's answers, in order, with typed text as long as each field allows and
    without a single space (a name, a note typed without spaces)."""
    values: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value
                              for key, value in CANDIDATE.items()}
    values.update({"birth-date": datetime.date(1970, 1, 1), "pain-duration": 24})
    session = window.visit
    assert session is not None
    for item in loaded.content.questionnaire.items():
        if item.type == "text":
            values[item.id] = "W" * item.max_length
        if item.id in values and session.is_visible(item.id):
            session.answer(item.id, values[item.id])


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def check_fits(window: KioskWindow, size: tuple[int, int], where: str) -> None:
    width, height = size
    assert (window.width(), window.height()) == size, f"{where}: the window was resized"
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, f"{where}: minimum {hint}"
    layout = window.layout()
    assert layout is not None
    least = layout.minimumSize()
    assert least.width() <= width and least.height() <= height, f"{where}: layout {least}"
    screen = window.page(window.place.screen)
    for area in screen.findChildren(QScrollArea):
        page = area.widget()
        if area.isVisible() and page is not None:
            assert page.width() <= area.viewport().width(), \
                f"{where}: {area.objectName()} is cut off at the side"
    for label in screen.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), \
                f"{where}: {label.objectName() or label.text()[:30]!r} is cut off"
    for control in [*screen.findChildren(QAbstractButton),
                    *window.bar.findChildren(QAbstractButton)]:
        if not control.isVisible():
            continue
        holder = scroll_area_of(control)
        frame = holder.widget() if holder is not None else window
        assert frame is not None
        shown = QRect(control.mapTo(frame, control.rect().topLeft()), control.size())
        assert frame.rect().contains(shown), f"{where}: {control.objectName()} is off screen"


def fits(qtbot: QtBot, window: KioskWindow, size: tuple[int, int], where: str) -> None:
    """Once the screen is laid out, it fits (a window that grew never shrinks back)."""
    qtbot.waitUntil(lambda: check_fits(window, size, where))


def first_of_each_type(items: list[Item]) -> list[Item]:
    found: dict[str, Item] = {}
    for item in items:
        found.setdefault(item.type, item)
    return list(found.values())


#: Every size at every text size in English; Spanish, whose words run longer, where space is
#: shortest.
CASES = [pytest.param(size, text_size, "en", id=f"{size[0]}x{size[1]}-{text_size}")
         for size in SIZES for text_size in TEXT_SIZES]
CASES += [pytest.param(size, "largest", "es", id=f"{size[0]}x{size[1]}-largest-es")
          for size in SIZES[:3]]


@pytest.mark.parametrize(("size", "text_size", "language"), CASES)
def test_every_screen_of_a_visit_fits_the_screen(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str) -> None:
    # The clinic's own text size, so the welcome loop is shown at it too.
    window = make_window(with_kiosk(loaded, text_size=text_size), size=size)
    attract = window.page("attract")
    assert isinstance(attract, AttractScreen)
    for frame in range(attract.frame_count):
        attract.show_frame(frame)
        fits(qtbot, window, size, f"attract frame {frame}")
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    tap(qtbot, find_button(window, f"bar_text_size_{text_size}"))
    fits(qtbot, window, size, "home")
    tap(qtbot, find_button(window, "home_learn"))
    fits(qtbot, window, size, "sections")
    for section in loaded.content.sections(language):
        window.go(Place("reader", section.id))
        fits(qtbot, window, size, f"reader {section.id}")
    tap(qtbot, find_button(window, "bar_home"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    fits(qtbot, window, size, "first question")
    assert window.visit is not None
    answer_everything(window, loaded)
    question = window.page("question")
    assert isinstance(question, QuestionScreen)
    for item in first_of_each_type(window.visit.visible_items()):
        question.open(item.id, reviewing=True)
        fits(qtbot, window, size, f"question {item.type} {item.id}")
    tap(qtbot, find_button(window, "question_next"))
    assert window.place.screen == "review"
    fits(qtbot, window, size, "review")
    tap(qtbot, find_button(window, "review_send"))
    fits(qtbot, window, size, "confirm")
    window.go(Place("urgent"))
    fits(qtbot, window, size, "urgent")
    window.go(Place("confirm"))
    tap(qtbot, find_button(window, "confirm_send"))
    assert window.place.screen == "thanks"
    fits(qtbot, window, size, "thanks")
    tap(qtbot, find_button(window, "thanks_done"))
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    tap(qtbot, find_button(window, f"bar_text_size_{text_size}"))
    window.idle.idle.emit()  # the patient went quiet
    assert window.place.screen == "idle_warning"
    fits(qtbot, window, size, "idle warning")
    tap(qtbot, find_button(window, "idle_continue"))
    fits(qtbot, window, size, "home again")
