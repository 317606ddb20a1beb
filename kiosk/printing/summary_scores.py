"""Scored measures on the specialist's page: one line per instrument, its scores, band and
how many of its questions were answered, with its copyright notice where it has one.

An instrument of a single question already printed in the pain block (the numeric pain
rating on "pain now") adds only its band beside that figure, so its number is printed once.
The answers behind a score are not printed again: the score stands for them (the visit's
record and its FHIR export keep every answer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from kiosk.intake.scoring import Score, instrument_items, scores
from kiosk.printing.summary_facts import MUTED, Facts, e


@dataclass(slots=True)
class PrintedScores:
    """What the pain block prints of the visit's scores."""

    #: A band to print beside a pain figure, by the figure's question id.
    beside: dict[str, str] = field(default_factory=dict)
    #: One line (HTML) per other instrument.
    lines: list[str] = field(default_factory=list)


def _value(facts: Facts, score: Score) -> str:
    say = facts.say
    if score.value is None:
        return e(say.not_scored.format(answered=score.answered, items=score.items))
    return (f"<b>{e(score.shown(say.decimal_mark))}</b>"
            f' <span style="color: {MUTED};">({score.lowest:g}\u2013{score.highest:g})</span>')


def printed_scores(facts: Facts, figures: tuple[str, ...]) -> PrintedScores:
    """Every instrument's scores in clinical words; `figures` are the pain figures' question
    ids the pain block prints itself. Marks each instrument's questions as printed."""
    found = PrintedScores()
    instruments = {instrument.id: instrument for instrument in facts.questionnaire.scoring}
    said = facts.words.questionnaire.instruments
    for instrument_id, group in groupby(scores(facts.questionnaire, facts.answers),
                                        key=lambda score: score.instrument):
        made = list(group)
        asked = [item.id for item in instrument_items(instruments[instrument_id],
                                                      facts.questionnaire)]
        if not any(item_id in facts.answers for item_id in asked):
            continue
        words = said[instrument_id]
        bands = [(words.bands or {})[score.band] for score in made if score.band is not None]
        if len(asked) == 1 and asked[0] in figures and made[0].value is not None:
            found.beside[asked[0]] = "; ".join(bands)
            continue
        facts.shown.update(asked)
        parts = [f"{e(words.scores[score.score])} {_value(facts, score)}" for score in made]
        line = f"<b>{e(words.name)}</b>: " + ", ".join(parts)
        if bands:
            line += " \u2014 <b>" + e("; ".join(bands)) + "</b>"
        answered = max(score.answered for score in made)
        if all(score.value is not None for score in made):
            line += (f' <span style="color: {MUTED};">\u00b7 '
                     + e(facts.say.score_answered.format(answered=answered, items=len(asked)))
                     + "</span>")
        if words.notice:
            line += f' <span style="font-size: 7pt; color: {MUTED};">{e(words.notice)}</span>'
        found.lines.append(line)
    return found
