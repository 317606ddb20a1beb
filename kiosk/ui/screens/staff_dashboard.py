"""The front desk's dashboard: today's visits, urgent ones first, with reprint and 'seen'.

Names and dates of birth appear here, for staff only; free text never does. Every action
is written to the audit table by the store. Problems the kiosk found with its stored visits
(for example visits its key could no longer open) are listed at the top for staff to pass on.

What cannot be undone asks first, in the place of its own button: a visit's Delete in that
visit's row, naming the patient; Delete all visits at the top, by the list it empties; Exit
kiosk at the bottom left, away from both.

"Help a patient", beside the title, sets the kiosk up for a patient (staff_assist.py); it is
not offered while the kiosk is out of order.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords, Loaded
from kiosk.content.wording import date_words
from kiosk.records.print_jobs import PrintJob
from kiosk.records.store import StoredVisit, VisitStore
from kiosk.ui.nesting import nest
from kiosk.ui.parts import (
    FlowRow,
    StaffScreen,
    button,
    clear_rows,
    set_button_text,
    text,
    touch_scroll,
)
from kiosk.ui.screens.staff_confirm import AskInPlace
from kiosk.ui.screens.staff_outbox import OutboxPanel


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


class StaffDashboardScreen(StaffScreen):
    """Emits `closed` (back to the patients' side) and `exit_confirmed` (close the kiosk)."""

    closed = Signal()
    exit_confirmed = Signal()
    changed = Signal()  # something staff did needs the print queue or the courier to look again
    tools_requested = Signal()
    store_again_requested = Signal()
    view_requested = Signal(str)
    assist_requested = Signal()  # "Help a patient": set the kiosk up for one patient

    def __init__(self, store: VisitStore, loaded: Loaded,
                 printer_line: Callable[[], tuple[str, int]]) -> None:
        super().__init__("staff_dashboard",
                         loaded.content.words(loaded.settings.printing.language))
        self._store = store
        self._loaded = loaded
        self._printer_line = printer_line
        self._words: LanguageWords | None = None
        self._asks: list[AskInPlace] = []
        self._title = text("", "title", "staff_dashboard_title")
        self._problems = text("", "warning", "staff_problems")
        self._problems.setVisible(False)
        self._store_again = button("staff_store_again")
        self._store_again.setVisible(False)
        self._store_again.clicked.connect(self.store_again_requested)
        self._printer = text("", "muted", "staff_printer")
        self.outbox = OutboxPanel(store, loaded.settings.fhir.keep_undelivered_hours)
        self.outbox.again.connect(self.changed)
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        scroll = touch_scroll("staff_visits_scroll", self._list)
        self._close = button("staff_close", "primary")
        self._exit = self._asker(AskInPlace("staff_exit"))
        self._exit.confirmed.connect(self.exit_confirmed)
        self._retry = button("staff_retry")
        self._tools = button("staff_tools")
        self._tools.clicked.connect(self.tools_requested)
        self._assist = button("staff_help_patient")
        self._assist.clicked.connect(self.assist_requested)
        self._purge = self._asker(AskInPlace("staff_purge"))
        self._purge.confirmed.connect(self._purge_all)
        self._message = text("", "muted", "staff_message")
        self._audit = text("", "small", "staff_audit")
        self._close.clicked.connect(self.closed)
        self._retry.clicked.connect(self._retry_now)
        heading = QHBoxLayout()
        heading.setSpacing(24)
        heading.addWidget(self._title, 1)
        for widget in (self._assist, self._purge):
            heading.addWidget(widget, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._help_offered = True
        self._purge.opened.connect(self._show_help)  # its question takes the room
        self._purge.closed.connect(self._show_help)
        self._exit.opened.connect(lambda: show_all([self._retry, self._tools], False))
        self._exit.closed.connect(lambda: show_all([self._retry, self._tools], True))
        bottom = FlowRow("staff_dashboard_actions", 12)
        bottom.add(self._exit)
        bottom.add_stretch()
        for widget in (self._retry, self._tools, self._close):
            bottom.add(widget, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self._problems)
        layout.addWidget(self._store_again, 0, Qt.AlignmentFlag.AlignLeft)
        nest(layout, heading)
        layout.addWidget(self._printer)
        layout.addWidget(self.outbox)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._message)
        layout.addWidget(bottom)

    def offer_help(self, offered: bool) -> None:
        """Offer "Help a patient" only while patients can use the kiosk (not out of order)."""
        self._help_offered = offered
        self._show_help()

    def _show_help(self) -> None:
        self._assist.setVisible(self._help_offered and not self._purge.asking)

    def _asker(self, ask: AskInPlace) -> AskInPlace:
        """One question at a time: a question opening closes any other."""
        self._asks.append(ask)
        ask.opened.connect(lambda: self._close_questions(but=ask))
        return ask

    def _close_questions(self, but: AskInPlace | None = None) -> None:
        for ask in list(self._asks):
            if ask is not but:
                ask.cancel()

    def _purge_all(self) -> None:
        self._store.purge_all()
        self.refresh()

    def _retry_now(self) -> None:
        self._store.retry_now()
        self._store.audit("retry printing")
        self.changed.emit()
        self.refresh()

    def show_problems(self, lines: list[str], store_out: bool = False) -> None:
        """What staff should know about the stored visits, at the top; hidden when nothing.
        While the store is out, a button tries it again (and moves the fallback's visits
        back when it works)."""
        self._problems.setText("\n".join(lines))
        self._problems.setVisible(bool(lines))
        self._store_again.setVisible(store_out)

    def show_message(self, message: str) -> None:
        self._message.setText(message)

    def _save_pdf(self, visit_id: str) -> None:
        from kiosk.printing.summary_command import save_summary_pdf

        words = self.staff_words.staff
        folder = self._loaded.settings.staff.pdf_folder
        visit = self._store.visit(visit_id, self._loaded.content.questionnaire)
        if not folder or visit is None:
            self._message.setText(words.no_pdf_folder)
            return
        path = Path(folder) / f"{visit_id}.pdf"
        try:
            save_summary_pdf(visit, self._loaded, path, copy=True)
        except OSError as failed:
            self._message.setText(str(failed))
            return
        self._store.audit("saved PDF", visit_id)
        self._message.setText(words.saved_to.format(path=path))
        self._show_audit()

    def _show_audit(self) -> None:
        """The last 50 staff actions: time, what, visit id (never a name or an answer)."""
        trail = self._store.audit_trail()[-50:]
        lines = [f"{at[11:16]}  {action}  {visit or ''}" for at, action, visit in reversed(trail)]
        self._audit.setText("\n".join([self.staff_words.staff.audit_title, *lines]))

    def refresh(self) -> None:
        """The visits as they are now: urgent ones not yet seen first, then newest first."""
        self._close_questions()
        self._asks = [self._exit, self._purge]  # the rows' questions go with their rows
        clear_rows(self._rows, keep=self._audit)
        words = self._words
        if words is None:
            return
        printer, waiting = self._printer_line()
        self._printer.setText(words.staff.printer_line.format(printer=printer, waiting=waiting))
        self.outbox.refresh()
        visits = sorted(self._store.visits(), key=lambda v: not self._needs_seeing(v))
        if not visits:
            empty = text(words.staff.no_visits, "muted", "staff_no_visits")
            self._rows.addWidget(empty)
            empty.show()
        jobs: dict[str, list[PrintJob]] = {}
        for job in self._store.jobs():  # read once, not once per row
            jobs.setdefault(job.visit_id, []).append(job)
        for stored in visits:
            row = self._row(stored, words, jobs.get(stored.visit_id, []))
            self._rows.addWidget(row)
            row.show()
        self._rows.addWidget(self._audit)
        self._rows.addStretch(1)
        self._show_audit()

    @staticmethod
    def _needs_seeing(stored: StoredVisit) -> bool:
        return (stored.category == "urgent" or bool(stored.flags)) and not stored.acknowledged

    def _row(self, stored: StoredVisit, words: LanguageWords, jobs: list[PrintJob]
             ) -> QWidget:
        visit = self._store.visit(stored.visit_id, self._loaded.content.questionnaire)
        name = " ".join(str(visit.answers.get(k, "")) for k in ("first-name", "last-name")) \
            if visit else ""
        birth = visit.answers.get("birth-date") if visit else None
        born = date_words(birth, words) if isinstance(birth, datetime.date) else ""
        when = stored.submitted_at.astimezone().strftime("%H:%M")
        outcome = words.rules.outcomes.get(stored.category, stored.category)
        state = print_state(jobs, words)
        row = QWidget()
        row.setObjectName(f"staff_visit_{stored.visit_id}")
        stack = QVBoxLayout(row)
        line = FlowRow(f"staff_visit_actions_{stored.visit_id}", 8)
        status = {"open": words.staff.status_open,
                  "unfinished": words.staff.status_unfinished}.get(stored.status)
        heading = "  \u2014  ".join(part for part in (
            f"{when}  {name.strip()}  ({born})", outcome, status, state) if part)
        if self._needs_seeing(stored):
            heading = f"{words.staff.not_seen}: {heading}"
        label = text(heading, "warning" if self._needs_seeing(stored) else "", "staff_visit_line")
        stack.addWidget(label)
        if stored.flags:
            flags = text("\u26a0 " + "; ".join(words.rules.rules.get(flag, flag)
                                              for flag in stored.flags),
                         "warning", "staff_visit_flags")
            stack.addWidget(flags)
        stack.addWidget(line)
        line.add_stretch()
        if self._needs_seeing(stored):
            seen = button(f"staff_seen_{stored.visit_id}")
            set_button_text(seen, words.staff.acknowledge)
            seen.clicked.connect(lambda: self._act(self._store.acknowledge, stored.visit_id))
            line.add(seen, Qt.AlignmentFlag.AlignRight)
        view = button(f"staff_view_{stored.visit_id}")
        set_button_text(view, words.staff.view)
        view.clicked.connect(lambda: self.view_requested.emit(stored.visit_id))
        line.add(view, Qt.AlignmentFlag.AlignRight)
        again = button(f"staff_reprint_{stored.visit_id}")
        set_button_text(again, words.staff.reprint)
        again.clicked.connect(lambda: self._act(self._store.reprint, stored.visit_id))
        line.add(again, Qt.AlignmentFlag.AlignRight)
        save = button(f"staff_pdf_{stored.visit_id}")
        set_button_text(save, words.staff.save_pdf)
        save.clicked.connect(lambda: self._save_pdf(stored.visit_id))
        line.add(save, Qt.AlignmentFlag.AlignRight)
        question = (words.staff.delete_confirm.format(name=name.strip(), born=born)
                    if name.strip() else words.staff.delete_confirm_unnamed.format(time=when))
        delete = self._asker(AskInPlace(f"staff_delete_{stored.visit_id}"))
        delete.set_words(words.staff.delete, question, words.staff.delete_yes,
                         words.staff.confirm_no)
        delete.confirmed.connect(lambda: self._act(self._store.delete_visit, stored.visit_id))
        others = [w for w in line.findChildren(QWidget) if w.parentWidget() is line]
        delete.opened.connect(lambda: show_all(others, False))
        delete.closed.connect(lambda: show_all(others, True))
        line.add(delete, Qt.AlignmentFlag.AlignRight, 3)
        return row

    def _act(self, action: Callable[[str], None], visit_id: str) -> None:
        action(visit_id)
        self.changed.emit()
        self.refresh()

    def show_staff_words(self, words: LanguageWords) -> None:
        self._words = words
        self._title.setText(words.staff.dashboard_title)
        set_button_text(self._close, words.staff.close)
        self._exit.set_words(words.staff.exit_kiosk, words.staff.exit_confirm,
                             words.staff.confirm_yes, words.staff.confirm_no)
        set_button_text(self._retry, words.staff.retry_now)
        self.outbox.show_staff_words(words)
        set_button_text(self._store_again, words.staff.store_again)
        set_button_text(self._tools, words.staff.tools)
        set_button_text(self._assist, words.staff.help_patient)
        self._purge.set_words(words.staff.purge_all, words.staff.purge_confirm,
                              words.staff.delete_yes, words.staff.confirm_no)
        self.refresh()
