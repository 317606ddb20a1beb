"""A visit's scores: every instrument's scores computed from the answers of visible questions.

Only the answers of questions shown in the visit count: an answer branching hid is dropped by
the session, and is skipped here too should one be passed in. An answer without a value (the
kiosk's own "not sure" or "rather not say") counts as unanswered. Each score says how many of
its questions were answered, so "not scored: 1 of 3 answered" can be printed in its place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kiosk.intake.conditions import holds
from kiosk.intake.instruments import Instrument, ScoreRule
from kiosk.intake.questionnaire import SCALE_MAX, Answer, Item, Page, Questionnaire

Range = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Score:
    """One score of one instrument for one visit.

    `value` is None when too many of its `items` questions were left unanswered (then `band`
    is None too); `lowest` and `highest` are the values it can take ("5 of 9")."""

    instrument: str
    score: str
    value: float | None
    band: str | None
    answered: int
    items: int
    lowest: float
    highest: float
    decimals: int

    def shown(self, decimal_mark: str = ".") -> str:
        """The value as printed, with the score's decimals ("7.0"), or "" when not scored."""
        if self.value is None:
            return ""
        return f"{self.value:.{self.decimals}f}".replace(".", decimal_mark)


def instrument_items(instrument: Instrument, questionnaire: Questionnaire) -> tuple[Item, ...]:
    """The questions an instrument scores, in order: its page's (not its notes), or the
    items it names."""
    if instrument.page is not None:
        page = next((p for p in questionnaire.pages if p.id == instrument.page), None)
        return tuple(item for item in page.items if item.asks) if page is not None else ()
    by_id = {item.id: item for item in questionnaire.items()}
    return tuple(by_id[item_id] for item_id in instrument.items or () if item_id in by_id)


def answer_value(instrument: Instrument, item: Item, answer: Answer | None) -> float | None:
    """The value an answer gives the instrument, or None (unanswered, or without a value)."""
    if answer is None:
        return None
    if item.type in ("scale", "number"):
        return float(answer) if isinstance(answer, (int, float)) else None
    return instrument.value_of(item.id, answer) if isinstance(answer, str) else None


def item_range(instrument: Instrument, item: Item) -> Range | None:
    """The lowest and highest value one question can give, or None when it gives none."""
    if item.type == "scale":
        return 0.0, float(SCALE_MAX)
    if item.type == "number":
        if item.min is None or item.max is None:
            return None
        return float(item.min), float(item.max)
    values = [value for option in item.choices()
              if (value := instrument.value_of(item.id, option)) is not None]
    return (min(values), max(values)) if values else None


def score_range(rule: ScoreRule, ranges: Sequence[Range]) -> Range:
    """The lowest and highest value a score can take, with as many questions unanswered as
    it allows (a sum over fewer questions can be smaller)."""
    if not ranges:
        return 0.0, 0.0
    if rule.rule == "percent":
        return 0.0, 100.0
    if rule.rule == "mean":
        return min(low for low, _ in ranges), max(high for _, high in ranges)
    lows = sorted(low for low, _ in ranges)
    highs = sorted((high for _, high in ranges), reverse=True)
    counts = range(max(1, len(ranges) - rule.max_missing), len(ranges) + 1)
    return (min(sum(lows[:n]) for n in counts), max(sum(highs[:n]) for n in counts))


def rounded(value: float, decimals: int) -> float:
    """`value` rounded half up (6.25 -> 6.3), as a score is written by hand."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def visible_answers(questionnaire: Questionnaire,
                    answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers of the questions branching shows, found as the session finds them."""
    items = {item.id: item for item in questionnaire.items()}
    seen: dict[str, Answer] = {}
    for item in questionnaire.items():
        if (item.show_if is None or holds(item.show_if, seen, items)) and item.id in answers:
            seen[item.id] = answers[item.id]
    return seen


def scores(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> list[Score]:
    """Every score of every instrument the questionnaire asks, in the order written."""
    shown = visible_answers(questionnaire, answers)
    return [score for instrument in questionnaire.scoring
            for score in _instrument_scores(instrument, questionnaire, shown)]


def _instrument_scores(instrument: Instrument, questionnaire: Questionnaire,
                       answers: Mapping[str, Answer]) -> list[Score]:
    asked = {item.id: item for item in instrument_items(instrument, questionnaire)}
    made: list[tuple[ScoreRule, Score]] = []
    for rule in instrument.scores:
        chosen = ([asked[i] for i in rule.items if i in asked] if rule.items
                  else list(asked.values()))
        values = [value for item in chosen
                  if (value := answer_value(instrument, item, answers.get(item.id))) is not None]
        ranges = [found_range for item in chosen
                  if (found_range := item_range(instrument, item)) is not None]
        lowest, highest = score_range(rule, ranges)
        value = None
        if values and len(chosen) - len(values) <= rule.max_missing:
            value = rounded(_combined(rule, values, chosen, instrument, answers), rule.decimals)
        made.append((rule, Score(instrument.id, rule.id, value, None, len(values),
                                 len(chosen), lowest, highest, rule.decimals)))
    found = {rule.id: score for rule, score in made}
    return [dataclasses.replace(score, band=_band(rule, found)) for rule, score in made]


def _combined(rule: ScoreRule, values: Sequence[float], chosen: Iterable[Item],
              instrument: Instrument, answers: Mapping[str, Answer]) -> float:
    if rule.rule == "sum":
        return sum(values)
    if rule.rule == "mean":
        return sum(values) / len(values)
    most = 0.0  # percent: of the most the answered questions could give
    for item in chosen:
        if answer_value(instrument, item, answers.get(item.id)) is not None:
            most += (item_range(instrument, item) or (0.0, 0.0))[1]
    return 100 * sum(values) / most if most else 0.0


def _band(rule: ScoreRule, found: Mapping[str, Score]) -> str | None:
    """The first band that holds, looking at this score or the other score a band names."""
    if found[rule.id].value is None:
        return None
    for band in rule.bands or ():
        looked_at = found.get(band.score or rule.id)
        if looked_at is not None and looked_at.value is not None and band.holds(looked_at.value):
            return band.id
    return None


def asked_with_instruments(questionnaire: Questionnaire,
                           turned_on: Iterable[str]) -> Questionnaire:
    """The questionnaire as a kiosk asks it: an opt-in instrument not `turned_on` is left out
    with its questions (its page, or the items it names), and is not scored."""
    wanted = set(turned_on)
    left_out = [instrument for instrument in questionnaire.scoring
                if instrument.opt_in and instrument.id not in wanted]
    if not left_out:
        return questionnaire
    pages_out = {instrument.page for instrument in left_out if instrument.page is not None}
    items_out = {item_id for instrument in left_out for item_id in instrument.items or ()}
    pages = []
    for page in questionnaire.pages:
        items = tuple(item for item in page.items if item.id not in items_out)
        if page.id not in pages_out and items:
            pages.append(Page(page.id, items))
    return dataclasses.replace(
        questionnaire, pages=tuple(pages),
        scoring=tuple(i for i in questionnaire.scoring if i not in left_out))


def option_weights(questionnaire: Questionnaire) -> dict[tuple[str, str], float]:
    """(question id, option) -> the value a scored measure gives that option: what a record
    system reads as the option's ordinal value. The first measure scoring a question wins."""
    weights: dict[tuple[str, str], float] = {}
    for instrument in questionnaire.scoring:
        for item in instrument_items(instrument, questionnaire):
            for option in item.choices():
                value = instrument.value_of(item.id, option)
                if value is not None:
                    weights.setdefault((item.id, option), value)
    return weights
