"""The specialist's summary: real PDFs built from the example answer files, read back as text,
and checked for what a specialist reads on the page."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk.content.loader import Loaded
from kiosk.content.simulate import read_answers, run
from kiosk.decoding.errors import ContentError
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.summary import summary_document, summary_html, write_pdf
from kiosk.printing.summary_command import summary_from_answers
from tests.conftest import ROOT

EXAMPLES = ROOT / "resources" / "examples"
SUBMITTED = datetime.datetime(2025, 11, 24, 15, 30, tzinfo=datetime.UTC)
INJECTION = "<b>bold</b> <img src=x>"


def submitted(loaded: Loaded, example: str, language: str = "en",
              changes: dict[str, object] | None = None) -> SubmittedVisit:
    """The visit a patient would send with the answers of an example file (`changes`: answers
    given instead, None for an answer not given)."""
    path = EXAMPLES / example
    errors: list[ContentError] = []
    answers, lines = read_answers(path, loaded.content, errors)
    for item_id, answer in (changes or {}).items():
        if answer is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = answer
    session, _ = run(answers, loaded.content, path, lines, errors)
    assert errors == []
    return session.submit(language, SUBMITTED)


def printed(loaded: Loaded, visit: SubmittedVisit, out: Path, copy: bool = False) -> list[str]:
    """The summary written as a PDF and read back: the text of each page, spaces collapsed."""
    document = summary_document(visit, loaded, copy)
    write_pdf(document, out, loaded.settings.printing.paper)
    return read_pdf(out)


def read_pdf(path: Path) -> list[str]:
    pdf = QPdfDocument()
    assert pdf.load(str(path)) == QPdfDocument.Error.None_
    pages = [" ".join(pdf.getAllText(page).text().split()) for page in range(pdf.pageCount())]
    pdf.close()
    return pages


def paper_of(path: Path) -> tuple[int, int]:
    """The first page's size in points."""
    pdf = QPdfDocument()
    assert pdf.load(str(path)) == QPdfDocument.Error.None_
    size = pdf.pagePointSize(0)
    pdf.close()
    return round(size.width()), round(size.height())


def printing_in(loaded: Loaded, **changes: object) -> Loaded:
    printing = dataclasses.replace(loaded.settings.printing, **changes)  # type: ignore[arg-type]
    return dataclasses.replace(loaded, settings=dataclasses.replace(loaded.settings,
                                                                    printing=printing))


@pytest.fixture
def likely_candidate(qapp: QApplication, shipped: Loaded, tmp_path: Path) -> tuple[
        SubmittedVisit, list[str]]:
    visit = submitted(shipped, "likely-candidate.yaml")
    return visit, printed(shipped, visit, tmp_path / "summary.pdf")


def test_a_likely_candidate_fits_on_one_letter_page(
        likely_candidate: tuple[SubmittedVisit, list[str]], tmp_path: Path) -> None:
    _, pages = likely_candidate
    assert len(pages) == 1
    assert paper_of(tmp_path / "summary.pdf") == (612, 792)


def test_the_specialist_reads_who_the_patient_is_and_which_visit(
        likely_candidate: tuple[SubmittedVisit, list[str]], shipped: Loaded) -> None:
    visit, [text] = likely_candidate
    assert shipped.settings.clinic.name in text
    assert "Maria Example" in text
    assert "Date of birth April 12, 1968" in text
    assert f"Visit {visit.visit_id}" in text
    local = SUBMITTED.astimezone()
    assert f"November {local.day}, 2025, {local:%H:%M}" in text
    assert "Language used English" in text


def test_the_outcome_and_every_criterion_with_the_answers_behind_it(
        likely_candidate: tuple[SubmittedVisit, list[str]]) -> None:
    _, [text] = likely_candidate
    assert "Outcome Likely candidate Red flags: None reported." in text
    assert ("Criteria met (5) Back pain for more than 6 months — Duration of back"
            " pain: 1 year 6 months") in text
    assert ("No lasting relief from physiotherapy, medicines or injections — Response to"
            " physiotherapy: Short-term relief; Response to analgesics: Short-term relief;"
            " Response to injections: Short-term relief") in text
    assert "Criteria not met or unknown (0): None" in text
    assert "Candidate signal" not in text, "no jargon"


def test_pain_figures_diagnoses_and_history_are_printed_in_clinical_words(
        likely_candidate: tuple[SubmittedVisit, list[str]]) -> None:
    _, [text] = likely_candidate
    assert "Now 6 / 10 (Moderate) Worst, past week 8 / 10" in text, "the rating with its band"
    assert "Prior diagnoses: Degenerative disc disease; Disc herniation" in text
    assert ("History Diagnoses and imaging Prior spine MRI Yes Most recent MRI Within 12 months"
            in text), "pages under headings for the specialist"
    assert "Current analgesics Paracetamol; NSAID" in text
    assert "Worn discs" not in text, "the patient's words are not the specialist's"


def test_the_patients_own_words_are_quoted_as_typed(
        likely_candidate: tuple[SubmittedVisit, list[str]]) -> None:
    _, [text] = likely_candidate
    assert ("In the patient's own words Other goal (patient's words):"
            " \u201cPlay with my grandchildren without pain.\u201d") in text
    assert "Drug allergies (patient's words) \u201cPenicillin gave me a rash.\u201d" in text


def test_the_questionnaire_version_is_printed_and_no_patient_disclaimer(
        likely_candidate: tuple[SubmittedVisit, list[str]], shipped: Loaded) -> None:
    _, [text] = likely_candidate
    disclaimer = " ".join(shipped.content.words("en").education.disclaimer.split())
    assert disclaimer not in text, "a clinical page, not patient education"
    assert ("A screening aid for the specialist, not a diagnosis. The patient was not shown this"
            f" outcome. \u00b7 Questionnaire version {shipped.content.questionnaire.version}"
            in text)


def test_every_page_names_the_patient_the_visit_and_the_page(
        likely_candidate: tuple[SubmittedVisit, list[str]]) -> None:
    visit, [text] = likely_candidate
    assert f"Maria Example \u00b7 Visit {visit.visit_id}" in text
    assert "1 / 1" in text


def test_an_urgent_visit_says_urgent_and_names_the_red_flag(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "urgent.yaml")
    [text] = printed(shipped, visit, tmp_path / "urgent.pdf")
    assert "URGENT - red flag" in text
    flag = shipped.content.words("en").rules.rules["saddle-numbness"]
    assert f"URGENT - red flag Urgent: {flag} (answered Yes at " in text


def test_a_spanish_visit_is_printed_in_english_with_the_typed_words_as_typed(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "spanish.yaml", language="es")
    [text] = printed(shipped, visit, tmp_path / "spanish.pdf")
    assert "Lucía Ejemplo" in text
    assert "Language used Spanish" in text
    assert "Answers are shown in English." in text
    assert "Prior diagnoses: Degenerative disc disease" in text
    assert "Pain drawing: Lumbar, L; Buttock, L; Posterior thigh, L; Calf, L; Foot, L" in text
    assert "Marked below the knee: Calf, L; Foot, L" in text
    assert "Response to analgesics: No relief" in text
    assert "Discos gastados" not in text and "Dolor" not in text
    assert "\u201cPoder cargar a mis nietos y volver a bailar.\u201d" in text


def test_the_summary_follows_the_printing_language_and_paper(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    in_spanish = printing_in(shipped, language="es", paper="a4")
    visit = submitted(in_spanish, "likely-candidate.yaml")
    text = " ".join(printed(in_spanish, visit, tmp_path / "es.pdf"))
    assert "Candidatura probable" in text
    assert "Fecha de nacimiento 12 de abril de 1968" in text
    assert "Diagnósticos previos: Enfermedad degenerativa del disco" in text
    assert paper_of(tmp_path / "es.pdf") == (595, 842)


def test_typed_html_is_printed_literally_not_obeyed(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "likely-candidate.yaml", changes={
        "goals-other": INJECTION, "first-name": "<i>Maria</i>"})
    [text] = printed(shipped, visit, tmp_path / "injection.pdf")
    assert f"\u201c{INJECTION}\u201d" in text
    assert "<i>Maria</i> Example" in text
    html = summary_html(visit, shipped.content, "en", "Riverside <Spine> & Co")
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "Riverside &lt;Spine&gt; &amp; Co" in html


def test_a_hidden_answer_is_not_printed(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "branching.yaml")
    [text] = printed(shipped, visit, tmp_path / "branching.pdf")
    assert "Response to physiotherapy" not in text
    assert "Response to analgesics" in text


def test_a_reprint_is_marked_copy(qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "likely-candidate.yaml")
    [first] = printed(shipped, visit, tmp_path / "first.pdf")
    [again] = printed(shipped, visit, tmp_path / "again.pdf", copy=True)
    assert "COPY" not in first
    assert "COPY" in again


# -- the summary command -----------------------------------------------------------------------


def test_the_summary_command_writes_the_pdf_of_an_answer_file(
        qapp: QApplication, shipped: Loaded, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "summary.pdf"
    status = summary_from_answers(EXAMPLES / "urgent.yaml", shipped, out)
    assert status == 0
    [text] = read_pdf(out)
    assert "Sam Sample" in text and "URGENT - red flag" in text
    assert f"wrote {out}" in capsys.readouterr().out


def test_the_summary_command_names_file_and_line_of_a_wrong_answer(
        qapp: QApplication, shipped: Loaded, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = (EXAMPLES / "likely-candidate.yaml").read_text(encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(text.replace("pain-now: 6", "pain-now: 12"), encoding="utf-8")
    line = answers.read_text(encoding="utf-8").splitlines().index("pain-now: 12") + 1
    out = tmp_path / "summary.pdf"
    status = summary_from_answers(answers, shipped, out)
    printed_out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert printed_out[0] == f"{answers}:{line}: pain-now: 12 is outside 0 to 10"
    assert not out.exists()


def test_the_summary_command_lists_required_answers_the_file_lacks(
        qapp: QApplication, shipped: Loaded, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = (EXAMPLES / "likely-candidate.yaml").read_text(encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(text.replace("last-name: Example\n", ""), encoding="utf-8")
    status = summary_from_answers(answers, shipped, tmp_path / "summary.pdf")
    assert status == 1
    assert f"{answers}:0: last-name: required but not answered" in capsys.readouterr().out


def test_the_summary_command_says_when_the_pdf_cannot_be_written(
        qapp: QApplication, shipped: Loaded, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "summary.pdf"
    status = summary_from_answers(EXAMPLES / "likely-candidate.yaml", shipped, out)
    assert status == 1
    assert f"{out}: cannot be written" in capsys.readouterr().out


def test_a_first_name_with_a_right_to_left_override_prints_as_its_plain_letters(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = submitted(shipped, "likely-candidate.yaml", changes={"first-name": "\u202eMaria"})
    [text] = printed(shipped, visit, tmp_path / "override.pdf")
    assert "Maria Example" in text
    assert "elpmaxE" not in text and "airaM" not in text
