"""The range every number in the settings and the theme must fall in, in one table.

A number outside its range (negative, zero, not a number, infinite, or absurdly large) would
stop the kiosk working in a way nobody sees until a patient or staff member trips over it: no
lock after wrong PINs, a corner no one can tap, an idle warning too short to answer, visits
kept for ever. `check-content` reports each one with its file and line. A number that could not
be read at all is reported where it is written, and skipped here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from kiosk.content.settings import MIN_WARNING_SECONDS, Settings
from kiosk.content.theme import Theme


@dataclass(frozen=True, slots=True)
class Limit:
    """From `low` to `high`, both included, in `unit`; `why` says what the range protects."""

    low: float
    high: float
    unit: str
    why: str = ""

    def problem(self, value: float) -> str | None:
        """What is wrong with `value`, or None when it is in range."""
        why = f", {self.why}" if self.why else ""
        if isinstance(value, float) and not math.isfinite(value):
            return f"must be a number from {self.low:g} to {self.high:g} {self.unit}{why}"
        if self.low <= value <= self.high:
            return None
        return f"must be from {self.low:g} to {self.high:g} {self.unit}{why} (it is {value:g})"


#: Settings, by key path as written in settings.yaml.
SETTINGS_LIMITS: dict[str, Limit] = {
    "kiosk.idle_seconds": Limit(10, 3600, "seconds"),
    # WCAG 2.2.1: before a time limit ends, at least 20 seconds to extend it.
    "kiosk.warning_seconds": Limit(MIN_WARNING_SECONDS, 600, "seconds",
                                   "so a patient has time to answer 'Are you still there?'"),
    "kiosk.attract_seconds": Limit(2, 120, "seconds"),
    "kiosk.thanks_seconds": Limit(3, 600, "seconds"),
    "printing.retention_hours": Limit(0.25, 24 * 90, "hours"),
    "fhir.keep_undelivered_hours": Limit(1, 24 * 90, "hours"),
    "staff.corner_px": Limit(48, 400, "pixels"),
    "staff.tap_seconds": Limit(1, 30, "seconds"),
    "staff.taps": Limit(3, 20, "taps", "so a patient's taps do not open staff mode"),
    "staff.wrong_pins": Limit(1, 20, "wrong PINs", "so the PIN pad locks"),
    "staff.lockout_seconds": Limit(10, 24 * 3600, "seconds", "so a lock holds guessing back"),
    "staff.lockouts_before_hold": Limit(1, 10, "locks", "so guessing ends in a hold for IT"),
    "staff.idle_seconds": Limit(15, 3600, "seconds"),
}

#: Theme numbers, by key path as written in theme.yaml.
THEME_LIMITS: dict[str, Limit] = {
    "body_px.normal": Limit(14, 64, "pixels"),
    "body_px.large": Limit(14, 80, "pixels"),
    "body_px.largest": Limit(14, 96, "pixels"),
}


def _value(root: Any, path: str) -> Any:
    """The value at `path`, or None where a part of the way could not be read."""
    for part in path.split("."):
        root = getattr(root, part, None)
    return root


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _problems(root: Any, limits: dict[str, Limit]) -> list[tuple[str, str]]:
    found = []
    for path, limit in limits.items():
        value = _value(root, path)
        if _number(value):
            problem = limit.problem(value)
            if problem is not None:
                found.append((path, problem))
    return found


def settings_problems(settings: Settings) -> list[tuple[str, str]]:
    """(key path, what is wrong) for every number in the settings out of its range."""
    return _problems(settings, SETTINGS_LIMITS)


def theme_problems(theme: Theme) -> list[tuple[str, str]]:
    """(key path, what is wrong) for every theme size out of range or out of order."""
    found = _problems(theme, THEME_LIMITS)
    normal, large, largest = (_value(theme, f"body_px.{size}")
                              for size in ("normal", "large", "largest"))
    if (not found and _number(normal) and _number(large) and _number(largest)
            and not normal <= large <= largest):
        found.append(("body_px", "the sizes must grow: normal <= large <= largest"))
    return found
