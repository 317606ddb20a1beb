"""The parts of the specialist's page around its clinical core: who and when at the top, the
rest of the history in two columns, the patient's own words, room for notes, and the footer.

Shared look (styles, colours) for every part of the page is here too.
"""

from __future__ import annotations

import datetime

from kiosk.content.wording import date_words
from kiosk.intake.questionnaire import Item
from kiosk.intake.record_number import RECORD_NUMBER
from kiosk.printing.columns import Entry, Measure, column_table, two_columns
from kiosk.printing.summary_facts import MUTED, Facts, e, picture

FIRST_NAME, LAST_NAME, BIRTH_DATE = "first-name", "last-name", "birth-date"
IDENTITY = (FIRST_NAME, LAST_NAME, BIRTH_DATE, RECORD_NUMBER)

LIST_INDENT_PT = 16.0
#: Each column of the history takes this share of the page's width (a gap between them).
COLUMN_SHARE = 0.49
TEXT = "#1c2a33"
RULE = "#c5d0d6"

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
    page = facts.words.questionnaire.pages[page_id]
    title = e(page.clinical or page.title)
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


def notes(facts: Facts, image: str, width: float, height: float, heading: bool = True) -> str:
    """Ruled space for the specialist's notes: the document holds the lines as `image`."""
    if height <= 0:
        return ""
    title = (f'<p class="label" style="padding-left: 6px;">{e(facts.say.notes)}</p>'
             if heading else "")
    return (f'{title}<p style="line-height: 100%; padding-left: 6px; margin-top: 4px;">'
            + picture(image, width, height) + "</p>")


def footer(facts: Facts) -> str:
    """One line: a screening aid the patient did not see; the questionnaire's version."""
    return (f'<hr style="color: {RULE};" /><p class="small">{e(facts.say.screening_aid)}'
            f" &nbsp;\u00b7&nbsp; {e(facts.say.questionnaire_version)}"
            f" {e(facts.visit.questionnaire_version)}</p>")


