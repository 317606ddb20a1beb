"""What the specialist sees for each red flag and candidate signal, one answer changed at a time.

Every case starts from a clean likely candidate (resources/examples/likely-candidate.yaml) and
changes only the answers a rule looks at. Red flags and exclusions are read from the shipped
rules.yaml, so a new simple `question = value` rule is covered without touching this file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.content.loader import DEFAULT_CONTENT, Loaded
from kiosk.content.simulate import read_answers, run
from kiosk.decoding.errors import ContentError
from kiosk.intake.conditions import holds
from kiosk.intake.questionnaire import Condition, Op, Questionnaire
from kiosk.intake.rules import Outcome, Reason, RedFlag, Signal
from tests.conftest import ROOT

LIKELY_CANDIDATE = ROOT / "resources" / "examples" / "likely-candidate.yaml"
_RULES = yaml.safe_load((DEFAULT_CONTENT / "rules.yaml").read_text(encoding="utf-8"))
RED_FLAG_IDS = [rule["id"] for rule in _RULES["red_flags"]]
INCLUSION_IDS = [rule["id"] for rule in _RULES["inclusion"]]
EXCLUSION_IDS = [rule["id"] for rule in _RULES["exclusion"]]

#: Reasons (kind, rule id) a rule's trigger brings besides its own, because the same answer
#: means more than one thing to the clinic.
ALSO: dict[str, set[tuple[str, str]]] = {
    "cancer-history": {("exclusion", "cancer")},
    "cancer": {("review", "cancer-history")},
    # "Yes" to an active infection or a serious illness is also "not in good general health".
    "active-infection": {("missing-inclusion", "general-health")},
    "serious-illness": {("missing-inclusion", "general-health")},
}
#: Outcome of an exclusion whose answer is also a red flag.
EXCLUSION_CATEGORY = {"cancer": "review"}
#: Triggers of red flags and exclusions that are not a simple `question = value`.
COMPOSITE_TRIGGERS: dict[str, dict[str, Any]] = {}
#: For each inclusion signal: the answers that take it away (and nothing else), and the
#: answered items the missing-inclusion reason names.
INCLUSION_BREAKS: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "chronic-pain": ({"pain-duration": 3}, ("pain-duration",)),
    "suitable-diagnosis": ({"diagnoses": ("injury",)}, ("diagnoses",)),
    "conservative-care-not-lasting": (
        {"physio-helped": "lasting", "medicines-helped": "lasting",
         "injections-helped": "lasting"},
        ("physio-helped", "medicines-helped", "injections-helped")),
    "seeking-alternative": ({"goals": ("less-pain", "move-better"), "surgery-recommended": "no"},
                            ("goals", "surgery-recommended")),
    # "I'm not sure" is not "no", and is not an exclusion either.
    "general-health": ({"serious-illness": "unsure"}, ("serious-illness", "active-infection")),
}
#: Review-level questions where "I'm not sure" is not a red flag on its own.
QUIET_UNSURE = ("fever-or-infection", "weight-loss", "fall-or-accident")


@pytest.fixture(scope="module")
def baseline(shipped: Loaded) -> dict[str, Any]:
    """The likely candidate's answers, as the example file gives them."""
    errors: list[ContentError] = []
    answers, _ = read_answers(LIKELY_CANDIDATE, shipped.content, errors)
    assert errors == []
    return answers


def outcome_with(shipped: Loaded, baseline: Mapping[str, Any],
                 changes: Mapping[str, Any]) -> tuple[Outcome, Mapping[str, Any]]:
    """The outcome, and the stored answers, after changing some of the baseline's answers
    (None removes one); answers are given in questionnaire order, as a patient would."""
    answers = {**baseline, **changes}
    answers = {key: value for key, value in answers.items() if value is not None}
    errors: list[ContentError] = []
    session, _ = run(answers, shipped.content, Path("changed.yaml"), {}, errors)
    assert errors == []
    return session.outcome(), session.answers


def non_inclusion(outcome: Outcome) -> set[tuple[str, str | None]]:
    return {(r.kind, r.rule_id) for r in outcome.reasons if r.kind != "inclusion"}


def reason(outcome: Outcome, kind: str, rule_id: str | None) -> Reason:
    found = [r for r in outcome.reasons if r.kind == kind and r.rule_id == rule_id]
    assert len(found) == 1, f"no single {kind} reason {rule_id!r} in {outcome.reasons}"
    return found[0]


def triggering(condition: Condition, questionnaire: Questionnaire,
               answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers that make a simple `question = value` condition hold, opening the question's
    branch too when it has one."""
    if condition.question is None or condition.op != "=":
        pytest.fail(f"{condition.describe()} is not a simple `question = value` condition;"
                    " add its answers to COMPOSITE_TRIGGERS")
    item = questionnaire.item(condition.question)
    changes: dict[str, Any] = {}
    if item.show_if is not None:
        changes.update(triggering(item.show_if, questionnaire, answers))
    if item.type == "multiple":
        picked = tuple(changes.get(item.id, answers.get(item.id, ())))
        changes[item.id] = (*(p for p in picked if p != "none"), condition.value)
    else:
        changes[item.id] = condition.value
    return changes


def red_flag(shipped: Loaded, rule_id: str) -> RedFlag:
    return next(flag for flag in shipped.content.rules.red_flags if flag.id == rule_id)


def signal(signals: tuple[Signal, ...], rule_id: str) -> Signal:
    return next(s for s in signals if s.id == rule_id)


def test_the_baseline_is_a_clean_likely_candidate(shipped: Loaded,
                                                  baseline: dict[str, Any]) -> None:
    outcome, _ = outcome_with(shipped, baseline, {})
    assert outcome.category == "likely-candidate"
    assert [r.kind for r in outcome.reasons] == ["inclusion"] * len(INCLUSION_IDS)
    assert [r.rule_id for r in outcome.reasons] == INCLUSION_IDS


def test_the_tables_name_only_shipped_rules(shipped: Loaded) -> None:
    rule_ids = {rule.id for rule in shipped.content.rules.all_rules()}
    assert set(ALSO) <= rule_ids
    assert set(EXCLUSION_CATEGORY) <= set(EXCLUSION_IDS)
    assert set(COMPOSITE_TRIGGERS) <= rule_ids
    assert set(INCLUSION_BREAKS) == set(INCLUSION_IDS), "every inclusion signal needs a case"


@pytest.mark.parametrize("rule_id", RED_FLAG_IDS)
def test_a_red_flag_alone_gives_its_level_and_names_the_answer_behind_it(
        shipped: Loaded, baseline: dict[str, Any], rule_id: str) -> None:
    flag = red_flag(shipped, rule_id)
    changes = COMPOSITE_TRIGGERS.get(rule_id) or triggering(
        flag.when, shipped.content.questionnaire, baseline)
    outcome, answers = outcome_with(shipped, baseline, changes)
    assert outcome.category == flag.level
    expected_items = tuple(q for q in dict.fromkeys(flag.when.questions()) if q in answers)
    assert reason(outcome, flag.level, rule_id).item_ids == expected_items
    assert non_inclusion(outcome) == {(flag.level, rule_id)} | ALSO.get(rule_id, set())


@pytest.mark.parametrize("rule_id", EXCLUSION_IDS)
def test_an_exclusion_alone_says_may_not_be_suitable_and_names_the_answer(
        shipped: Loaded, baseline: dict[str, Any], rule_id: str) -> None:
    exclusion = signal(shipped.content.rules.exclusion, rule_id)
    changes = COMPOSITE_TRIGGERS.get(rule_id) or triggering(
        exclusion.when, shipped.content.questionnaire, baseline)
    outcome, answers = outcome_with(shipped, baseline, changes)
    assert outcome.category == EXCLUSION_CATEGORY.get(rule_id, "may-not-be-suitable")
    expected_items = tuple(q for q in dict.fromkeys(exclusion.when.questions()) if q in answers)
    assert reason(outcome, "exclusion", rule_id).item_ids == expected_items
    assert non_inclusion(outcome) == {("exclusion", rule_id)} | ALSO.get(rule_id, set())


def test_a_history_of_cancer_asks_for_review_and_still_lists_the_exclusion(
        shipped: Loaded, baseline: dict[str, Any]) -> None:
    outcome, _ = outcome_with(shipped, baseline, {"cancer-history": "yes"})
    assert outcome.category == "review"
    assert reason(outcome, "review", "cancer-history").item_ids == ("cancer-history",)
    assert reason(outcome, "exclusion", "cancer").item_ids == ("cancer-history",)


def test_stenosis_said_to_need_surgery_is_asked_only_after_a_stenosis_diagnosis(
        shipped: Loaded, baseline: dict[str, Any]) -> None:
    hidden, answers = outcome_with(shipped, baseline, {"stenosis-surgery": "yes"})
    assert "stenosis-surgery" not in answers
    assert hidden.category == "likely-candidate"
    shown, _ = outcome_with(shipped, baseline, {"stenosis-surgery": "yes",
                                                "diagnoses": ("ddd", "stenosis")})
    assert shown.category == "may-not-be-suitable"


@pytest.mark.parametrize("rule_id", INCLUSION_IDS)
def test_a_missing_candidate_signal_alone_asks_for_review_and_says_which(
        shipped: Loaded, baseline: dict[str, Any], rule_id: str) -> None:
    assert rule_id in INCLUSION_BREAKS, f"add the answers that take away {rule_id!r}"
    changes, item_ids = INCLUSION_BREAKS[rule_id]
    outcome, _ = outcome_with(shipped, baseline, changes)
    assert outcome.category == "review"
    assert non_inclusion(outcome) == {("missing-inclusion", rule_id)}
    assert reason(outcome, "missing-inclusion", rule_id).item_ids == item_ids


def test_no_conservative_care_tried_means_that_signal_is_missing_with_no_answer_behind_it(
        shipped: Loaded, baseline: dict[str, Any]) -> None:
    outcome, answers = outcome_with(shipped, baseline, {"treatments-tried": ("none",)})
    assert not {"physio-helped", "medicines-helped", "injections-helped"} & set(answers)
    assert outcome.category == "review"
    assert reason(outcome, "missing-inclusion", "conservative-care-not-lasting").item_ids == ()


def test_rather_tell_the_doctor_about_injected_drugs_is_not_a_red_flag(
        shipped: Loaded, baseline: dict[str, Any]) -> None:
    outcome, answers = outcome_with(shipped, baseline, {"injected-drugs": "prefer-not"})
    assert outcome.category == "likely-candidate"
    assert answers["injected-drugs"] == "prefer-not"  # kept for the specialist to ask about


@pytest.mark.parametrize(("asked", "also_asked"), [
    ("thin-bones", "long-term-steroids"),
    ("immune-weakening-medicine", "injected-drugs"),
    ("new-or-changed-pain", "night-pain"),
])
def test_each_half_of_a_once_combined_question_flags_only_itself(
        shipped: Loaded, baseline: dict[str, Any], asked: str, also_asked: str) -> None:
    """The specialist can tell osteoporosis from steroid use, immune-suppressing medicines
    from injected drugs, and new pain from night pain: each "yes" names only its own sign."""
    for yes, no in ((asked, also_asked), (also_asked, asked)):
        outcome, _ = outcome_with(shipped, baseline, {yes: "yes", no: "no"})
        assert outcome.category == "review"
        flags = [(r.rule_id, r.item_ids) for r in outcome.reasons if r.kind == "review"]
        assert flags == [(yes, (yes,))]
        labels = shipped.content.words("en").rules.rules
        assert labels[yes] != labels[no]


def test_three_not_sure_answers_ask_for_review_and_count_them(
        shipped: Loaded, baseline: dict[str, Any]) -> None:
    assert shipped.content.questionnaire.unsure_for_review == 3
    outcome, _ = outcome_with(shipped, baseline, dict.fromkeys(QUIET_UNSURE, "unsure"))
    assert outcome.category == "review"
    assert non_inclusion(outcome) == {("unsure", None)}
    unsure = reason(outcome, "unsure", None)
    assert unsure.count == 3
    assert set(unsure.item_ids) == set(QUIET_UNSURE)


def test_two_not_sure_answers_still_leave_a_likely_candidate(
        shipped: Loaded, baseline: dict[str, Any]) -> None:
    outcome, _ = outcome_with(shipped, baseline, dict.fromkeys(QUIET_UNSURE[:2], "unsure"))
    assert outcome.category == "likely-candidate"
    assert non_inclusion(outcome) == set()


def test_urgent_comes_before_every_other_reason(shipped: Loaded,
                                               baseline: dict[str, Any]) -> None:
    outcome, _ = outcome_with(shipped, baseline, {
        "bladder-problems": "yes", "spinal-deformity": "yes", "pain-duration": 2,
        **dict.fromkeys(QUIET_UNSURE, "unsure")})
    assert outcome.category == "urgent"
    kinds = [r.kind for r in outcome.reasons]
    assert kinds[:4] == ["urgent", "unsure", "exclusion", "missing-inclusion"]


@pytest.mark.parametrize(("op", "value", "answer", "expected"), [
    ("=", "physio", ("physio", "medicines"), True),
    ("=", "surgery", ("physio", "medicines"), False),
    ("!=", "physio", ("physio", "medicines"), False),
    ("!=", "surgery", ("physio", "medicines"), True),
    ("exists", None, ("none",), True),
    ("=", "physio", None, False),
    ("!=", "physio", None, False),
    ("exists", None, None, False),
])
def test_a_condition_on_a_pick_any_question_means_includes_and_unanswered_is_never_met(
        shipped: Loaded, op: Op, value: str | None, answer: tuple[str, ...] | None,
        expected: bool) -> None:
    items = {item.id: item for item in shipped.content.questionnaire.items()}
    answers = {} if answer is None else {"treatments-tried": answer}
    condition = Condition(question="treatments-tried", op=op, value=value)
    assert holds(condition, answers, items) is expected
