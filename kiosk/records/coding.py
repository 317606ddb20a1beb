"""How a visit's answers, outcome and times are written in the visit store, and read back."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from typing import Any

from kiosk.intake.flag_record import FiredFlag, decode_fired, encode_fired
from kiosk.intake.questionnaire import SET_TYPES, Answer, Questionnaire
from kiosk.intake.rules import Outcome, Reason


def utc_text(moment: datetime.datetime) -> str:
    """A moment as the store keeps it: UTC, to the second."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")


def now_utc() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def plain(value: Answer) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def encode_answers(answers: dict[str, Answer]) -> str:
    return json.dumps({key: plain(value) for key, value in answers.items()}, ensure_ascii=False)


def typer(questionnaire: Questionnaire) -> Callable[[str, Any], Answer]:
    """Gives a stored JSON value back the type of its question's answers."""
    types = {item.id: item.type for item in questionnaire.items()}

    def typed(item_id: str, value: Any) -> Answer:
        kind = types.get(item_id)
        if kind == "date":
            return datetime.date.fromisoformat(value)
        if kind in SET_TYPES:
            return tuple(value)
        return value  # type: ignore[no-any-return]
    return typed


def decode_answers(text: str, questionnaire: Questionnaire) -> dict[str, Answer]:
    typed = typer(questionnaire)
    return {key: typed(key, value) for key, value in json.loads(text).items()}


def encode_outcome(outcome: Outcome) -> str:
    return json.dumps({"category": outcome.category, "reasons": [
        {"kind": r.kind, "rule_id": r.rule_id, "item_ids": list(r.item_ids), "count": r.count}
        for r in outcome.reasons]})


def decode_outcome(text: str) -> Outcome:
    data = json.loads(text)
    return Outcome(data["category"], tuple(
        Reason(r["kind"], r["rule_id"], tuple(r["item_ids"]), r["count"])
        for r in data["reasons"]))


def encode_flags(fired: Iterable[FiredFlag]) -> str:
    """The urgent flags that fired, with the answers behind them and when."""
    return json.dumps(encode_fired(fired, plain), ensure_ascii=False)


def decode_flags(text: str, questionnaire: Questionnaire) -> tuple[FiredFlag, ...]:
    return decode_fired(json.loads(text), typer(questionnaire))


def flag_ids(text: str) -> list[str]:
    """The rule ids of the flags in an encoded flag record (nothing else of it)."""
    return [str(entry["flag"]) for entry in json.loads(text)]
