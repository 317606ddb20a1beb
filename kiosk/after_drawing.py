"""Work that waits for the screen: run once the window has drawn what a touch changed.

A zero-time timer is not enough: Qt draws a changed window from a timer of its own (a few
milliseconds on X11 and offscreen, the next frame on Wayland), so a zero-time timer's work
runs before the new screen is drawn, and a patient who touched "Send" would look at the old
screen while the specialist's summary is built (tens of milliseconds). Work here waits two
frames instead: every repaint asked for before it has run by then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: Two frames at 60 Hz: longer than Qt waits before drawing a changed window.
AFTER_DRAWING_MS = 33


class AfterDrawing(QObject):
    """Calls `work` once, two frames after the first of any number of `request` calls."""

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AFTER_DRAWING_MS)
        self._timer.timeout.connect(work)

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
