"""The kiosk's look as data: font, colours and text sizes from resources/theme/theme.yaml.

Besides the clinic's own colours the theme holds three high-contrast modes, the ones people
with low vision know from voting machines: black on white, white on black and yellow on
black. Each is a whole set of colours with its own accent; the clinic's accent colour (from
the settings) is used only in the clinic's own look.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from kiosk.content.contrast_modes import CONTRAST_MODES


@dataclass(frozen=True, slots=True)
class Colours:
    """The clinic's own colours; its accent colour comes from the clinic's settings."""

    background: str  # behind everything on a screen
    surface: str  # buttons, cards, the bottom bar, text boxes
    text: str
    muted: str  # help, hints, small print, a button that cannot be pressed
    border: str  # the edge of every button, box and card
    pressed: str  # a button under a finger
    chosen: str  # a chosen answer's fill
    on_chosen: str  # the words and mark of a chosen answer
    focus: str  # the ring around the control the keyboard is on
    on_accent: str  # words on the accent colour (the main button of a screen)
    urgent: str  # warnings, and the band of the "go to the front desk" screen


@dataclass(frozen=True, slots=True)
class Palette(Colours):
    """Every colour of one contrast mode, its accent included."""

    accent: str  # the main button of a screen, the progress bar, "Touch the screen"


@dataclass(frozen=True, slots=True)
class ContrastModes:
    """The high-contrast modes, each a whole set of colours with its own accent."""

    black_on_white: Palette
    white_on_black: Palette
    yellow_on_black: Palette


@dataclass(frozen=True, slots=True)
class BodySizes:
    """Body text size in pixels at 1080 lines of screen, for each text size a patient picks."""

    normal: int
    large: int
    largest: int


@dataclass(frozen=True, slots=True)
class Theme:
    """Font family, colours and text sizes for every screen."""

    font_family: str
    fallback_fonts: tuple[str, ...]
    colours: Colours
    body_px: BodySizes
    contrast_modes: ContrastModes

    def palette(self, mode: str, clinic_accent: str) -> Palette:
        """The colours of contrast `mode`; the clinic's look takes `clinic_accent`."""
        if mode == "clinic":
            own = {field.name: getattr(self.colours, field.name) for field in fields(Colours)}
            return Palette(**own, accent=clinic_accent)
        if mode not in CONTRAST_MODES:
            raise ValueError(f"no contrast mode {mode!r}; the modes are"
                             f" {', '.join(CONTRAST_MODES)}")
        found: Palette = getattr(self.contrast_modes, mode_key(mode))
        return found


def mode_key(mode: str) -> str:
    """The key of a high-contrast mode in theme.yaml: 'yellow-on-black' -> 'yellow_on_black'."""
    return mode.replace("-", "_")
