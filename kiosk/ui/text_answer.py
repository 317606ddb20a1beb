"""A typed answer (a name, the patient's own words), with the on-screen keyboard.

Return (on the on-screen keyboard or a hardware one) goes on to the next question. Text longer
than the question allows (a paste, a word from the keyboard) is cut where it went in, and the
patient is told how much was left out; a count shows how much room is left on long answers and
near the limit of short ones.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.intake.questionnaire import Answer, Item
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.input_method import keep_in_view
from kiosk.ui.key_stops import Stop
from kiosk.ui.parts import text

#: Answers allowed this many letters or more always show their count.
LONG_ANSWER = 100
#: Shorter answers show it once this share of the room is used.
NEARLY_FULL = 0.8


class TextAnswer(AnswerWidget):
    """Typed text, with the on-screen keyboard."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.limit = item.max_length
        self._words: LanguageWords | None = None
        self.field = QLineEdit()
        self.field.setObjectName(f"text_{item.id}")
        # No maxLength: Qt would cut a paste silently; `_keep_to_limit` cuts it and says so.
        self.field.textChanged.connect(self._keep_to_limit)
        self.field.returnPressed.connect(self.submitted)
        self.field.installEventFilter(self)
        self.count = text("", "muted", f"text_count_{item.id}")
        self.notice = text("", "warning", f"text_cut_{item.id}")
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        layout.addWidget(self.notice)
        self._show_count()

    def value(self) -> Answer | None:
        typed = " ".join(self.field.text().split())
        return typed or None

    def take_focus(self) -> bool:
        self.field.setFocus()
        return True

    def key_stops(self) -> list[Stop]:
        return [self.field]

    def set_value(self, value: Answer | None) -> None:
        self.field.blockSignals(True)
        self.field.setText(value[:self.limit] if isinstance(value, str) else "")
        self.field.blockSignals(False)
        self._show_count()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Return in the box has gone on already (the box lets the key through to here):
        once is enough, or an optional last question would go on twice."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def describe(self, question: str, note: str) -> None:
        """The text box is named by its question (it has no words of its own)."""
        super().describe(question, note)
        self.field.setAccessibleName(question)
        self.field.setAccessibleDescription(note)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        self._show_count()
        if self.notice.isVisibleTo(self) and self.notice.property("cut"):
            self._show_cut(int(self.notice.property("cut")))

    def _keep_to_limit(self, typed: str) -> None:
        """Cut what just went in so the answer fits, tell the patient, then report the change."""
        extra = len(typed) - self.limit
        if extra > 0:
            cursor = self.field.cursorPosition()
            start = max(0, cursor - extra)
            kept = typed[:start] + typed[start + extra:]
            self.field.blockSignals(True)
            self.field.setText(kept)
            self.field.setCursorPosition(start)
            self.field.blockSignals(False)
            self._show_cut(extra)
        elif len(typed) < self.limit:
            self.notice.hide()
        self._show_count()
        self.changed.emit()

    def _show_cut(self, cut: int) -> None:
        self.notice.setProperty("cut", cut)
        if self._words is not None:
            self.notice.setText(self._words.ui.text_cut.format(limit=self.limit, cut=cut))
        self.notice.show()

    def _show_count(self) -> None:
        used = len(self.field.text())
        if self._words is not None:
            self.count.setText(self._words.ui.text_count.format(count=used, limit=self.limit))
        self.count.setVisible(self._words is not None and (
            self.limit >= LONG_ANSWER or used >= self.limit * NEARLY_FULL))

    # -- in sight above the keyboard ----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.field and event.type() == QEvent.Type.FocusIn:
            keep_in_view(self.field)
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        """Laid out again (a new question, another text size): the field stays in sight."""
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize) and self.field.hasFocus():
            keep_in_view(self.field)
        return super().event(event)
