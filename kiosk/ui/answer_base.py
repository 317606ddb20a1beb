"""What every answer widget offers the question screen: its value, its words, its signals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.model import LanguageWords
from kiosk.intake.questionnaire import Answer, Item
from kiosk.ui.key_stops import Stop


class AnswerWidget(QWidget):
    """Base of the answer widgets."""

    #: The answer changed (every touch).
    changed = Signal()
    #: A one-tap answer was chosen: the question moves on after a short pause that shows it.
    picked = Signal()
    #: The patient asked to go on now (Return on the keyboard).
    submitted = Signal()

    def __init__(self, item: Item) -> None:
        super().__init__()
        self.item = item
        self.setObjectName(f"answer_{item.id}")

    def value(self) -> Answer | None:
        raise NotImplementedError

    def set_value(self, value: Answer | None) -> None:
        raise NotImplementedError

    def show_words(self, words: LanguageWords) -> None:
        """Put every choice in `words`' language."""

    def apply_metrics(self, body_px: int) -> None:
        """Sizes a style sheet cannot give."""

    def describe(self, question: str, note: str) -> None:
        """Name the answer for assistive technology: the question it answers, and a note
        (its help, whether it needs an answer) read after the name of each control."""
        self.setAccessibleName(question)
        self.setAccessibleDescription(note)
        for control in self.controls():
            control.setAccessibleDescription(f"{question} {note}".strip())

    def controls(self) -> list[QWidget]:
        """The controls a patient touches to answer (each already named for its choice)."""
        return []

    def key_stops(self) -> list[Stop]:
        """What Tab reaches in this answer, in reading order (see `kiosk.ui.key_moves`)."""
        return []

    def part_beside(self, room: QSize) -> QWidget | None:
        """A part of this answer that stands beside the question, not under its words, when
        the screen has this room for the question (a picture too tall for the room under the
        words), or None. The question screen lays out the part returned; the answer takes back
        a part it no longer returns."""
        return None

    def can_answer(self, item: Item) -> bool:
        """Whether this widget, as it stands, can answer `item` too (the same kind of
        question with the same choices): the next question then keeps it, and with it the
        place of every answer."""
        return False

    def answer_for(self, item: Item) -> None:
        """Answer `item` from now on (one `can_answer` accepted): its names follow it."""
        self.item = item
        self.setObjectName(f"answer_{item.id}")

    def fit_in(self, height: int) -> None:
        """The room the question leaves this answer above Next: an answer with a long list
        may scroll the list within itself so that Next stays in sight."""

    def height_for_kind(self, kind: Sequence[Item], width: int) -> int:
        """The height this widget needs at `width` for the tallest answer of `kind` (the
        questions of its type), so that every question of the kind keeps room for it."""
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        return max(height, self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Return or Enter on a keyboard goes on, as Next does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def take_focus(self) -> bool:
        """Where typing goes when the question opens for a patient who touches: True when
        this answer took the keys (a text box, a number pad)."""
        return False
