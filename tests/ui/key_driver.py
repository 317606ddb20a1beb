"""A patient at the kiosk with a keyboard or a switch: every key goes where the kiosk's focus
is (`QApplication.focusWidget()`), never to a control picked by the test."""

from __future__ import annotations

import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.intake.typed_date import digits_for
from kiosk.ui.answers import ChoiceAnswer, ScaleAnswer
from kiosk.ui.number_answers import DateAnswer, DurationAnswer, NumberAnswer
from kiosk.ui.pain_map import PainMapAnswer
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.text_answer import TextAnswer
from kiosk.ui.window import KioskWindow

Key = Qt.Key
#: More presses than any screen has stops: a control not reached by then is unreachable.
MOST_PRESSES = 80
BIRTH = datetime.date(1968, 4, 12)


def at_the_kiosk(qtbot: QtBot, window: KioskWindow) -> KioskWindow:
    """The kiosk's window has the keys, as the only window of a kiosk does."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keys go nowhere"
    return widget


def focused_name() -> str:
    return focused().objectName()


def press(qtbot: QtBot, key: Key, shift: bool = False) -> None:
    """One key, to whatever has the focus; focus is never left on a hidden control."""
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()  # the screen is laid out and drawn before the next key
    assert focused().isVisible(), f"focus left on hidden {focused_name()}"
    assert not focused().visibleRegion().isEmpty(), f"{focused_name()} is scrolled out of sight"


def hold(key: Key) -> None:
    """A key held down: pressed, then repeated by the keyboard."""
    for repeated in (False, True, True):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "",
                          repeated)
        QApplication.sendEvent(focused(), event)
    QApplication.sendEvent(focused(), QKeyEvent(QEvent.Type.KeyRelease, key,
                                                Qt.KeyboardModifier.NoModifier))


def type_text(qtbot: QtBot, words: str) -> None:
    qtbot.keyClicks(focused(), words)


def move_to(qtbot: QtBot, name: str, key: Key = Key.Key_Tab) -> int:
    """Press `key` until `name` has the focus; how many presses it took."""
    for presses in range(MOST_PRESSES):
        if focused_name() == name:
            return presses
        press(qtbot, key)
    raise AssertionError(f"{key.name} never reaches {name} (stuck at {focused_name()})")


def question_screen(window: KioskWindow) -> QuestionScreen:
    screen = window.page("question")
    assert isinstance(screen, QuestionScreen)
    return screen


def choice_names(window: KioskWindow, plan: Any) -> list[str]:
    """The controls to choose for `plan` on the question on screen."""
    screen = question_screen(window)
    item, answer = screen.item, screen._answer
    assert item is not None
    if isinstance(answer, ScaleAnswer):
        return [f"scale_{item.id}_{plan}"]
    if isinstance(answer, (ChoiceAnswer, PainMapAnswer)):
        return [f"choice_{item.id}_{c}" for c in (plan if isinstance(plan, list) else [plan])]
    raise AssertionError(f"{item.id} is not answered by choosing")


def answer_by_keyboard(qtbot: QtBot, window: KioskWindow, plan: Any) -> None:
    """Answer the question on screen with a keyboard, then go on: typing where there is a box,
    the arrows and Space or Enter among choices, Tab to Next."""
    screen = question_screen(window)
    answer, asked = screen._answer, screen.item
    if isinstance(answer, TextAnswer):
        type_text(qtbot, str(plan or ""))
        press(qtbot, Key.Key_Return)  # Return in a text box goes on
        return
    if isinstance(answer, DateAnswer):
        type_text(qtbot, "".join(digits_for(BIRTH, answer.date_order)))
        press(qtbot, Key.Key_Return)
        return
    if isinstance(answer, DurationAnswer | NumberAnswer):
        number, _, unit = str(plan).partition("-")
        type_text(qtbot, number)
        if isinstance(answer, DurationAnswer):
            press(qtbot, Key.Key_Tab)
            assert asked is not None
            move_to(qtbot, f"duration_{asked.id}_{unit or 'months'}", Key.Key_Right)
            press(qtbot, Key.Key_Space)
    else:
        for index, name in enumerate(choice_names(window, plan)):
            move_to(qtbot, name, Key.Key_Down)
            press(qtbot, Key.Key_Space if index % 2 else Key.Key_Return)
    move_to(qtbot, "question_next")
    press(qtbot, Key.Key_Return)


def answer_by_switch(qtbot: QtBot, window: KioskWindow, plan: Any) -> None:
    """Answer with Tab and Enter alone: Tab to each key of a pad or each answer, Enter on it.
    (Letters for a name come from the switch user's own on-screen keyboard.)"""
    screen = question_screen(window)
    answer, asked = screen._answer, screen.item
    assert asked is not None
    if isinstance(answer, TextAnswer):
        type_text(qtbot, str(plan or ""))
        names: list[str] = []
    elif isinstance(answer, DateAnswer):
        names = [f"date_key_{d}" for d in digits_for(BIRTH, answer.date_order)]
    elif isinstance(answer, DurationAnswer):
        number, _, unit = str(plan).partition("-")
        names = [f"duration_{asked.id}_key_{d}" for d in number]
        names.append(f"duration_{asked.id}_{unit or 'months'}")
    else:
        names = choice_names(window, plan)
    for name in names:
        move_to(qtbot, name)
        press(qtbot, Key.Key_Return)
    if screen.item is asked and window.place.screen == "question":
        move_to(qtbot, "question_next")
        press(qtbot, Key.Key_Return)


def fill_questionnaire(qtbot: QtBot, window: KioskWindow, plan: dict[str, Any],
                       switch: bool = False) -> list[str]:
    """Answer question after question until the review opens; the ids asked."""
    asked: list[str] = []
    while window.place.screen == "question":
        item = question_screen(window).item
        assert item is not None and len(asked) < 60, "the questionnaire does not end"
        asked.append(item.id)
        (answer_by_switch if switch else answer_by_keyboard)(qtbot, window, plan.get(item.id))
        moved = window.place.screen != "question" or question_screen(window).item is not item
        assert moved, f"{item.id} did not go on"
    return asked
