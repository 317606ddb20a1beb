"""How big text must be on the waiting-room screen to be read from where the patient stands.

EN 301 549 5.1.4 (and Section 508, which refers to it): a capital H must subtend at least
0.7 degrees of the patient's view at the viewing distance the kiosk states. On a screen of a
given size and resolution that is a height in pixels; the kiosk's normal text size is kept at
least that tall.

Worked figure: a 21.5-inch screen of 1920 x 1080 pixels has pixels 0.248 mm apart; at 500 mm
a capital H of 0.7 degrees is 6.11 mm tall, so at least 24.6 pixels.
"""

from __future__ import annotations

import math

from kiosk.content.settings import ScreenSettings

#: EN 301 549 5.1.4: the least angle a capital H may subtend at the viewing distance.
CAPITAL_H_DEGREES = 0.7
MM_PER_INCH = 25.4


def pixel_pitch_mm(width_px: int, height_px: int, diagonal_inches: float) -> float:
    """The distance between neighbouring pixels of a screen with square pixels."""
    return diagonal_inches * MM_PER_INCH / math.hypot(width_px, height_px)


def smallest_capital_mm(distance_mm: float) -> float:
    """The height of a capital H that subtends `CAPITAL_H_DEGREES` at `distance_mm`."""
    return 2 * distance_mm * math.tan(math.radians(CAPITAL_H_DEGREES / 2))


def smallest_capital_px(screen: ScreenSettings, width_px: int, height_px: int) -> float:
    """The least height, in pixels, of a capital H in text at the normal size on a screen of
    `width_px` x `height_px` pixels as the settings describe it."""
    pitch = pixel_pitch_mm(width_px, height_px, screen.diagonal_inches)
    return smallest_capital_mm(screen.viewing_distance_mm) / pitch
