"""One visit on the front desk's dashboard: its line, its red flags, and what staff can do.

What a row says is worked out first (`RowWords`); the dashboard keeps a row from one refresh to
the next while it would say the same, so a tap on Seen or Reprint makes again only the row it
changed, not every visit of the day. A row names the patient: it lives only as long as the
dashboard, which the kiosk lets go when staff mode ends.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import date_words
from kiosk.intake.questionnaire import Answer
from kiosk.records.print_jobs import PrintJob
from kiosk.records.store import StoredVisit
from kiosk.ui.parts import FlowRow, button, set_button_text, text
from kiosk.ui.screens.staff_confirm import AskInPlace

#: The answers a row shows: the patient's name and date of birth, never anything else.
NAMING = ("first-name", "last-name", "birth-date")


def print_state(jobs: list[PrintJob], words: LanguageWords, with_error: bool = False) -> str:
    """Whether these print jobs have all printed, wait, or wait after a printer problem (named
    when `with_error`), in the clinic's words."""
    waiting = [job for job in jobs if job.state != "printed"]
    error = next((job.last_error for job in waiting if job.last_error), None)
    if error:
        return f"{words.staff.state_failed} ({error})" if with_error else words.staff.state_failed
    return words.staff.state_queued if waiting else words.staff.state_printed


def show_all(widgets: list[QWidget], shown: bool) -> None:
    """A row's other buttons give the question their room while it is asked."""
    for widget in widgets:
        widget.setVisible(shown)


def needs_seeing(stored: StoredVisit) -> bool:
    """An urgent visit, or one a red flag saved, that no one at the desk has marked seen."""
    return (stored.category == "urgent" or bool(stored.flags)) and not stored.acknowledged


@dataclass(frozen=True)
class RowWords:
    """Everything a visit's row says: two rows with equal words look the same."""

    heading: str
    flags: str
    urgent: bool
    delete_question: str

    @classmethod
    def of(cls, stored: StoredVisit, answers: Mapping[str, Answer], words: LanguageWords,
           jobs: list[PrintJob]) -> RowWords:
        """The row of `stored`, with the patient's name and birth date from `answers` (empty:
        the store could not open the visit)."""
        name = " ".join(str(answers.get(k, "")) for k in ("first-name", "last-name")).strip()
        birth = answers.get("birth-date")
        born = date_words(birth, words) if isinstance(birth, datetime.date) else ""
        when = stored.submitted_at.astimezone().strftime("%H:%M")
        outcome = words.rules.outcomes.get(stored.category, stored.category)
        status = {"open": words.staff.status_open,
                  "unfinished": words.staff.status_unfinished}.get(stored.status)
        heading = "  \u2014  ".join(part for part in (
            f"{when}  {name}  ({born})", outcome, status, print_state(jobs, words)) if part)
        urgent = needs_seeing(stored)
        if urgent:
            heading = f"{words.staff.not_seen}: {heading}"
        flags = "; ".join(words.rules.rules.get(flag, flag) for flag in stored.flags)
        question = (words.staff.delete_confirm.format(name=name, born=born) if name
                    else words.staff.delete_confirm_unnamed.format(time=when))
        return cls(heading, flags, urgent, question)


class VisitRow(QWidget):
    """A visit's row; each signal carries the visit id."""

    seen = Signal(str)
    view = Signal(str)
    reprint = Signal(str)
    save_pdf = Signal(str)
    delete = Signal(str)

    def __init__(self, visit_id: str, shows: RowWords, words: LanguageWords) -> None:
        super().__init__()
        self.shows = shows
        self.setObjectName(f"staff_visit_{visit_id}")
        stack = QVBoxLayout(self)
        stack.addWidget(text(shows.heading, "warning" if shows.urgent else "",
                             "staff_visit_line"))
        if shows.flags:
            stack.addWidget(text(f"\u26a0 {shows.flags}", "warning", "staff_visit_flags"))
        line = FlowRow(f"staff_visit_actions_{visit_id}", 8)
        stack.addWidget(line)
        line.add_stretch()
        staff = words.staff
        actions = [(self.view, "view", staff.view), (self.reprint, "reprint", staff.reprint),
                   (self.save_pdf, "pdf", staff.save_pdf)]
        if shows.urgent:
            actions.insert(0, (self.seen, "seen", staff.acknowledge))
        for signal, name, label in actions:
            action = button(f"staff_{name}_{visit_id}")
            set_button_text(action, label)
            action.clicked.connect(lambda _=False, s=signal: s.emit(visit_id))
            line.add(action, Qt.AlignmentFlag.AlignRight)
        self.ask_delete = AskInPlace(f"staff_delete_{visit_id}")
        self.ask_delete.set_words(staff.delete, shows.delete_question, staff.delete_yes,
                                  staff.confirm_no)
        self.ask_delete.confirmed.connect(lambda: self.delete.emit(visit_id))
        others = [w for w in line.findChildren(QWidget) if w.parentWidget() is line]
        self.ask_delete.opened.connect(lambda: show_all(others, False))
        self.ask_delete.closed.connect(lambda: show_all(others, True))
        line.add(self.ask_delete, Qt.AlignmentFlag.AlignRight, 3)
