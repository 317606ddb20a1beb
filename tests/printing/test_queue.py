"""A print that cannot go out waits in the queue with its reason, and is tried again later."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtGui import QTextDocument
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
