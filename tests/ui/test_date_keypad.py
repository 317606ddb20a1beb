"""The date of birth typed on the number pad, tapped key by key as a patient would."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.intake.session import IntakeSession
from kiosk.intake.typed_date import DateOrder
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.number_answers import DateAnswer
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import find_button, shown_alone, tap
from tests.ui.screen_text import visible_text

TODAY = datetime.date(2025, 6, 15)
DateFactory = Callable[..., DateAnswer]


@pytest.fixture
def make_date(qtbot: QtBot, loaded: Loaded) -> DateFactory:
    """A shown date of birth answer in the clinic's order and a language, today being TODAY."""

    def make(order: DateOrder = "mdy", language: str = "en") -> DateAnswer:
        widget = DateAnswer(loaded.content.questionnaire.item("birth-date"), TODAY, order)
        shown_alone(qtbot, widget, loaded.content.words(language), (900, 800))
        return widget

    return make


def press(qtbot: QtBot, widget: DateAnswer, keys: str) -> int:
    """Tap the digit keys in `keys` ("x" is the delete key); returns how many taps it took."""
    for key in keys:
        pad = widget.keypad.pad
        tap(qtbot, pad.delete if key == "x" else pad.keys[key])
    return len(keys)


def laid_out(scroll: QScrollArea) -> None:
    page = scroll.widget()
    assert page is not None and page.height() >= page.minimumSizeHint().height()


def wait_laid_out(qtbot: QtBot, answer: QWidget) -> None:
    """Let the question's page take the room its answer asks, as it has by the time a finger
    reaches a key low on the pad (the layouts' posted requests only: no timer runs, so an
    idle time of a few milliseconds does not run out in between)."""
    scroll = answer.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    assert scroll is not None
    for _ in range(3):  # a page laid out asks its scroll area to lay out in turn
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    laid_out(scroll)
    assert answer.height() >= answer.minimumSizeHint().height()


def fields(widget: DateAnswer) -> dict[str, str]:
    return {name: box.text() for name, box in widget.keypad.fields.items()}


def test_a_fresh_date_shows_no_digits_and_has_no_value(make_date: DateFactory) -> None:
    widget = make_date()
    assert widget.value() is None
    assert all(not any(c.isdigit() for c in shown) for shown in fields(widget).values())
    shown = visible_text(widget)
    assert "Month" in shown and "Day" in shown and "Year" in shown
    assert "Type your date of birth with the number keys." in shown
    assert "1970" not in shown


@pytest.mark.parametrize(("order", "keys"), [("mdy", "412"), ("dmy", "124")])
def test_a_72_year_olds_date_takes_at_most_8_taps(
        qtbot: QtBot, make_date: DateFactory, order: DateOrder, keys: str) -> None:
    widget = make_date(order)
    taps = press(qtbot, widget, keys + "52")  # April 12, 1952 (72 on TODAY)
    assert "Did you mean 1952?" in visible_text(widget)
    tap(qtbot, widget.keypad.century)
    taps += 1
    assert taps <= 8
    assert widget.value() == datetime.date(1952, 4, 12)
    assert fields(widget) == {"month": "04", "day": "12", "year": "1952"}


def test_the_fields_stand_in_the_clinics_order(make_date: DateFactory) -> None:
    for order, first in (("mdy", "month"), ("dmy", "day"), ("ymd", "year")):
        widget = make_date(order)
        boxes = widget.keypad.fields
        assert min(boxes.values(), key=lambda box: box.mapToGlobal(box.rect().topLeft()).x()
                   ) is boxes[first], order


def test_four_digits_of_the_year_need_no_suggestion(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("dmy", "es")
    press(qtbot, widget, "31121949")
    assert widget.value() == datetime.date(1949, 12, 31)
    assert "¿Quiso decir" not in visible_text(widget)
    assert "Día" in visible_text(widget)


def test_a_month_above_12_is_refused_and_said(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "13")
    assert fields(widget)["month"] == "1\u2013", "the 3 was not taken"
    assert "That date does not exist." in visible_text(widget)
    press(qtbot, widget, "1")
    assert fields(widget)["month"] == "11"
    assert "That date does not exist." not in visible_text(widget)


def test_31_february_is_not_a_date(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "0231")
    assert "That date does not exist. Please check the day and the month." in visible_text(widget)
    press(qtbot, widget, "1960")
    assert widget.value() is None
    assert "That date does not exist." in visible_text(widget)


def test_29_february_only_in_a_leap_year(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "02291961")
    assert widget.value() is None and "That date does not exist." in visible_text(widget)
    press(qtbot, widget, "xx60")
    assert widget.value() == datetime.date(1960, 2, 29)


def test_a_date_to_come_is_refused(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "07012025")
    assert widget.value() is None
    assert "That date has not come yet. Please check the year." in visible_text(widget)


def test_a_year_before_1900_asks_to_check_the_year(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy", "es")
    press(qtbot, widget, "01011899")
    assert widget.value() is None
    assert "Escriba los cuatro números del año." in visible_text(widget)


def test_the_century_is_the_latest_that_is_not_to_come(
        qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "010119")
    assert "Did you mean 2019?" in visible_text(widget)
    press(qtbot, widget, "x7")
    assert "Did you mean 2017?" in visible_text(widget)
    press(qtbot, widget, "53")
    assert "Did you mean" not in visible_text(widget), "a whole year needs no suggestion"
    assert widget.value() is None, "1753"
    assert "Please type all four numbers of the year." in visible_text(widget)
    later = make_date("mdy")
    press(qtbot, later, "122025")
    assert "Did you mean 1925?" in visible_text(later), "20 December 2025 is still to come"


def test_delete_goes_back_into_the_field_before(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "4")
    assert fields(widget)["month"] == "04" and widget.keypad.fields["day"].isChecked()
    press(qtbot, widget, "x")
    assert fields(widget)["month"] == "\u2013\u2013", "a month typed as one digit goes whole"
    assert widget.keypad.fields["month"].isChecked()
    press(qtbot, widget, "1")
    press(qtbot, widget, "x")
    press(qtbot, widget, "x")  # nothing before the first field
    assert widget.value() is None and fields(widget)["month"] == "\u2013\u2013"


def test_a_tap_on_a_field_types_it_again(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "04121952")
    tap(qtbot, widget.keypad.fields["day"])
    assert widget.value() is None and fields(widget)["day"] == "\u2013\u2013"
    press(qtbot, widget, "21")
    assert widget.value() == datetime.date(1952, 4, 21)
    press(qtbot, widget, "5")  # every field is full: the key does nothing
    assert widget.value() == datetime.date(1952, 4, 21)


def test_every_key_and_field_is_named_and_big(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    press(qtbot, widget, "4")
    keypad = widget.keypad
    assert keypad.fields["month"].accessibleName() == "Month, 0 4"
    assert keypad.fields["day"].accessibleName() == "Day"
    assert keypad.pad.delete.accessibleName() == "Delete"
    assert keypad.pad.keys["7"].accessibleName() == "7"
    for key in [*keypad.pad.keys.values(), keypad.pad.delete]:
        assert key.height() >= 56 and key.width() >= 56


def test_coming_back_shows_the_date_given(make_date: DateFactory) -> None:
    widget = make_date("dmy")
    widget.set_value(datetime.date(1952, 4, 12))
    assert fields(widget) == {"day": "12", "month": "04", "year": "1952"}
    assert widget.value() == datetime.date(1952, 4, 12)
    assert "Did you mean" not in visible_text(widget)


def test_every_key_reports_a_change(qtbot: QtBot, make_date: DateFactory) -> None:
    widget = make_date("mdy")
    with qtbot.waitSignal(widget.changed):
        press(qtbot, widget, "1")


def birth_date_question(qtbot: QtBot, window: KioskWindow
                        ) -> tuple[IntakeSession, QuestionScreen, AnswerWidget | None]:
    """The questions begun by touch, then the date of birth opened."""
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    session = window.visit
    assert session is not None
    question = window.page("question")
    assert isinstance(question, QuestionScreen)
    question.open("birth-date")
    return session, question, question._answer


def test_the_typed_date_is_what_next_accepts(qtbot: QtBot, window: KioskWindow) -> None:
    session, question, widget = birth_date_question(qtbot, window)
    assert isinstance(widget, DateAnswer)
    tap(qtbot, find_button(window, "question_next"))
    assert "Please answer this question" in visible_text(window), "nothing is pre-filled"
    wait_laid_out(qtbot, widget)  # the message under the answer took its room
    press(qtbot, widget, "04121952")
    tap(qtbot, find_button(window, "question_next"))
    assert session.answers["birth-date"] == datetime.date(1952, 4, 12)
    assert question.item is not None and question.item.id != "birth-date"
    tap(qtbot, find_button(window, "bar_back"))
    assert "1952" in visible_text(window) and "04" in visible_text(window)


def test_a_keyboard_types_the_date_and_return_goes_on(qtbot: QtBot, window: KioskWindow) -> None:
    """Staff helping from a USB keyboard, or a patient who cannot use the screen: the digits,
    Backspace and Return do what the pad's keys and Next do."""
    session, question, widget = birth_date_question(qtbot, window)
    assert isinstance(widget, DateAnswer) and widget.hasFocus(), "the question takes the keys"
    qtbot.keyClicks(widget, "04121953")  # a slip of the finger on the last digit
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, "2")
    assert [widget.keypad.shown(field) for field in ("month", "day", "year")] == \
        ["04", "12", "1952"]
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert session.answers["birth-date"] == datetime.date(1952, 4, 12)
    assert question.item is not None and question.item.id == "pain-duration"
