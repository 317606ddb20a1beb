"""The urgent visit in staff's hands: which flags fired, who the patient is, what they answered.

Opened with the staff PIN from the urgent screen. The visit is already saved and its urgent
slip queued; staff choose to go on with the patient (the questions continue where they were)
or to end the visit here (its summary of the answers so far prints). Free text is shown as
plain text, never as markup; questions and answers in the specialist's clinical labels.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords, Loaded
from kiosk.content.wording import clinical_words, date_words, fired_history
from kiosk.intake.session import SubmittedVisit
from kiosk.records.store import VisitStore
from kiosk.ui.flick import touch_scroll
from kiosk.ui.parts import FlowRow, StaffScreen, button, clear_rows, set_button_text, text
from kiosk.ui.screens.staff_visit_row import print_state


class StaffUrgentScreen(StaffScreen):
    """Emits `continue_requested` (back to the patient) or `end_requested` (end it here)."""

    continue_requested = Signal()
    end_requested = Signal()

    def __init__(self, loaded: Loaded, store: VisitStore | None) -> None:
        super().__init__("staff_urgent", loaded.content.words(loaded.settings.printing.language))
        self._loaded = loaded
        self._store = store
        self._visit: SubmittedVisit | None = None
        self._title = text("", "title", "staff_urgent_title")
        self._who = text("", "subtitle", "staff_urgent_patient")
        self._flags = text("", "warning", "staff_urgent_flags")
        self._slip = text("", "subtitle", "staff_urgent_slip")
        self._note = text("", "muted", "staff_urgent_note")
        self._answers_title = text("", "subtitle", "staff_urgent_answers_title")
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        scroll = touch_scroll("staff_urgent_scroll", self._list)
        self._end = button("staff_urgent_end")
        self._end.clicked.connect(self.end_requested)
        self._continue = button("staff_urgent_continue", "primary")
        self._continue.clicked.connect(self.continue_requested)
        bottom = FlowRow("staff_urgent_buttons", 24)  # one under the other when narrow
        bottom.add(self._end)
        bottom.add_stretch()
        bottom.add(self._continue, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        for label in (self._title, self._who, self._flags, self._slip, self._note,
                      self._answers_title):
            layout.addWidget(label)
        layout.addWidget(scroll, 1)
        layout.addWidget(bottom)

    def show_visit(self, visit: SubmittedVisit) -> None:
        """This visit: its flags by clinical name, the patient, whether its urgent slip has
        printed, and every answer so far (laid out once: the kiosk lays the visit out while
        staff come, and the PIN then only brings the slip's state up to date)."""
        shown, self._visit = self._visit, visit
        same = shown is not None and (shown.visit_id, shown.answers, shown.fired) == (
            visit.visit_id, visit.answers, visit.fired)
        staff = self.staff_words.staff
        self._slip.setText(staff.urgent_slip_state.format(state=self._slip_state(visit)))
        if not same:
            self.show_staff_words(self.staff_words)

    def _slip_state(self, visit: SubmittedVisit) -> str:
        """Whether the urgent slip has printed, with the printer's last problem if not."""
        if self._store is None:  # nothing kept (a preview): nothing printed either
            return self.staff_words.staff.state_queued
        slips = [job for job in self._store.jobs() if job.visit_id == visit.visit_id
                 and job.kind == "urgent-slip"]
        return print_state(slips, self.staff_words, with_error=True)

    def show_staff_words(self, words: LanguageWords) -> None:
        staff = words.staff
        set_button_text(self._continue, staff.urgent_continue)
        set_button_text(self._end, staff.urgent_end)
        self._note.setText(staff.urgent_note)
        self._answers_title.setText(staff.urgent_answers)
        visit = self._visit
        if visit is None:
            return
        self._title.setText(staff.urgent_title.format(visit=visit.visit_id))
        self._who.setText(self._patient(visit, words))
        items = {item.id: item for item in self._loaded.content.questionnaire.items()}
        self._flags.setText("\n".join(
            f"\u26a0 {words.rules.rules[flag.flag_id]}: {fired_history(flag, items, words)}"
            for flag in visit.fired))
        clear_rows(self._rows)
        for item_id, answer in visit.answers.items():
            question = text(words.questionnaire.clinical(item_id), "muted",
                            f"staff_urgent_question_{item_id}")
            given = text(clinical_words(items[item_id], answer, words), "subtitle",
                         f"staff_urgent_answer_{item_id}")
            for label in (question, given):
                self._rows.addWidget(label)
                label.show()
        self._rows.addStretch(1)

    @staticmethod
    def _patient(visit: SubmittedVisit, words: LanguageWords) -> str:
        name = " ".join(str(visit.answers[key]) for key in ("first-name", "last-name")
                        if key in visit.answers).strip()
        birth = visit.answers.get("birth-date")
        parts = [name or words.staff.urgent_identity_missing]
        if isinstance(birth, datetime.date):
            parts.append(f"{words.summary.date_of_birth} {date_words(birth, words)}")
        return "  \u2014  ".join(parts)
