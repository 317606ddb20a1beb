"""Composition root: loads settings and content, builds the window, and wires them together.

Content is loaded before Qt is imported: once PySide6 is in, every later import pays for its
import hook, and the YAML reader and the domain modules are better read without it.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.files import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME
from kiosk.content.model import Loaded
from kiosk.decoding.errors import ContentInvalid

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.intake.session import SubmittedVisit
    from kiosk.printing.queue import PrintQueue
    from kiosk.records.store import PrintJob, VisitStore

log = logging.getLogger(__name__)
HOUSEKEEPING_MS = 60 * 60 * 1000


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line chose."""

    settings: Path = DEFAULT_SETTINGS
    content: Path = DEFAULT_CONTENT
    theme: Path = DEFAULT_THEME
    data: Path | None = None
    windowed: bool = False


def load(options: Options) -> Loaded:
    from kiosk.content.loader import load_all

    return load_all(options.content, options.settings, options.theme)


def load_or_log(options: Options, cache_file: Path | None = None) -> Loaded | None:
    """The clinic's files (through the cache when given), or None after logging every error."""
    try:
        if cache_file is None:
            return load(options)
        from kiosk.content.cache import load_cached

        return load_cached(options.content, options.settings, options.theme, cache_file)
    except ContentInvalid as invalid:
        log.error("content or settings are invalid; showing the out-of-order screen")
        for error in invalid.errors:
            log.error("%s", error)
        return None


def window_for(loaded: Loaded | None, kiosk_mode: bool = True) -> QWidget:
    """The kiosk window, or the out-of-order screen when the clinic's files are broken."""
    if loaded is None:
        from kiosk.ui.screens.out_of_order import OutOfOrderScreen

        return OutOfOrderScreen(kiosk_mode)
    from kiosk.ui.window import KioskWindow

    return KioskWindow(loaded, kiosk_mode=kiosk_mode)


def build_window(options: Options, kiosk_mode: bool = True) -> QWidget:
    return window_for(load_or_log(options), kiosk_mode)


def start(options: Options, data: Path | None = None) -> tuple[QApplication, QWidget]:
    """Everything up to a window ready to show: content first, then Qt. With a data folder,
    the content cache and the visit store live there."""
    loaded = load_or_log(options, data / "content-cache.pickle" if data else None)
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.input_method import choose_virtual_keyboard
    from kiosk.ui.qt_messages import route_to_log

    route_to_log()
    choose_virtual_keyboard()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("spine-kiosk")
    window = window_for(loaded, kiosk_mode=not options.windowed)
    from kiosk.ui.window import KioskWindow

    if isinstance(window, KioskWindow):
        window.settings_path = options.settings
        window.content_loader = lambda: load(options)
    back_office = loaded if data is None else loaded or last_good(data)
    if data is not None and back_office is not None:
        from kiosk.ui.after_paint import after_first_paint

        # The store, the retention pass and the printer are needed minutes later, not for
        # the first frame: they start right after it. Behind the out-of-order screen they
        # keep running on the last good content, so queued visits still print and old ones
        # are still deleted on time.
        store_path = data / "visits.sqlite3"
        after_first_paint(window, lambda: keep_visits(window, back_office, store_path))
    return app, window


def last_good(data: Path) -> Loaded | None:
    """The content and settings the kiosk last ran with (from the cache), for the back office
    while a broken edit keeps the screens out of order; failing that, the shipped ones."""
    from kiosk.content.cache import load_last_good

    loaded = load_last_good(data / "content-cache.pickle")
    if loaded is not None:
        log.warning("printing and retention go on with the last good content and settings")
        return loaded
    try:
        loaded = load(Options())
    except ContentInvalid:
        return None
    log.warning("printing and retention go on with the shipped content and settings (the"
                " clinic's own printer choice is not known until the files are fixed)")
    return loaded


def keep_visits(window: QWidget, loaded: Loaded, path: Path) -> VisitStore:
    """Save every submitted visit before the thank-you shows; delete old visits at start and
    every hour after."""
    from PySide6.QtCore import QTimer

    from kiosk.printing.queue import PrintQueue
    from kiosk.records.store import VisitStore
    from kiosk.ui.window import KioskWindow

    store = VisitStore(path)
    for visit_id in store.end_interrupted():
        log.warning("urgent visit %s was open when the kiosk stopped: ended as not finished,"
                    " its summary queued", visit_id)
    hours = loaded.settings.printing.retention_hours
    deleted = store.purge_expired(hours)
    if deleted:
        log.info("retention: %d visits deleted", deleted)
    timer = QTimer(window)
    timer.setInterval(HOUSEKEEPING_MS)
    timer.timeout.connect(lambda: store.purge_expired(hours))
    timer.start()
    def current() -> Loaded:
        """The content in use now (staff may have reloaded it)."""
        return window._loaded if isinstance(window, KioskWindow) else loaded

    queue = PrintQueue(store, lambda job: document_for(job, store, current()),
                       loaded.settings.printing.printer, window,
                       paper=loaded.settings.printing.paper,
                       urgent_printer=loaded.settings.printing.urgent_printer)
    if isinstance(window, KioskWindow):
        window.visit_submitted.connect(lambda visit: _save(store, queue, visit))
        window.urgent_raised.connect(lambda visit: _save_urgent(store, queue, visit))
        window.visit_progressed.connect(store.save_progress)
        window.store, window.print_queue = store, queue
    window.destroyed.connect(store.close)
    queue.start()
    return store


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


def _save(store: VisitStore, queue: PrintQueue, visit: SubmittedVisit) -> None:
    store.save_submitted(visit)
    log.info("visit %s saved (%s)", visit.visit_id, visit.status)
    queue.kick()


def _save_urgent(store: VisitStore, queue: PrintQueue, visit: SubmittedVisit) -> None:
    """An urgent flag fired: the visit and its urgent slip are on disk before the patient
    sees the next screen."""
    store.save_urgent(visit)
    log.warning("urgent visit %s saved; urgent slip queued", visit.visit_id)
    queue.kick()
