"""A time limit on loading the clinic's files, so that no content keeps the kiosk waiting.

Every file the kiosk reads is small and plain (see kiosk.decoding.safe_yaml), so loading takes
a fraction of a second. Should it ever take far longer (a folder on a failing USB stick or a
network drive that answers slowly, a check that runs away), the load stops at the next file
or the next step inside one, and the file being read is reported like any other content
error: the front desk sees the out-of-order screen and the reason, never a frozen kiosk.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.decoding.errors import ContentError, LoadingTooSlow

#: The whole load (content, theme and settings together) must finish within this many seconds.
LOAD_SECONDS = 10.0
#: Steps (lines, YAML events, values) between two looks at the clock inside one file.
STEPS_PER_LOOK = 64


class Deadline:
    """When loading must be done by, on a monotonic clock (which tests may replace)."""

    def __init__(self, seconds: float = LOAD_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.reading = ""  # the file being read now, as the errors name it
        self._clock = clock
        self._steps = 0
        self._ends = clock() + seconds

    def start(self, label: str) -> None:
        """Reading of the file `label` begins (called between files)."""
        self.reading = label
        self.check()

    def step(self) -> None:
        """One step of a long loop inside a file; looks at the clock every few steps."""
        self._steps += 1
        if self._steps % STEPS_PER_LOOK == 0:
            self.check()

    def check(self) -> None:
        """Raise LoadingTooSlow, naming the file being read, once the time is up."""
        if self._clock() > self._ends:
            raise LoadingTooSlow(ContentError(
                self.reading, 0, "",
                f"loading took longer than {self.seconds:g} s; stopped while reading this file"
                " and nothing after it was checked (is the content on a slow or failing"
                " drive?)"))


def step(deadline: Deadline | None) -> None:
    """`deadline.step()`, for code that may run without a deadline."""
    if deadline is not None:
        deadline.step()
