"""The record of urgent red flags in one visit: when each fired, and what its answers became.

A flag that fired stays on the record even if the patient later changes the answer behind it
("answered Yes at 10:42, changed to No at 10:44"): the specialist decides, not the kiosk.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from kiosk.intake.questionnaire import Answer
from kiosk.intake.rules import Outcome, Reason, RedFlag


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """A later change to an answer behind a fired flag (None: cleared or no longer asked)."""

    item_id: str
    answer: Answer | None
    at: datetime.datetime


@dataclass(frozen=True, slots=True)
class FiredFlag:
    """An urgent red flag as it fired: when, on which answers, and what became of them."""

    flag_id: str
    fired_at: datetime.datetime
    answers: tuple[tuple[str, Answer], ...]
    changes: tuple[AnswerChange, ...] = ()

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item_id for item_id, _ in self.answers)

    def latest(self, item_id: str) -> Answer | None:
        """The answer to `item_id` as it stands after every recorded change."""
        answer = dict(self.answers).get(item_id)
        for change in self.changes:
            if change.item_id == item_id:
                answer = change.answer
        return answer

    def noting(self, answers: Mapping[str, Answer], at: datetime.datetime) -> FiredFlag:
        """This flag with a change noted for every answer behind it that differs now."""
        changes = [AnswerChange(item_id, answers.get(item_id), at) for item_id in self.item_ids
                   if answers.get(item_id) != self.latest(item_id)]
        return replace(self, changes=(*self.changes, *changes)) if changes else self


def fire(flag: RedFlag, answers: Mapping[str, Answer], at: datetime.datetime) -> FiredFlag:
    """The record of `flag` firing now on `answers`."""
    behind = dict.fromkeys(q for q in flag.when.questions() if q in answers)
    return FiredFlag(flag.id, at, tuple((item_id, answers[item_id]) for item_id in behind))


def keep_fired(outcome: Outcome, fired: Iterable[FiredFlag],
               answers: Mapping[str, Answer]) -> Outcome:
    """A flag that fired keeps the visit urgent and stays among its reasons (with the answers
    behind it as they are now), whatever they became; urgent reasons come first, in the order
    their flags fired."""
    fired = tuple(fired)
    if not fired:
        return outcome
    order = {flag.flag_id: n for n, flag in enumerate(fired)}
    current = {r.rule_id: r for r in outcome.reasons if r.kind == "urgent"}
    urgent = [current.get(flag.flag_id) or Reason(
        "urgent", flag.flag_id, tuple(i for i in flag.item_ids if i in answers))
        for flag in fired]
    urgent += [r for r in current.values() if r.rule_id not in order]
    others = tuple(r for r in outcome.reasons if r.kind != "urgent")
    return Outcome("urgent", (*urgent, *others))


def unfinished(outcome: Outcome) -> Outcome:
    """The outcome of a visit that ended before the patient sent it: a candidate signal the
    patient was never asked about is unknown, not missing, so it is not listed."""
    return Outcome(outcome.category, tuple(r for r in outcome.reasons
                                           if r.kind != "missing-inclusion"))


def encode_fired(fired: Iterable[FiredFlag], plain: Callable[[Answer], object]
                 ) -> list[dict[str, object]]:
    """Fired flags as JSON-ready data; `plain` turns an answer into a JSON value."""
    return [{"flag": flag.flag_id, "at": flag.fired_at.isoformat(),
             "answers": [[item_id, plain(answer)] for item_id, answer in flag.answers],
             "changes": [[c.item_id, None if c.answer is None else plain(c.answer),
                          c.at.isoformat()] for c in flag.changes]}
            for flag in fired]


def decode_fired(data: list[dict[str, Any]], typed: Callable[[str, Any], Answer]
                 ) -> tuple[FiredFlag, ...]:
    """The inverse of encode_fired; `typed(item_id, value)` gives an answer back its type."""
    fired = []
    for entry in data:
        answers = entry["answers"]
        changes = entry["changes"]
        assert isinstance(answers, list) and isinstance(changes, list)
        fired.append(FiredFlag(
            str(entry["flag"]), datetime.datetime.fromisoformat(str(entry["at"])),
            tuple((str(i), typed(i, v)) for i, v in answers),
            tuple(AnswerChange(str(i), None if v is None else typed(i, v),
                               datetime.datetime.fromisoformat(str(at)))
                  for i, v, at in changes)))
    return tuple(fired)
