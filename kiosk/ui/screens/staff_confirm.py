"""A staff button that asks before it acts, in its own place.

Tapped, the button gives its place to the question and Yes / No, so the question is read
right where the finger is; No (or another question opening) puts the button back.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.ui.parts import button, set_button_text, text

#: The question asks for no more width than this: it wraps in whatever room the row has.
QUESTION_WIDTH = 320


class AskInPlace(QWidget):
    """`name` is the button; `name`_question, `name`_yes and `name`_no take its place when
    it is tapped. Emits `confirmed` on Yes, `opened` and `closed` as the question comes and
    goes."""

    confirmed = Signal()
    opened = Signal()
    closed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}_place")
        self.button = button(name)
        self.question = text("", "warning", f"{name}_question")
        self.question.setSizePolicy(QSizePolicy.Policy.Expanding,
                                    QSizePolicy.Policy.Preferred)
        self.yes = button(f"{name}_yes", "primary")
        self.no = button(f"{name}_no")
        self._question_text = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.button)
        row.addWidget(self.question, 1)
        row.addWidget(self.yes, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.no, 0, Qt.AlignmentFlag.AlignVCenter)
        self.button.clicked.connect(self.ask)
        self.no.clicked.connect(self.cancel)
        self.yes.clicked.connect(self._yes)
        self._show(asking=False)

    def set_words(self, label: str, question: str, yes: str, no: str) -> None:
        set_button_text(self.button, label)
        self._question_text = question
        self.question.setText(question)
        set_button_text(self.yes, yes)
        set_button_text(self.no, no)

    @property
    def asking(self) -> bool:
        return not self.question.isHidden()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """While asking, a row of controls keeps the question beside its buttons (wrapped)
        rather than putting everything one under another."""
        hint = super().sizeHint()
        if self.asking:
            words = self.question.sizeHint().width()
            hint.setWidth(hint.width() - words + min(words, QUESTION_WIDTH))
        return hint

    def ask(self) -> None:
        self.question.setText(self._question_text)
        self._show(asking=True)
        self.opened.emit()

    def cancel(self) -> None:
        if self.asking:
            self._show(asking=False)
            self.closed.emit()

    def _yes(self) -> None:
        self._show(asking=False)
        self.closed.emit()
        self.confirmed.emit()

    def _show(self, asking: bool) -> None:
        self.button.setVisible(not asking)
        for part in (self.question, self.yes, self.no):
            part.setVisible(asking)
        policy = QSizePolicy.Policy.Expanding if asking else QSizePolicy.Policy.Maximum
        self.setSizePolicy(policy, QSizePolicy.Policy.Preferred)
        self.updateGeometry()
