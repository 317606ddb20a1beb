"""The urgent slip: printed at once for an urgent visit, so the desk knows whom to see now.

Short on purpose: URGENT, the patient's name and date of birth, the visit id and time, and the
red flags named. The full summary follows it out of the printer.
"""

from __future__ import annotations

import datetime
from html import escape

from PySide6.QtGui import QTextDocument

from kiosk.content.model import Loaded
from kiosk.intake.session import SubmittedVisit
from kiosk.intake.wording import date_words, reason_words
from kiosk.printing.pages import paper_document


def urgent_slip_html(visit: SubmittedVisit, loaded: Loaded, copy: bool = False) -> str:
    language = loaded.settings.printing.language
    words = loaded.content.words(language)
    summary = words.summary
    items = {item.id: item for item in loaded.content.questionnaire.items()}
    name = " ".join(str(visit.answers.get(key, "")) for key in ("first-name", "last-name"))
    birth = visit.answers.get("birth-date")
    born = date_words(birth, words) if isinstance(birth, datetime.date) else ""
    when = visit.submitted_at.astimezone().strftime("%H:%M")
    flags = [reason_words(reason, visit.answers, items, words).label
             for reason in visit.outcome.reasons if reason.kind == "urgent"]
    red = "#b3261e"
    parts = [
        f'<p style="font-size:30pt; font-weight:700; color:{red}">'
        f'{escape(words.rules.outcomes["urgent"])}'
        + (f' &nbsp; <span style="color:#1c2a33">{escape(summary.copy)}</span>' if copy else "")
        + "</p>",
        f'<p style="font-size:22pt; font-weight:700">{escape(name.strip())}</p>',
        f'<p style="font-size:13pt">{escape(summary.date_of_birth)}: <b>{escape(born)}</b>'
        f' &nbsp; {escape(summary.visit)} <b>{escape(visit.visit_id)}</b> &nbsp; {when}</p>',
        f'<p style="font-size:14pt; font-weight:700; color:{red}">{escape(summary.red_flags)}'
        "</p><ul>",
        *(f'<li style="font-size:14pt">{escape(flag)}</li>' for flag in flags),
        "</ul>",
    ]
    return "".join(parts)


def urgent_slip_document(visit: SubmittedVisit, loaded: Loaded, copy: bool = False
                         ) -> QTextDocument:
    document = paper_document(loaded.theme, loaded.settings.printing.paper)
    document.setHtml(urgent_slip_html(visit, loaded, copy))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{visit.visit_id}")
    return document
