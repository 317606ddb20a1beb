"""Staff and editors get the summary as a PDF, of a stored visit or an answer file; an urgent
visit also has a short slip naming the red flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk.cli import main
from kiosk.content.model import Loaded
from kiosk.printing.summary import write_pdf
from kiosk.printing.urgent_slip import urgent_slip_document
from kiosk.records.store import VisitStore
from tests.records.test_store import EXAMPLES, submitted


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    document.load(str(path))
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def test_summary_of_a_stored_visit_by_its_id(
        qapp: QApplication, shipped: Loaded, data_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    visit = submitted(shipped, "review")
    VisitStore(data_dir / "visits.sqlite3").save_submitted(visit)
    out = tmp_path / "summary.pdf"
    assert main(["summary", visit.visit_id, "--pdf", str(out), "--data", str(data_dir)]) == 0
    text = pdf_text(out)
    assert visit.visit_id in text and "Alex Sample" in " ".join(text.split())
    assert "Clinician review" in text
    assert capsys.readouterr().out.strip() == f"wrote {out}: visit {visit.visit_id}"


def test_summary_of_an_unknown_visit_says_so(qapp: QApplication, data_dir: Path,
                                             tmp_path: Path) -> None:
    assert main(["summary", "V-0101-XXXX", "--pdf", str(tmp_path / "x.pdf"),
                 "--data", str(data_dir)]) == 1


def test_summary_of_an_answer_file(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "urgent.pdf"
    assert main(["summary", str(EXAMPLES / "urgent.yaml"), "--pdf", str(out)]) == 0
    assert "URGENT" in pdf_text(out)


def test_the_urgent_slip_names_the_patient_and_the_red_flags(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "urgent")
    out = tmp_path / "slip.pdf"
    write_pdf(urgent_slip_document(visit, shipped), out, "letter")
    text = pdf_text(out)
    urgent_labels = [shipped.content.words("en").rules.rules[r.rule_id or ""]
                     for r in visit.outcome.reasons if r.kind == "urgent"]
    assert urgent_labels and all(label in " ".join(text.split()) for label in urgent_labels)
    assert str(visit.answers["last-name"]) in text and visit.visit_id in text
    copy = tmp_path / "slip-copy.pdf"
    write_pdf(urgent_slip_document(visit, shipped, copy=True), copy, "letter")
    assert "COPY" in pdf_text(copy)
