"""Evaluate show-if and rule conditions against a visit's answers."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from kiosk.intake.questionnaire import SET_TYPES, Answer, Condition, Item


def holds(condition: Condition, answers: Mapping[str, Answer],
          items: Mapping[str, Item]) -> bool:
    """True when `condition` is met. A question with no answer (unanswered, or hidden and so
    dropped) never meets a comparison, and does not `exist`."""
    if condition.all:
        return all(holds(part, answers, items) for part in condition.all)
    if condition.any:
        return any(holds(part, answers, items) for part in condition.any)
    assert condition.question is not None
    answer = answers.get(condition.question)
    if answer is None:
        return False
    if condition.op == "exists":
        return True
    item = items[condition.question]
    if item.type in SET_TYPES:
        assert isinstance(answer, tuple)
        included = condition.value in answer
        if condition.op == "=":
            return included
        return not included if condition.op == "!=" else False
    return _compare(answer, condition.op, _same_kind(condition.value, answer))


def _same_kind(value: Any, answer: Answer) -> Any:
    if isinstance(answer, datetime.date) and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def _compare(answer: Any, op: str | None, value: Any) -> bool:
    try:
        if op == "=":
            return bool(answer == value)
        if op == "!=":
            return bool(answer != value)
        if op == ">":
            return bool(answer > value)
        if op == "<":
            return bool(answer < value)
        if op == ">=":
            return bool(answer >= value)
        if op == "<=":
            return bool(answer <= value)
    except TypeError:
        return False
    return False
