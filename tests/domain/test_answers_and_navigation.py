"""What a patient may answer to each kind of question, and how Next, Back, the progress line
and Send behave in the shipped questionnaire."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest

from kiosk.content.loader import Loaded
from kiosk.content.simulate import read_answers
from kiosk.decoding.errors import ContentError
from kiosk.intake.answers import AnswerInvalid, checked
from kiosk.intake.questionnaire import Item
from kiosk.intake.session import AnswerRequired, IntakeSession
from tests.conftest import ROOT

TODAY = datetime.date(2025, 6, 1)
LIKELY_CANDIDATE = ROOT / "resources" / "examples" / "likely-candidate.yaml"


def session_of(shipped: Loaded) -> IntakeSession:
    session = IntakeSession(shipped.content.questionnaire, shipped.content.rules, today=TODAY)
    session.start()
    return session


def check(shipped: Loaded, item_id: str, value: Any) -> Any:
    return checked(shipped.content.questionnaire.item(item_id), value, TODAY)


def refusal(shipped: Loaded, item_id: str, value: Any) -> str:
    with pytest.raises(AnswerInvalid) as refused:
        check(shipped, item_id, value)
    assert refused.value.item.id == item_id
    return refused.value.reason


def answer_all(session: IntakeSession, shipped: Loaded) -> None:
    """Every answer of the likely-candidate example, in questionnaire order."""
    errors: list[ContentError] = []
    answers, _ = read_answers(LIKELY_CANDIDATE, shipped.content, errors)
    assert errors == []
    for item in shipped.content.questionnaire.items():
        if item.id in answers:
            session.answer(item.id, answers[item.id])


# -- answers ----------------------------------------------------------------------------------

def test_typed_names_keep_single_spaces_only(shipped: Loaded) -> None:
    assert check(shipped, "first-name", "  Maria   José ") == "Maria José"


@pytest.mark.parametrize("value", ["", "   ", 42, None])
def test_an_empty_name_is_refused(shipped: Loaded, value: Any) -> None:
    assert refusal(shipped, "first-name", value) == "empty"


def test_a_name_longer_than_the_box_allows_is_refused(shipped: Loaded) -> None:
    assert shipped.content.questionnaire.item("first-name").max_length == 40
    assert check(shipped, "first-name", "A" * 40) == "A" * 40
    assert refusal(shipped, "first-name", "A" * 41) == "too-long"


@pytest.mark.parametrize(("item_id", "value"), [
    ("saddle-numbness", "maybe"),
    ("saddle-numbness", "prefer-not"),  # only injected-drugs offers "I'd rather tell the doctor"
    ("saddle-numbness", "none"),
    ("physio-helped", "yes"),           # a single question offers its own options only
    ("smoking", "unsure"),
])
def test_a_choice_that_is_not_on_the_screen_is_refused(shipped: Loaded, item_id: str,
                                                       value: str) -> None:
    assert refusal(shipped, item_id, value) == "not-an-option"


def test_not_sure_is_refused_where_the_question_does_not_offer_it() -> None:
    plain = Item(id="consent", type="yesno", required=True)
    assert checked(plain, "yes", TODAY) == "yes"
    with pytest.raises(AnswerInvalid) as refused:
        checked(plain, "unsure", TODAY)
    assert refused.value.reason == "not-an-option"


@pytest.mark.parametrize(("item_id", "value", "stored"), [
    ("saddle-numbness", "unsure", "unsure"),
    ("saddle-numbness", True, "yes"),
    ("injected-drugs", "prefer-not", "prefer-not"),
    ("physio-helped", "no", "no"),
])
def test_each_offered_choice_is_taken(shipped: Loaded, item_id: str, value: Any,
                                      stored: str) -> None:
    assert check(shipped, item_id, value) == stored


def test_none_of_these_cannot_be_picked_with_other_options(shipped: Loaded) -> None:
    assert refusal(shipped, "treatments-tried", ["none", "physio"]) == "none-with-others"
    assert check(shipped, "treatments-tried", ["none"]) == ("none",)


def test_picked_options_are_kept_in_screen_order_once_each(shipped: Loaded) -> None:
    picked = ["surgery", "physio", "injections", "physio"]
    assert check(shipped, "treatments-tried", picked) == ("physio", "injections", "surgery")
    assert check(shipped, "treatments-tried", "medicines") == ("medicines",)


@pytest.mark.parametrize(("value", "reason"), [([], "empty"), (["yoga"], "not-an-option")])
def test_no_pick_or_an_unknown_pick_is_refused(shipped: Loaded, value: list[str],
                                               reason: str) -> None:
    assert refusal(shipped, "treatments-tried", value) == reason


@pytest.mark.parametrize(("value", "reason"), [
    (11, "out-of-range"), (-1, "out-of-range"), (5.5, "wrong-type"), ("5", "wrong-type"),
    (True, "wrong-type"), (float("nan"), "wrong-type"), (float("inf"), "wrong-type"),
])
def test_pain_outside_zero_to_ten_is_refused(shipped: Loaded, value: Any, reason: str) -> None:
    assert refusal(shipped, "pain-now", value) == reason


def test_pain_from_zero_to_ten_is_taken(shipped: Loaded) -> None:
    assert [check(shipped, "pain-now", n) for n in (0, 10, 7.0)] == [0, 10, 7]


@pytest.mark.parametrize(("value", "reason"), [
    (-1, "out-of-range"), (961, "out-of-range"), (1.5, "wrong-type"),
    (float("-inf"), "wrong-type"),
])
def test_a_pain_duration_below_zero_or_beyond_80_years_is_refused(
        shipped: Loaded, value: Any, reason: str) -> None:
    assert refusal(shipped, "pain-duration", value) == reason


@pytest.mark.parametrize(("value", "reason"), [
    (TODAY + datetime.timedelta(days=1), "future-date"),
    ("2031-01-01", "future-date"),
    (datetime.date(1899, 12, 31), "out-of-range"),
    ("12/04/1970", "wrong-type"),
    (19700412, "wrong-type"),
])
def test_a_birth_date_in_the_future_or_not_a_date_is_refused(
        shipped: Loaded, value: Any, reason: str) -> None:
    assert refusal(shipped, "birth-date", value) == reason


@pytest.mark.parametrize("value", ["1970-04-12", datetime.date(1970, 4, 12),
                                   datetime.datetime(1970, 4, 12, 9, 30)])
def test_a_birth_date_is_taken_as_a_date_or_as_text(shipped: Loaded, value: Any) -> None:
    assert check(shipped, "birth-date", value) == datetime.date(1970, 4, 12)


def test_today_is_not_in_the_future(shipped: Loaded) -> None:
    assert check(shipped, "birth-date", TODAY) == TODAY


def test_a_note_takes_no_answer(shipped: Loaded) -> None:
    note = dataclasses.replace(shipped.content.questionnaire.item("goals-other"), type="display")
    with pytest.raises(AnswerInvalid) as refused:
        checked(note, "ok", TODAY)
    assert refused.value.reason == "not-a-question"


def test_a_refused_answer_leaves_the_earlier_answer_in_place(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("pain-now", 4)
    with pytest.raises(AnswerInvalid):
        session.answer("pain-now", 11)
    assert session.answers["pain-now"] == 4


# -- navigation -------------------------------------------------------------------------------

def test_next_on_an_unanswered_required_question_says_it_needs_an_answer(
        shipped: Loaded) -> None:
    session = session_of(shipped)
    assert session.current is not None and session.current.id == "first-name"
    with pytest.raises(AnswerRequired) as required:
        session.go_next()
    assert required.value.item.id == "first-name"
    assert session.current.id == "first-name"
    session.answer("first-name", "Maria")
    moved = session.go_next()
    assert moved is not None and moved.id == "last-name"


def test_next_on_an_optional_question_moves_on_without_an_answer(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.go_to("goals-other")
    assert session.go_next() is None, "past the last question: the review"
    assert session.current is None


def test_back_on_the_first_question_goes_nowhere(shipped: Loaded) -> None:
    session = session_of(shipped)
    assert session.go_back() is None
    assert session.current is not None and session.current.id == "first-name"


def test_back_from_the_review_returns_to_the_last_question(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.go_to("goals-other")
    assert session.go_next() is None
    moved = session.go_back()
    assert moved is not None and moved.id == "goals-other"


def test_next_and_back_skip_questions_a_branch_hides_and_stop_at_the_ones_it_shows(
        shipped: Loaded) -> None:
    session = session_of(shipped)
    session.go_to("treatments-tried")
    session.answer("treatments-tried", ["injections"])
    moved = session.go_next()
    assert moved is not None and moved.id == "injections-helped"
    session.answer("injections-helped", "short")
    moved = session.go_next()
    assert moved is not None and moved.id == "surgery-recommended"
    back = session.go_back()
    assert back is not None and back.id == "injections-helped"


def test_progress_counts_the_questions_shown_now_and_grows_when_a_branch_opens(
        shipped: Loaded) -> None:
    items = shipped.content.questionnaire.items()
    unbranched = [item.id for item in items if item.asks and item.show_if is None]
    session = session_of(shipped)
    assert session.progress() == (1, len(unbranched))
    session.go_to("treatments-tried")
    number = unbranched.index("treatments-tried") + 1
    assert session.progress() == (number, len(unbranched))
    session.answer("treatments-tried", ["physio", "medicines"])
    assert session.progress() == (number, len(unbranched) + 2)
    moved = session.go_next()
    assert moved is not None and moved.id == "physio-helped"
    assert session.progress() == (number + 1, len(unbranched) + 2)
    session.answer("treatments-tried", ["none"])
    assert session.progress()[1] == len(unbranched)


def test_the_last_question_is_the_last_of_the_count(shipped: Loaded) -> None:
    session = session_of(shipped)
    total = session.progress()[1]
    session.go_to("goals-other")
    assert session.progress() == (total, total)


# -- submit -----------------------------------------------------------------------------------

def test_send_is_refused_while_a_required_question_is_unanswered(shipped: Loaded) -> None:
    session = session_of(shipped)
    answer_all(session, shipped)
    session.answer("smoking", None)
    with pytest.raises(AnswerRequired) as required:
        session.submit("en")
    assert required.value.item.id == "smoking"
    assert [item.id for item in session.missing_required()] == ["smoking"]


def test_a_sent_visit_holds_exactly_the_answers_of_the_questions_shown(shipped: Loaded) -> None:
    session = session_of(shipped)
    answer_all(session, shipped)
    assert session.answer("treatments-tried", ["medicines", "injections"]) == ["physio-helped"]
    now = datetime.datetime(2025, 6, 1, 9, 30, tzinfo=datetime.UTC)

    visit = session.submit("es", now)

    errors: list[ContentError] = []
    example, _ = read_answers(LIKELY_CANDIDATE, shipped.content, errors)
    assert set(visit.answers) == set(example) - {"physio-helped"}
    assert visit.answers["treatments-tried"] == ("medicines", "injections")
    assert visit.answers["birth-date"] == datetime.date(1968, 4, 12)
    assert visit.outcome == session.outcome()
    assert (visit.language, visit.questionnaire_version, visit.submitted_at) == ("es", "2", now)
    session.answer("pain-now", 2)
    assert visit.answers["pain-now"] == 6, "a sent visit must not change afterwards"
