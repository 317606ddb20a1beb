"""What assistive technology hears of an answer: what kind of choice it is (one of a list, or
any of a list), whether it is chosen, and its words and question in the language on screen."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.window import KioskWindow
from tests.ui.conftest import find_button
from tests.ui.key_driver import Key, at_the_kiosk, move_to, press, question_screen, type_text

Role = QAccessible.Role


def heard(control: QWidget) -> tuple[Role, bool, bool, str, str]:
    """Role, checkable, checked, name and description, as a screen reader gets them."""
    told = QAccessible.queryAccessibleInterface(control)
    assert told is not None
    state = told.state()
    return (told.role(), bool(state.checkable), bool(state.checked),
            told.text(QAccessible.Text.Name), told.text(QAccessible.Text.Description))


def test_answers_say_their_kind_whether_chosen_and_their_words_in_spanish(
        qtbot: QtBot, window: KioskWindow) -> None:
    at_the_kiosk(qtbot, window)
    press(qtbot, Key.Key_Return)
    move_to(qtbot, "bar_language_es")
    press(qtbot, Key.Key_Return)
    move_to(qtbot, "home_questionnaire")
    press(qtbot, Key.Key_Return)
    screen = question_screen(window)

    screen.open("saddle-numbness")
    yes, no = (find_button(window, f"choice_saddle-numbness_{c}") for c in ("yes", "no"))
    role, checkable, checked, name, description = heard(no)
    assert (role, checkable, checked, name) == (Role.RadioButton, True, False, "No")
    assert description.startswith("¿Tiene adormecimiento nuevo")
    move_to(qtbot, "choice_saddle-numbness_no", Key.Key_Down)
    press(qtbot, Key.Key_Space)
    assert heard(no)[2] and not heard(yes)[2], "the chosen answer says so, the others not"
    assert heard(yes)[3] == "Sí"

    screen.open("treatments-tried")
    box = find_button(window, "choice_treatments-tried_physio")
    assert heard(box)[:3] == (Role.CheckBox, True, False), "pick any: a check box"
    move_to(qtbot, "choice_treatments-tried_physio", Key.Key_Down)
    press(qtbot, Key.Key_Return)
    assert heard(box)[2]

    screen.open("pain-now")
    assert heard(find_button(window, "scale_pain-now_7"))[:3] == (Role.RadioButton, True, False)

    screen.open("pain-duration")
    type_text(qtbot, "3")
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Return)
    months = find_button(window, "duration_pain-duration_months")
    assert heard(months)[:3] == (Role.RadioButton, True, True)
    assert heard(months)[3] == "Meses"
    typed = find_button(window, "duration_pain-duration_typed")
    assert heard(typed)[3] == "3" and heard(typed)[4].startswith("¿Desde hace cuánto tiempo")
