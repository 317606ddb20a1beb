"""The urgent slip: printed the moment an urgent red flag fires, so the desk knows whom to see.

Short on purpose, in the clinic's printing language and clinical words: URGENT, each flag by
name with the answer and the time it fired, the patient's name and date of birth if given,
the visit id, and where the kiosk stands. The summary follows when the visit ends.
"""

from __future__ import annotations

import datetime
from html import escape

from PySide6.QtGui import QTextDocument

from kiosk.content.model import Loaded
from kiosk.content.wording import clock_words, date_words, fired_history, reason_words
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.pages import paper_document
from kiosk.printing.summary_outcome import OUTCOME_LOOKS
from kiosk.printing.summary_sections import TEXT

RED = OUTCOME_LOOKS["urgent"].colour


def slip_flags(visit: SubmittedVisit, loaded: Loaded) -> list[tuple[str, str]]:
    """(clinical name, what was answered and when) of each urgent flag, in the printing
    language; a visit kept before flags were timed gives its urgent reasons, untimed."""
    words = loaded.content.words(loaded.settings.printing.language)
    items = {item.id: item for item in loaded.content.questionnaire.items()}
    if visit.fired:
        return [(words.rules.rules[flag.flag_id], fired_history(flag, items, words))
                for flag in visit.fired]
    return [(reason_words(reason, visit.answers, items, words).label, "")
            for reason in visit.outcome.reasons if reason.kind == "urgent"]


def urgent_slip_html(visit: SubmittedVisit, loaded: Loaded, copy: bool = False) -> str:
    language = loaded.settings.printing.language
    words = loaded.content.words(language)
    summary = words.summary
    name = " ".join(str(visit.answers[key]) for key in ("first-name", "last-name")
                    if key in visit.answers).strip()
    birth = visit.answers.get("birth-date")
    facts = []
    if isinstance(birth, datetime.date):
        facts.append(f"{escape(summary.date_of_birth)}: <b>{escape(date_words(birth, words))}</b>")
    facts.append(f"{escape(summary.visit)} <b>{escape(visit.visit_id)}</b>")
    first = min((flag.fired_at for flag in visit.fired), default=visit.submitted_at)
    where = [f"<b>{escape(date_words(first.astimezone().date(), words))}"
             f" {clock_words(first)}</b>"]
    location = loaded.settings.kiosk.location
    if location:
        where.append(f"{escape(summary.kiosk_location)}: <b>{escape(location)}</b>")
    flags = "".join(
        f'<li style="font-size:15pt; margin-top:4px"><b>{escape(label)}</b>'
        + (f'<br/><span style="font-size:12pt">{escape(history)}</span>' if history else "")
        + "</li>"
        for label, history in slip_flags(visit, loaded))
    return "".join([
        f'<p style="font-size:30pt; font-weight:700; color:{RED}">'
        f'{escape(words.rules.outcomes["urgent"])}'
        + (f' &nbsp; <span style="color:{TEXT}">{escape(summary.copy)}</span>' if copy else "")
        + "</p>",
        f'<p style="font-size:13pt; font-weight:700">{escape(summary.urgent_slip_note)}</p>',
        f'<p style="font-size:22pt; font-weight:700">{escape(name) or "&mdash;"}</p>',
        f'<p style="font-size:13pt">{" &nbsp;&nbsp; ".join(facts)}<br/>'
        f'{" &nbsp;&nbsp; ".join(where)}</p>',
        f'<p style="font-size:14pt; font-weight:700; color:{RED}">{escape(summary.red_flags)}'
        f"</p><ul>{flags}</ul>",
    ])


def urgent_slip_document(visit: SubmittedVisit, loaded: Loaded, copy: bool = False
                         ) -> QTextDocument:
    document = paper_document(loaded.theme, loaded.settings.printing.paper)
    document.setHtml(urgent_slip_html(visit, loaded, copy))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{visit.visit_id}")
    return document
