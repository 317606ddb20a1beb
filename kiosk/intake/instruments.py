"""Scored measures as content: instruments, their scores and bands (structure), and their words.

An instrument is a page of questions (or some named questions) with a value for each answer,
and one or more scores over those values: their sum, their mean, or their sum as a percent of
the most the answered questions could give, over all the instrument's questions or a named
subset (a subscale). A score is left out ("not scored") when more of its questions are
unanswered than it allows. Bands name ranges of a score for the specialist ("moderate pain",
"high risk"); a band may look at another score of the same instrument, and the first band that
holds is the score's band.

The structure is written once, in questionnaire.yaml under `scoring:`; the words a specialist
reads (the instrument's name, its scores' and bands' labels, a copyright notice printed with
it) are in each language's questionnaire words under `instruments:`. kiosk.intake.scoring
computes a visit's scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Rule = Literal["sum", "mean", "percent"]
#: Where the words a patient reads for an instrument's questions come from: its published
#: (validated) wording, or a stand-in until the clinic puts that wording in; an instrument with
#: stand-in words in any language is never asked.
Wording = Literal["published", "stand-in"]
#: Question types whose answer has one value: a scale or number is its own value; a yes/no or
#: single-choice answer has the value the instrument gives its option.
SCORED_TYPES = frozenset({"scale", "number", "yesno", "single"})


@dataclass(frozen=True, slots=True)
class Band:
    """A label for a score's values from `min` to `max` (both included; either may be left
    out for an open end), or, with `score`, for values of another score of the instrument."""

    id: str
    min: float | None = None
    max: float | None = None
    score: str | None = None

    def holds(self, value: float) -> bool:
        return ((self.min is None or value >= self.min)
                and (self.max is None or value <= self.max))


@dataclass(frozen=True, slots=True)
class ScoreRule:
    """How one score is made: `rule` over the values of the instrument's questions (or of the
    `items` named, a subscale), rounded to `decimals`; no score when more than `max_missing`
    of them are unanswered."""

    id: str
    rule: Rule
    items: tuple[str, ...] | None = None
    max_missing: int = 0
    decimals: int = 0
    bands: tuple[Band, ...] | None = None


@dataclass(frozen=True, slots=True)
class Instrument:
    """A scored measure: the questions of `page` (or the `items` named), the value of each
    option (`values` for every question, `item_values` for one question's own), and its
    scores. An `opt_in` instrument is asked only when the clinic lists it in settings.yaml
    (`kiosk.instruments`), for one whose licence the clinic must check first."""

    id: str
    scores: tuple[ScoreRule, ...]
    page: str | None = None
    items: tuple[str, ...] | None = None
    values: dict[str, float] | None = None
    item_values: dict[str, dict[str, float]] | None = None
    opt_in: bool = False

    def value_of(self, item_id: str, option: str) -> float | None:
        """The value of `option` as an answer to `item_id`, or None when it has none (the
        kiosk's own "not sure" or "rather not say", which count as unanswered)."""
        own = (self.item_values or {}).get(item_id, {})
        if option in own:
            return own[option]
        return (self.values or {}).get(option)


@dataclass(frozen=True, slots=True)
class InstrumentWords:
    """One language's words for an instrument, as the specialist reads them with its scores
    (`notice`: a copyright notice, also shown to the patient on the instrument's page)."""

    name: str
    scores: dict[str, str]
    bands: dict[str, str] | None = None
    notice: str | None = None
    wording: Wording = "published"
