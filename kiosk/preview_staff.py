"""The staff screens in `preview`: the urgent visit in staff's hands and the front desk's
screens, drawn on a few invented visits kept in memory only, always at the clinic's own text
size."""

from __future__ import annotations

import dataclasses
import datetime
import io
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.content.model import Loaded
from kiosk.content.settings import StaffSettings
from kiosk.intake.session import IntakeSession
from kiosk.records.store import VisitStore
from kiosk.ui.place import Place

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def shoot_staff_urgent(window: KioskWindow, session: IntakeSession,
                        shoot: Callable[..., None]) -> None:
    """The urgent visit in staff's hands, and the keep-or-clear question (staff screens are
    always at the clinic's own text size)."""
    from kiosk.ui.screens.staff_urgent import StaffUrgentScreen

    patient_size = window.text_size
    window.set_text_size("normal")
    session.answer("saddle-numbness", "yes")
    session.fire_flags()
    staff = cast("StaffUrgentScreen", window.page("staff_urgent"))
    staff.show_visit(session.snapshot(window.language, "open"))
    window.go(Place("staff_urgent"))
    shoot("staff-urgent", staff.findChild(QScrollArea, "staff_urgent_scroll"))
    window.go(Place("staff_keep"))
    shoot("staff-keep")
    window.set_text_size(patient_size)


#: Invented visits for the staff screens: example answers, minutes before the preview.
SAMPLE_VISITS = (("urgent", 12), ("likely-candidate", 40), ("review", 75), ("not-suitable", 130))


def with_unknown_pin(staff: StaffSettings) -> StaffSettings:
    """Staff settings with a PIN nobody knows, so the pad is drawn as the front desk sees it."""
    from kiosk.records.staff_pin import hash_pin

    return dataclasses.replace(staff, pin_hash=hash_pin(str(secrets.randbelow(9 * 10**7)
                                                             + 10**7)))


def _sample_store(loaded: Loaded) -> tuple[VisitStore, list[str]]:
    """A store in memory with a few invented visits, the urgent one not yet seen and the
    oldest ones printed; and their visit ids, newest first."""
    from kiosk.content.files import RESOURCES
    from kiosk.content.simulate import visit_from_file

    store = VisitStore(None)
    now = datetime.datetime.now(datetime.UTC)
    ids: list[str] = []
    for example, minutes in SAMPLE_VISITS:
        visit = visit_from_file(RESOURCES / "examples" / f"{example}.yaml", loaded.content,
                                loaded.settings.printing.language, io.StringIO(),
                                now - datetime.timedelta(minutes=minutes))
        if visit is None:  # a clinic's own questions that the examples no longer fit
            continue
        store.save_submitted(visit)
        ids.append(visit.visit_id)
    for job in store.jobs():
        if job.visit_id in ids[2:]:
            store.mark_printed(job)
    return store, ids


def shoot_staff(window: KioskWindow, loaded: Loaded, shoot: Callable[..., None]) -> None:
    """The PIN pad, today's visits, a delete question, one summary and the tools."""
    from kiosk.ui.screens.staff_confirm import AskInPlace
    from kiosk.ui.screens.staff_dashboard import StaffDashboardScreen
    from kiosk.ui.screens.staff_pin import StaffPinScreen
    from kiosk.ui.screens.staff_summary import StaffSummaryScreen
    from kiosk.ui.screens.staff_tools import StaffToolsScreen

    patient_size = window.text_size
    window.set_text_size("normal")
    store, ids = _sample_store(loaded)
    window.store = store
    cast("StaffPinScreen", window.page("staff_pin")).open(urgent=False)
    window.go(Place("staff_pin"), remember=False)
    shoot("staff-pin")
    dashboard = cast("StaffDashboardScreen", window.page("staff_dashboard"))
    dashboard.refresh()
    window.go(Place("staff_dashboard"), remember=False)
    scroll = dashboard.findChild(QScrollArea, "staff_visits_scroll")
    shoot("staff-dashboard", scroll)
    if len(ids) > 1:
        delete = next((ask for ask in dashboard.findChildren(  # not a row let go
            AskInPlace, f"staff_delete_{ids[1]}_place") if ask.isVisibleTo(dashboard)), None)
        if delete is not None:
            delete.ask()
            settle()  # the row makes room for the question, then the list takes the row
            shoot("staff-delete", scroll)
            delete.cancel()
    visit = store.visit(ids[0], loaded.content.questionnaire) if ids else None
    if visit is not None:
        summary = cast("StaffSummaryScreen", window.page("staff_summary"))
        summary.show_visit(visit)
        window.go(Place("staff_summary"), remember=False)
        shoot("staff-summary")
    cast("StaffToolsScreen", window.page("staff_tools")).refresh()
    window.go(Place("staff_tools"), remember=False)
    shoot("staff-tools")
    window.set_text_size(patient_size)
