"""Every pair of colours the kiosk's screens draw one on the other, and the contrast each needs.

This is the one list of them: the style sheet draws words and controls only in these pairs,
the start-up check computes every pair of every contrast mode from the theme file, and the
tests do the same. Words need 4.5:1 (WCAG 1.4.3), large words 3:1 (at least 24 px, or 18.66
px bold), and the parts of a control a patient must see to use it 3:1 (WCAG 1.4.11): the edge
of a button or box, the fill of a chosen answer, the focus ring, the progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from kiosk.content.colour import contrast_ratio, is_hex_colour
from kiosk.content.theme import Colours, Palette

Kind = Literal["text", "large text", "control"]
#: The least contrast each kind of pair needs.
MINIMUM: dict[Kind, float] = {"text": 4.5, "large text": 3.0, "control": 3.0}
#: Large text, in pixels: this size, or LARGE_BOLD_PX when bold.
LARGE_PX = 24.0
LARGE_BOLD_PX = 18.66


@dataclass(frozen=True, slots=True)
class Pair:
    """One colour (`ink`: words or a line) drawn on another (`ground`), by colour name."""

    ink: str
    ground: str
    kind: Kind
    seen_as: str  # where a patient sees it

    @property
    def minimum(self) -> float:
        return MINIMUM[self.kind]

    @property
    def uses_accent(self) -> bool:
        return "accent" in (self.ink, self.ground)


PAIRS: tuple[Pair, ...] = (
    Pair("text", "background", "text", "words on a screen"),
    Pair("text", "surface", "text", "words on buttons, cards, the bar and in text boxes;"
                                    " the mark of an answer not chosen"),
    Pair("muted", "background", "text", "help, hints and notes; a button that cannot be"
                                        " pressed"),
    Pair("muted", "surface", "text", "small print on cards, answer rows and the bar"),
    Pair("urgent", "surface", "text", "a warning in an answer row; the urgent help's edge"),
    Pair("urgent", "background", "text", "a warning under a question"),
    Pair("text", "pressed", "text", "a button's words under a finger"),
    Pair("muted", "pressed", "text", "an answer row's small print under a finger"),
    Pair("urgent", "pressed", "text", "an answer row's warning under a finger"),
    Pair("on_chosen", "chosen", "text", "a chosen answer's words and its mark"),
    Pair("surface", "urgent", "text", "the words of the urgent band"),
    Pair("on_accent", "accent", "text", "the words of a screen's main button"),
    Pair("on_accent", "text", "text", "a main button under a finger"),
    Pair("accent", "background", "large text", "\"Touch the screen\" on the welcome loop;"
                                               " the edge of a topic under a finger"),
    Pair("border", "background", "control", "the edge of a button or box on a screen"),
    Pair("border", "surface", "control", "the edge of a box on a card or the bar; the"
                                         " progress bar's edge"),
    Pair("chosen", "surface", "control", "a chosen answer's fill beside those not chosen"),
    Pair("chosen", "background", "control", "a chosen answer's fill on the screen"),
    Pair("focus", "background", "control", "the focus ring on a screen"),
    Pair("focus", "surface", "control", "the focus ring on a card or the bar"),
    Pair("focus", "chosen", "control", "the focus ring around a chosen answer"),
    Pair("accent", "surface", "control", "the progress bar's fill in its track"),
)


@dataclass(frozen=True, slots=True)
class Measured:
    """A pair's contrast in one set of colours."""

    pair: Pair
    ratio: float

    @property
    def enough(self) -> bool:
        return self.ratio >= self.pair.minimum


def measure(colour_of: Callable[[str], str | None], pairs: tuple[Pair, ...] = PAIRS
            ) -> list[Measured]:
    """The contrast of every pair whose two colours `colour_of` knows (None: not a colour)."""
    found = []
    for pair in pairs:
        ink, ground = colour_of(pair.ink), colour_of(pair.ground)
        if ink is not None and ground is not None:
            found.append(Measured(pair, contrast_ratio(ink, ground)))
    return found


def measure_palette(palette: Palette) -> list[Measured]:
    """Every pair of one contrast mode's colours."""
    return measure(lambda name: str(getattr(palette, name)))


def lowest(measured: list[Measured]) -> Measured:
    """The pair nearest its minimum (the one a clinic's change would break first)."""
    return min(measured, key=lambda m: m.ratio / m.pair.minimum)


def is_large(pixels: float, bold: bool) -> bool:
    """Whether words this size count as large text (3:1 is then enough)."""
    return pixels >= (LARGE_BOLD_PX if bold else LARGE_PX)


def with_accent(colours: Colours, accent: str) -> list[Measured]:
    """The pairs of the clinic's look that take its accent colour (from the settings)."""
    def colour_of(name: str) -> str | None:
        value = accent if name == "accent" else getattr(colours, name, None)
        return value if isinstance(value, str) and is_hex_colour(value) else None

    return measure(colour_of, tuple(pair for pair in PAIRS if pair.uses_accent))
