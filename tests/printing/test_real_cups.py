"""Printing through a real CUPS server: the kiosk's job completes and a PDF comes out; with
CUPS stopped the visit waits in the queue, and it prints once CUPS is back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinterInfo
from pytestqt.qtbot import QtBot

from kiosk.back_office import document_for
from kiosk.cli import main
from kiosk.content.model import Loaded
from kiosk.printing.queue import PrintQueue, print_document
from kiosk.records.store import VisitStore
from tests.conftest import CUPS_FOLDER
from tests.printing.cups_server import QUEUE, PrivateCups, missing, running_cups
from tests.records.test_store import submitted

pytestmark = pytest.mark.skipif(missing() is not None, reason=f"no real CUPS test: {missing()}")
PDF_FOLDER = Path.home() / "PDF"  # where cups-pdf (global /etc/cups/cups-pdf.conf) writes


@pytest.fixture
def cups(qtbot: QtBot) -> Iterator[PrivateCups]:
    yield from running_cups(qtbot)


def pdfs() -> dict[Path, int]:
    """Every PDF cups-pdf has written, with when (it reuses names across servers)."""
    found = PDF_FOLDER.glob("*.pdf") if PDF_FOLDER.is_dir() else []
    return {path: path.stat().st_mtime_ns for path in found}


def new_pdfs(before: dict[Path, int]) -> list[Path]:
    return [path for path, when in pdfs().items() if before.get(path) != when]


def test_a_visit_prints_through_cups_and_the_pdf_appears(
        qtbot: QtBot, cups: PrivateCups) -> None:
    assert QUEUE in QPrinterInfo.availablePrinterNames()
    before, jobs_before = pdfs(), set(cups.completed_jobs())
    print_document(QTextDocument("Riverside Spine Center: test page"), QUEUE)

    def done() -> None:
        assert set(cups.completed_jobs()) - jobs_before, cups.log()
        assert new_pdfs(before)

    qtbot.waitUntil(done, timeout=30_000)


def test_self_test_passes_with_the_clinic_printer_and_reports_a_stuck_queue(
        cups: PrivateCups, shipped: Loaded, settings_copy: Path, data_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "  # printer: Front_Desk", f"  printer: {QUEUE}"), encoding="utf-8")
    args = ["self-test", "--data", str(data_dir), "--settings", str(settings_copy)]
    assert main(args) == 0
    assert (f"ok    printers: summaries go to {QUEUE!r}, urgent slips to {QUEUE!r}"
            in capsys.readouterr().out)
    store = VisitStore(data_dir / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    assert main(args) == 1
    assert "FAIL  print queue: 1 waiting to print" in capsys.readouterr().out


def test_self_test_fails_when_the_urgent_printer_is_missing(
        cups: PrivateCups, settings_copy: Path, data_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "  # printer: Front_Desk", f"  printer: {QUEUE}").replace(
        "  # urgent_printer: Desk_2", "  urgent_printer: Desk_2"), encoding="utf-8")
    assert main(["self-test", "--data", str(data_dir), "--settings", str(settings_copy)]) == 1
    assert "FAIL  printers: printer 'Desk_2' not found" in capsys.readouterr().out


def test_with_cups_stopped_the_visit_waits_then_prints_when_it_is_back(
        qtbot: QtBot, cups: PrivateCups, shipped: Loaded, tmp_path: Path) -> None:
    jobs_before = set(cups.completed_jobs())
    cups.stop()
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    queue = PrintQueue(store, lambda job: document_for(job, store, shipped), QUEUE,
                       first_retry=0.0, paper=shipped.settings.printing.paper)
    with qtbot.waitSignal(queue.changed, timeout=10_000):
        queue.kick()
    assert queue.last_error is not None and queue.waiting() == 1
    before = pdfs()
    cups.start()
    qtbot.waitUntil(cups.running, timeout=20_000)
    with qtbot.waitSignal(queue.changed, timeout=10_000):
        queue.kick()
    error_now: str | None = queue.last_error  # the same attribute, read again after printing
    assert error_now is None and queue.waiting() == 0
    assert [job.state for job in store.jobs()] == ["printed"]

    def printed() -> None:
        assert set(cups.completed_jobs()) - jobs_before, cups.log()
        assert new_pdfs(before)

    qtbot.waitUntil(printed, timeout=30_000)
    [pdf] = new_pdfs(before)
    visit_id = store.jobs()[0].visit_id
    assert visit_id in pdf.name and "Maria" not in pdf.name, "CUPS sees the visit id, not a name"
    logs = [p for p in (CUPS_FOLDER / "server" / "log").glob("*") if p.is_file()]
    assert not any(b"Maria" in log.read_bytes() for log in logs), "no patient name in CUPS logs"


def test_staff_choose_the_printer_which_is_saved_with_the_settings_comments_kept(
        qtbot: QtBot, cups: PrivateCups, shipped: Loaded, settings_copy: Path,
        tmp_path: Path) -> None:
    from kiosk.back_office import keep_visits
    from kiosk.ui.window import KioskWindow

    before_text = settings_copy.read_text(encoding="utf-8")
    window = KioskWindow(shipped, kiosk_mode=False)
    qtbot.addWidget(window)
    window.show()
    keep_visits(window, shipped, tmp_path / "visits.sqlite3")
    window.settings_path = settings_copy
    window._choose_printer(QUEUE)
    assert window.print_queue is not None and window.print_queue.printer_name == QUEUE
    after = settings_copy.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before_text.splitlines()]
    assert changed == [f'  printer: "{QUEUE}"']
    assert all(line in after for line in before_text.splitlines()), "every comment stays"
    jobs_before, pdf_before = set(cups.completed_jobs()), pdfs()
    window._test_print()
    assert window.print_queue.last_error is None

    def printed() -> None:
        assert set(cups.completed_jobs()) - jobs_before, cups.log()
        assert new_pdfs(pdf_before)

    qtbot.waitUntil(printed, timeout=30_000)
    window.allow_close()
    window.close()


def test_an_urgent_slip_prints_on_the_urgent_printer_and_names_the_flag(
        qtbot: QtBot, cups: PrivateCups, shipped: Loaded, tmp_path: Path) -> None:
    from PySide6.QtPdf import QPdfDocument

    from tests.printing.test_summary_command_and_slip import flagged_visit

    urgent_queue = "Kiosk_Test_Urgent"
    cups.add_pdf_queue(urgent_queue)
    store = VisitStore(tmp_path / "visits.sqlite3")
    visit = flagged_visit(shipped)
    store.save_urgent(visit)
    queue = PrintQueue(store, lambda job: document_for(job, store, shipped), "No_Such_Printer",
                       paper=shipped.settings.printing.paper, urgent_printer=urgent_queue)
    before = pdfs()
    with qtbot.waitSignal(queue.changed, timeout=10_000):
        queue.kick()
    assert queue.last_error is None and [job.state for job in store.jobs()] == ["printed"]

    def printed() -> None:
        assert cups.completed_jobs(urgent_queue), cups.log()
        assert new_pdfs(before)

    qtbot.waitUntil(printed, timeout=30_000)
    [pdf] = new_pdfs(before)
    # cups-pdf re-renders the text without its character map: the job's name tells what it is
    assert "urgent-slip" in pdf.name and visit.visit_id in pdf.name
    document = QPdfDocument()
    document.load(str(pdf))
    assert document.pageCount() == 1, "the slip is one page"
    document.close()
