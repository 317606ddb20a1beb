"""'Please go to the front desk now': shown the moment an answer raises an urgent red flag.

Calm and plain, with what to do if nobody is at the desk. It says nothing of the answer
itself (anyone may see the screen). It stays until staff continue: the idle wipe does not
clear it, so the patient's urgent answers are not lost before someone has seen them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.ui.parts import Screen, button, centred, set_button_text, text


class UrgentScreen(Screen):
    """Emits `acknowledged` when staff continue (a placeholder until staff mode exists)."""

    has_bar = False
    acknowledged = Signal()

    def __init__(self, emergency_number: str) -> None:
        super().__init__("urgent")
        self._emergency = emergency_number
        self._title = text("", "attract-title", "urgent_title")
        self._body = text("", "subtitle", "urgent_body")
        self._no_one = text("", "subtitle", "urgent_no_one")
        self._staff = button("urgent_staff")
        self._staff.clicked.connect(self.acknowledged)
        for label in (self._title, self._body, self._no_one):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        staff = QHBoxLayout()
        staff.addStretch(1)
        staff.addWidget(self._staff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 64, 96, 32)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addSpacing(32)
        layout.addLayout(centred(self._body))
        layout.addSpacing(32)
        layout.addLayout(centred(self._no_one))
        layout.addStretch(2)
        layout.addLayout(staff)

    def apply_metrics(self, body_px: int) -> None:
        self._body.setMaximumWidth(body_px * 30)
        self._no_one.setMaximumWidth(body_px * 30)

    def show_words(self, words: LanguageWords) -> None:
        self._title.setText(words.ui.urgent_title)
        self._body.setText(words.ui.urgent_body)
        self._no_one.setText(words.ui.urgent_no_one.format(emergency=self._emergency))
        set_button_text(self._staff, words.ui.urgent_staff)
