"""Staff mode opened while a patient's answers are in memory: keep them, or clear them.

Nothing of a visit ends without staff saying so. Keeping returns to exactly where the patient
was, every answer in place; clearing asks for the staff PIN first, and a visit with an urgent
red flag is kept in the store (its summary prints) rather than lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk.content.model import LanguageWords, Loaded
from kiosk.ui.nesting import nest
from kiosk.ui.parts import FlowRow, StaffScreen, button, centred, set_button_text, text


class StaffKeepScreen(StaffScreen):
    """Emits `keep` (back to the patient) or `clear` (the PIN, then staff mode)."""

    keep = Signal()
    clear = Signal()

    def __init__(self, loaded: Loaded) -> None:
        super().__init__("staff_keep", loaded.content.words(loaded.settings.printing.language))
        self._title = text("", "title", "staff_keep_title")
        self._body = text("", "subtitle", "staff_keep_body")
        for label in (self._title, self._body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._keep = button("staff_keep_return", "big")
        self._keep.clicked.connect(self.keep)
        self._clear = button("staff_keep_clear")
        self._clear.clicked.connect(self.clear)
        row = FlowRow("staff_keep_buttons", 24)  # one under the other on a narrow screen
        row.add(self._clear)
        row.add_stretch()
        row.add(self._keep, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 64, 96, 32)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addSpacing(24)
        nest(layout, centred(self._body))
        layout.addStretch(2)
        layout.addWidget(row)

    def show_staff_words(self, words: LanguageWords) -> None:
        staff = words.staff
        self._title.setText(staff.keep_title)
        self._body.setText(staff.keep_body)
        set_button_text(self._keep, staff.keep_return)
        set_button_text(self._clear, staff.keep_clear)
