"""Helping a patient, as the kiosk window runs it: staff set the kiosk up, then hand it over.

A mix-in of the window (through StaffFlow). From the dashboard, "Help a patient" opens the
set-up screen; "Hand to the patient" or "Fill it in together" starts a new visit in the
language, text size, reading aloud and colours staff chose, closes staff mode (no screen
behind the PIN stays open) and marks the visit as completed with staff help. The mark, like
the choices, lasts until the visit is sent or wiped: the next patient starts on the clinic's
own settings, without it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from kiosk.content.model import Loaded
from kiosk.ui.parts import Screen
from kiosk.ui.place import Place

if TYPE_CHECKING:
    from kiosk.intake.session import IntakeSession
    from kiosk.records.store import VisitStore
    from kiosk.ui.idle import IdleWatch
    from kiosk.ui.screens.staff_assist import AssistedStart, StaffAssistScreen

log = logging.getLogger(__name__)


class StaffAssistFlow:
    """The "Help a patient" part of staff mode (see StaffFlow and KioskWindow)."""

    store: VisitStore | None
    idle: IdleWatch
    out_of_order: bool
    _loaded: Loaded
    _return_to: Place | None

    if TYPE_CHECKING:
        def page(self, name: str) -> Screen: ...
        def go(self, place: Place, remember: bool = True) -> None: ...
        def wipe(self) -> None: ...
        def set_language(self, language: str) -> None: ...
        def set_text_size(self, size: str) -> None: ...
        def set_contrast(self, mode: str) -> None: ...
        def set_read_aloud(self, on: bool) -> None: ...
        def start_questionnaire(self) -> None: ...
        def _session(self) -> IntakeSession: ...
        def _show_dashboard(self) -> None: ...

        @property
        def can_read_aloud(self) -> bool: ...

    def _make_assist(self) -> Screen:
        from kiosk.ui.screens.staff_assist import StaffAssistScreen

        assist = StaffAssistScreen(self._loaded)
        assist.back.connect(self._show_dashboard)
        assist.started.connect(self._start_assisted)
        return assist

    def _open_assist(self) -> None:
        """The set-up screen, on the clinic's own settings; not while the kiosk is out of
        order (patients cannot use it until its files are fixed)."""
        if self.out_of_order:
            return
        cast("StaffAssistScreen", self.page("staff_assist")).open(self.can_read_aloud)
        self.go(Place("staff_assist"), remember=False)

    def _start_assisted(self, start: AssistedStart) -> None:
        """A new visit set up as staff chose, on the home screen or, filling it in together,
        the first question; staff mode is closed and the visit marked as assisted."""
        log.info("staff started an assisted visit")
        self._return_to = None
        self.idle.set_seconds(self._loaded.settings.kiosk.idle_seconds)
        self.wipe()  # the clinic's defaults, and nothing of an earlier patient
        self.set_language(start.language)
        self.set_text_size(start.text_size)
        self.set_contrast(start.contrast)
        self._session().mark_assisted()
        if self.store is not None:
            self.store.audit("staff-assisted visit started")
        if start.together:
            self.start_questionnaire()
        else:
            self.go(Place("home"), remember=False)
        if start.read_aloud and self.can_read_aloud:
            self.set_read_aloud(True)  # read from the screen the patient starts on
