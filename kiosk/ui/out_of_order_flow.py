"""The kiosk window while the clinic's files are broken: out of order for patients, open to staff.

A mix-in of the window. The window runs on the last good content and settings, but where it
would rest between patients (the attract loop) it shows the out-of-order message instead:
fixed words in both languages, no bar, nothing to touch, no idle timer. The hidden corner
gesture and the PIN still open staff mode on the last good settings, so staff see the print
queue, reprint, and check and load the clinic's files again; leaving staff mode returns to
the message. Content that loads cleanly puts the kiosk back in service.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.ui.parts import Screen
from kiosk.ui.place import Place

log = logging.getLogger(__name__)

#: The out-of-order message's screen name; like the attract loop it times nobody out.
OUT_OF_ORDER = "out_of_order"


class OutOfOrderFlow:
    """The out-of-order state of the kiosk window (see KioskWindow)."""

    out_of_order: bool = False

    def out_of_order_screens(self) -> dict[str, Any]:
        return {OUT_OF_ORDER: self._make_out_of_order}

    def _make_out_of_order(self) -> Screen:
        from kiosk.ui.screens.out_of_order import OutOfOrderPage

        return OutOfOrderPage()

    def resting_place(self) -> Place:
        """Where the kiosk waits for the next patient: the attract loop or, while the
        clinic's files are broken, the out-of-order message."""
        return Place(OUT_OF_ORDER if self.out_of_order else "attract")

    def leave_out_of_order(self) -> None:
        """Staff loaded content that is correct: patients can use the kiosk again."""
        if self.out_of_order:
            self.out_of_order = False
            log.warning("the clinic's content loads again: the kiosk is back in service")
