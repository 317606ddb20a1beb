"""The outbox on the staff dashboard: how many visits reached the clinic's record system, how
many wait (and why the first has not gone), each one it refused with the server's reason,
each one that has waited half the time this kiosk keeps it; one button sends again now.

Shown only when the clinic's settings name a FHIR server. Staff read visit ids and the
server's words, never a patient's name.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.records import STORE_FAULTS
from kiosk.records.store import VisitStore
from kiosk.ui.nesting import nest
from kiosk.ui.parts import button, clear_rows, set_button_text, text

#: A visit that has waited this share of `fhir.keep_undelivered_hours` is named to staff:
#: retention deletes it at the limit, delivered or not.
OVERDUE_SHARE = 0.5


class OutboxPanel(QWidget):
    """Emits `again` when staff ask for the waiting and refused visits to go now."""

    again = Signal()

    def __init__(self, store: VisitStore, keep_hours: float) -> None:
        super().__init__()
        self.setObjectName("staff_outbox")
        self._store = store
        self._keep_hours = keep_hours
        self._words: LanguageWords | None = None
        self._line = text("", "muted", "staff_outbox_line")
        self._refused = QVBoxLayout()
        self._refused.setContentsMargins(0, 0, 0, 0)
        self._again = button("staff_outbox_again")
        self._again.clicked.connect(self._send_again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._line)
        nest(layout, self._refused)
        layout.addWidget(self._again, 0, Qt.AlignmentFlag.AlignLeft)

    def use_store(self, store: VisitStore) -> None:
        self._store = store
        self.refresh()

    def show_staff_words(self, words: LanguageWords) -> None:
        self._words = words
        set_button_text(self._again, words.staff.outbox_again)
        self.refresh()

    def refresh(self) -> None:
        """The outbox as it is now (hidden when visits go to no record system)."""
        clear_rows(self._refused)
        words = self._words
        self.setVisible(self._store.delivers and words is not None)
        if words is None or not self._store.delivers:
            return
        try:
            entries = self._store.outbox()
        except STORE_FAULTS:
            entries = []
        count = {state: sum(1 for e in entries if e.state == state)
                 for state in ("delivered", "waiting", "sending", "refused")}
        self._line.setText(words.staff.outbox_line.format(
            delivered=count["delivered"], waiting=count["waiting"] + count["sending"],
            refused=count["refused"]))
        waiting = [e for e in entries if e.state in ("waiting", "sending")]
        if waiting and waiting[0].last_error:
            self._add(words.staff.outbox_waiting.format(reason=waiting[0].last_error),
                      "muted", "staff_outbox_waiting")
        for entry in (e for e in entries if e.state == "refused"):
            self._add(words.staff.outbox_refused.format(
                visit=entry.visit_id, status=entry.last_status or "-",
                reason=entry.last_error or ""), "warning", f"staff_outbox_refused_{entry.id}")
        now = datetime.datetime.now(datetime.UTC)
        for entry in (e for e in entries if e.state != "delivered"):
            sent = datetime.datetime.fromisoformat(entry.submitted_at)
            hours = (now - sent).total_seconds() / 3600
            if hours >= self._keep_hours * OVERDUE_SHARE:
                self._add(words.staff.outbox_overdue.format(
                    visit=entry.visit_id, hours=int(hours), limit=round(self._keep_hours)),
                    "warning", f"staff_outbox_overdue_{entry.id}")
        self._again.setVisible(count["waiting"] + count["refused"] > 0)

    def follow_courier(self) -> None:
        """The courier delivered, or was refused: shown at once while staff look."""
        if self.isVisible():
            self.refresh()

    def _add(self, words: str, role: str, name: str) -> None:
        line = text(words, role, name)
        self._refused.addWidget(line)
        line.show()

    def _send_again(self) -> None:
        moved = self._store.deliver_again()
        self._store.audit(f"send to the record system again ({moved})")
        self.again.emit()
        self.refresh()
