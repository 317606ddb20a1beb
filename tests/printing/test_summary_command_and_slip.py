"""Staff and editors get the summary as a PDF, of a stored visit or an answer file; an urgent
visit also has a short slip naming the red flags."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk.cli import main
from kiosk.content.model import Loaded
from kiosk.intake.session import IntakeSession, SubmittedVisit
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


def test_an_answer_file_is_summed_up_in_the_language_it_says_it_was_answered_in(
        qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "spanish.pdf"
    assert main(["summary", str(EXAMPLES / "spanish.yaml"), "--pdf", str(out)]) == 0
    assert "Language used Spanish" in " ".join(pdf_text(out).split())
    assert main(["summary", str(EXAMPLES / "spanish.yaml"), "--pdf", str(out),
                 "--lang", "en"]) == 0
    assert "Language used English" in " ".join(pdf_text(out).split()), "--lang wins"
    french = tmp_path / "french.yaml"
    french.write_text((EXAMPLES / "spanish.yaml").read_text(encoding="utf-8").replace(
        "language: es", "language: fr"), encoding="utf-8")
    assert main(["summary", str(french), "--pdf", str(out)]) == 1


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


FIRED = datetime.datetime(2026, 3, 9, 15, 42, tzinfo=datetime.UTC)


def flagged_visit(loaded: Loaded) -> SubmittedVisit:
    """An invented patient who answers Yes to new bladder trouble, then to saddle numbness
    after changing the first answer back to No; saved the moment the flags fire."""
    content = loaded.content
    moments = iter(FIRED + datetime.timedelta(minutes=n) for n in range(100))
    session = IntakeSession(content.questionnaire, content.rules, clock=lambda: next(moments))
    session.answer("first-name", "Rosa")
    session.answer("last-name", "Inventada")
    session.answer("birth-date", datetime.date(1954, 2, 1))
    session.answer("bladder-problems", "yes")
    session.fire_flags()
    session.answer("bladder-problems", "no")
    session.answer("saddle-numbness", "yes")
    session.fire_flags()
    return session.snapshot("es", "open")


def with_printing(loaded: Loaded, language: str, location: str) -> Loaded:
    settings = loaded.settings
    return dataclasses.replace(loaded, settings=dataclasses.replace(
        settings, printing=dataclasses.replace(settings.printing, language=language),
        kiosk=dataclasses.replace(settings.kiosk, location=location)))


def slip_text(loaded: Loaded, visit: SubmittedVisit, out: Path) -> str:
    write_pdf(urgent_slip_document(visit, loaded), out, "letter")
    return " ".join(pdf_text(out).split())


def test_the_slip_names_each_flag_in_clinical_words_with_when_and_where(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    loaded = with_printing(shipped, "en", "Second floor waiting room")
    text = slip_text(loaded, flagged_visit(loaded), tmp_path / "slip.pdf")
    at = [f"{(FIRED + datetime.timedelta(minutes=n)).astimezone():%H:%M}" for n in range(8)]
    assert "URGENT" in text and "Rosa Inventada" in text
    assert "Date of birth: February 1, 1954" in text
    assert "Kiosk: Second floor waiting room" in text
    assert "Urinary retention or incontinence — new" in text
    assert "Saddle anaesthesia — new" in text
    assert any(f"answered Yes at {a}, changed to No at {b}" in text for a in at for b in at)
    assert text.index("Urinary retention") < text.index("Saddle anaesthesia"), "in firing order"
    assert "numbness between your legs" not in text, "clinical words, not the patient's question"


def test_the_slip_prints_in_the_clinics_language_whatever_the_patient_used(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    loaded = with_printing(shipped, "es", "Sala de espera")
    text = slip_text(loaded, flagged_visit(loaded), tmp_path / "slip.pdf")
    assert "Anestesia en silla de montar — nueva" in text
    assert "Retención o incontinencia urinaria — nueva" in text
    assert "respondió Sí a las" in text and "Quiosco: Sala de espera" in text
    assert "1 de febrero de 1954" in text


def test_urgent_slips_go_to_the_urgent_printer_when_one_is_set(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    from kiosk.printing.queue import PrintQueue

    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "urgent"))
    slip, summary = store.jobs()
    both = PrintQueue(store, lambda job: None, "Front_Desk", urgent_printer="Desk_Urgent")
    assert (both.printer_for(slip), both.printer_for(summary)) == ("Desk_Urgent", "Front_Desk")
    one = PrintQueue(store, lambda job: None, "Front_Desk")
    assert (one.printer_for(slip), one.printer_for(summary)) == ("Front_Desk", "Front_Desk")
