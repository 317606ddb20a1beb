"""Checks of the questionnaire's scored measures (`scoring:`) against its pages and questions.

Each mistake that would make a score wrong, or leave a specialist without a label for it, is
reported with its file, line and key path: an instrument naming a page or question that does
not exist, a question whose answers cannot be scored, an option without a value, a subscale
naming a question outside its instrument, a band looking at an unknown score, and bands that
leave values without a label or give one value two. An opt-in instrument's questions are not
asked until the clinic turns it on, so no show-if or rule may depend on them. As everywhere,
a part that could not be decoded is skipped (it is reported where it is written).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from kiosk.content.band_check import check_bands, usable_number
from kiosk.content.questionnaire_check import (
    RULE_GROUPS,
    Report,
    check_new_id,
    choice_ids,
    ids_of,
    known_items,
    reporter,
)
from kiosk.decoding.decode import Decoder, entries, is_valid, is_whole
from kiosk.decoding.errors import ContentError, did_you_mean, quoted
from kiosk.intake.instruments import SCORED_TYPES, Instrument, ScoreRule
from kiosk.intake.questionnaire import Condition, Item, Questionnaire
from kiosk.intake.rules import Rules
from kiosk.intake.scoring import Range, item_range, score_range

CHOICES = ("yesno", "single")


def check_scoring(questionnaire: Questionnaire, decoder: Decoder,
                  errors: list[ContentError]) -> None:
    report = reporter(decoder, errors)
    seen: set[str] = set()
    for n, instrument in entries(questionnaire.scoring):
        path = f"scoring[{n}]"
        check_new_id(instrument.id, path, "instrument", seen, report)
        items = _scored_items(instrument, questionnaire, path, report)
        if items is None:
            continue
        clean = _checked_values(instrument, items, path, report)
        _check_scores(instrument, clean, items, path, report)
    _check_opt_in_unnamed(questionnaire, report)


def _scored_items(instrument: Instrument, questionnaire: Questionnaire, path: str,
                  report: Report) -> list[Item] | None:
    """The questions the instrument scores, or None when they cannot all be known (or one
    cannot be scored: each is reported)."""
    page, named = instrument.page, instrument.items
    if page is None and named is None:
        report(path, "needs page: (a page of questions) or items: (the questions it scores)")
        return None
    if page is not None and named is not None:
        report(f"{path}.items", "give page: or items:, not both")
        return None
    where: dict[str, str] = {}
    if page is not None:
        if not is_valid(page):
            return None
        pages = {p.id: p for _, p in entries(questionnaire.pages) if isinstance(p.id, str)}
        if page not in pages:
            if ids_of(questionnaire.pages).complete:
                report(f"{path}.page", f"no page {quoted(page)}" + did_you_mean(page, pages))
            return None
        if not is_whole(pages[page].items):
            return None
        found = [item for _, item in entries(pages[page].items) if item.type != "display"]
        where = {item.id: f"{path}.page" for item in found if isinstance(item.id, str)}
        if not found:
            report(f"{path}.page", f"page {page!r} has no questions to score")
            return None
    else:
        if not is_whole(named or ()):
            return None
        known = known_items(questionnaire)
        found = []
        for i, item_id in entries(named or ()):
            item = known.items.get(item_id)
            if item_id in where:
                report(f"{path}.items[{i}]", f"{item_id!r} is listed twice")
            elif item is None:
                if known.complete:
                    report(f"{path}.items[{i}]", f"no question {quoted(item_id)}"
                           + did_you_mean(item_id, known.items))
                return None
            else:
                where[item_id] = f"{path}.items[{i}]"
                found.append(item)
    return _scorable(found, where, report)


def _scorable(found: list[Item], where: Mapping[str, str], report: Report) -> list[Item] | None:
    fine = True
    for item in found:
        kind = item.type
        if not (is_valid(kind) and isinstance(item.id, str)):
            return None
        if kind not in SCORED_TYPES:
            fine = False
            report(where[item.id], f"{item.id!r} is a {kind} question; only scale, number,"
                   " yes/no and single-choice answers can be scored")
        elif kind == "number" and not (isinstance(item.min, (int, float))
                                       and isinstance(item.max, (int, float))):
            fine = False
            report(where[item.id], f"{item.id!r} needs min and max to be scored (they set"
                   " the score's range)")
    return found if fine else None


def _checked_values(instrument: Instrument, items: list[Item], path: str,
                    report: Report) -> Instrument | None:
    """The instrument with only the values that could be read; None when values are missing
    (each option without one is reported) or could not be read."""
    choices = {item.id: choice_ids(item) for item in items if item.type in CHOICES}
    every = {option for ids in choices.values() for option in ids.ids}
    values: dict[str, float] = {}
    whole = is_valid(instrument.values) and is_valid(instrument.item_values)
    for option, value in (instrument.values or {}).items() if whole else ():
        key = f"{path}.values.{option}"
        if usable_number(value, key, report):
            values[option] = value
            if option not in every and all(ids.complete for ids in choices.values()):
                report(key, f"no question of the instrument has the option {option!r}"
                       + did_you_mean(option, sorted(every)))
    own_values: dict[str, dict[str, float]] = {}
    for item_id, own in (instrument.item_values or {}).items() if whole else ():
        key = f"{path}.item_values.{item_id}"
        item = next((item for item in items if item.id == item_id), None)
        if item is None or item.type not in CHOICES:
            report(key, f"the value of a {item.type} answer is the number itself"
                   if item is not None else "not a question of this instrument"
                   + did_you_mean(item_id, [i.id for i in items]))
        elif is_valid(own):
            own_values[item_id] = {}
            for option, value in own.items():
                if usable_number(value, f"{key}.{option}", report):
                    own_values[item_id][option] = value
                    if choices[item_id].complete and option not in choices[item_id].ids:
                        report(f"{key}.{option}", f"{option!r} is not an option of {item_id!r}"
                               + did_you_mean(option, choices[item_id].ids))
    if not whole:
        return None
    clean = dataclasses.replace(instrument, values=values, item_values=own_values)
    missing = False
    for item in items:
        own_options = ("yes", "no") if item.type == "yesno" else (
            item.options if item.type == "single" else ())
        for _, option in entries(own_options):
            if clean.value_of(item.id, option) is None:
                missing = True
                report(f"{path}.values", f"option {option!r} of {item.id!r} has no value; give"
                       f" it one under values (or item_values.{item.id})")
    return None if missing else clean


def _check_scores(instrument: Instrument, clean: Instrument | None, items: list[Item],
                  path: str, report: Report) -> None:
    by_id = {item.id: item for item in items}
    score_ids = ids_of(instrument.scores)
    ranges: dict[str, Range] = {}
    seen: set[str] = set()
    for s, rule in entries(instrument.scores):
        where = f"{path}.scores[{s}]"
        check_new_id(rule.id, where, "score", seen, report)
        chosen = _subscale(rule, by_id, instrument.id, where, report)
        if chosen is None:
            continue
        if isinstance(rule.max_missing, int) and not 0 <= rule.max_missing < len(chosen):
            report(f"{where}.max_missing", f"must be from 0 to {len(chosen) - 1} (the score"
                   f" has {len(chosen)} question{'s' if len(chosen) > 1 else ''})")
        if isinstance(rule.decimals, int) and not 0 <= rule.decimals <= 3:
            report(f"{where}.decimals", "must be from 0 to 3")
        if clean is None or not all(is_valid(v) for v in (rule.rule, rule.max_missing)):
            continue
        found = [item_range(clean, item) for item in chosen]
        if rule.rule == "percent" and any(r is not None and r[0] < 0 for r in found):
            report(f"{where}.rule", "a percent score needs values of 0 or more")
        elif all(r is not None for r in found) and isinstance(rule.id, str):
            ranges[rule.id] = score_range(rule, [r for r in found if r is not None])
    for s, rule in entries(instrument.scores):
        if is_valid(rule.bands) and rule.bands is not None and isinstance(rule.decimals, int):
            check_bands(rule, f"{path}.scores[{s}]", ranges, score_ids, report)


def _subscale(rule: ScoreRule, by_id: Mapping[str, Item], instrument: str, where: str,
              report: Report) -> list[Item] | None:
    if rule.items is None:
        return list(by_id.values())
    if not is_whole(rule.items):
        return None
    chosen: list[Item] = []
    for i, item_id in entries(rule.items):
        if item_id not in by_id:
            report(f"{where}.items[{i}]", f"{quoted(item_id)} is not a question of instrument"
                   f" {instrument!r}" + did_you_mean(item_id, by_id))
            return None
        if by_id[item_id] in chosen:
            report(f"{where}.items[{i}]", f"{item_id!r} is listed twice")
            return None
        chosen.append(by_id[item_id])
    return chosen


def _opt_in_items(questionnaire: Questionnaire) -> dict[str, str]:
    """Each question of an opt-in instrument, with that instrument's id."""
    found: dict[str, str] = {}
    pages = {p.id: p for _, p in entries(questionnaire.pages) if isinstance(p.id, str)}
    for _, instrument in entries(questionnaire.scoring):
        if instrument.opt_in is not True or not isinstance(instrument.id, str):
            continue
        page = pages.get(instrument.page) if isinstance(instrument.page, str) else None
        named = [item.id for _, item in entries(page.items)] if page is not None else [
            item_id for _, item_id in entries(instrument.items or ())]
        found.update((item_id, instrument.id) for item_id in named if isinstance(item_id, str))
    return found


def _named(condition: Condition | None) -> list[str]:
    """The questions a (possibly salvaged) condition looks at."""
    if condition is None or not is_valid(condition):
        return []
    found = [condition.question] if isinstance(condition.question, str) else []
    for key in ("all", "any"):
        for _, part in entries(getattr(condition, key)):
            found.extend(_named(part))
    return found


def _check_opt_in_unnamed(questionnaire: Questionnaire, report: Report) -> None:
    opt_in = _opt_in_items(questionnaire)
    for p, page in entries(questionnaire.pages):
        for i, item in entries(page.items):
            for question in _named(item.show_if):
                owner = opt_in.get(question)
                if owner is not None and opt_in.get(item.id) != owner:
                    report(f"pages[{p}].items[{i}].show_if", f"{question!r} belongs to the"
                           f" opt-in instrument {owner!r}, which a kiosk may not ask")


def check_rules_opt_in(rules: Rules, questionnaire: Questionnaire | None, decoder: Decoder,
                       errors: list[ContentError]) -> None:
    """No rule looks at a question of an opt-in instrument (it may not be asked)."""
    if questionnaire is None:
        return
    report = reporter(decoder, errors)
    opt_in = _opt_in_items(questionnaire)
    for group in RULE_GROUPS:
        for n, rule in entries(getattr(rules, group)):
            for question in _named(rule.when):
                if question in opt_in:
                    report(f"{group}[{n}].when", f"{question!r} belongs to the opt-in"
                           f" instrument {opt_in[question]!r}, which a kiosk may not ask")
