"""Getting the patient's screens ready ahead of need, while the kiosk waits.

After the first frame, and again after each wipe, the screens a patient is likely to open next
are built one per turn of the event loop while the welcome loop or home is on screen, so the
first touch on each never waits for it to be built. A screen with more to get ready (the
reader's page for every section and language) says so through `work_ahead()`. The question
screen is built for the next visit, which begins only when a patient opens the questions. The
review list shows a visit's answers and the end screens are dropped with each patient: for
them only their code is loaded ahead, which is most of what their first build costs. Once a
visit has begun, its review list is got ready the same way (`add`), a part of the
questionnaire at a time, while the patient reads.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

#: Screens that never hold anything of a patient's until one begins, in the order a patient
#: meets them (the question screen is built for the next visit, begun only by a patient's
#: touch), and the staff's PIN pad (built again after each patient: it is where the PIN is
#: typed).
SCREENS_AHEAD = ("home", "sections", "reader", "question", "idle_warning", "staff_pin")
#: Modules of the screens that belong to a visit, loaded (not built) ahead.
MODULES_AHEAD = ("kiosk.ui.screens.question", "kiosk.ui.screens.review",
                 "kiosk.ui.answers", "kiosk.ui.number_answers", "kiosk.ui.date_keypad",
                 "kiosk.ui.pain_map", "kiosk.ui.text_answer", "kiosk.ui.screens.visit_end",
                 "kiosk.ui.screens.urgent")


#: A patient who touched the screen this recently may touch again: the work waits for a pause.
QUIET_MS = 400


class ReadyAhead(QObject):
    """Builds `screens` with `build` (a name → the screen, built if it is not) and imports
    `modules`, one per turn of the event loop, each time `start` is called (a screen only when
    `can_build(name)` says it can be built now); a step waits while
    `quiet()` is False (a patient is touching, or the window is not shown), so the work never
    holds up a touch."""

    def __init__(self, parent: QObject, build: Callable[[str], object],
                 quiet: Callable[[], bool] = lambda: True,
                 screens: Iterable[str] = SCREENS_AHEAD,
                 modules: Iterable[str] = MODULES_AHEAD,
                 can_build: Callable[[str], bool] = lambda name: True) -> None:
        super().__init__(parent)
        self._build = build
        self._can_build = can_build
        self._quiet = quiet
        self._screens = tuple(screens)
        self._modules = tuple(modules)
        self._waiting: list[Callable[[], object]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        """Get everything ready again (from the first), one piece per turn, before anything
        still waiting (`stop` clears that)."""
        self._waiting = [*(self._importer(name) for name in self._modules),
                         *(self._builder(name) for name in self._screens), *self._waiting]
        self._timer.start(0)

    def add(self, steps: Iterable[Callable[[], object]]) -> None:
        """More to get ready, after what is waiting (a visit's own screens, once it began); a
        step already waiting is not queued again (each touch may ask for the same one)."""
        self._waiting.extend(step for step in steps if step not in self._waiting)
        if self._waiting and not self._timer.isActive():
            self._timer.start(0)

    def build(self, name: str) -> Callable[[], object]:
        """A step that builds screen `name` and queues the more it has to get ready."""
        return self._builder(name)

    def stop(self) -> None:
        self._waiting.clear()
        self._timer.stop()

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    def _builder(self, name: str) -> Callable[[], object]:
        def build() -> None:
            if not self._can_build(name):  # e.g. the PIN pad, before the visit store opened
                return
            screen = self._build(name)
            more = getattr(screen, "work_ahead", None)  # e.g. the reader's pages
            if callable(more):
                self._waiting[:0] = more()
        return build

    @staticmethod
    def _importer(name: str) -> Callable[[], object]:
        return lambda: importlib.import_module(name)

    def _next(self) -> None:
        if not self._waiting:
            self._timer.stop()
            return
        if not self._quiet():
            self._timer.setInterval(QUIET_MS // 4)  # look again in a moment
            return
        self._timer.setInterval(0)
        step = self._waiting.pop(0)
        try:
            step()
        except Exception:  # a screen that cannot be built now is built when it is needed
            log.exception("a screen could not be got ready ahead")
