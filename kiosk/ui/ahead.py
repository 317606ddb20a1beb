"""Getting the patient's screens ready ahead of need, while the kiosk waits.

After the first frame, and again after each wipe, the screens a patient is likely to open next
are built one per turn of the event loop while the welcome loop or home is on screen, so the
first touch on each never waits for it to be built. A screen with more to get ready (the
reader's page for every section and language) says so through `work_ahead()`. The question
and review screens belong to a visit (building them would start one, and time it from then),
and the end screens are dropped with each patient: for them only their code is loaded ahead,
which is most of what their first build costs.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

#: Screens that never hold anything of a patient's, in the order a patient meets them.
SCREENS_AHEAD = ("home", "sections", "reader", "idle_warning")
#: Modules of the screens that belong to a visit, loaded (not built) ahead.
MODULES_AHEAD = ("kiosk.ui.screens.question", "kiosk.ui.screens.review",
                 "kiosk.ui.answers", "kiosk.ui.number_answers", "kiosk.ui.date_keypad",
                 "kiosk.ui.pain_map", "kiosk.ui.text_answer", "kiosk.ui.screens.visit_end",
                 "kiosk.ui.screens.urgent")


#: A patient who touched the screen this recently may touch again: the work waits for a pause.
QUIET_MS = 400


class ReadyAhead(QObject):
    """Builds `screens` with `build` (a name → the screen, built if it is not) and imports
    `modules`, one per turn of the event loop, each time `start` is called; a step waits while
    `quiet()` is False (a patient is touching, or the window is not shown), so the work never
    holds up a touch."""

    def __init__(self, parent: QObject, build: Callable[[str], object],
                 quiet: Callable[[], bool] = lambda: True,
                 screens: Iterable[str] = SCREENS_AHEAD,
                 modules: Iterable[str] = MODULES_AHEAD) -> None:
        super().__init__(parent)
        self._build = build
        self._quiet = quiet
        self._screens = tuple(screens)
        self._modules = tuple(modules)
        self._waiting: list[Callable[[], object]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        """Get everything ready again (from the first), one piece per turn."""
        self._waiting = [*(self._importer(name) for name in self._modules),
                         *(self._builder(name) for name in self._screens)]
        self._timer.start(0)

    def stop(self) -> None:
        self._waiting.clear()
        self._timer.stop()

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    def _builder(self, name: str) -> Callable[[], object]:
        def build() -> None:
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
