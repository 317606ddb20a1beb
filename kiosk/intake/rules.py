"""Red flags and candidate signals as data, and the outcome they give for the specialist.

The outcome is never shown to the patient. Its categories, in order of precedence:
urgent (an urgent red flag) > review (a review flag, or many "I'm not sure" answers) >
may-not-be-suitable (an exclusion signal) > likely-candidate (every inclusion signal) >
review (some inclusion signals missing; they are listed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kiosk.intake.conditions import holds
from kiosk.intake.questionnaire import Answer, Condition, Item

Category = Literal["urgent", "review", "may-not-be-suitable", "likely-candidate"]
CATEGORIES: tuple[Category, ...] = ("urgent", "review", "may-not-be-suitable", "likely-candidate")
ReasonKind = Literal["urgent", "review", "unsure", "exclusion", "inclusion", "missing-inclusion"]


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A higher risk to act on: at once (urgent) or on the specialist's desk (review)."""

    id: str
    level: Literal["urgent", "review"]
    when: Condition


@dataclass(frozen=True, slots=True)
class Signal:
    """A sign for or against candidacy, from the clinic's criteria."""

    id: str
    when: Condition


@dataclass(frozen=True, slots=True)
class Rules:
    red_flags: tuple[RedFlag, ...]
    inclusion: tuple[Signal, ...]
    exclusion: tuple[Signal, ...]

    def all_rules(self) -> tuple[RedFlag | Signal, ...]:
        return (*self.red_flags, *self.inclusion, *self.exclusion)


@dataclass(frozen=True, slots=True)
class RulesWords:
    """One language's labels for every rule and outcome."""

    rules: dict[str, str]
    outcomes: dict[str, str]
    missing_inclusion: str
    too_many_unsure: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the outcome is what it is: a rule (or the count of unsure answers) and the answers
    behind it, by item id."""

    kind: ReasonKind
    rule_id: str | None
    item_ids: tuple[str, ...]
    count: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    category: Category
    reasons: tuple[Reason, ...]

    @property
    def urgent(self) -> bool:
        return self.category == "urgent"


def _answered(condition: Condition, answers: Mapping[str, Answer]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(q for q in condition.questions() if q in answers))


def urgent_flags(rules: Rules, answers: Mapping[str, Answer],
                 items: Mapping[str, Item]) -> list[RedFlag]:
    return [flag for flag in rules.red_flags
            if flag.level == "urgent" and holds(flag.when, answers, items)]


def assess(rules: Rules, answers: Mapping[str, Answer], items: Mapping[str, Item],
           unsure_for_review: int) -> Outcome:
    """The outcome for these answers (answers of hidden items must already be gone)."""
    reasons: list[Reason] = []
    for flag in rules.red_flags:
        if holds(flag.when, answers, items):
            reasons.append(Reason(flag.level, flag.id, _answered(flag.when, answers)))
    unsure = tuple(item_id for item_id, answer in answers.items() if answer == "unsure")
    if len(unsure) >= unsure_for_review:
        reasons.append(Reason("unsure", None, unsure, count=len(unsure)))
    for signal in rules.exclusion:
        if holds(signal.when, answers, items):
            reasons.append(Reason("exclusion", signal.id, _answered(signal.when, answers)))
    missing = []
    for signal in rules.inclusion:
        if holds(signal.when, answers, items):
            reasons.append(Reason("inclusion", signal.id, _answered(signal.when, answers)))
        else:
            missing.append(Reason("missing-inclusion", signal.id,
                                  _answered(signal.when, answers)))
    reasons.extend(missing)
    kinds = {reason.kind for reason in reasons}
    category: Category
    if "urgent" in kinds:
        category = "urgent"
    elif kinds & {"review", "unsure"}:
        category = "review"
    elif "exclusion" in kinds:
        category = "may-not-be-suitable"
    elif not missing:
        category = "likely-candidate"
    else:
        category = "review"
    order = {"urgent": 0, "review": 1, "unsure": 2, "exclusion": 3, "missing-inclusion": 4,
             "inclusion": 5}
    return Outcome(category, tuple(sorted(reasons, key=lambda r: order[r.kind])))
