"""Clinic settings: name, colours, language and every duration the kiosk uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TextSize = Literal["normal", "large", "largest"]
TEXT_SIZES: tuple[TextSize, ...] = ("normal", "large", "largest")

#: WCAG 2.2.1: before a time limit ends, give at least 20 seconds to extend it.
MIN_WARNING_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """Who the kiosk belongs to and how it looks."""

    name: str
    logo: str | None = None  # image file, relative to the settings file
    accent_color: str = "#1f6f8b"
    emergency_number: str = "911"


@dataclass(frozen=True, slots=True)
class KioskSettings:
    """How the kiosk behaves on the waiting-room screen."""

    language: str = "en"
    text_size: TextSize = "normal"
    idle_seconds: float = 90.0
    warning_seconds: float = 30.0
    attract_seconds: float = 6.0
    animations: bool = True
    thanks_seconds: float = 20.0
    location: str | None = None  # where this kiosk stands, printed on the urgent slip


@dataclass(frozen=True, slots=True)
class PrintingSettings:
    """Where and how the specialist's summary is printed, and what the kiosk keeps."""

    language: str = "en"
    paper: Literal["letter", "a4"] = "letter"
    printer: str | None = None
    urgent_printer: str | None = None  # urgent slips go here when set, else to `printer`
    retention_hours: float = 24.0


Corner = Literal["top-right", "top-left", "bottom-right", "bottom-left"]


@dataclass(frozen=True, slots=True)
class StaffSettings:
    """The hidden way in for the front desk: a gesture, then a PIN."""

    pin_hash: str | None = None  # written by `kiosk set-pin`; never the PIN itself
    corner: Corner = "top-right"
    corner_px: int = 96
    taps: int = 5
    tap_seconds: float = 3.0
    wrong_pins: int = 5
    lockout_seconds: float = 60.0
    idle_seconds: float = 120.0
    pdf_folder: str | None = None  # where "Save as PDF" writes, e.g. a USB stick's mount


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything in settings.yaml, typed."""

    clinic: ClinicSettings
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    printing: PrintingSettings = field(default_factory=PrintingSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
