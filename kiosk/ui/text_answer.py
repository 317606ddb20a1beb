"""A typed answer (a name, the patient's own words), with the on-screen keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from kiosk.intake.questionnaire import Answer, Item
from kiosk.ui.answer_base import AnswerWidget


class TextAnswer(AnswerWidget):
    """Typed text, with the on-screen keyboard."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.field = QLineEdit()
        self.field.setObjectName(f"text_{item.id}")
        self.field.setMaxLength(item.max_length)
        self.field.textChanged.connect(self.changed)
        QVBoxLayout(self).addWidget(self.field)

    def value(self) -> Answer | None:
        typed = " ".join(self.field.text().split())
        return typed or None

    def take_focus(self) -> None:
        self.field.setFocus()

    def set_value(self, value: Answer | None) -> None:
        self.field.blockSignals(True)
        self.field.setText(value if isinstance(value, str) else "")
        self.field.blockSignals(False)
