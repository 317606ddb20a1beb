"""The hidden gesture that opens staff mode: several quick taps in one corner of the screen."""

from __future__ import annotations

from collections import deque

from kiosk.content.settings import StaffSettings


class CornerTaps:
    """Counts taps in the staff corner; `tap` says True when the gesture is complete.

    A tap outside the corner, or one that comes too late, starts the count again.
    """

    def __init__(self, staff: StaffSettings) -> None:
        self._staff = staff
        self._times: deque[float] = deque(maxlen=staff.taps)

    def in_corner(self, x: int, y: int, width: int, height: int) -> bool:
        zone = self._staff.corner_px
        right = x >= width - zone
        bottom = y >= height - zone
        return {"top-right": right and y < zone, "top-left": x < zone and y < zone,
                "bottom-right": right and bottom, "bottom-left": x < zone and bottom,
                }[self._staff.corner]

    def tap(self, x: int, y: int, width: int, height: int, seconds: float) -> bool:
        if not self.in_corner(x, y, width, height):
            self._times.clear()
            return False
        self._times.append(seconds)
        complete = (len(self._times) == self._staff.taps
                    and seconds - self._times[0] <= self._staff.tap_seconds)
        if complete:
            self._times.clear()
        return complete
