"""Whatever a patient taps, in any order, the session keeps only what they can see.

Random sequences of answers (good and bad), clears and moves run on the shipped questionnaire;
after every step no hidden answer survives anywhere (answers, review, outcome), navigation moves
the way the buttons say, and the visit is urgent exactly when an urgent red flag holds or has
fired on an earlier Next.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, Loaded, load_all
from kiosk.intake.answers import AnswerInvalid
from kiosk.intake.conditions import holds
from kiosk.intake.questionnaire import Condition, Item, Questionnaire
from kiosk.intake.rules import Rules
from kiosk.intake.session import AnswerRequired, IntakeSession

TODAY = datetime.date(2025, 6, 1)


@dataclass(frozen=True, slots=True)
class Step:
    """One thing a patient (or a careless screen) does: answer, clear, next, back or go-to."""

    kind: str
    item_id: str = ""
    value: Any = None


#: Answers no question takes, or only some do: wrong types, blanks, made-up options, floats
#: where whole numbers belong, numbers that are not numbers.
NONSENSE = st.sampled_from([
    "", "   ", "maybe", "YES", True, False, [], ["made-up"], {}, -3, 12, 2.5, 1e300,
    float("nan"), float("inf"), float("-inf"), "1970-13-01", "12/04/1970",
    datetime.datetime(1970, 4, 12, 8, 30)])


def values_for(item: Item) -> st.SearchStrategy[Any]:
    """Mostly answers the item can take (and values just outside them), some nonsense."""
    kind = item.type
    fitting: st.SearchStrategy[Any]
    if kind == "text":
        fitting = st.text(max_size=item.max_length + 2)
    elif kind in ("yesno", "single"):
        fitting = st.sampled_from(item.choices())
    elif kind == "multiple":
        fitting = st.lists(st.sampled_from(item.choices()), min_size=1, max_size=4)
    elif kind == "date":
        days = st.dates(datetime.date(1890, 1, 1), datetime.date(2030, 12, 31))
        fitting = st.one_of(days, days.map(datetime.date.isoformat))
    elif kind == "scale":
        fitting = st.integers(-1, 11)
    else:
        fitting = st.one_of(st.integers(-2, 1000), st.floats(-10, 1000))
    if kind in ("number", "scale", "duration"):
        edges = st.sampled_from([-1, 0, 10, 11, 0.5, float("nan"), float("inf"), float("-inf")])
        return st.one_of(fitting, edges, NONSENSE)
    return st.one_of(fitting, fitting, fitting, NONSENSE)


def steps(questionnaire: Questionnaire) -> st.SearchStrategy[Step]:
    items = questionnaire.items()
    # Questions that open or close a branch, and the branches, come up more often than the
    # rest, so that answers are hidden (and questions shown again) in most runs.
    # Every type of question comes up as often as any other, too.
    opening = {q for item in items if item.show_if for q in item.show_if.questions()}
    some_item = st.one_of(st.sampled_from(items),
                          st.sampled_from([item for item in items if item.id in opening]),
                          st.sampled_from([item for item in items if item.show_if]),
                          st.sampled_from(list({item.type: item for item in items}.values())))
    ids = some_item.map(lambda item: item.id)
    # st.builds, so that a failing run is reported with the values, e.g. Step('answer',
    # 'pain-now', nan).
    answer = some_item.flatmap(
        lambda item: st.builds(Step, st.just("answer"), st.just(item.id), values_for(item)))
    numbers = st.integers(0, 10_000)
    return st.one_of(
        answer, answer, answer, st.builds(Step, st.just("answer-current"), value=numbers),
        st.builds(Step, st.just("clear"), ids),
        st.just(Step("next")), st.just(Step("next")), st.just(Step("back")),
        st.builds(Step, st.just("go-to"), ids),
        st.builds(Step, st.just("go-to-visible"), value=numbers),
    )


def tapped(item: Item, n: int) -> Any:
    """The answer a patient taps on the screen of `item` (number `n` picks which)."""
    if item.type in ("yesno", "single"):
        return item.choices()[n % len(item.choices())]
    if item.type == "multiple":
        return [item.choices()[n % len(item.choices())]]
    if item.type == "date":
        return TODAY - datetime.timedelta(days=n * 3)
    if item.type == "text":
        return "Ana"
    return n % 11


def met(condition: Condition, answers: Mapping[str, Any], items: Mapping[str, Item]) -> bool:
    """Whether a condition holds, worked out here for `question = value` (every shipped
    branch and urgent flag is one); anything else is left to the kiosk's own `holds`."""
    if condition.question is None or condition.op != "=":
        return holds(condition, answers, items)
    answer = answers.get(condition.question)
    return condition.value in answer if isinstance(answer, tuple) else answer == condition.value


class Intake:
    """The shipped questionnaire and rules, with a short repr for Hypothesis' reports."""

    def __init__(self, questionnaire: Questionnaire, rules: Rules) -> None:
        self.questionnaire = questionnaire
        self.rules = rules

    def __repr__(self) -> str:
        return f"Intake(shipped questionnaire version {self.questionnaire.version})"


@pytest.fixture(scope="module")
def intake(shipped: Loaded) -> Intake:
    return Intake(shipped.content.questionnaire, shipped.content.rules)


class Checker:
    """Runs steps on a session and checks each against what the patient should see."""

    def __init__(self, intake: Intake) -> None:
        self.questionnaire = intake.questionnaire
        self.rules = intake.rules
        self.items = {item.id: item for item in self.questionnaire.items()}
        self.order = {item_id: n for n, item_id in enumerate(self.items)}
        self.session = IntakeSession(self.questionnaire, self.rules, today=TODAY)
        self.session.start()
        self.fired: set[str] = set()

    def visible(self) -> list[Item]:
        return self.session.visible_items()

    def do(self, step: Step) -> None:
        handler = {"answer": self.answer, "answer-current": self.answer_current,
                   "clear": self.clear, "next": self.next, "back": self.back,
                   "go-to": self.go_to, "go-to-visible": self.go_to_visible}[step.kind]
        handler(step)

    def answer(self, step: Step) -> None:
        session = self.session
        before = dict(session.answers)
        shown = session.is_visible(step.item_id)
        try:
            dropped = session.answer(step.item_id, step.value)
        except AnswerInvalid as invalid:
            assert dict(session.answers) == before, "a refused answer changed the visit"
            assert invalid.item.id == step.item_id
            if not shown:
                assert invalid.reason == "hidden"
            return
        assert shown, f"{step.item_id} is hidden but took an answer"
        assert step.item_id in session.answers
        assert set(dropped) == set(before) - set(session.answers)

    def answer_current(self, step: Step) -> None:
        current = self.session.current
        if current is not None:
            self.answer(Step("answer", current.id, tapped(current, step.value)))

    def clear(self, step: Step) -> None:
        before = dict(self.session.answers)
        dropped = self.session.answer(step.item_id, None)
        assert step.item_id not in self.session.answers
        assert set(dropped) == set(before) - set(self.session.answers) - {step.item_id}

    def next(self, _: Step) -> None:
        session, current = self.session, self.session.current
        visible = self.visible()
        try:
            moved = session.go_next()
        except AnswerRequired as required:
            assert current is not None and required.item == current
            assert current in visible, f"Next asks for {current.id}, which is hidden"
            assert current.required and current.id not in session.answers
            assert session.current == current
            return
        after = -1 if current is None else self.order[current.id]
        expected = next((item for item in visible if self.order[item.id] > after), None)
        assert moved == expected
        assert session.current == expected
        # As the question screen does: an urgent flag the answers raise now fires, once.
        raised = {flag.id for flag in session.urgent_flags()}
        fired = {flag.flag_id for flag in session.fire_flags()}
        assert fired == raised - self.fired
        self.fired |= fired

    def back(self, _: Step) -> None:
        session, current = self.session, self.session.current
        before = len(self.items) if current is None else self.order[current.id]
        earlier = [item for item in self.visible() if self.order[item.id] < before]
        moved = session.go_back()
        if earlier:
            assert moved == earlier[-1]
            assert session.current == earlier[-1]
        else:
            assert moved is None
            assert session.current == current

    def go_to(self, step: Step) -> None:
        session, current = self.session, self.session.current
        if session.is_visible(step.item_id):
            assert session.go_to(step.item_id) == self.items[step.item_id]
            assert session.current == self.items[step.item_id]
        else:
            with pytest.raises(KeyError):
                session.go_to(step.item_id)
            assert session.current == current

    def go_to_visible(self, step: Step) -> None:
        """Change an answer from the review list; half the time one in a branch, if shown."""
        visible = self.visible()
        branches = [item for item in visible if item.show_if is not None]
        choose_from = branches if branches and step.value % 2 else visible
        wanted = choose_from[step.value // 2 % len(choose_from)]
        assert self.session.go_to(wanted.id) == wanted
        assert self.session.current == wanted

    def check(self) -> None:
        session = self.session
        answers = dict(session.answers)
        # What is visible follows from the answers alone: a branch is open iff its condition
        # holds (conditions only look at earlier questions, whose hidden answers are gone).
        visible = [item.id for item in self.visible()]
        assert visible == [item.id for item in self.items.values()
                           if item.show_if is None or met(item.show_if, answers, self.items)]
        assert set(answers) <= set(visible), "a hidden question's answer survived"
        asked = [item_id for item_id in visible if self.items[item_id].asks]
        review = session.review()
        assert [item.id for item, _ in review] == asked
        assert all(answer == answers.get(item.id) for item, answer in review)
        outcome = session.outcome()
        for reason in outcome.reasons:
            assert set(reason.item_ids) <= set(answers), f"{reason} names an unanswered item"
        urgent = any(flag.level == "urgent" and met(flag.when, answers, self.items)
                     for flag in self.rules.red_flags)
        assert bool(session.urgent_flags()) == urgent
        # A flag that fired stays on the record whatever its answer became: the specialist
        # decides.
        assert outcome.urgent == (urgent or bool(self.fired))
        kept = {reason.rule_id for reason in outcome.reasons if reason.kind == "urgent"}
        assert self.fired <= kept
        assert {flag.flag_id for flag in session.fired} == self.fired
        position, total = session.progress()
        assert total == len(asked)
        assert 1 <= position <= total


#: Steps on the shipped questionnaire as the kiosk asks it (built on first use, from the same
#: files and settings as `shipped`).
STEPS = st.deferred(lambda: st.lists(
    steps(load_all(DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME).content.questionnaire),
    min_size=10, max_size=60))
#: On a branch question, the patient's earlier answer that opened it is changed: Next and Back
#: must move on from where the question was (random runs reach this only now and then).
JUST_HIDDEN = [Step("answer", "treatments-tried", ["physio", "medicines"]),
               Step("go-to", "physio-helped"),
               Step("answer", "treatments-tried", ["medicines"]), Step("next"),
               Step("go-to", "medicines-helped"),
               Step("answer", "treatments-tried", ["physio"]), Step("back")]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(steps=STEPS)
@example(steps=JUST_HIDDEN)
def test_any_taps_in_any_order_leave_only_visible_answers_and_honest_navigation(
        intake: Intake, steps: list[Step]) -> None:
    checker = Checker(intake)
    checker.check()
    for step in steps:
        checker.do(step)
        checker.check()


def test_changing_treatments_tried_removes_the_physio_answer_everywhere(shipped: Loaded) -> None:
    session = IntakeSession(shipped.content.questionnaire, shipped.content.rules, today=TODAY)
    session.start()
    session.answer("treatments-tried", ["physio"])
    session.answer("physio-helped", "no")
    assert "physio-helped" in [item.id for item, _ in session.review()]
    assert any("physio-helped" in r.item_ids for r in session.outcome().reasons)

    assert session.answer("treatments-tried", ["medicines"]) == ["physio-helped"]

    assert "physio-helped" not in session.answers
    assert "physio-helped" not in [item.id for item, _ in session.review()]
    assert not any("physio-helped" in r.item_ids for r in session.outcome().reasons)
    with pytest.raises(AnswerInvalid) as hidden:
        session.answer("physio-helped", "no")
    assert hidden.value.reason == "hidden"


def test_next_on_a_question_just_hidden_moves_on_instead_of_asking_for_it(
        shipped: Loaded) -> None:
    session = IntakeSession(shipped.content.questionnaire, shipped.content.rules, today=TODAY)
    session.start()
    session.answer("treatments-tried", ["physio", "medicines"])
    session.go_to("physio-helped")
    session.answer("treatments-tried", ["medicines"])
    moved = session.go_next()
    assert moved is not None and moved.id == "medicines-helped"
    session.go_to("medicines-helped")
    session.answer("treatments-tried", ["physio"])
    moved = session.go_back()
    assert moved is not None and moved.id == "physio-helped"
