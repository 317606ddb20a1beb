"""How long a change takes until its frame is on screen, and the spread of many such times.

`FrameClock` times one change of the kiosk window: from the call that makes it (a tap's
handler, a language switch …) until the window's next frame has been painted. Qt paints a
window when it handles the window's update request: every pending layout is done, every
widget marked for repainting paints itself into the window's backing store, and the store is
flushed to the screen (with the offscreen platform, into memory: no GPU and no vsync wait).
The clock handles that update request itself, inside an event filter, and stops just after
it. Whatever the event loop runs before the paint is counted too, as the patient waits for
it as well: Qt posts the update request at low priority, so work queued with
`QTimer.singleShot(0, …)` during the change (the print queue's kick, for one) runs first.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

#: One frame at 60 Hz, in milliseconds.
FRAME_MS = 16.0
#: The goal for the first build of a screen, in milliseconds (two frames).
FIRST_BUILD_MS = 33.0


class FrameClock(QObject):
    """Times changes of `window` until its next painted frame; see the module's docstring."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window
        self._painted_at: float | None = None
        self._armed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._armed and watched is self._window and event.type() == QEvent.Type.UpdateRequest:
            self._armed = False
            self._window.event(event)  # lays out and paints the window, and flushes it
            self._painted_at = time.perf_counter()
            return True
        return False

    def time(self, change: object) -> tuple[float, bool]:
        """Milliseconds from calling `change` (a callable) to the window's next frame, and
        whether a frame was painted (a change that marks nothing for repainting paints
        none: its time then ends when the events it posted have been handled)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication) and callable(change)
        self._painted_at, self._armed = None, True
        began = time.perf_counter()
        change()
        app.processEvents()  # what the change posted, up to and including the paint
        self._armed = False
        ended = self._painted_at if self._painted_at is not None else time.perf_counter()
        return (ended - began) * 1000, self._painted_at is not None

    @property
    def painted(self) -> bool:
        """Whether the frame of the change being timed has been painted yet."""
        return self._painted_at is not None

    def close(self) -> None:
        self._window.removeEventFilter(self)


@dataclass(frozen=True, slots=True)
class Spread:
    """Many timings of one kind, in milliseconds."""

    count: int
    p50: float
    p95: float
    max: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        ordered = sorted(values)
        return cls(len(ordered), statistics.median(ordered), percentile(ordered, 95),
                   ordered[-1])

    def line(self, name: str, goal_ms: float | None) -> str:
        """The spread on one line, against `goal_ms` (None: work that is not a change)."""
        figures = f"{name:34} p50 {self.p50:7.1f}  p95 {self.p95:7.1f}  max {self.max:7.1f} ms"
        if goal_ms is None:
            return f"{figures}  ({self.count:6} runs, each after the frame of its change)"
        verdict = "meets" if self.p95 < goal_ms else "MISSES"
        return f"{figures}  ({self.count:6} changes; p95 {verdict} {goal_ms:.0f} ms)"


def percentile(ordered: list[float], share: float) -> float:
    """The `share`th percentile of sorted values (the nearest rank: a value that occurred)."""
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return ordered[rank - 1]
