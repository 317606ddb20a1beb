"""A whole visit without touching the screen: a keyboard (Tab and Shift+Tab between controls in
reading order, the arrows inside a group of answers, Space or Enter to choose), or a switch that
sends only Tab and Enter. Every key goes to the control that has the focus."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.intake.session import SubmittedVisit
from kiosk.ui.window import KioskWindow, Place
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.key_driver import (
    Key,
    at_the_kiosk,
    fill_questionnaire,
    focused,
    focused_name,
    hold,
    move_to,
    press,
    question_screen,
    type_text,
)
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import CANDIDATE

WORDS = {
    "en": {"sections": "Learn about the treatment", "review": "Check your answers",
           "send": "Send my answers", "thanks": "Thank you", "answer": "Lower back"},
    "es": {"sections": "Conozca el tratamiento", "review": "Revise sus respuestas",
           "send": "Enviar mis respuestas", "thanks": "Gracias", "answer": "Parte baja"},
}


def to_the_questions(qtbot: QtBot, window: KioskWindow) -> None:
    at_the_kiosk(qtbot, window)
    press(qtbot, Key.Key_Return)
    move_to(qtbot, "home_questionnaire")
    press(qtbot, Key.Key_Return)


def bar_after_next(window: KioskWindow) -> list[str]:
    """The bar's stops as a keyboard meets them, left to right (a group once)."""
    bar = window.bar
    names = ["bar_back", "bar_home"]
    names += [b.objectName() for b in (bar.read_aloud, bar.contrast) if b.isVisible()]
    return [*names, "bar_language_en", "bar_text_size_normal"]


def read_a_topic_and_go_to_the_questions(qtbot: QtBot, window: KioskWindow,
                                         language: str) -> None:
    at_the_kiosk(qtbot, window)
    press(qtbot, Key.Key_Space)  # any key starts, as a touch does
    assert window.place.screen == "home" and focused_name() == "home_learn"
    if language != "en":
        move_to(qtbot, f"bar_language_{language}")
        press(qtbot, Key.Key_Return)
        assert window.language == language and focused_name() == f"bar_language_{language}"
        move_to(qtbot, "home_learn")
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "sections" and WORDS[language]["sections"] in visible_text(
        window)
    first_tile = focused_name()
    assert first_tile.startswith("tile_"), "the first topic has the focus"
    press(qtbot, Key.Key_Enter)
    assert window.place.screen == "reader" and focused_name() == "reader_all"
    press(qtbot, Key.Key_Tab)
    text = focused()
    assert isinstance(text, QAbstractScrollArea), "the reading area is reached to scroll it"
    bar = text.verticalScrollBar()
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Space)
    assert bar.value() > bar.singleStep(), "the arrows scroll, Space turns the page"
    topic = window.place.section_id
    move_to(qtbot, "reader_next")
    press(qtbot, Key.Key_Return)
    assert window.place.section_id != topic and focused_name() == "reader_all"
    move_to(qtbot, "reader_questions")
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "question"


@pytest.mark.parametrize(("language", "size", "text_size"), [
    ("en", (1280, 800), "normal"), ("es", (800, 1280), "largest")])
def test_a_whole_visit_by_keyboard_alone(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, language: str,
        size: tuple[int, int], text_size: str) -> None:
    window = make_window(with_kiosk(loaded, text_size=text_size), size=size)
    read_a_topic_and_go_to_the_questions(qtbot, window, language)
    assert focused_name() == "text_first-name", "typing goes straight into the first box"
    asked = fill_questionnaire(qtbot, window, CANDIDATE)
    assert window.visit is not None
    kinds = {item.type for item in window.visit.questionnaire.items() if item.id in asked}
    assert kinds >= {"text", "date", "duration", "multiple", "scale", "yesno", "single"}
    assert window.place.screen == "review"
    shown = visible_text(window)
    for words in (WORDS[language]["review"], "Ana", "Example", "1968",
                  WORDS[language]["answer"]):
        assert words in shown
    assert focused_name().startswith("review_"), "the first answer has the focus"
    move_to(qtbot, "review_send")
    assert focused().accessibleName() == WORDS[language]["send"]
    with qtbot.waitSignal(window.visit_submitted) as sent:
        press(qtbot, Key.Key_Return)
    visit = sent.args[0]
    assert isinstance(visit, SubmittedVisit) and visit.answers["pain-duration"] == 24
    assert visit.answers["pain-now"] == 6
    assert visit.answers["pain-location"] == ("lower-back-centre",)
    assert window.place.screen == "thanks" and WORDS[language]["thanks"] in visible_text(window)
    assert focused_name() == "thanks_done"
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "attract"


def test_a_switch_with_tab_and_enter_alone_completes_a_visit(
        qtbot: QtBot, window: KioskWindow) -> None:
    at_the_kiosk(qtbot, window)
    press(qtbot, Key.Key_Tab)  # the switch's first press starts the visit
    move_to(qtbot, "home_questionnaire")
    press(qtbot, Key.Key_Return)
    fill_questionnaire(qtbot, window, CANDIDATE, switch=True)
    assert window.visit is not None
    assert window.visit.answers["saddle-numbness"] == "no", "Tab reaches every answer"
    assert window.visit.answers["pain-now"] == 6 and window.visit.answers["pain-duration"] == 24
    move_to(qtbot, "review_send")
    with qtbot.waitSignal(window.visit_submitted):
        press(qtbot, Key.Key_Return)
    assert window.place.screen == "thanks"


def test_tab_follows_reading_order_and_a_group_of_answers_is_one_stop_once_arrows_are_used(
        qtbot: QtBot, window: KioskWindow) -> None:
    to_the_questions(qtbot, window)
    question_screen(window).open("saddle-numbness")
    assert focused_name() == "choice_saddle-numbness_yes", "the answers first"
    press(qtbot, Key.Key_Tab)
    assert focused_name() == "choice_saddle-numbness_no", "before any arrow, Tab visits each"
    press(qtbot, Key.Key_Down)
    assert focused_name() == "choice_saddle-numbness_unsure"
    assert window.visit is not None and "saddle-numbness" not in window.visit.answers, \
        "moving over an answer chooses nothing"
    press(qtbot, Key.Key_Down)
    assert focused_name() == "choice_saddle-numbness_yes", "the arrows go round the group"
    press(qtbot, Key.Key_Up)
    press(qtbot, Key.Key_Return)
    assert window.visit.answers["saddle-numbness"] == "unsure"
    words = question_screen(window).findChild(QAbstractScrollArea, "question_words_scroll")
    assert words is not None
    first = ["question_words_scroll"] if words.verticalScrollBar().maximum() else []
    order = []
    for _ in range(len(bar_after_next(window)) + 2 + len(first)):
        press(qtbot, Key.Key_Tab)
        order.append(focused_name())
    assert order == ["question_next", *bar_after_next(window), *first,
                     "choice_saddle-numbness_unsure"], "the words that scroll, then the answers"
    for name in [*first, *reversed(bar_after_next(window)), "question_next",
                 "choice_saddle-numbness_unsure"]:
        press(qtbot, Key.Key_Tab, shift=True)
        assert focused_name() == name, "Shift+Tab goes back the same way"


def test_going_back_starts_at_the_answer_given_and_a_held_enter_presses_once(
        qtbot: QtBot, window: KioskWindow) -> None:
    to_the_questions(qtbot, window)
    question_screen(window).open("saddle-numbness")
    move_to(qtbot, "choice_saddle-numbness_no", Key.Key_Right)
    press(qtbot, Key.Key_Space)
    move_to(qtbot, "question_next")
    hold(Key.Key_Return)
    screen = question_screen(window)
    assert screen.item is not None and screen.item.id == "bladder-problems", "one step only"
    assert focused_name() == "choice_bladder-problems_yes"
    move_to(qtbot, "bar_back")
    press(qtbot, Key.Key_Return)
    assert screen.item is not None and screen.item.id == "saddle-numbness"
    assert focused_name() == "choice_saddle-numbness_no", "the chosen answer has the focus"


def test_one_tap_answers_move_on_by_themselves_from_the_keyboard_too(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=0.05))
    to_the_questions(qtbot, window)
    screen = question_screen(window)
    screen.open("pain-now")
    move_to(qtbot, "scale_pain-now_4", Key.Key_Right)
    with qtbot.waitSignal(screen.pause.timeout):
        press(qtbot, Key.Key_Return)
    assert screen.item is not None and screen.item.id == "pain-worst"
    assert focused_name() == "scale_pain-worst_0", "the next question's answers have the keys"
    assert window.visit is not None and window.visit.answers["pain-now"] == 4


def test_after_a_touch_no_answer_looks_picked_and_the_first_key_shows_the_way(
        qtbot: QtBot, window: KioskWindow) -> None:
    at_the_kiosk(qtbot, window)
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    question_screen(window).open("saddle-numbness")
    assert focused() is window.page("question"), "no control has the keys after a touch"
    press(qtbot, Key.Key_Return)
    assert focused_name() == "choice_saddle-numbness_yes"
    assert window.visit is not None and "saddle-numbness" not in window.visit.answers
    tap(qtbot, find_button(window, "choice_saddle-numbness_no"))
    assert not isinstance(focused(), QAbstractButton), "no control looks picked after a touch"
    press(qtbot, Key.Key_Return)
    assert focused_name() == "choice_saddle-numbness_no", "the first key shows where it is"
    question_screen(window).open("last-name")
    assert focused_name() == "text_last-name", "a text box still takes the keys at once"


def test_the_idle_warning_answered_by_keyboard_returns_to_the_same_box(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, idle_seconds=0.2, warning_seconds=600.0))
    to_the_questions(qtbot, window)
    type_text(qtbot, "Ana")
    qtbot.waitUntil(lambda: window.place.screen == "idle_warning")
    assert focused_name() == "idle_continue"
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "question" and focused_name() == "text_first-name"
    field = focused()
    assert isinstance(field, QLineEdit) and field.text() == "Ana"


def test_the_urgent_screen_by_keyboard(qtbot: QtBot, window: KioskWindow) -> None:
    to_the_questions(qtbot, window)
    question_screen(window).open("saddle-numbness")
    press(qtbot, Key.Key_Return)  # "Yes"
    move_to(qtbot, "question_next")
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "urgent" and focused_name() == "urgent_staff"
    press(qtbot, Key.Key_Tab)
    assert focused_name() == "urgent_staff", "nothing else to reach: the bar is not shown"
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "question", "staff take over, and the questions go on"


ESCAPES: dict[str, Any] = {"first-name": "Ana", "birth-date": "0412", "pain-duration": "2"}


def test_escape_changes_nothing_on_any_screen(qtbot: QtBot, window: KioskWindow) -> None:
    def escape_changes_nothing() -> None:
        place, language = window.place, window.language
        answers = dict(window.visit.answers) if window.visit is not None else None
        keys = focused()
        shown = visible_text(window)
        press(qtbot, Key.Key_Escape)
        assert (window.place, window.language) == (place, language)
        assert (dict(window.visit.answers) if window.visit is not None else None) == answers
        assert focused() is keys and visible_text(window) == shown

    at_the_kiosk(qtbot, window)
    escape_changes_nothing()  # the attract loop
    press(qtbot, Key.Key_Return)
    for screen in ("home", "sections", "reader"):
        assert window.place.screen == screen
        escape_changes_nothing()
        if screen != "reader":
            press(qtbot, Key.Key_Return)
    move_to(qtbot, "reader_questions")
    press(qtbot, Key.Key_Return)
    for item_id in ("first-name", "birth-date", "pain-duration", "pain-location", "pain-now"):
        question_screen(window).open(item_id)
        if item_id in ESCAPES:
            type_text(qtbot, ESCAPES[item_id])
        escape_changes_nothing()
    window.start_questionnaire()
    question_screen(window).open("saddle-numbness")
    press(qtbot, Key.Key_Return)
    move_to(qtbot, "question_next")
    press(qtbot, Key.Key_Return)
    assert window.place.screen == "urgent"
    escape_changes_nothing()
    for name in ("idle_warning", "review", "thanks"):
        window.go(Place(name))
        escape_changes_nothing()


def test_the_date_by_keyboard_follows_the_field_being_typed_and_takes_the_whole_year(
        qtbot: QtBot, window: KioskWindow) -> None:
    to_the_questions(qtbot, window)
    question_screen(window).open("birth-date")
    assert focused_name() == "date_month"
    type_text(qtbot, "04")
    assert focused_name() == "date_day", "the keys follow the field being typed"
    type_text(qtbot, "1252")
    century = find_button(window, "date_century")
    assert century.isVisible()
    press(qtbot, Key.Key_Tab)
    assert focused() is century, "“Did you mean 1952?” comes next in reading order"
    press(qtbot, Key.Key_Return)
    assert focused_name() == "date_year" and "1952" in visible_text(window)
    press(qtbot, Key.Key_Return)  # Return in the date's fields goes on
    assert window.visit is not None and str(window.visit.answers["birth-date"]) == "1952-04-12"
