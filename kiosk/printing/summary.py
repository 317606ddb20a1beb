"""The specialist's summary of a submitted visit: one page to print, or to save as a PDF.

Always in the clinic's language (the printing settings), whatever language the patient used:
option answers are translated through their ids; typed answers are quoted exactly as typed and
marked as the patient's own words. Every string from a patient or from content is escaped, so
a patient who types `<b>` sees `<b>` printed.

Top to bottom: clinic and visit; the patient (and "Completed with staff help" when front-desk
staff set the visit up); the outcome in a box (URGENT in red with the red flags named) with the
reasons and the answers behind each; pain, diagnoses and treatments; every other answer under
its questionnaire page; the disclaimer in small type.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument

from kiosk.content.model import Content, LanguageWords, Loaded
from kiosk.content.screen_words import SummaryWords
from kiosk.content.theme import Theme
from kiosk.content.wording import (
    answer_words,
    date_words,
    fired_history,
    option_words,
    reason_words,
)
from kiosk.intake.questionnaire import CHOICE_TYPES, Answer, Item, Questionnaire
from kiosk.intake.rules import Category
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.columns import Entry, Measure, column_table, table, two_columns
from kiosk.printing.pages import Paper, paper_document, render, write_pdf

FIRST_NAME, LAST_NAME, BIRTH_DATE = "first-name", "last-name", "birth-date"
PAIN_NOW, PAIN_WORST = "pain-now", "pain-worst"
PAIN_DURATION, PAIN_LOCATION = "pain-duration", "pain-location"
DIAGNOSES, TREATMENTS = "diagnoses", "treatments-tried"

LIST_INDENT_PT = 16.0
#: Each column of other answers takes this share of the page's width (a gap between them).
COLUMN_SHARE = 0.49
TEXT = "#1c2a33"
MUTED = "#4a5963"
RULE = "#c5d0d6"


@dataclass(frozen=True, slots=True)
class OutcomeLook:
    """How an outcome's box is drawn: its colour (border, heading) and a light fill."""

    colour: str
    fill: str
    border: int


OUTCOME_LOOKS: dict[Category, OutcomeLook] = {
    "urgent": OutcomeLook("#b3261e", "#fdecea", 4),
    "review": OutcomeLook("#8a4b00", "#fff4e0", 2),
    "may-not-be-suitable": OutcomeLook("#4a5963", "#f1f3f4", 2),
    "likely-candidate": OutcomeLook("#00695c", "#e3f2ef", 2),
}

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
.words {{ font-style: italic; }}
.small {{ font-size: 7.5pt; color: {MUTED}; }}
"""
HEAD = f'<meta charset="utf-8" /><style>{STYLE}</style>'


def _e(text: str) -> str:
    return escape(text, quote=True)


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Whole years from `birth` to `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def follow_ups(questionnaire: Questionnaire, item_id: str) -> list[Item]:
    """Items asked only because of an answer to `item_id` (their show-if looks at it alone)."""
    return [item for item in questionnaire.items()
            if item.show_if is not None and item.show_if.questions() == [item_id]]


class _Summary:
    """Builds the HTML of one summary; remembers which answers it has already shown."""

    def __init__(self, visit: SubmittedVisit, content: Content, language: str) -> None:
        self.visit = visit
        self.answers: Mapping[str, Answer] = visit.answers
        self.questionnaire = content.questionnaire
        self.items = {item.id: item for item in content.questionnaire.items()}
        self.words: LanguageWords = content.words(language)
        self.say: SummaryWords = self.words.summary
        self.shown: set[str] = set()
        self.content = content

    # -- pieces ---------------------------------------------------------------------------

    def answer(self, item_id: str) -> str:
        """An answer in the print language, escaped; typed text as the patient's words."""
        self.shown.add(item_id)
        item, answer = self.items[item_id], self.answers[item_id]
        if item.type == "text":
            return (f'<span class="label">{_e(self.say.patients_words)}:</span> '
                    f'<span class="words">\u201c{_e(str(answer))}\u201d</span>')
        return f"<b>{_e(self.said(item, answer))}</b>"

    def said(self, item: Item, answer: Answer) -> str:
        """A choice by its clinical label; a duration, number or date in words."""
        if item.type in CHOICE_TYPES:
            return self.words.questionnaire.clinical_answer(item, answer)
        return answer_words(item, answer, self.words)

    def language_name(self, code: str) -> str:
        """A language as it names itself, for one the summary words do not name."""
        languages = self.content.languages
        return languages[code].ui.language_name if code in languages else code

    def question(self, item_id: str) -> str:
        """A question by its clinical label (the specialist's words, never the patient's)."""
        return _e(self.words.questionnaire.clinical(item_id))

    def text_answer(self, item_id: str) -> str:
        self.shown.add(item_id)
        answer = self.answers.get(item_id)
        return _e(str(answer)) if answer is not None else ""

    def rows(self, pairs: Iterable[tuple[str, str]], first: str, style: str = "") -> str:
        """A two-column table: labels (or questions) in small type, answers beside them."""
        body = "".join(f'<tr><td width="{first}" class="label">{label}</td><td>{value}</td></tr>'
                       for label, value in pairs)
        return (f'<table width="100%" cellspacing="0" cellpadding="1" style="{style}">'
                f"{body}</table>")

    # -- sections -------------------------------------------------------------------------

    def header(self, clinic_name: str, copy: bool) -> str:
        when = self.visit.submitted_at.astimezone()
        sent = self.say.submitted if self.visit.status == "complete" else self.say.saved
        mark = ""
        if copy:
            mark = (f'<table cellspacing="0" cellpadding="2" align="center"'
                    f' style="background-color: {TEXT};"><tr><td>'
                    '<table cellspacing="0" cellpadding="3" style="background-color: #ffffff;">'
                    '<tr><td><span style="font-size: 16pt; font-weight: bold;'
                    f' letter-spacing: 3px;">{_e(self.say.copy)}</span></td></tr></table>'
                    "</td></tr></table>")
        return (
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="40%"><p style="font-size: 12pt; font-weight: bold;">{_e(clinic_name)}'
            f'</p><p class="muted">{_e(self.say.title)}</p></td>'
            f'<td width="20%" align="center">{mark}</td>'
            f'<td width="40%" align="right"><p style="font-size: 12pt; font-weight: bold;">'
            f"{_e(self.say.visit)} {_e(self.visit.visit_id)}</p>"
            f'<p class="muted">{_e(sent)} {_e(date_words(when.date(), self.words))},'
            f" {when:%H:%M}</p></td></tr></table>"
            f'<hr style="color: {RULE};" />')

    def patient(self) -> str:
        name = f"{self.text_answer(FIRST_NAME)} {self.text_answer(LAST_NAME)}".strip()
        facts: list[str] = []
        birth = self.answers.get(BIRTH_DATE)
        if isinstance(birth, datetime.date):
            self.shown.add(BIRTH_DATE)
            day = self.visit.submitted_at.astimezone().date()
            facts.append(f'<span class="label">{_e(self.say.date_of_birth)}</span>&nbsp;'
                         f"<b>{_e(date_words(birth, self.words))}</b> &nbsp;&nbsp; "
                         f'<span class="label">{_e(self.say.age)}</span>&nbsp;'
                         f"<b>{age_on(birth, day)}</b>")
        used = self.visit.language
        language_name = self.say.language_names.get(used) or self.language_name(used)
        facts.append(f'<span class="label">{_e(self.say.language_used)}</span>&nbsp;'
                     f"<b>{_e(language_name)}</b>")
        if self.visit.assisted:
            facts.append(f"<b>{_e(self.say.assisted)}</b>")
        translated = ""
        if used != self.words.code:
            translated = f'<p class="muted">{_e(self.say.translated)}</p>'
        return (f'<p style="font-size: 20pt; font-weight: bold; margin-top: 2px;">{name}</p>'
                f'<p style="font-size: 10.5pt;">{" &nbsp;&nbsp;&nbsp; ".join(facts)}</p>'
                + translated)

    def outcome(self) -> str:
        outcome = self.visit.outcome
        look = OUTCOME_LOOKS[outcome.category]
        label = self.words.rules.outcomes[outcome.category]
        fired = {flag.flag_id: flag for flag in self.visit.fired}
        flags = []
        for reason in outcome.reasons:
            if reason.kind in ("urgent", "review"):
                flag = f"<b>{_e(self.words.rules.rules[reason.rule_id or ''])}</b>"
                if reason.rule_id in fired:
                    history = fired_history(fired[reason.rule_id], self.items, self.words)
                    flag += f" ({_e(history)})"
                flags.append(flag)
        named = ""
        if self.visit.status != "complete":
            status = (self.say.status_open if self.visit.status == "open"
                      else self.say.status_unfinished)
            named = (f'<p style="font-size: 11pt; font-weight: bold; color: {look.colour};">'
                     f"{_e(status)}</p>")
        if flags:
            named += (f'<p style="font-size: 11pt; color: {look.colour};">'
                      f"{_e(self.say.red_flags)}: {'; '.join(flags)}</p>")
        reasons = []
        for reason in outcome.reasons:
            described = reason_words(reason, self.answers, self.items, self.words)
            behind = "; ".join(f"{_e(question)} \u2192 <b>{_e(answer)}</b>"
                               for question, answer in described.answers)
            reasons.append(f'<li style="margin-top: 1px;"><b>{_e(described.label)}</b>'
                           f'<span style="font-size: 8.5pt;"> &nbsp;{behind}</span></li>')
        listed = ""
        if reasons:
            listed = (f'<p class="label" style="margin-top: 3px;">{_e(self.say.reasons)}</p>'
                      '<ul style="margin: 0; -qt-list-indent: 1;">' + "".join(reasons) + "</ul>")
        # The border is the outer table's colour showing around the inner one: one even line
        # on every side (Qt draws table and cell borders separately).
        return (
            f'<table width="100%" cellspacing="0" cellpadding="{look.border}"'
            f' style="margin-top: 6px; background-color: {look.colour};"><tr><td>'
            '<table width="100%" cellspacing="0" cellpadding="5"'
            f' style="background-color: {look.fill};"><tr><td>'
            '<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="64%">'
            f'<span class="label">{_e(self.say.outcome)}</span>&nbsp; '
            f'<span style="font-size: 16pt; font-weight: bold; color: {look.colour};">'
            f"{_e(label)}</span></td>"
            f'<td align="right" style="vertical-align: middle;"><span class="small">'
            f"{_e(self.say.outcome_note)}</span></td></tr></table>"
            f"{named}{listed}</td></tr></table></td></tr></table>")

    def clinical(self) -> str:
        say = self.say
        rows: list[tuple[str, str]] = []
        pain = [f'{_e(words)} <span style="font-size: 12pt;">{self.answer(item_id)}</span>'
                for words, item_id in ((say.pain_now, PAIN_NOW), (say.pain_worst, PAIN_WORST),
                                       (say.pain_duration, PAIN_DURATION))
                if item_id in self.answers]
        if pain:
            rows.append((_e(say.pain), " &nbsp;&nbsp;&nbsp;&nbsp; ".join(pain)))
        if PAIN_LOCATION in self.answers:
            rows.append((_e(say.pain_location), self.answer(PAIN_LOCATION)))
        if DIAGNOSES in self.answers:
            rows.append((_e(say.diagnoses), "<br />".join(
                [self.choices(DIAGNOSES), *self.follow_up_lines(DIAGNOSES)])))
        if TREATMENTS in self.answers:
            rows.append((f'{_e(say.treatments)}<br /><span class="small">'
                         f"{_e(say.treatment_effect)} \u2192</span>", self.treatments()))
        if not rows:
            return ""
        return self.rows(rows, "19%", style="margin-top: 5px;")

    def choices(self, item_id: str) -> str:
        self.shown.add(item_id)
        item, answer = self.items[item_id], self.answers[item_id]
        picked = answer if isinstance(answer, tuple) else (str(answer),)
        return "; ".join(f"<b>{_e(option_words(item, option, self.words))}</b>"
                         for option in picked)

    def follow_up_lines(self, item_id: str) -> list[str]:
        """The answers asked only because of this one: `question → answer`."""
        return [f'<span class="label">{self.question(item.id)}</span> \u2192 '
                f"{self.answer(item.id)}"
                for item in follow_ups(self.questionnaire, item_id) if item.id in self.answers]

    def treatments(self) -> str:
        self.shown.add(TREATMENTS)
        item, answer = self.items[TREATMENTS], self.answers[TREATMENTS]
        picked = answer if isinstance(answer, tuple) else (str(answer),)
        effect = {str(f.show_if.value): f.id for f in follow_ups(self.questionnaire, TREATMENTS)
                  if f.show_if is not None and f.show_if.op == "="}
        lines = []
        for option in picked:
            line = _e(option_words(item, option, self.words))
            if effect.get(option) in self.answers:
                line += f" \u2192 {self.answer(effect[option])}"
            else:
                line = f"<b>{line}</b>"
            lines.append(line)
        return "<br />".join(lines)

    def other_answers(self, measure: Measure | None) -> str:
        """Every answer not shown above, under its questionnaire page, in two columns."""
        entries = [self.entry(page.id, item) for page in self.questionnaire.pages
                   for item in page.items
                   if item.id in self.answers and item.id not in self.shown]
        if not entries:
            return ""
        left, right = two_columns(entries, measure)
        share = f"{COLUMN_SHARE:.0%}"
        return (f'<p class="heading">{_e(self.say.other_answers)}</p>'
                '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td width="{share}">{column_table(left)}</td><td></td>'
                f'<td width="{share}">{column_table(right)}</td></tr></table>')

    def entry(self, page_id: str, item: Item) -> Entry:
        """A question with its yes or no beside it, or any longer answer on a line below."""
        title = _e(self.words.questionnaire.pages[page_id].title)
        words = self.words.questionnaire.clinical(item.id)
        question, answer = _e(words), self.answer(item.id)
        if item.type == "yesno" and self.answers[item.id] in ("yes", "no"):
            return Entry(title, f'<tr><td width="85%" class="label">{question}</td>'
                                f'<td style="padding-left: 4px;">{answer}</td></tr>', words)
        typed = self.said(item, self.answers[item.id])
        return Entry(title, f'<tr><td colspan="2" class="label">{question}</td></tr>'
                            f'<tr><td colspan="2" style="padding-left: 8px;">{answer}</td></tr>',
                     f"{words} {typed}")

    def footer(self) -> str:
        """The questionnaire's version; no patient-education disclaimer on a clinical page."""
        return (f'<hr style="color: {RULE};" />'
                f'<p class="small">{_e(self.say.questionnaire_version)}'
                f" {_e(self.visit.questionnaire_version)}</p>")


def summary_html(visit: SubmittedVisit, content: Content, language: str, clinic_name: str,
                 copy: bool = False, measure: Measure | None = None) -> str:
    """The summary as HTML for QTextDocument, in `language` (the clinic's, from settings).

    `measure` gives the real height of rows in a column of other answers, to cut them into two
    even columns; without it the cut is estimated from the length of the text.
    """
    summary = _Summary(visit, content, language)
    body = (summary.header(clinic_name, copy) + summary.patient() + summary.outcome()
            + summary.clinical() + summary.other_answers(measure) + summary.footer())
    return f"<html><head>{HEAD}</head><body>{body}</body></html>"


def _column_measure(theme: Theme, paper: Paper, width: float) -> Measure:
    """Heights of rows laid out as they will be: same font, styles and column width."""
    scratch = paper_document(theme, paper)
    scratch.setPageSize(QSizeF(width, 1e6))

    def measure(rows: str) -> float:
        scratch.setHtml(f"<html><head>{HEAD}</head><body>{table(rows)}</body></html>")
        return float(scratch.documentLayout().documentSize().height())

    return measure


def summary_document(visit: SubmittedVisit, loaded: Loaded, copy: bool = False) -> QTextDocument:
    """The summary laid out on the clinic's paper, in the clinic's language, ready to render.
    A reprint (`copy`) is marked COPY at the top."""
    printing = loaded.settings.printing
    document = paper_document(loaded.theme, printing.paper)
    document.setIndentWidth(LIST_INDENT_PT)
    measure = _column_measure(loaded.theme, printing.paper,
                              document.pageSize().width() * COLUMN_SHARE)
    document.setHtml(summary_html(visit, loaded.content, printing.language,
                                  loaded.settings.clinic.name, copy, measure))
    name = " ".join(str(visit.answers[part]) for part in (FIRST_NAME, LAST_NAME)
                    if part in visit.answers)
    words = loaded.content.words(printing.language).summary
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{name} \u00b7 {words.visit} {visit.visit_id}")
    return document


__all__ = ["render", "summary_document", "summary_html", "write_pdf"]
