"""The back office, wired by the composition root: where visits are kept, printed and deleted.

Built just after the first frame (see kiosk/app.py). The visit keeper decides where each visit
goes (the store, or the fallback file when the store is out); the print queue prints from the
store in use, and the courier delivers from it to the clinic's FHIR server when the settings
name one; retention deletes old visits at start and every hour after (one not yet delivered
waits for its delivery, up to fhir.keep_undelivered_hours). A store that was
out at the last run gets the fallback's visits back at start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.model import Loaded
from kiosk.records import STORE_FAULTS
from kiosk.records.fallback import FALLBACK_FILE_NAME, FallbackFile
from kiosk.records.keeper import StandInStore, VisitKeeper
from kiosk.records.sealed_rows import kiosk_key, memory_key
from kiosk.records.sealing import KEY_FILE_NAME
from kiosk.records.store_health import open_visit_store

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QWidget

    from kiosk.records.print_jobs import PrintJob
    from kiosk.records.store import VisitStore

log = logging.getLogger(__name__)
HOUSEKEEPING_MS = 60 * 60 * 1000


def keep_visits(window: QWidget, loaded: Loaded, path: Path,
                key_file: Path | None = None) -> VisitStore:
    """Open the store (or stand in for it), wire it to the window and the printer, and return
    the store in use."""
    from PySide6.QtCore import QTimer

    from kiosk.fhir.delivery_setup import start_delivery
    from kiosk.printing.queue import PrintQueue
    from kiosk.ui.window import KioskWindow

    key_file = key_file or path.parent / "config" / KEY_FILE_NAME
    opened = open_visit_store(path, key_file)
    keeper = VisitKeeper(opened.store, fallback_file(key_file), lambda: StandInStore(None),
                         opened.problems)
    store = keeper.store
    store.delivers = bool(loaded.settings.fhir.server)
    if opened.store is not None:
        _tidy_at_start(keeper, opened.store, loaded)

    def current() -> Loaded:
        """The content in use now (staff may have reloaded it)."""
        return window._loaded if isinstance(window, KioskWindow) else loaded

    queue = PrintQueue(store, lambda job: document_for(job, keeper.store, current()),
                       loaded.settings.printing.printer, window,
                       paper=loaded.settings.printing.paper,
                       urgent_printer=loaded.settings.printing.urgent_printer)

    courier = start_delivery(store, loaded, key_file.parent, window, current)

    def switched(store: VisitStore) -> None:
        queue.use_store(store)
        if courier is not None:
            store.delivers = True
            courier.use_store(store)
        if isinstance(window, KioskWindow):
            window.use_store(store)

    keeper.on_switch = switched
    keeper.reopen = lambda: open_visit_store(path, key_file)
    hours = loaded.settings.printing.retention_hours
    undelivered = loaded.settings.fhir.keep_undelivered_hours if store.delivers else None
    timer = QTimer(window)
    timer.setInterval(HOUSEKEEPING_MS)
    timer.timeout.connect(lambda: _purge(keeper, hours, undelivered))
    timer.start()
    if isinstance(window, KioskWindow):
        window.store, window.print_queue, window.keeper = store, queue, keeper
        window.courier = courier
    window.destroyed.connect(lambda: keeper.store.close())
    queue.start()
    return store


def fallback_file(key_file: Path) -> FallbackFile:
    """The fallback file, beside the key in the config folder: another folder than the
    store's, sealed with the same key (a key in memory when the config folder cannot be
    read; then the fallback cannot be written either, and the patient is sent to the
    desk)."""
    try:
        sealer, _ = kiosk_key(key_file)
    except OSError as failure:
        log.error("the key file cannot be read (%s): the fallback file is out too", failure)
        sealer = memory_key()
    return FallbackFile(key_file.parent / "fallback" / FALLBACK_FILE_NAME, sealer)


def _tidy_at_start(keeper: VisitKeeper, store: VisitStore, loaded: Loaded) -> None:
    """Visits the fallback file kept during the last run go back into the store; urgent
    visits a stop left open are ended; old visits are deleted."""
    if keeper.fallback.path.exists():
        moved = keeper.move_back(store, loaded.content.questionnaire, ended_by_restart=True)
        log.warning("%d visits moved back from the fallback file", moved)
    for visit_id in store.end_interrupted():
        log.warning("urgent visit %s was open when the kiosk stopped: ended as not finished,"
                    " its summary queued", visit_id)
    fhir = loaded.settings.fhir
    _purge(keeper, loaded.settings.printing.retention_hours,
           fhir.keep_undelivered_hours if fhir.server else None)


def _purge(keeper: VisitKeeper, hours: float, undelivered_hours: float | None = None) -> None:
    try:
        deleted = keeper.store.purge_expired(hours, undelivered_hours=undelivered_hours)
    except STORE_FAULTS as failure:
        log.error("retention could not delete old visits: %s", failure)
        return
    if deleted:
        log.info("retention: %d visits deleted", deleted)


def document_for(job: PrintJob, store: VisitStore, loaded: Loaded) -> QTextDocument | None:
    """What a print job prints: the urgent slip or the summary (None once the visit is gone)."""
    from kiosk.printing.summary import summary_document
    from kiosk.printing.urgent_slip import urgent_slip_document

    visit = store.visit(job.visit_id, loaded.content.questionnaire)
    if visit is None:
        return None
    if job.kind == "urgent-slip":
        return urgent_slip_document(visit, loaded, copy=job.copy)
    return summary_document(visit, loaded, copy=job.copy)
