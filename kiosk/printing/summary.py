"""The specialist's summary of a submitted visit: one page to print, or to save as a PDF.

Always in the clinic's language (the printing settings), whatever language the patient used:
answers in clinical words through their ids; typed answers quoted exactly as typed and marked
as the patient's own words. Each fact is printed once (summary_facts.py).

Top to bottom: clinic and visit; the patient (date of birth, age, language, record number,
"Completed with staff help"); the outcome with its red flags and the negatives; candidacy as
criteria met and not met (summary_outcome.py); pain with the drawing and scores
(summary_pain.py); the rest of the history under its questionnaire pages; the patient's own
words; space for notes; one line saying the outcome is a screening aid the patient did not see.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSizeF, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextDocument

from kiosk.content.model import Content, Loaded
from kiosk.content.theme import Theme
from kiosk.content.wording import date_words
from kiosk.intake.questionnaire import Item
from kiosk.intake.record_number import RECORD_NUMBER
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.columns import Entry, Measure, column_table, table, two_columns
from kiosk.printing.pages import Paper, paper_document, render, write_pdf
from kiosk.printing.pain_map_figure import draw_pain_map
from kiosk.printing.summary_facts import MUTED, Facts, e
from kiosk.printing.summary_outcome import candidacy, outcome_box
from kiosk.printing.summary_pain import (
    FIGURE_HEIGHT_PT,
    FIGURE_NAME,
    FIGURE_WIDTH_PT,
    NOTES_SHARE,
    marked_regions,
    pain_block,
)

FIRST_NAME, LAST_NAME, BIRTH_DATE = "first-name", "last-name", "birth-date"
IDENTITY = (FIRST_NAME, LAST_NAME, BIRTH_DATE, RECORD_NUMBER)

LIST_INDENT_PT = 16.0
#: Each column of the history takes this share of the page's width (a gap between them).
COLUMN_SHARE = 0.49
TEXT = "#1c2a33"
RULE = "#c5d0d6"
NOTES_NAME = "notes-lines"
#: Room for notes is given only when at least this much of the page is left, in points.
NOTES_LEAST_PT = 40.0
NOTES_LINE_PT = 20.0
#: The notes beside the pain drawing: this tall, in points.
NOTES_BESIDE_PT = 104.0
#: Kept free under the notes, so rounding never pushes the footer onto a second page.
NOTES_SLACK_PT = 4.0

# Qt's rich text takes font sizes in pt, but margins and paddings only in px; the document is
# laid out at 72 dpi (pages.py), so there 1px is 1pt. Line height 92% of Noto Sans's own is
# still about 1.25 lines, and keeps a typical visit on one page.
STYLE = f"""
body {{ color: {TEXT}; line-height: 92%; }}
p {{ margin: 0; }}
td {{ vertical-align: top; }}
.muted {{ color: {MUTED}; }}
.label {{ color: {MUTED}; font-size: 8.5pt; }}
.heading {{ font-size: 11pt; font-weight: bold; margin-top: 6px; margin-bottom: 2px; }}
.group {{ font-weight: bold; color: {MUTED}; padding-top: 3px; }}
.small {{ font-size: 7.5pt; color: {MUTED}; }}
"""
HEAD = f'<meta charset="utf-8" /><style>{STYLE}</style>'


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Whole years from `birth` to `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def header(facts: Facts, clinic_name: str, copy: bool) -> str:
    """Clinic and title on the left, COPY in the middle on a reprint, visit and time right."""
    visit, say = facts.visit, facts.say
    when = visit.submitted_at.astimezone()
    sent = say.submitted if visit.status == "complete" else say.saved
    mark = ""
    if copy:
        mark = (f'<table cellspacing="0" cellpadding="2" align="center"'
                f' style="background-color: {TEXT};"><tr><td>'
                '<table cellspacing="0" cellpadding="3" style="background-color: #ffffff;">'
                '<tr><td><span style="font-size: 16pt; font-weight: bold;'
                f' letter-spacing: 3px;">{e(say.copy)}</span></td></tr></table>'
                "</td></tr></table>")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="40%"><p style="font-size: 12pt; font-weight: bold;">{e(clinic_name)}'
        f'</p><p class="muted">{e(say.title)}</p></td>'
        f'<td width="20%" align="center">{mark}</td>'
        f'<td width="40%" align="right"><p style="font-size: 12pt; font-weight: bold;">'
        f"{e(say.visit)} {e(visit.visit_id)}</p>"
        f'<p class="muted">{e(sent)} {e(date_words(when.date(), facts.words))},'
        f" {when:%H:%M}</p></td></tr></table>"
        f'<hr style="color: {RULE};" />')


def _language_name(facts: Facts, code: str) -> str:
    named = facts.say.language_names.get(code)
    if named:
        return named
    languages = facts.content.languages
    return languages[code].ui.language_name if code in languages else code


def patient(facts: Facts) -> str:
    """Name large; date of birth, age, language, record number and staff help beside."""
    say, answers = facts.say, facts.answers
    name = f"{facts.plain(FIRST_NAME)} {facts.plain(LAST_NAME)}".strip()

    def labelled(label: str, value: str) -> str:
        return f'<span class="label">{e(label)}</span>&nbsp;<b>{value}</b>'

    details: list[str] = []
    birth = answers.get(BIRTH_DATE)
    if isinstance(birth, datetime.date):
        facts.shown.add(BIRTH_DATE)
        day = facts.visit.submitted_at.astimezone().date()
        details.append(labelled(say.date_of_birth, e(date_words(birth, facts.words))))
        details.append(labelled(say.age, str(age_on(birth, day))))
    details.append(labelled(say.language_used, e(_language_name(facts, facts.visit.language))))
    if RECORD_NUMBER in answers:
        details.append(labelled(facts.words.questionnaire.clinical(RECORD_NUMBER),
                                facts.plain(RECORD_NUMBER)))
    if facts.visit.assisted:
        details.append(f"<b>{e(say.assisted)}</b>")
    translated = ""
    if facts.visit.language != facts.words.code:
        translated = f'<p class="muted">{e(say.translated)}</p>'
    return (f'<p style="font-size: 20pt; font-weight: bold; margin-top: 2px;">{name}</p>'
            f'<p style="font-size: 10.5pt;">{" &nbsp;&nbsp;&nbsp; ".join(details)}</p>'
            + translated)


def _entry(facts: Facts, page_id: str, item: Item) -> Entry | None:
    """A question with its short answer beside it, or a longer answer on a line below; a
    multiple choice leaves out options a follow-up question already names on the page."""
    title = e(facts.words.questionnaire.pages[page_id].title)
    words = facts.words.questionnaire.clinical(item.id)
    if item.type in ("multiple", "bodymap"):
        left = facts.unprinted_options(item.id)
        facts.shown.add(item.id)
        if not left:
            return None
        said = facts.words.questionnaire.clinical_answer(item, left)
        answer = f"<b>{e(said)}</b>"
    else:
        said, answer = facts.said(item.id), facts.value(item.id)
    if item.type != "text" and len(said) <= 14:
        return Entry(title, f'<tr><td width="64%" class="label">{e(words)}</td>'
                            f'<td style="padding-left: 4px;">{answer}</td></tr>', words)
    return Entry(title, f'<tr><td colspan="2" class="label">{e(words)}</td></tr>'
                        f'<tr><td colspan="2" style="padding-left: 8px;">{answer}</td></tr>',
                 f"{words} {said}")


def own_words(facts: Facts) -> str:
    """Typed answers asked of everyone (not a follow-up, not identity), quoted as typed."""
    typed = [item for item in facts.questionnaire.items()
             if item.type == "text" and item.show_if is None and item.id not in IDENTITY
             and item.id in facts.answers and item.id not in facts.shown]
    if not typed:
        return ""
    lines = "".join(f'<p><span class="label">{facts.label(item.id)}:</span> '
                    f"<i>\u201c{e(str(facts.answers[item.id]))}\u201d</i></p>" for item in typed)
    facts.shown.update(item.id for item in typed)
    return f'<p class="heading">{e(facts.say.own_words)}</p>{lines}'


def history(facts: Facts, measure: Measure | None) -> str:
    """Every answer not printed above, under its questionnaire page, in two columns."""
    own = own_words(facts)
    entries = [entry for page in facts.questionnaire.pages for item in page.items
               if item.id in facts.answers and item.id not in facts.shown
               and (entry := _entry(facts, page.id, item)) is not None]
    if not entries:
        return own
    left, right = two_columns(entries, measure)
    share = f"{COLUMN_SHARE:.0%}"
    return (f'<p class="heading">{e(facts.say.history)}</p>'
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="{share}">{column_table(left)}</td><td></td>'
            f'<td width="{share}">{column_table(right)}</td></tr></table>' + own)


def notes(facts: Facts, width: float, height: float) -> str:
    """Ruled space for the specialist's notes (the document holds the lines' image)."""
    if height <= 0:
        return ""
    return (f'<p class="label" style="padding-left: 6px;">{e(facts.say.notes)}</p>'
            f'<p style="line-height: 100%; padding-left: 6px;"><img src="{NOTES_NAME}"'
            f' width="{width:.0f}" height="{height:.0f}" /></p>')


def footer(facts: Facts) -> str:
    """One line: a screening aid the patient did not see; the questionnaire's version."""
    return (f'<hr style="color: {RULE};" /><p class="small">{e(facts.say.screening_aid)}'
            f" &nbsp;\u00b7&nbsp; {e(facts.say.questionnaire_version)}"
            f" {e(facts.visit.questionnaire_version)}</p>")


def summary_html(visit: SubmittedVisit, content: Content, language: str, clinic_name: str,
                 copy: bool = False, measure: Measure | None = None, figure: bool = False,
                 notes_pt: float = 0.0, width_pt: float = 0.0,
                 scores: Sequence[str] = ()) -> str:
    """The summary as HTML for QTextDocument, in `language` (the clinic's, from settings).

    `measure` gives the real height of rows in a column of the history, to cut them into two
    even columns; without it the cut is estimated from the length of the text. `figure` places
    the pain drawing's image, and `notes_pt` of ruled space for notes go beside it (else at
    the foot of the page; the document holds both images); `width_pt` is the page's width;
    `scores` are the scored measures' lines.
    """
    facts = Facts(visit, content, language)
    beside = figure and bool(marked_regions(facts))
    notes_width = width_pt * (NOTES_SHARE if beside else 1.0) - 8
    lines = notes(facts, notes_width, notes_pt)
    body = (header(facts, clinic_name, copy) + patient(facts) + outcome_box(facts)
            + candidacy(facts) + pain_block(facts, scores, figure, lines if beside else "")
            + history(facts, measure) + ("" if beside else lines) + footer(facts))
    return f"<html><head>{HEAD}</head><body>{body}</body></html>"


def _column_measure(theme: Theme, paper: Paper, width: float) -> Measure:
    """Heights of rows laid out as they will be: same font, styles and column width."""
    scratch = paper_document(theme, paper)
    scratch.setPageSize(QSizeF(width, 1e6))

    def measure(rows: str) -> float:
        scratch.setHtml(f"<html><head>{HEAD}</head><body>{table(rows)}</body></html>")
        return float(scratch.documentLayout().documentSize().height())

    return measure


#: Images are drawn at this many dots per point (216 dpi), sharp on paper.
IMAGE_SCALE = 3


def _pain_figure(regions: tuple[str, ...], captions: tuple[str, str]) -> QImage:
    image = QImage(FIGURE_WIDTH_PT * IMAGE_SCALE, FIGURE_HEIGHT_PT * IMAGE_SCALE,
                   QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    font = painter.font()
    font.setPixelSize(7 * IMAGE_SCALE)
    painter.setFont(font)
    draw_pain_map(painter, QRectF(0, 0, image.width(), image.height()), regions, captions)
    painter.end()
    return image


def _notes_lines(width: float, height: float) -> QImage:
    image = QImage(round(width * IMAGE_SCALE), round(height * IMAGE_SCALE),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setPen(QPen(QColor(RULE), IMAGE_SCALE * 0.6))
    y = NOTES_LINE_PT
    while y <= height:
        painter.drawLine(0, round(y * IMAGE_SCALE), image.width(), round(y * IMAGE_SCALE))
        y += NOTES_LINE_PT
    painter.end()
    return image


def _notes_at_foot(document: QTextDocument, page: QSizeF,
                   lay_out: Callable[[float], None]) -> None:
    """Ruled notes in what is left of a one-page summary's page (none if too little)."""
    lay_out(0.0)
    if document.pageCount() > 1:
        return
    # The notes' heading and spacing take room too: measured with a one-point image.
    without = document.documentLayout().documentSize().height()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(NOTES_NAME),
                         _notes_lines(page.width(), 1.0))
    lay_out(1.0)
    overhead = document.documentLayout().documentSize().height() - without - 1.0
    room = page.height() - without - overhead - NOTES_SLACK_PT
    if room < NOTES_LEAST_PT:
        lay_out(0.0)
        return
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(NOTES_NAME),
                         _notes_lines(page.width(), room))
    lay_out(room)
    if document.pageCount() > 1:
        lay_out(0.0)


def summary_document(visit: SubmittedVisit, loaded: Loaded, copy: bool = False,
                     scores: Sequence[str] = ()) -> QTextDocument:
    """The summary laid out on the clinic's paper, in the clinic's language, ready to render.
    A reprint (`copy`) is marked COPY at the top. What is left of a one-page summary's page
    is ruled for the specialist's notes."""
    printing = loaded.settings.printing
    document = paper_document(loaded.theme, printing.paper)
    document.setIndentWidth(LIST_INDENT_PT)
    page = document.pageSize()
    measure = _column_measure(loaded.theme, printing.paper, page.width() * COLUMN_SHARE)
    words = loaded.content.words(printing.language).summary
    regions = marked_regions(Facts(visit, loaded.content, printing.language))
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(FIGURE_NAME),
                         _pain_figure(regions, (words.front, words.back)))

    def lay_out(notes_pt: float) -> None:
        document.setHtml(summary_html(visit, loaded.content, printing.language,
                                      loaded.settings.clinic.name, copy, measure,
                                      figure=True, notes_pt=notes_pt, width_pt=page.width(),
                                      scores=scores))

    if regions:
        width = page.width() * NOTES_SHARE - 8
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(NOTES_NAME),
                             _notes_lines(width, NOTES_BESIDE_PT))
        lay_out(NOTES_BESIDE_PT)
    else:
        _notes_at_foot(document, page, lay_out)
    name = " ".join(str(visit.answers[part]) for part in (FIRST_NAME, LAST_NAME)
                    if part in visit.answers)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{name} \u00b7 {words.visit} {visit.visit_id}")
    return document


__all__ = ["render", "summary_document", "summary_html", "write_pdf"]
