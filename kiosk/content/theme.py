"""The kiosk's look as data: font, colours and text sizes from resources/theme/theme.yaml."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colours:
    """The theme's colours; the accent colour comes from the clinic's settings."""

    background: str
    surface: str
    text: str
    muted: str
    border: str
    on_accent: str
    urgent: str


@dataclass(frozen=True, slots=True)
class BodySizes:
    """Body text size in pixels at 1080 lines of screen, for each text size a patient picks."""

    normal: int
    large: int
    largest: int


@dataclass(frozen=True, slots=True)
class Theme:
    """Font family and colours for every screen."""

    font_family: str
    fallback_fonts: tuple[str, ...]
    colours: Colours
    body_px: BodySizes
