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

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords, Loaded
from kiosk.intake.questionnaire import Answer
from kiosk.records.print_jobs import PrintJob
from kiosk.records.store import StoredVisit, VisitStore
from kiosk.ui.flick import touch_scroll
from kiosk.ui.nesting import nest
from kiosk.ui.parts import (
    FlowRow,
    StaffScreen,
    button,
    clear_rows,
    let_go,
    set_button_text,
    text,
)
from kiosk.ui.screens.staff_confirm import AskInPlace
from kiosk.ui.screens.staff_outbox import OutboxPanel
from kiosk.ui.screens.staff_visit_row import (
    NAMING,
    RowWords,
    VisitRow,
    needs_seeing,
    show_all,
)


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
        self._visit_rows: dict[str, VisitRow] = {}
        self._names: dict[str, Mapping[str, Answer]] = {}
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
        """The visits as they are now: urgent ones not yet seen first, then newest first. A
        row that would say what it says already stays as it is."""
        self._close_questions()
        words = self._words
        shown = self._visit_rows
        self._visit_rows = {}
        clear_rows(self._rows, keep=[self._audit, *shown.values()])  # rows may stay
        if words is None:
            for gone in shown.values():
                let_go(gone)
            return
        printer, waiting = self._printer_line()
        self._printer.setText(words.staff.printer_line.format(printer=printer, waiting=waiting))
        self.outbox.refresh()
        visits = sorted(self._store.visits(), key=lambda v: not needs_seeing(v))
        if not visits:
            empty = text(words.staff.no_visits, "muted", "staff_no_visits")
            self._rows.addWidget(empty)
            empty.show()
        jobs: dict[str, list[PrintJob]] = {}
        for job in self._store.jobs():  # read once, not once per row
            jobs.setdefault(job.visit_id, []).append(job)
        for stored in visits:
            says = RowWords.of(stored, self._naming(stored), words,
                               jobs.get(stored.visit_id, []))
            row = shown.pop(stored.visit_id, None)
            if row is None or row.shows != says:
                if row is not None:
                    let_go(row)
                row = self._row(stored.visit_id, says, words)
            self._visit_rows[stored.visit_id] = row
            self._rows.addWidget(row)
            row.show()
        for gone in shown.values():
            let_go(gone)
        self._asks = [self._exit, self._purge,
                      *(row.ask_delete for row in self._visit_rows.values())]
        self._rows.addWidget(self._audit)
        self._rows.addStretch(1)
        self._show_audit()

    def _naming(self, stored: StoredVisit) -> Mapping[str, Answer]:
        """The patient's name and birth date, opened once a visit is over (an open one, an
        urgent visit the patient goes on with, may still gain them)."""
        known = self._names.get(stored.visit_id)
        if known is not None:
            return known
        visit = self._store.visit(stored.visit_id, self._loaded.content.questionnaire)
        naming = {k: visit.answers[k] for k in NAMING if k in visit.answers} if visit else {}
        if stored.status != "open":
            self._names[stored.visit_id] = naming
        return naming

    def _row(self, visit_id: str, says: RowWords, words: LanguageWords) -> VisitRow:
        row = VisitRow(visit_id, says, words)
        row.seen.connect(lambda visit: self._act(self._store.acknowledge, visit))
        row.view.connect(self.view_requested)
        row.reprint.connect(lambda visit: self._act(self._store.reprint, visit))
        row.save_pdf.connect(self._save_pdf)
        row.delete.connect(lambda visit: self._act(self._store.delete_visit, visit))
        self._asker(row.ask_delete)
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
        for row in self._visit_rows.values():  # made again in these words
            let_go(row)
        self._visit_rows = {}
        self.refresh()
