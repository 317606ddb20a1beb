"""Staff mode, as the kiosk window runs it: the corner gesture, the PIN pad, the dashboard.

A mix-in of the window. Staff mode needs the visit store (built just after the first frame);
it closes itself after the staff idle time, or with Close, and leaves nothing on screen. It
never ends a patient's visit without staff choosing to: a patient's answers are kept (or
cleared) on staff's word, and an urgent visit is continued or ended by staff.

"Help a patient" starts a visit staff set up (language, text size, reading aloud, colours):
staff mode closes on the home screen or the first question, and the visit is marked as
completed with staff help until it ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, QTimer

from kiosk.content.model import Loaded
from kiosk.ui.parts import Screen, let_go
from kiosk.ui.place import STAFF_SCREENS, Place
from kiosk.ui.staff_assist_flow import StaffAssistFlow
from kiosk.ui.staff_gesture import CornerTaps
from kiosk.ui.staff_tools_flow import StaffToolsFlow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from kiosk.fhir.courier import Courier
    from kiosk.intake.session import IntakeSession
    from kiosk.printing.queue import PrintQueue
    from kiosk.records.keeper import VisitKeeper
    from kiosk.records.store import VisitStore
    from kiosk.ui.idle import IdleWatch
    from kiosk.ui.screens.idle_warning import IdleWarningScreen
    from kiosk.ui.screens.staff_dashboard import StaffDashboardScreen
    from kiosk.ui.screens.staff_pin import StaffPinScreen
    from kiosk.ui.screens.staff_summary import StaffSummaryScreen
    from kiosk.ui.screens.staff_urgent import StaffUrgentScreen

log = logging.getLogger(__name__)


class StaffFlow(StaffToolsFlow, StaffAssistFlow):
    """The staff part of the kiosk window (see KioskWindow); the tools are in StaffToolsFlow,
    helping a patient in StaffAssistFlow."""

    store: VisitStore | None
    print_queue: PrintQueue | None
    courier: Courier | None
    keeper: VisitKeeper | None
    _screens: dict[str, Screen]
    _stack: QStackedWidget
    settings_path: Path | None
    content_loader: Callable[[], Loaded] | None
    idle: IdleWatch
    _loaded: Loaded
    _place: Place
    _before_warning: Place
    visit: IntakeSession | None
    language: str

    if TYPE_CHECKING:
        def page(self, name: str) -> Screen: ...
        def go(self, place: Place, remember: bool = True) -> None: ...
        def wipe(self) -> None: ...
        def use_content(self, loaded: Loaded) -> None: ...
        def allow_close(self) -> None: ...
        def has_patient_answers(self) -> bool: ...
        def after_urgent(self) -> None: ...
        def close(self) -> bool: ...
        def width(self) -> int: ...
        def height(self) -> int: ...

    def staff_screens(self) -> dict[str, Any]:
        return {"staff_pin": self._make_staff_pin, "staff_dashboard": self._make_dashboard,
                "staff_tools": self._make_tools, "staff_summary": self._make_summary,
                "staff_keep": self._make_staff_keep, "staff_urgent": self._make_staff_urgent,
                "staff_assist": self._make_assist}

    def watch_for_staff(self) -> None:
        self._taps = CornerTaps(self._loaded.settings.staff)
        self._tap_clock = QElapsedTimer()
        self._tap_clock.start()
        self.idle.pressed.connect(self._pressed)

    def _pressed(self, position: QPointF) -> None:
        point: QPoint = cast(Any, self).mapFromGlobal(position.toPoint())  # the QWidget's
        seconds = self._tap_clock.elapsed() / 1000
        if self._taps.tap(point.x(), point.y(), self.width(), self.height(), seconds):
            self.open_staff_mode()

    def open_staff_mode(self) -> None:
        """Staff mode, without ever silently ending a visit. From the urgent screen: the PIN,
        then that visit in staff's hands. With a patient's answers in memory: first ask
        whether to keep them. Otherwise: the PIN, then today's visits."""
        if self.store is None or self._place.screen in STAFF_SCREENS:
            return
        place = self._place
        if place.screen == "idle_warning":
            cast("IdleWarningScreen", self.page("idle_warning")).stop()
            place = self._before_warning
        self.idle.set_seconds(self._loaded.settings.staff.idle_seconds)
        self._return_to: Place | None = place if self.has_patient_answers() else None
        self._purpose = "urgent" if place.screen == "urgent" else None
        if self._return_to is not None and self._purpose is None:
            self.go(Place("staff_keep"), remember=False)
            return
        self._ask_pin()

    def _ask_pin(self) -> None:
        purpose = getattr(self, "_purpose", None)
        cast("StaffPinScreen", self.page("staff_pin")).open(urgent=purpose == "urgent")
        self.go(Place("staff_pin"), remember=False)

    def close_staff_mode(self) -> None:
        """Leave staff mode. A patient whose answers staff kept (or whose urgent visit staff
        have not yet taken over) gets back exactly the screen they left; otherwise the kiosk
        is wiped for the next patient, with nothing of staff mode left behind."""
        self.idle.set_seconds(self._loaded.settings.kiosk.idle_seconds)
        back_to, self._return_to = getattr(self, "_return_to", None), None
        if back_to is not None and self.has_patient_answers():
            self.go(back_to, remember=False)
            return
        self.wipe()

    def _make_staff_keep(self) -> Screen:
        from kiosk.ui.screens.staff_keep import StaffKeepScreen

        keep = StaffKeepScreen(self._loaded)
        keep.keep.connect(self.close_staff_mode)
        keep.clear.connect(self._clear_then_pin)
        return keep

    def _clear_then_pin(self) -> None:
        self._purpose = "clear"
        self._ask_pin()

    def _make_staff_pin(self) -> Screen:
        from kiosk.ui.screens.staff_pin import StaffPinScreen

        assert self.store is not None
        loaded = self._loaded
        pad = StaffPinScreen(loaded.settings.staff, self.store,
                             loaded.content.words(loaded.settings.printing.language))
        pad.unlocked.connect(self._unlocked)
        pad.cancelled.connect(self.close_staff_mode)
        pad.end_urgent.connect(self._end_urgent_at_closed_pad)
        return pad

    def _end_urgent_at_closed_pad(self) -> None:
        """The pad is locked or held after too many wrong PINs, and an urgent patient is
        waiting: the visit (saved, its slip queued) is ended here without the PIN, as "End
        the visit here" would, so the kiosk is never stuck on the urgent screen. Nothing of
        the patient is shown; the audit table notes it."""
        if (self.store is None or self.visit is None or getattr(self, "_purpose", None) != "urgent"
                or not self.store.pin_state().closed):  # an open pad: the PIN, as always
            return
        self._purpose = None
        self.store.audit("urgent visit: ended at the locked staff PIN pad", self.visit.visit_id)
        log.warning("urgent visit %s ended at the locked staff PIN pad", self.visit.visit_id)
        self._return_to = None
        self.idle.set_seconds(self._loaded.settings.kiosk.idle_seconds)
        self.wipe()

    def _unlocked(self) -> None:
        assert self.store is not None
        purpose, self._purpose = getattr(self, "_purpose", None), None
        if purpose == "urgent" and self.visit is not None:
            visit = self.visit.snapshot(self.language, "open")
            self.store.audit("urgent screen unlocked by staff", visit.visit_id)
            cast("StaffUrgentScreen", self.page("staff_urgent")).show_visit(visit)
            self.go(Place("staff_urgent"), remember=False)
            return
        if purpose == "clear":
            self._return_to = None
            self.store.audit("patient's answers cleared by staff")
            self.wipe()
            self.idle.set_seconds(self._loaded.settings.staff.idle_seconds)
        self._show_dashboard()

    def _make_staff_urgent(self) -> Screen:
        from kiosk.ui.screens.staff_urgent import StaffUrgentScreen

        urgent = StaffUrgentScreen(self._loaded, self.store)
        urgent.continue_requested.connect(self._continue_urgent)
        urgent.end_requested.connect(self._end_urgent)
        return urgent

    def _continue_urgent(self) -> None:
        """The questions go on where they were; the send completes the same saved visit."""
        assert self.store is not None and self.visit is not None
        self.store.audit("urgent visit: staff continued with the patient", self.visit.visit_id)
        self._return_to = None
        self.idle.set_seconds(self._loaded.settings.kiosk.idle_seconds)
        self.after_urgent()

    def _end_urgent(self) -> None:
        """The saved visit is kept as not finished and its summary of the answers so far
        prints; the kiosk is ready for the next patient."""
        assert self.store is not None and self.visit is not None
        self.store.audit("urgent visit: ended here by staff", self.visit.visit_id)
        self._return_to = None
        self.idle.set_seconds(self._loaded.settings.kiosk.idle_seconds)
        self.wipe()

    def _show_dashboard(self) -> None:
        log.info("staff mode opened")
        dashboard = cast("StaffDashboardScreen", self.page("staff_dashboard"))
        dashboard.refresh()
        dashboard.offer_help(not self.out_of_order)
        self._show_problems(dashboard)
        self.go(Place("staff_dashboard"), remember=False)

    def _make_dashboard(self) -> Screen:
        from kiosk.ui.screens.staff_dashboard import StaffDashboardScreen

        assert self.store is not None
        dashboard = StaffDashboardScreen(self.store, self._loaded, self._printer_line)
        dashboard.closed.connect(self.close_staff_mode)
        dashboard.exit_confirmed.connect(self._exit_kiosk)
        dashboard.changed.connect(self._kick_workers)
        if self.courier is not None:  # what it delivers shows while staff look
            self.courier.changed.connect(dashboard.outbox.follow_courier)
        dashboard.tools_requested.connect(self._open_tools)
        dashboard.store_again_requested.connect(self._store_again)
        dashboard.view_requested.connect(self._view_summary)
        dashboard.assist_requested.connect(self._open_assist)
        return dashboard

    def _kick_workers(self) -> None:
        """Staff changed something the print queue or the courier should look at now."""
        for worker in (self.print_queue, self.courier):
            if worker is not None:
                worker.kick()

    def _show_problems(self, dashboard: StaffDashboardScreen) -> None:
        """Where visits are kept, when it is not simply the store: named at the top."""
        keeper = self.keeper
        notes = self.store.notes if self.store is not None else []
        dashboard.show_problems([*(keeper.problems if keeper else []), *notes],
                                store_out=keeper is not None and keeper.degraded)

    def _store_again(self) -> None:
        """Staff (or IT) freed the disk or fixed the file: open the store again and move the
        fallback's visits back into it."""
        dashboard = cast("StaffDashboardScreen", self.page("staff_dashboard"))
        if self.keeper is None:
            return
        moved = self.keeper.try_store_again(self._loaded.content.questionnaire)
        words = self._loaded.content.words(self._loaded.settings.printing.language).staff
        if moved is None:
            dashboard.show_message(words.store_again_failed)
            return
        # the window is on the store now: the dashboard is built again on it
        old = self._screens.pop("staff_dashboard")
        dashboard = cast("StaffDashboardScreen", self.page("staff_dashboard"))
        dashboard.refresh()
        self._show_problems(dashboard)
        dashboard.show_message(words.store_again_done.format(count=moved))
        self.go(Place("staff_dashboard"), remember=False)
        self._stack.removeWidget(old)
        let_go(old)

    def use_store(self, store: VisitStore) -> None:
        """The keeper moved to another store (the stand-in, or the store again): staff
        screens built on the old one are dropped, now or once they are off screen."""
        self.store = store
        self._drop_staff_screens()
        QTimer.singleShot(0, self._drop_staff_screens)

    def _drop_staff_screens(self) -> None:
        for name in STAFF_SCREENS - {self._place.screen}:
            screen = self._screens.pop(name, None)
            if screen is not None:
                self._stack.removeWidget(screen)
                let_go(screen)

    def _make_summary(self) -> Screen:
        from kiosk.ui.screens.staff_summary import StaffSummaryScreen

        summary = StaffSummaryScreen(self._loaded)
        summary.back.connect(self._show_dashboard)
        return summary

    def _view_summary(self, visit_id: str) -> None:
        assert self.store is not None
        visit = self.store.visit(visit_id, self._loaded.content.questionnaire)
        if visit is None:
            return
        cast("StaffSummaryScreen", self.page("staff_summary")).show_visit(visit)
        self.store.audit("viewed summary", visit_id)
        self.go(Place("staff_summary"), remember=False)

    def _exit_kiosk(self) -> None:
        if self.store is not None:
            self.store.audit("staff exit")
        log.info("kiosk closed by staff")
        self.allow_close()
        self.close()
