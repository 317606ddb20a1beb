"""The kiosk as the full-visit benchmark runs it: its window, its back office, its log.

`Rig` builds the kiosk window offscreen (1920x1080, the idle timeout set to an hour: no visit
here waits for it) and wires the back office as the kiosk does (kiosk/back_office.py
`keep_visits`: a real visit store in a temporary folder, the print queue), with a printer
that writes PDF files in place of the clinic's CUPS printer.

The kiosk's print queue (kiosk/printing/queue.py) hands each job's document to
`print_document`, which opens the clinic's CUPS printer as a QPrinter and paints the pages on
it with `kiosk.printing.pages.render`. `PdfPrinter` takes its place without a CUPS server: a
high-resolution QPrinter writing PDF to a file in a folder of its own, painted by the same
`render` on the same paper (Qt's CUPS printing also makes a PDF and hands it to CUPS; only
that hand-over is left out). Each file is checked to be a PDF, counted, and deleted unless
the folder is to be kept. `timed_queue` has each job's time on the event loop reported:
fetching the visit from the store, building the summary (or urgent slip), painting it to PDF
and marking the job printed. The screen cannot change while a job prints.

Qt's messages go to the kiosk's log as in the kiosk (kiosk/ui/qt_messages.py), and the log's
warnings and errors are counted rather than printed among the figures.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter

from kiosk.app import Options, load
from kiosk.back_office import keep_visits
from kiosk.printing import queue as print_queue
from kiosk.printing.pages import Paper, render
from kiosk.printing.queue import PrintQueue
from kiosk.ui.keyboard import enable_virtual_keyboard
from kiosk.ui.qt_messages import route_to_log
from kiosk.ui.window import KioskWindow

#: Log records kept word for word (the first of each level).
KEPT_RECORDS = 5


@dataclass
class PdfPrinter:
    """Stands where CUPS would; counts what it printed, by kind ("summary", "urgent-slip")."""

    folder: Path
    keep: bool = False
    printed: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    pages: int = 0
    last_kind: str | None = None

    def __call__(self, document: QTextDocument, printer_name: str | None,
                 paper: Paper | None = None, job_name: str = "kiosk") -> None:
        kind, _, visit_id = job_name.partition(" ")  # a job is named by its kind and visit
        path = self.folder / f"{visit_id}-{kind}-{sum(self.printed.values())}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName(job_name)
        render(document, printer, paper)
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise OSError(f"the PDF {path} could not be written")
        del printer  # closes the file
        written = path.read_bytes()
        if not written.startswith(b"%PDF-"):
            raise OSError(f"{path} is not a PDF")
        self.bytes += len(written)
        self.pages += document.pageCount()
        self.printed[kind] = self.printed.get(kind, 0) + 1
        self.last_kind = kind
        if not self.keep:
            path.unlink()

    def install(self) -> Callable[[], None]:
        """Print through this printer from now on; returns what puts the real one back."""
        real = print_queue.print_document
        print_queue.print_document = self

        def restore() -> None:
            print_queue.print_document = real

        return restore


def timed_queue(queue: PrintQueue, printer: PdfPrinter,
                record: Callable[[str, float], None]) -> None:
    """Have `record(kind, milliseconds)` told of every job `queue` prints through `printer`:
    kind is "print: summary" or "print: urgent-slip"."""
    work = queue._work

    def timed_work() -> None:
        before = sum(printer.printed.values())
        began = time.perf_counter()
        work()
        if sum(printer.printed.values()) > before:
            record(f"print: {printer.last_kind}", (time.perf_counter() - began) * 1000)

    queue._work = timed_work  # type: ignore[method-assign]  # kick() looks it up each time


class LogCount(logging.Handler):
    """Counts the kiosk's log records by level and keeps the first few warnings and errors."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.levels: collections.Counter[str] = collections.Counter()
        self.first: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.levels[record.levelname] += 1
        if record.levelno >= logging.ERROR and len(self.first) < KEPT_RECORDS:
            self.first.append(f"{record.name}: {record.getMessage()}")

    def line(self) -> str:
        counts = ", ".join(f"{n} {level.lower()}s" for level, n in sorted(self.levels.items()))
        first = f"; first errors: {' | '.join(self.first)}" if self.first else ""
        return f"kiosk log: {counts or 'nothing at warning level or above'}{first}"


class Rig:
    """The kiosk window with its back office and PDF printer, for a `with` block."""

    def __init__(self, animations: bool, keep_pdfs: Path | None = None) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kiosk-visits-")
        folder = Path(self._folder.name)
        pdfs = keep_pdfs or folder / "printed"
        pdfs.mkdir(parents=True, exist_ok=True)
        self.log = LogCount()
        root = logging.getLogger()
        self._level = root.level
        root.setLevel(logging.WARNING)
        root.addHandler(self.log)
        route_to_log()
        self.printer = PdfPrinter(pdfs, keep=keep_pdfs is not None)
        self._restore = self.printer.install()
        enable_virtual_keyboard()
        self.window = make_window(animations)
        keep_visits(self.window, self.window._loaded, folder / "visits.sqlite3")
        assert self.window.print_queue is not None
        self.queue: PrintQueue = self.window.print_queue

    def __enter__(self) -> Rig:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.window.allow_close()
        self.window.close()
        self.window.deleteLater()
        self._restore()
        root = logging.getLogger()
        root.removeHandler(self.log)
        root.setLevel(self._level)
        self._folder.cleanup()


def make_window(animations: bool) -> KioskWindow:
    """The kiosk window on the shipped content, shown at 1920x1080 with its keyboard."""
    loaded = load(Options())
    kiosk = dataclasses.replace(loaded.settings.kiosk, animations=animations,
                                idle_seconds=3600.0)
    window = KioskWindow(dataclasses.replace(
        loaded, settings=dataclasses.replace(loaded.settings, kiosk=kiosk)), kiosk_mode=False)
    window.prepare_keyboard()
    window.resize(1920, 1080)
    window.show()
    return window
