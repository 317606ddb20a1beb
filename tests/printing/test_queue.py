"""A print that cannot go out waits in the queue with its reason, and is tried again later."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.printing.queue import PrintQueue, retry_delay
from kiosk.records.print_jobs import PrintJob
from kiosk.records.store import VisitStore
from tests.records.test_store import submitted


def test_waits_grow_from_half_a_minute_to_a_quarter_hour() -> None:
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert retry_delay(20) == 15 * 60


def test_a_missing_printer_keeps_the_job_queued_with_the_reason(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    asked: list[PrintJob] = []

    def document_for(job: PrintJob) -> QTextDocument:
        asked.append(job)
        return QTextDocument("summary")

    queue = PrintQueue(store, document_for, "No_Such_Printer")
    with qtbot.waitSignal(queue.changed, timeout=5000):
        queue.kick()
    assert queue.last_error == "printer 'No_Such_Printer' not found"
    [job] = store.jobs("queued")
    assert job.attempts == 1 and job.last_error == queue.last_error
    assert [j.kind for j in asked] == ["summary"]
    assert store.next_job() is None, "not tried again before its back-off"
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=31)
    assert store.next_job(later) is not None


def test_kicking_the_queue_never_prints_while_the_patient_waits(
        shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    printed: list[PrintJob] = []

    def document_for(job: PrintJob) -> QTextDocument | None:
        printed.append(job)
        return None

    queue = PrintQueue(store, document_for, None)
    queue.kick()
    assert printed == [], "printing starts only once the event loop is back"


def test_the_screen_a_touch_changed_is_drawn_before_a_print_job_starts(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    screen = QLabel("Thank you")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    drawn = PaintCount(screen)
    drawn_when_printing: list[int] = []

    def document_for(job: PrintJob) -> QTextDocument | None:
        drawn_when_printing.append(drawn.count)
        return None

    queue = PrintQueue(store, document_for, None)
    screen.setText("Thank you. Please take a seat.")  # the touch's new screen, to be drawn
    with qtbot.waitSignal(queue.changed, timeout=5000):
        queue.kick()
    assert drawn_when_printing == [1], "the new screen was on the glass before printing began"


class PaintCount(QObject):
    """How often a widget has been painted since this was made."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False
