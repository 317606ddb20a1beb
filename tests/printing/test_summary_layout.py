"""The specialist's page read as a spine specialist reads it: each fact once, red flags apart
from candidacy, criteria met and not met with the answers behind them, the pain drawing, room
for notes, one page for every example. Real PDFs, read back as text."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, Loaded, load_all
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.pain_map_figure import draw_pain_map
from tests.domain.test_record_number import with_format
from tests.printing.test_summary import EXAMPLES, printed, submitted

EVERY_EXAMPLE = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
IDENTITY = {"first-name", "last-name", "birth-date"}


def language_of(example: str) -> str:
    return "es" if example == "spanish.yaml" else "en"


def page_of(shipped: Loaded, example: str, out: Path,
            changes: dict[str, object] | None = None) -> tuple[SubmittedVisit, str]:
    visit = submitted(shipped, example, language_of(example), changes)
    return visit, " ".join(printed(shipped, visit, out))


@pytest.mark.parametrize("example", EVERY_EXAMPLE)
def test_every_example_fits_one_page_and_prints_each_answer_once(
        qapp: QApplication, shipped: Loaded, tmp_path: Path, example: str) -> None:
    visit = submitted(shipped, example, language_of(example))
    pages = printed(shipped, visit, tmp_path / "summary.pdf")
    assert len(pages) == 1, "a typical visit is one page"
    [text] = pages
    words = shipped.content.words("en")
    # Told another way: pain figures as "Now" and "Worst", a flagged answer by the flag's
    # name, the treatments tried by their "Response to …" lines.
    told = {"pain-now", "pain-worst", "treatments-tried"}
    told.update(item_id for r in visit.outcome.reasons if r.kind in ("urgent", "review")
                for item_id in r.item_ids)
    for item_id in visit.answers:
        if item_id in IDENTITY:
            continue
        label = words.questionnaire.clinical(item_id)
        assert text.count(label) <= 1, f"{label!r} printed more than once"
        assert item_id in told or label in text, f"{label!r} is not printed"
    for flag in (r for r in visit.outcome.reasons if r.kind in ("urgent", "review")):
        assert text.count(words.rules.rules[flag.rule_id or ""]) == 1


def test_an_urgent_flag_stands_apart_from_the_candidacy_positives(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    _, text = page_of(shipped, "urgent.yaml", tmp_path / "urgent.pdf")
    flags, candidacy = text.split("Candidacy (the clinic's criteria)")
    assert "Urgent: Saddle anaesthesia \u2014 new (answered Yes at" in flags
    assert "Generally good health" not in flags
    assert "Criteria met (5)" in candidacy and "Generally good health" in candidacy
    assert "Denies: Urinary retention / incontinence (new);" in flags
    assert "Saddle anaesthesia (new)" not in text, "the flag names it once"


def test_a_cancer_history_is_named_once_as_a_flag_and_once_as_an_exclusion(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    _, text = page_of(shipped, "cancer-history.yaml", tmp_path / "cancer.pdf")
    assert "Outcome Clinician review Review: A history of cancer" in text
    assert "Criteria not met or unknown (1) Exclusion: History of cancer Pain" in text
    assert "History of malignancy" not in text, "the answer is the flag, not a second line"


def test_a_criterion_without_answers_names_the_answer_that_skipped_its_questions(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    changes: dict[str, object] = {"treatments-tried": "none"}
    for skipped in ("physio-helped", "medicines-helped", "injections-helped"):
        changes[skipped] = None
    _, text = page_of(shipped, "likely-candidate.yaml", tmp_path / "none.pdf", changes)
    assert ("Criteria not met or unknown (1) No lasting relief from physiotherapy, medicines or"
            " injections \u2014 Treatments tried: None") in text


def test_unsure_answers_are_one_review_flag_naming_the_questions(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    unsure = {"thin-bones": "unsure", "long-term-steroids": "unsure", "had-mri": "unsure"}
    _, text = page_of(shipped, "likely-candidate.yaml", tmp_path / "unsure.pdf",
                      {**unsure, "mri-when": None})
    assert ("Review: Answers that were 'I'm not sure': 3 (Osteoporosis; Long-term"
            " corticosteroid use (3+ months); Prior spine MRI)") in text
    assert "Prior spine MRI Not sure" not in text


def test_the_pain_block_says_plainly_whether_a_marked_region_is_below_the_knee(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    _, below = page_of(shipped, "urgent.yaml", tmp_path / "below.pdf")
    assert ("Pain drawing: Lumbar, midline; Posterior thigh, L; Posterior thigh, R; Calf, L;"
            " Calf, R Marked below the knee: Calf, L; Calf, R") in below
    _, above = page_of(shipped, "likely-candidate.yaml", tmp_path / "above.pdf")
    assert "No region marked below the knee." in above


def test_the_page_carries_the_drawing_and_room_for_notes(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    _, text = page_of(shipped, "likely-candidate.yaml", tmp_path / "drawing.pdf")
    assert "Notes" in text
    pdf = (tmp_path / "drawing.pdf").read_bytes()
    assert pdf.count(b"/Subtype /Image") >= 2, "the drawing and the notes' lines are pictures"


def test_the_record_number_is_in_the_header(
        qapp: QApplication, settings_copy: Path, tmp_path: Path) -> None:
    loaded = load_all(DEFAULT_CONTENT, with_format(settings_copy), DEFAULT_THEME)
    visit, text = page_of(loaded, "likely-candidate.yaml", tmp_path / "number.pdf",
                          {"record-number": "MRN-004217"})
    born = visit.answers["birth-date"]
    assert isinstance(born, datetime.date)
    assert ("Date of birth April 12, 1968 Age 57 Language used English"
            " Record no. / appointment code MRN-004217") in text
    assert text.count("MRN-004217") == 1


def test_the_longest_visit_takes_two_pages_at_most(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    items = {item.id: item for item in shipped.content.questionnaire.items()}
    longest: dict[str, object] = {
        item_id: ("Wörter " * 60)[:item.max_length].strip()
        for item_id, item in items.items() if item.type == "text" and item.id in (
            "goals-other", "pain-medicines-other", "medicine-allergies-which")}
    longest.update({item_id: list(item.options) for item_id, item in items.items()
                    if item.type == "multiple" and item_id != "treatments-tried"})
    longest.update({"pain-medicines-now": list(items["pain-medicines-now"].options),
                    "medicine-allergies": "yes", "saddle-numbness": "yes",
                    "bladder-problems": "unsure", "fever-or-infection": "yes",
                    "weight-loss": "yes", "cancer-history": "yes", "stenosis-surgery": "yes"})
    visit = submitted(shipped, "likely-candidate.yaml", changes=longest)
    pages = printed(shipped, visit, tmp_path / "longest.pdf")
    assert len(pages) <= 2
    assert all(f"Maria Example \u00b7 Visit {visit.visit_id}" in page for page in pages)
    assert "Wörter Wörter" in " ".join(pages)


def side_ink(sides: tuple[str, str]) -> list[bool]:
    """Whether anything is printed under the pain drawing in each quarter of its width: under
    the front view's left and right edges, then the back view's."""
    image = QImage(1200, 400, QImage.Format.Format_ARGB32)  # wide: the height sets the scale
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = painter.font()
    font.setPixelSize(18)
    painter.setFont(font)
    draw_pain_map(painter, QRectF(0, 0, image.width(), image.height()), (), ("", ""), sides)
    painter.end()
    band = round(image.height() * 0.94)  # the line under the views

    def dark(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 128
    drawn = [x for x in range(image.width()) if any(dark(x, y) for y in range(0, band, 3))]
    left, width = drawn[0], drawn[-1] - drawn[0]
    return [any(dark(x, y) for x in range(left + width * q // 4, left + width * (q + 1) // 4)
                for y in range(band, image.height())) for q in range(4)]


def test_the_pain_drawing_names_the_patient_s_right_and_left_beside_each_view(
        qapp: QApplication, shipped: Loaded) -> None:
    """The front view faces the reader and the back view turns away: a mark is read on the
    patient's side only if each view says which side is which."""
    assert side_ink(("R", "")) == [True, False, False, True], "right: front's left, back's right"
    assert side_ink(("", "L")) == [False, True, True, False], "left: front's right, back's left"
    words = shipped.content.words("en").summary
    assert (words.right_side, words.left_side) == ("R", "L"), "as in the regions' names"
