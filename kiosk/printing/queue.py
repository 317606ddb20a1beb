"""The durable print queue: jobs wait in the visit store until a printer takes them.

A print that cannot go out (no printer, CUPS down, a job error) stays queued with what went
wrong and is tried again later, waiting longer each time. The patient never waits for the
printer and never sees an error; staff see the queue and its last error.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.after_drawing import AfterDrawing
from kiosk.printing.pages import Paper, render
from kiosk.records import STORE_FAULTS
from kiosk.records.print_jobs import PrintJob
from kiosk.records.store import VisitStore

log = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 30.0
LONGEST_RETRY_SECONDS = 15 * 60.0
#: While jobs wait for a retry, look again this often.
POLL_MS = 15_000


class PrinterUnavailable(Exception):
    """The printer named in settings (or a default one) is not there."""


def retry_delay(attempts: int, first: float = FIRST_RETRY_SECONDS,
                longest: float = LONGEST_RETRY_SECONDS) -> float:
    """Seconds before the next try: 30, 60, 120, … up to 15 minutes."""
    return float(min(longest, first * 2 ** max(0, attempts - 1)))


def find_printer(name: str | None) -> QPrinterInfo:
    """The printer named in settings, or the system's default; PrinterUnavailable if none."""
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            raise PrinterUnavailable(f"printer {name!r} not found")
        return info
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise PrinterUnavailable("no printer is set and there is no default printer")
    return info


def print_document(document: QTextDocument, printer_name: str | None,
                   paper: Paper | None = None, job_name: str = "kiosk") -> None:
    """Send one document to the printer; raises PrinterUnavailable or OSError on failure.

    The job's name (seen in CUPS queues and logs) is `job_name`: a visit id, never a name."""
    printer = QPrinter(find_printer(printer_name), QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_name)
    render(document, printer, paper)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise OSError(f"printer {printer.printerName()!r} reported an error")


class PrintQueue(QObject):
    """Works through the store's queued jobs, one at a time, on the kiosk's event loop."""

    changed = Signal()

    def __init__(self, store: VisitStore,
                 document_for: Callable[[PrintJob], QTextDocument | None],
                 printer_name: str | None, parent: QObject | None = None,
                 first_retry: float = FIRST_RETRY_SECONDS, paper: Paper | None = None,
                 urgent_printer: str | None = None) -> None:
        super().__init__(parent)
        self._urgent_printer = urgent_printer
        self._paper = paper
        self._store = store
        self._document_for = document_for
        self._printer_name = printer_name
        self._first_retry = first_retry
        self.last_error: str | None = None
        self._after_drawing = AfterDrawing(self._work, self)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.kick)
        interrupted = store.requeue_interrupted()
        if interrupted:
            log.warning("%d print jobs were interrupted; they print again marked COPY",
                        interrupted)

    @property
    def printer_name(self) -> str | None:
        return self._printer_name

    def printer_for(self, job: PrintJob) -> str | None:
        """Urgent slips go to the urgent printer when the clinic has one; all else, and
        urgent slips otherwise, to the clinic's printer."""
        if job.kind == "urgent-slip" and self._urgent_printer:
            return self._urgent_printer
        return self._printer_name

    def use_store(self, store: VisitStore) -> None:
        """Print from another store from now on (the stand-in, while the store is out)."""
        self._store = store
        self.kick()

    def set_printer(self, name: str | None) -> None:
        """Summaries go to `name` from now on (None: the system default)."""
        self._printer_name = name
        self.kick()

    def start(self) -> None:
        self._poll.start()
        self.kick()

    def kick(self) -> None:
        """Look for due work soon, after the screen in hand has been drawn."""
        self._after_drawing.request()

    def waiting(self) -> int:
        try:
            return len(self._store.jobs("queued"))
        except STORE_FAULTS:
            return 0

    def _work(self) -> None:
        try:
            self._print_next()
        except STORE_FAULTS as failure:  # the store went out: the visit keeper stands in
            self.last_error = f"visit store: {failure}"
            log.error("print queue: the visit store failed: %s", failure)
            self.changed.emit()

    def _print_next(self) -> None:
        job = self._store.next_job()
        if job is None:
            return
        self._store.mark_sending(job)
        try:
            document = self._document_for(job)
            if document is None:
                self._store.mark_printed(job)  # the visit is gone (retention): nothing to print
            else:
                print_document(document, self.printer_for(job), self._paper,
                               f"{job.kind} {job.visit_id}")
                self._store.mark_printed(job)
                self.last_error = None
                log.info("printed %s for visit %s", job.kind, job.visit_id)
        except (PrinterUnavailable, OSError) as failure:
            self.last_error = str(failure)
            wait = retry_delay(job.attempts + 1, self._first_retry)
            retry_at = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=wait)
            self._store.mark_failed(job, self.last_error, retry_at)
            log.warning("print of %s for visit %s failed (%s); next try in %.0f s",
                        job.kind, job.visit_id, failure, wait)
            self.changed.emit()
            return
        self.changed.emit()
        self.kick()
