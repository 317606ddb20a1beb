"""Answers and outcome reasons in words, in any of the content's languages."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.intake.flag_record import FiredFlag
from kiosk.intake.questionnaire import CHOICE_TYPES, SET_TYPES, Answer, Item
from kiosk.intake.rules import Outcome, Reason

if TYPE_CHECKING:
    from kiosk.content.model import LanguageWords


def option_words(item: Item, option: str, words: LanguageWords) -> str:
    ui = words.ui
    common = {"yes": ui.answer_yes, "no": ui.answer_no, "unsure": ui.answer_unsure,
              "prefer-not": ui.answer_prefer_not, "none": ui.answer_none}
    if item.type != "yesno":
        common.pop("yes")
        common.pop("no")
    if option in common:
        return common[option]
    options = words.questionnaire.items[item.id].options or {}
    return options.get(option, option)


def duration_words(months: int, words: LanguageWords) -> str:
    ui = words.ui
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(ui.duration_year_one if years == 1 else ui.duration_years.format(count=years))
    if rest or not years:
        parts.append(ui.duration_month_one if rest == 1 else ui.duration_months.format(count=rest))
    return " ".join(parts)


def date_words(day: datetime.date, words: LanguageWords) -> str:
    """A date in the language's own order and words ("March 4, 1952", "4 de marzo de 1952")."""
    months = [name.strip() for name in words.ui.month_names.split(",")]
    return words.ui.date_pattern.format(day=day.day, month=months[day.month - 1], year=day.year)


def answer_words(item: Item, answer: Answer, words: LanguageWords) -> str:
    """The answer as the patient chose it, in `words`' language (free text as typed)."""
    if item.type in ("yesno", "single"):
        return option_words(item, str(answer), words)
    if item.type in SET_TYPES:
        assert isinstance(answer, tuple)
        # Options may hold commas of their own ("Shots in the back, such as …").
        return "; ".join(option_words(item, option, words) for option in answer)
    if item.type == "duration":
        assert isinstance(answer, int)
        return duration_words(answer, words)
    if item.type == "date":
        assert isinstance(answer, datetime.date)
        return date_words(answer, words)
    if item.type == "number":
        unit = words.questionnaire.items[item.id].unit or ""
        return f"{answer:g} {unit}".strip() if isinstance(answer, (int, float)) else str(answer)
    if item.type == "scale":
        return f"{answer} / 10"
    return str(answer)


def clinical_words(item: Item, answer: Answer, words: LanguageWords) -> str:
    """The answer as the specialist reads it: a choice by its clinical label, a duration,
    number or date in words, typed text as typed."""
    if item.type in CHOICE_TYPES:
        return words.questionnaire.clinical_answer(item, answer)
    return answer_words(item, answer, words)


@dataclass(frozen=True, slots=True)
class ReasonWords:
    """A reason as the specialist reads it: what it is, and the answers behind it."""

    kind: str
    label: str
    answers: tuple[tuple[str, str], ...]


def reason_words(reason: Reason, answers: Mapping[str, Answer], items: Mapping[str, Item],
                 words: LanguageWords) -> ReasonWords:
    """A reason's label and the answers behind it, in the specialist's words."""
    rules = words.rules
    if reason.kind == "unsure":
        label = rules.too_many_unsure.format(count=reason.count)
    elif reason.kind == "missing-inclusion":
        label = rules.missing_inclusion.format(rule=rules.rules[reason.rule_id or ""])
    else:
        label = rules.rules[reason.rule_id or ""]
    behind = tuple(
        (words.questionnaire.clinical(item_id),
         clinical_words(items[item_id], answers[item_id], words))
        for item_id in reason.item_ids if item_id in answers)
    return ReasonWords(reason.kind, label, behind)


def outcome_words(outcome: Outcome, words: LanguageWords) -> str:
    return words.rules.outcomes[outcome.category]


def clock_words(moment: datetime.datetime) -> str:
    """A time of day on the kiosk's clock, e.g. 10:42."""
    return f"{moment.astimezone():%H:%M}"


def fired_history(flag: FiredFlag, items: Mapping[str, Item], words: LanguageWords) -> str:
    """What the patient answered when a flag fired and what it became, e.g. "answered Yes at
    10:42, changed to No at 10:44"."""
    say = words.summary
    parts = []
    for item_id, first in flag.answers:
        item = items[item_id]
        text = say.flag_answered.format(answer=answer_words(item, first, words),
                                        time=clock_words(flag.fired_at))
        changes = [c for c in flag.changes if c.item_id == item_id]
        if changes and changes[-1].answer != first:
            last = changes[-1]
            now = say.no_answer if last.answer is None else answer_words(item, last.answer, words)
            text = say.flag_changed.format(answer=answer_words(item, first, words),
                                           time=clock_words(flag.fired_at), now=now,
                                           changed=clock_words(last.at))
        parts.append(text)
    return "; ".join(parts)
