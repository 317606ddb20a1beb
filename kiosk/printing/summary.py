"""The specialist's summary of a submitted visit: one page to print, or to save as a PDF.

Always in the clinic's language (the printing settings), whatever language the patient used:
answers in clinical words through their ids; typed answers quoted exactly as typed. Each fact
is printed once (summary_facts.py).

Top to bottom: clinic and visit; the patient (date of birth, age, language, record number,
"Completed with staff help"); the outcome with its red flags and the negatives; candidacy as
criteria met and not met (summary_outcome.py); pain with the drawing, scores and room for
notes beside it (summary_pain.py); the rest of the history under its questionnaire pages; the
patient's own words; ruled space in what is left of the page; one line saying the outcome is
a screening aid the patient did not see (summary_sections.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextDocument

from kiosk.content.model import Content, Loaded
from kiosk.content.theme import Theme
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.columns import Measure, table
from kiosk.printing.pages import Paper, paper_document, render, write_pdf
from kiosk.printing.pain_map_figure import draw_pain_map
from kiosk.printing.summary_facts import Facts
from kiosk.printing.summary_outcome import candidacy, outcome_box
from kiosk.printing.summary_pain import (
    FIGURE_HEIGHT_PT,
    FIGURE_NAME,
    FIGURE_WIDTH_PT,
    NOTES_SHARE,
    marked_regions,
    pain_block,
)
from kiosk.printing.summary_sections import (
    COLUMN_SHARE,
    FIRST_NAME,
    HEAD,
    LAST_NAME,
    LIST_INDENT_PT,
    RULE,
    TEXT,
    footer,
    header,
    history,
    notes,
    patient,
)

BESIDE_NAME, FOOT_NAME = "notes-beside", "notes-foot"
#: Ruled space at the foot of the page only when at least this much is left, in points.
NOTES_LEAST_PT = 40.0
NOTES_LINE_PT = 20.0
#: The notes beside the pain drawing: this tall, in points.
NOTES_BESIDE_PT = 92.0
#: Kept free under the notes, so rounding never pushes the footer onto a second page.
NOTES_SLACK_PT = 4.0
#: Images are drawn at this many dots per point (216 dpi), sharp on paper.
IMAGE_SCALE = 3


@dataclass(frozen=True, slots=True)
class NotesRoom:
    """Ruled space for notes, in points: beside the pain drawing, and at the foot of the page,
    on a page `width` wide."""

    beside: float = 0.0
    foot: float = 0.0
    width: float = 0.0


def summary_html(visit: SubmittedVisit, content: Content, language: str, clinic_name: str,
                 copy: bool = False, measure: Measure | None = None, figure: bool = False,
                 room: NotesRoom = NotesRoom()) -> str:
    """The summary as HTML for QTextDocument, in `language` (the clinic's, from settings).

    `measure` gives the real height of rows in a column of the history, to cut them into two
    even columns; without it the cut is estimated from the length of the text. `figure` places
    the pain drawing's image and `room` ruled space for notes (the document holds the images).
    """
    facts = Facts(visit, content, language)
    beside = notes(facts, BESIDE_NAME, room.width * NOTES_SHARE - 8, room.beside)
    foot = notes(facts, FOOT_NAME, room.width - 8, room.foot, heading=not beside)
    body = (header(facts, clinic_name, copy) + patient(facts) + outcome_box(facts)
            + candidacy(facts) + pain_block(facts, figure, beside)
            + history(facts, measure) + foot + footer(facts))
    return f"<html><head>{HEAD}</head><body>{body}</body></html>"


def _column_measure(theme: Theme, paper: Paper, width: float) -> Measure:
    """Heights of rows laid out as they will be: same font, styles and column width."""
    scratch = paper_document(theme, paper)
    scratch.setPageSize(QSizeF(width, 1e6))

    def measure(rows: str) -> float:
        scratch.setHtml(f"<html><head>{HEAD}</head><body>{table(rows)}</body></html>")
        return float(scratch.documentLayout().documentSize().height())

    return measure


def _image(width: float, height: float) -> tuple[QImage, QPainter]:
    image = QImage(max(1, round(width * IMAGE_SCALE)), max(1, round(height * IMAGE_SCALE)),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    return image, QPainter(image)


def _pain_figure(regions: tuple[str, ...], captions: tuple[str, str],
                 sides: tuple[str, str]) -> QImage:
    image, painter = _image(FIGURE_WIDTH_PT, FIGURE_HEIGHT_PT)
    font = painter.font()
    font.setPixelSize(7 * IMAGE_SCALE)
    painter.setFont(font)
    painter.setPen(QColor(TEXT))
    draw_pain_map(painter, QRectF(0, 0, image.width(), image.height()), regions, captions,
                  sides)
    painter.end()
    return image


def _notes_lines(width: float, height: float) -> QImage:
    image, painter = _image(width, height)
    painter.setPen(QPen(QColor(RULE), IMAGE_SCALE * 0.6))
    y = NOTES_LINE_PT
    while y <= height:
        painter.drawLine(0, round(y * IMAGE_SCALE), image.width(), round(y * IMAGE_SCALE))
        y += NOTES_LINE_PT
    painter.end()
    return image


class _Layout:
    """Lays the summary out again with more or less room for notes."""

    def __init__(self, document: QTextDocument, visit: SubmittedVisit, loaded: Loaded,
                 copy: bool) -> None:
        self.document, self.visit, self.loaded = document, visit, loaded
        self.copy = copy
        self.page = document.pageSize()
        printing = loaded.settings.printing
        self.measure = _column_measure(loaded.theme, printing.paper,
                                       self.page.width() * COLUMN_SHARE)

    def image(self, name: str, picture: QImage) -> None:
        self.document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)

    def __call__(self, beside: float, foot: float) -> float:
        """Lay out; the height the page's content takes, in points."""
        printing = self.loaded.settings.printing
        self.document.setHtml(summary_html(
            self.visit, self.loaded.content, printing.language, self.loaded.settings.clinic.name,
            self.copy, self.measure, figure=True,
            room=NotesRoom(beside, foot, self.page.width())))
        return float(self.document.documentLayout().documentSize().height())

    def fill(self, beside: float) -> None:
        """Notes beside the drawing, and ruled lines in what is left of a one-page summary."""
        if beside:
            self.image(BESIDE_NAME, _notes_lines(self.page.width() * NOTES_SHARE - 8, beside))
        without = self(beside, 0.0)
        if self.document.pageCount() > 1:
            return
        # The notes' heading and spacing take room too: measured with a one-point image.
        self.image(FOOT_NAME, _notes_lines(self.page.width() - 8, 1.0))
        overhead = self(beside, 1.0) - without - 1.0
        room = self.page.height() - without - overhead - NOTES_SLACK_PT
        if room >= NOTES_LEAST_PT:
            self.image(FOOT_NAME, _notes_lines(self.page.width() - 8, room))
            self(beside, room)
        if room < NOTES_LEAST_PT or self.document.pageCount() > 1:
            self(beside, 0.0)


def summary_document(visit: SubmittedVisit, loaded: Loaded, copy: bool = False
                     ) -> QTextDocument:
    """The summary laid out on the clinic's paper, in the clinic's language, ready to render.
    A reprint (`copy`) is marked COPY at the top. What is left of a one-page summary's page
    is ruled for the specialist's notes."""
    printing = loaded.settings.printing
    document = paper_document(loaded.theme, printing.paper)
    document.setIndentWidth(LIST_INDENT_PT)
    words = loaded.content.words(printing.language).summary
    regions = marked_regions(Facts(visit, loaded.content, printing.language))
    layout = _Layout(document, visit, loaded, copy)
    layout.image(FIGURE_NAME, _pain_figure(regions, (words.front, words.back),
                                           (words.right_side, words.left_side)))
    layout.fill(NOTES_BESIDE_PT if regions else 0.0)
    name = " ".join(str(visit.answers[part]) for part in (FIRST_NAME, LAST_NAME)
                    if part in visit.answers)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{name} \u00b7 {words.visit} {visit.visit_id}")
    return document


__all__ = ["NotesRoom", "render", "summary_document", "summary_html", "write_pdf"]
