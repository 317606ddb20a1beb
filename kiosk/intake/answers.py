"""What counts as a valid answer to each kind of item; invalid answers say why.

Typed text is cleaned (`kiosk.intake.free_text`) before it is checked: an answer of only
spaces or invisible characters is no answer, and a question's `max_length` counts the
characters that are kept.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from kiosk.intake.body_regions import in_order, unknown_regions
from kiosk.intake.free_text import cleaned
from kiosk.intake.questionnaire import SCALE_MAX, Answer, Item

#: Longest pain duration accepted, in months (80 years).
MAX_DURATION_MONTHS = 960
OLDEST_BIRTH_YEAR = 1900


class AnswerInvalid(ValueError):
    """An answer the item cannot take; `reason` is a short code, the message says it plainly."""

    def __init__(self, item: Item, reason: str, message: str) -> None:
        super().__init__(f"{item.id}: {message}")
        self.item = item
        self.reason = reason


def checked(item: Item, value: Any, today: datetime.date | None = None) -> Answer:
    """`value` as the answer `item` stores, or AnswerInvalid."""
    today = today or datetime.date.today()
    kind = item.type
    if kind == "display":
        raise AnswerInvalid(item, "not-a-question", "this is a note, it takes no answer")
    if kind == "text":
        # Cleaned first, so invisible characters neither count as an answer nor as length.
        text = cleaned(value) if isinstance(value, str) else ""
        if not text:
            raise AnswerInvalid(item, "empty", "expected some text")
        if len(text) > item.max_length:
            raise AnswerInvalid(item, "too-long", f"at most {item.max_length} characters")
        if item.pattern is not None and re.fullmatch(item.pattern, text) is None:
            raise AnswerInvalid(item, "wrong-format", "does not have the expected format")
        return text
    if kind in ("yesno", "single"):
        if isinstance(value, bool):
            value = "yes" if value else "no"
        if value not in item.choices():
            raise AnswerInvalid(item, "not-an-option",
                                f"{value!r} is not one of {', '.join(item.choices())}")
        return str(value)
    if kind == "multiple":
        return _multiple(item, value)
    if kind == "bodymap":
        return _regions(item, value)
    if kind == "date":
        return _date(item, value, today)
    return _number(item, value)


def _multiple(item: Item, value: Any) -> Answer:
    picked = (value,) if isinstance(value, str) else value
    if not isinstance(picked, (list, tuple)) or not picked:
        raise AnswerInvalid(item, "empty", "expected one or more options")
    unknown = [v for v in picked if v not in item.choices()]
    if unknown:
        raise AnswerInvalid(item, "not-an-option", f"{unknown[0]!r} is not one of "
                            f"{', '.join(item.choices())}")
    if "none" in picked and len(set(picked)) > 1:
        raise AnswerInvalid(item, "none-with-others", "'none' cannot be picked with other options")
    return tuple(choice for choice in item.choices() if choice in picked)


def _regions(item: Item, value: Any) -> Answer:
    """The marked regions, once each in the map's order; none marked only when optional."""
    marked = (value,) if isinstance(value, str) else value
    if not isinstance(marked, (list, tuple)) or not all(isinstance(v, str) for v in marked):
        raise AnswerInvalid(item, "wrong-type", f"{value!r} is not a list of body regions")
    unknown = unknown_regions(marked)
    if unknown:
        raise AnswerInvalid(item, "not-a-region", f"{unknown[0]!r} is not a body region")
    if not marked and item.required:
        raise AnswerInvalid(item, "empty", "expected one or more body regions")
    return in_order(marked)


def _date(item: Item, value: Any, today: datetime.date) -> Answer:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            raise AnswerInvalid(item, "wrong-type", f"{value!r} is not a date like 1970-04-12"
                                ) from None
    if not isinstance(value, datetime.date):
        raise AnswerInvalid(item, "wrong-type", f"{value!r} is not a date like 1970-04-12")
    if value > today:
        raise AnswerInvalid(item, "future-date", "the date is in the future")
    if value.year < OLDEST_BIRTH_YEAR:
        raise AnswerInvalid(item, "out-of-range", f"the year is before {OLDEST_BIRTH_YEAR}")
    return value


def _number(item: Item, value: Any) -> Answer:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise AnswerInvalid(item, "wrong-type", f"{value!r} is not a number")
    number: int | float
    if item.type in ("scale", "duration") or item.decimals == 0:
        if value != int(value):
            raise AnswerInvalid(item, "wrong-type", f"{value!r} is not a whole number")
        number = int(value)
    else:
        number = round(float(value), item.decimals)
    low, high = _range(item)
    if not low <= number <= high:
        raise AnswerInvalid(item, "out-of-range", f"{number} is outside {low:g} to {high:g}")
    return number


def _range(item: Item) -> tuple[float, float]:
    if item.type == "scale":
        return 0, SCALE_MAX
    if item.type == "duration":
        return 0, MAX_DURATION_MONTHS
    return (item.min if item.min is not None else float("-inf"),
            item.max if item.max is not None else float("inf"))
