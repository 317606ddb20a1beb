"""A patient answers the questionnaire by touch: a whole visit, the urgent interrupt, changing an
answer on the review list, and the idle wipe in the middle of the questions."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.model import Loaded
from kiosk.intake.session import SubmittedVisit
from kiosk.intake.typed_date import digits_for
from kiosk.ui.answers import ChoiceAnswer, ScaleAnswer
from kiosk.ui.number_answers import DateAnswer, DurationAnswer
from kiosk.ui.pain_map import PainMapAnswer
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.text_answer import TextAnswer
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.layout_wrappers import layout_item_wrappers
from tests.ui.screen_text import visible_text
from tests.ui.test_date_keypad import wait_laid_out
from tests.ui.test_pain_map import tap_region

#: An invented patient who looks like a likely candidate; what they touch, question by question.
CANDIDATE: dict[str, Any] = {
    "first-name": "Ana", "last-name": "Example", "birth-date": "year-2",
    "pain-duration": "2-years", "pain-location": ["lower-back-centre"], "pain-now": 6,
    "pain-worst": 8,
    "saddle-numbness": "no", "bladder-problems": "no", "bowel-control": "no",
    "leg-weakness-worse": "no", "both-legs-symptoms": "no", "fever-or-infection": "no",
    "weight-loss": "no", "fall-or-accident": "no", "thin-bones": "no",
    "long-term-steroids": "no", "immune-weakening-medicine": "no", "injected-drugs": "no",
    "new-or-changed-pain": "no", "night-pain": "no", "diagnoses": ["ddd"], "had-mri": "no",
    "treatments-tried": ["physio", "injections"], "physio-helped": "short",
    "injections-helped": "short", "surgery-recommended": "yes",
    "pain-medicines-now": ["paracetamol"], "cancer-history": "no",
    "active-infection": "no", "serious-illness": "no", "spinal-deformity": "no",
    "blood-thinners": "no", "medicine-allergies": "no", "smoking": "never",
    "goals": ["avoid-surgery"],
}


def question_screen(window: KioskWindow) -> QuestionScreen:
    screen = window.page("question")
    assert isinstance(screen, QuestionScreen)
    return screen


def touch_answer(qtbot: QtBot, window: KioskWindow, plan: Any) -> None:
    """Answer the question on screen the way a finger would."""
    widget = question_screen(window)._answer
    if isinstance(widget, ChoiceAnswer):
        for choice in plan if isinstance(plan, list) else [plan]:
            tap(qtbot, widget.buttons[choice])
    elif isinstance(widget, ScaleAnswer):
        tap(qtbot, widget.buttons[plan])
    elif isinstance(widget, PainMapAnswer):
        wait_laid_out(qtbot, widget)
        for region in plan:
            tap_region(qtbot, widget, region)
    elif isinstance(widget, TextAnswer):
        field = widget.field
        field.setFocus()
        qtbot.keyClicks(field, plan)
    elif isinstance(widget, DateAnswer):  # a date, or any birth date for a plan in words
        born = plan if isinstance(plan, datetime.date) else datetime.date(1968, 4, 12)
        wait_laid_out(qtbot, widget)
        for digit in digits_for(born, widget.date_order):
            tap(qtbot, widget.keypad.pad.keys[digit])
    elif isinstance(widget, DurationAnswer):  # "2-years", "5-months"
        number, unit = str(plan).split("-")
        wait_laid_out(qtbot, widget)
        tap(qtbot, widget.years if unit.startswith("year") else widget.months)
        for digit in number:
            tap(qtbot, widget.typed.pad.keys[digit])


def next_question(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, find_button(window, "question_next"))


def answer_until(qtbot: QtBot, window: KioskWindow, plan: dict[str, Any], stop: str) -> None:
    """Answer question after question until the screen shows `stop` (a screen or item id)."""
    for _ in range(60):
        if window.place.screen != "question":
            assert window.place.screen == stop, f"ended on {window.place.screen}"
            return
        item = question_screen(window).item
        assert item is not None
        if item.id == stop:
            return
        if item.id in plan:
            touch_answer(qtbot, window, plan[item.id])
        next_question(qtbot, window)
    raise AssertionError("the questionnaire did not end")


def begin(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    assert window.place.screen == "question"


def test_a_whole_visit_by_touch_ends_with_thanks_and_no_verdict(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    assert "Part 1 of 8: About you" in visible_text(window)
    assert "What is your first name?" in visible_text(window)
    answer_until(qtbot, window, CANDIDATE, "review")
    shown = visible_text(window)
    assert "Check your answers" in shown and "Ana" in shown and "Example" in shown
    assert "Did physical therapy help your pain?" in shown
    assert "Did pain medicine help" not in shown, "a question not asked is not listed"
    assert "You cannot change them on this screen after you send them." in shown
    for size in ("largest", "normal"):  # the review's columns laid out again, twice
        window.set_text_size(size)
    with qtbot.waitSignal(window.visit_submitted) as submitted:
        tap(qtbot, find_button(window, "review_send"))
    visit = submitted.args[0]
    assert isinstance(visit, SubmittedVisit)
    assert visit.outcome.category == "likely-candidate"
    assert visit.answers["first-name"] == "Ana" and visit.answers["pain-duration"] == 24
    assert window.place.screen == "thanks"
    shown = visible_text(window)
    assert "Thank you" in shown
    for verdict in ("candidate", "suitable", "eligible", "not right for you"):
        assert verdict not in shown.lower()
    assert window.visit is None, "the answers leave the screen's memory once sent"
    tap(qtbot, find_button(window, "thanks_done"))
    assert window.place.screen == "attract"
    assert layout_item_wrappers() == [], "no stand-in of a layout item outlives it"


def test_a_required_question_says_so_instead_of_moving_on(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    next_question(qtbot, window)
    assert "Please answer this question to go on." in visible_text(window)
    assert question_screen(window).item is not None
    assert question_screen(window).item.id == "first-name"  # type: ignore[union-attr]


def test_urgent_answer_sends_the_patient_to_the_desk_at_once(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    answer_until(qtbot, window, {**CANDIDATE, "saddle-numbness": "yes"}, "urgent")
    shown = visible_text(window)
    assert "Please go to the front desk now" in shown
    assert "If no one is at the desk, call 911." in shown
    assert "numbness" not in shown.lower(), "the screen does not show the answer to others"
    assert not window.bar.isVisible()
    window.idle.idle.emit()  # the patient walked to the desk and nobody touches the screen
    assert window.place.screen == "urgent", "the urgent screen is not wiped by the idle timer"
    tap(qtbot, find_button(window, "urgent_staff"))
    assert window.place.screen == "question"
    assert question_screen(window).item.id == "bladder-problems"  # type: ignore[union-attr]
    assert window.visit is not None and window.visit.outcome().category == "urgent"


def test_urgent_screen_in_spanish(qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    tap(qtbot, find_button(window, "bar_language_es"))
    answer_until(qtbot, window, {**CANDIDATE, "bowel-control": "yes"}, "urgent")
    shown = visible_text(window)
    assert "Por favor, vaya ahora a la recepción" in shown and "llame al 911" in shown


def test_changing_an_answer_on_the_review_list_redoes_the_branching(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "review")
    tap(qtbot, find_button(window, "review_treatments-tried"))
    assert window.place.screen == "question"
    widget = question_screen(window)._answer
    assert isinstance(widget, ChoiceAnswer)
    tap(qtbot, widget.buttons["physio"])
    tap(qtbot, widget.buttons["medicines"])
    tap(qtbot, find_button(window, "question_next"))
    assert window.place.screen == "review"
    shown = visible_text(window)
    assert "Did physical therapy help your pain?" not in shown
    assert "Did pain medicine help your pain?" in shown and "Not answered" in shown
    assert window.visit is not None and "physio-helped" not in window.visit.answers
    tap(qtbot, find_button(window, "review_send"))
    assert window.place.screen == "question"
    assert question_screen(window).item.id == "medicines-helped"  # type: ignore[union-attr]
    assert "Please answer this question to go on." in visible_text(window)


def test_back_steps_through_earlier_questions_then_home(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "birth-date")
    tap(qtbot, find_button(window, "bar_back"))
    field = window.findChild(QLineEdit, "text_last-name")
    assert field is not None and field.text() == "Example"
    tap(qtbot, find_button(window, "bar_back"))
    tap(qtbot, find_button(window, "bar_back"))
    assert window.place.screen == "home"


def test_idle_in_the_middle_of_the_questions_wipes_every_answer(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, animations=False, idle_seconds=600.0,
                                    auto_advance_seconds=0.0,
                                    warning_seconds=0.05))
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "pain-now")
    with qtbot.waitSignal(window.wiped, timeout=5000):
        window.idle.set_seconds(0.05)  # the patient walks away: nobody touches the screen
    assert window.place.screen == "attract" and window.visit is None
    assert not window.findChildren(QPushButton, "review_send")
    tap(qtbot, window.page("attract"))
    assert not find_button(window, "bar_back").isEnabled(), "Back cannot reveal anything"
    tap(qtbot, find_button(window, "home_questionnaire"))
    field = window.findChild(QLineEdit, "text_first-name")
    assert field is not None and field.text() == "", "the next patient starts afresh"
    assert "Part 1 of 8: About you" in visible_text(window)


def test_every_answer_control_is_big_enough_and_named(qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    seen: set[str] = set()
    for _ in range(40):
        if window.place.screen != "question":
            break
        item = question_screen(window).item
        assert item is not None
        for control in window.page("question").findChildren(QPushButton):
            if control.isVisible():
                assert control.height() >= 48 and control.width() >= 48, control.objectName()
                assert control.objectName() and control.accessibleName(), control.objectName()
        seen.add(item.type)
        if item.id in CANDIDATE:
            touch_answer(qtbot, window, CANDIDATE[item.id])
        next_question(qtbot, window)
    assert {"text", "date", "duration", "multiple", "scale", "yesno", "single"} <= seen


def test_a_sent_visit_is_on_disk_before_the_thank_you_shows(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    """The thank-you tells the patient what is true when it shows: the answers are kept for
    the specialist; the summary is still waiting for the desk's printer, so nothing says it
    was sent."""
    store = keep_visits(window, window._loaded, tmp_path / "visits.sqlite3")
    saved_when_thanked: list[int] = []
    window.place_changed.connect(
        lambda screen: saved_when_thanked.append(len(store.visits())) if screen == "thanks"
        else None)
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "review")
    tap(qtbot, find_button(window, "review_send"))
    assert saved_when_thanked == [1]
    assert [job.kind for job in store.jobs("queued")] == ["summary"]
    shown = visible_text(window.page("thanks"))
    assert "Your answers are saved for the specialist." in shown
    assert "sent" not in shown.lower()
