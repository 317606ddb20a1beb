"""The questionnaire as data: pages, items and show-if conditions (structure), and their words.

Item ids are the FHIR linkIds; item types map onto FHIR item types. Conditions are structured
(question, operator, value, combined with all/any), never code.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kiosk.intake.body_regions import REGION_IDS
from kiosk.intake.instruments import Instrument, InstrumentWords

if TYPE_CHECKING:
    import yaml

    from kiosk.decoding.decode import Decoder

ItemType = Literal["text", "yesno", "single", "multiple", "number", "scale", "duration", "date",
                   "bodymap", "display"]
Op = Literal["=", "!=", ">", "<", ">=", "<=", "exists"]
OPS: tuple[str, ...] = ("=", "!=", ">", "<", ">=", "<=", "exists")
Answer = str | int | float | datetime.date | tuple[str, ...]

CHOICE_TYPES = frozenset({"yesno", "single", "multiple", "bodymap"})
#: Types answered with several ids at once (a condition's `=` asks whether one is among them).
SET_TYPES = frozenset({"multiple", "bodymap"})
#: The options the kiosk offers itself (yes/no questions, unsure/prefer_not/none: true); their
#: clinical labels are written once per language, in `clinical_answers`.
BUILT_IN_OPTIONS: tuple[str, ...] = ("yes", "no", "unsure", "prefer-not", "none")
ORDERED_TYPES = frozenset({"number", "scale", "duration", "date"})
SCALE_MAX = 10


@dataclass(frozen=True, slots=True)
class Condition:
    """`question op value`, or all/any of other conditions."""

    question: str | None = None
    op: Op | None = None
    value: str | int | float | datetime.date | None = None
    all: tuple[Condition, ...] = ()
    any: tuple[Condition, ...] = ()

    def questions(self) -> list[str]:
        """Every question this condition looks at, in order of appearance."""
        if self.question is not None:
            return [self.question]
        return [q for part in (*self.all, *self.any) for q in part.questions()]

    def describe(self) -> str:
        """The condition as an editor wrote it, e.g. `treatments-tried = physio`."""
        if self.question is not None:
            if self.op == "exists":
                return f"{self.question} is answered"
            return f"{self.question} {self.op} {self.value}"
        joiner = " and " if self.all else " or "
        parts = [p.describe() for p in (self.all or self.any)]
        return "(" + joiner.join(parts) + ")"

    @classmethod
    def from_node(cls, decoder: Decoder, node: yaml.Node, path: str) -> Any:
        from kiosk.decoding.decode import INVALID

        pairs = decoder.pairs(node, path)
        if pairs is None:
            return INVALID
        keys = {key for key, _, _ in pairs}
        if keys & {"all", "any"}:
            if len(keys) != 1:
                decoder.error(node, path, "a condition is either all: or any: or question/op/value,"
                                          f" not {', '.join(sorted(keys))}")
                return INVALID
            key, _, parts_node = pairs[0]
            parts = decoder.decode(parts_node, tuple[Condition, ...], f"{path}.{key}")
            return INVALID if parts is INVALID else cls(**{key: parts})
        allowed = {"question", "op", "value"}
        ok = True
        for key, key_node, _ in pairs:
            if key not in allowed:
                from kiosk.decoding.errors import did_you_mean

                hint = did_you_mean(key, [*allowed, "all", "any"])
                decoder.error(key_node, f"{path}.{key}", "unknown key" + hint)
                ok = False
        found = {key: value for key, _, value in pairs}
        for key in ("question", "op"):
            if key not in found:
                decoder.error(node, f"{path}.{key}", "required key is missing")
                ok = False
        if not ok:
            return INVALID
        question = decoder.decode(found["question"], str, f"{path}.question")
        op = decoder.decode(found["op"], Op, f"{path}.op")
        value: Any = None
        if "value" in found:
            value = decoder.scalar(found["value"], f"{path}.value")
        elif op not in ("exists", INVALID):
            decoder.error(node, f"{path}.value", f"required for op {op!r}")
            return INVALID
        if INVALID in (question, op, value):
            return INVALID
        return cls(question=question, op=op, value=value)


@dataclass(frozen=True, slots=True)
class Item:
    """One question (or a note) of the questionnaire."""

    id: str
    type: ItemType
    required: bool = False
    options: tuple[str, ...] = ()
    unsure: bool = False
    prefer_not: bool = False
    none: bool = False
    min: float | None = None
    max: float | None = None
    decimals: int = 0
    max_length: int = 200
    show_if: Condition | None = None
    #: A regular expression a text answer must match whole (e.g. a record number's format).
    pattern: str | None = None

    def choices(self) -> tuple[str, ...]:
        """Every option id a patient may pick, in the order they are shown (a pain map's are
        the body regions)."""
        if self.type == "bodymap":
            return REGION_IDS
        base = ("yes", "no") if self.type == "yesno" else self.options
        extra = (("unsure",) if self.unsure else ()) + (
            ("prefer-not",) if self.prefer_not else ()) + (("none",) if self.none else ())
        return base + extra

    @property
    def asks(self) -> bool:
        return self.type != "display"


@dataclass(frozen=True, slots=True)
class Page:
    """A group of items with a title."""

    id: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """The whole questionnaire, in order."""

    url: str
    version: str
    pages: tuple[Page, ...]
    unsure_for_review: int = 3
    #: The scored measures (kiosk.intake.instruments); their scores are computed by
    #: kiosk.intake.scoring from a visit's answers.
    scoring: tuple[Instrument, ...] = ()

    def items(self) -> tuple[Item, ...]:
        return tuple(item for page in self.pages for item in page.items)

    def item(self, item_id: str) -> Item:
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def page_of(self, item_id: str) -> Page:
        for page in self.pages:
            if any(item.id == item_id for item in page.items):
                return page
        raise KeyError(item_id)


@dataclass(frozen=True, slots=True)
class ItemWords:
    """One language's words for one item: the patient's words, and a short clinical label
    (for the question and for each of its own options) that only the specialist reads."""

    text: str
    help: str | None = None
    options: dict[str, str] | None = None
    low: str | None = None
    high: str | None = None
    unit: str | None = None
    clinical: str | None = None  # required in content; checked with the other words
    clinical_options: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class PageWords:
    """A page's title for the patient, and a heading for the specialist's page (`clinical`;
    the title when not given)."""

    title: str
    clinical: str | None = None


@dataclass(frozen=True, slots=True)
class QuestionnaireWords:
    """One language's words for the questionnaire.

    `clinical_answers` labels the options the kiosk adds itself (yes, no, unsure, prefer-not,
    none) for the specialist; an item's own options have theirs in its `clinical_options`.
    `instruments` names each scored measure, its scores and bands for the specialist."""

    pages: dict[str, PageWords]
    items: dict[str, ItemWords]
    clinical_answers: dict[str, str] = field(default_factory=dict)
    instruments: dict[str, InstrumentWords] = field(default_factory=dict)

    def clinical(self, item_id: str) -> str:
        """The specialist's short label for a question, e.g. "Saddle anaesthesia (new)"."""
        words = self.items[item_id]
        return words.clinical or words.text

    def clinical_option(self, item_id: str, option_id: str) -> str:
        """The specialist's label for one answer option of a question: the item's own
        `clinical_options`, else the label of an option the kiosk adds (yes, no, unsure...)."""
        own = self.items[item_id].clinical_options or {}
        if option_id in own:
            return own[option_id]
        return self.clinical_answers.get(option_id, option_id)

    def clinical_answer(self, item: Item, answer: Answer) -> str:
        """An answer to `item` in the specialist's labels: a choice by its clinical option
        label (several joined by "; "), a date as ISO, anything else (the patient's own text,
        a number) as it is."""
        if item.type in CHOICE_TYPES:
            chosen = answer if isinstance(answer, tuple) else (str(answer),)
            return "; ".join(self.clinical_option(item.id, option) for option in chosen)
        if isinstance(answer, datetime.date):
            return answer.isoformat()
        return str(answer)
