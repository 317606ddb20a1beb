"""The smallest text size whose capital H reaches a given height in the font the kiosk draws with.

The height comes from the viewing distance (kiosk.content.viewing); this module measures the
font: its capital height at each pixel size, hinting included, as Qt will draw it. Each
measurement is kept, so sizing the screens again on every resize costs next to nothing.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF

#: A capital's height for a font size of 1 when a font does not say (Noto Sans 0.714,
#: DejaVu Sans 0.729).
TYPICAL_CAPITAL_RATIO = 0.7


@lru_cache(maxsize=64)
def capital_height(families: tuple[str, ...], pixel_size: int) -> float:
    """The height of a capital letter in the first of `families` installed, at `pixel_size`."""
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(pixel_size)
    return QFontMetricsF(font).capHeight()


@lru_cache(maxsize=64)
def readable_body_px(families: tuple[str, ...], capital_px: float) -> int:
    """The smallest body size, in whole pixels, whose capital H is at least `capital_px` tall
    in the first of `families` installed."""
    per_pixel = capital_height(families, 1000) / 1000
    if per_pixel <= 0:  # a font that does not say: as tall as in most sans serif faces
        return math.ceil(capital_px / TYPICAL_CAPITAL_RATIO)
    body = max(1, math.floor(capital_px / per_pixel))
    while capital_height(families, body) < capital_px:
        body += 1
    return body
