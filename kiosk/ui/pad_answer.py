"""What every answer typed on a number pad shares: the box its digits show in, the pad, and a
keyboard's digits, Backspace and Return.

The box shows the digits typed (a dash while empty; a tap empties it); a keyboard types into it
as into a text box, so Return there goes on. Digits and Backspace typed anywhere in the answer
do what the pad's keys do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.intake.typed_date import EMPTY
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.date_keypad import NumberPad
from kiosk.ui.key_stops import return_goes_on
from kiosk.ui.parts import button, text


class TypedNumber(QObject):
    """A box showing the digits typed (a dash while empty; a tap empties it), the pad that
    types them and the line that spells the answer out; `edited` on every change."""

    edited = Signal()

    def __init__(self, name: str, digits: int) -> None:
        super().__init__()
        self.digits = digits
        self.typed = ""
        self.box = button(f"{name}_typed", "scale")
        self.pad = NumberPad(f"{name}_key")
        self.answer_line = text("", "subtitle", f"{name}_answer")
        self.answer_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return_goes_on(self.box)  # typed into from a keyboard, as a text box is
        self.box.clicked.connect(self.clear)
        self.pad.erase.connect(self._rub_out)

    def number(self) -> int | None:
        return int(self.typed) if self.typed else None

    def take(self, digit: str) -> None:
        """`digit` after the others, or in place of a lone 0."""
        self.typed = (self.typed if self.typed != "0" else "") + digit
        self.show_typed()
        self.edited.emit()

    def clear(self) -> None:
        self.typed = ""
        self.show_typed()
        self.edited.emit()

    def _rub_out(self) -> None:
        self.typed = self.typed[:-1]
        self.show_typed()
        self.edited.emit()

    def show_typed(self) -> None:
        shown = self.typed or EMPTY * self.digits
        self.box.setText(shown)
        self.box.setAccessibleName(self.typed or EMPTY)

    def apply_metrics(self, body_px: int) -> None:
        self.box.setMinimumWidth(round(body_px * (2 + self.digits)))
        self.answer_line.setMinimumHeight(round(body_px * 1.2 * 1.6))
        self.pad.apply_metrics(body_px)


def centred_pad(pad: NumberPad) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(pad)
    row.addStretch(1)
    return row


class PadAnswer(AnswerWidget):
    """An answer typed on a number pad; a keyboard's digits and Backspace work too, once
    the question opens (it takes the keyboard's focus), and wherever in the answer the
    keyboard's focus is."""

    def pad(self) -> NumberPad:
        raise NotImplementedError

    def typed_into(self) -> list[QWidget]:
        """The boxes the digits show in (Return there goes on, as in a text box)."""
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.pad().press_key(event):
            super().keyPressEvent(event)

    def take_focus(self) -> bool:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()
        return True

    def describe(self, question: str, note: str) -> None:
        """The boxes the number shows in are named for their digits, and described by the
        question, as the answers are."""
        super().describe(question, note)
        for box in self.typed_into():
            box.setAccessibleDescription(f"{question} {note}".strip())
