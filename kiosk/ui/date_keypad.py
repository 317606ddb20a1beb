"""The date of birth typed on a large number pad, into month, day and year fields.

The fields stand in the clinic's order (`kiosk.date_order`) above a phone-style pad. Typing
fills the field in use and moves on when it is full; a month of 2 to 9 or a day of 4 to 9 can
only be one digit, so it moves on at once. A tap on a field types it again; the delete key
takes the last digit back. Nothing is shown until the patient types it, and the date is the
answer only once it is whole, real, not in the future and not before 1900. After two digits of
a year the pad offers the whole year ("Did you mean 1952?").
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import LanguageWords
from kiosk.intake.typed_date import EMPTY, LENGTH, DateOrder, TypedDate
from kiosk.ui.key_stops import Group, Stop, return_goes_on
from kiosk.ui.nesting import nest
from kiosk.ui.parts import LaidOutButton, button, set_button_text, text
from kiosk.ui.style import touch_px


class NumberPad(QWidget):
    """Keys 1 to 9 in three rows, 0 under them and a delete key beside it, like a phone."""

    digit = Signal(str)
    erase = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.keys: dict[str, QPushButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for index, digit in enumerate("1234567890"):
            key = button(f"{name}_{digit}", "keypad")
            key.setText(digit)
            key.setAccessibleName(digit)
            key.clicked.connect(lambda _=False, d=digit: self.digit.emit(d))
            self.keys[digit] = key
            row, column = (index // 3, index % 3) if digit != "0" else (3, 1)
            self._grid.addWidget(key, row, column)
        self.delete = LaidOutButton()
        self.delete.setObjectName(f"{name}_delete")
        self.delete.setProperty("role", "keypad")
        self.delete.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.delete.setAccessibleName("\u232b")
        self._delete_sign = text("\u232b", "", f"{name}_delete_sign")
        self._delete_word = text("", "small", f"{name}_delete_word")
        inside = QVBoxLayout(self.delete)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.setSpacing(0)
        for label in (self._delete_sign, self._delete_word):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(False)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inside.addWidget(label)
        self.delete.clicked.connect(self.erase)
        self._grid.addWidget(self.delete, 3, 2)

    def key_group(self) -> Group:
        """The keys as one Tab stop; the arrows move over them as they stand."""
        return Group([*self.keys.values(), self.delete], grid=True)

    def press_key(self, event: QKeyEvent) -> bool:
        """A digit or Backspace from a keyboard (a USB keyboard at the desk, a switch)
        does what the key on the pad does; False for any other key."""
        if event.key() == Qt.Key.Key_Backspace:
            self.erase.emit()
            return True
        typed = event.text()
        if len(typed) == 1 and typed in self.keys:
            self.digit.emit(typed)
            return True
        return False

    def show_delete_word(self, word: str) -> None:
        self._delete_word.setText(word)
        self.delete.setAccessibleName(word)

    def apply_metrics(self, body_px: int) -> None:
        """Keys a little wider than tall, with a gap a finger cannot miss."""
        self._grid.setSpacing(max(8, body_px // 3))
        width = round(touch_px(body_px) * 1.4)
        for key in [*self.keys.values(), self.delete]:
            key.setMinimumSize(width, touch_px(body_px))


class DateKeypad(QWidget):
    """The fields, a line for the hint, a message or the century, and the pad; `changed` on
    every key."""

    changed = Signal()

    def __init__(self, today: datetime.date | None = None, order: DateOrder = "mdy") -> None:
        super().__init__()
        self.setObjectName("date_keypad")
        self.typed = TypedDate(order, today or datetime.date.today())
        self._words: LanguageWords | None = None
        self._refused = False
        self.hint = text("", "muted", "date_hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QPushButton] = {}
        fields_row = QHBoxLayout()
        fields_row.addStretch(1)
        for field in self.typed.order:
            label = self.labels[field] = text("", "", f"date_{field}_label")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = self.fields[field] = button(f"date_{field}", "scale")
            box.setCheckable(True)
            return_goes_on(box)  # typed into from a keyboard, as a text box is
            box.clicked.connect(lambda _=False, f=field: self._retype(f))
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(label)
            column.addWidget(box)
            nest(fields_row, column)
        fields_row.addStretch(1)
        self.note = text("", "warning", "date_note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.century = button("date_century", "primary")
        self.century.clicked.connect(self._fill_century)
        self._note_area = QWidget()
        self._note_area.setObjectName("date_note_area")
        note_column = QVBoxLayout(self._note_area)
        note_column.setContentsMargins(0, 0, 0, 0)
        note_column.addWidget(self.hint)
        note_column.addWidget(self.note)
        note_column.addWidget(self.century, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pad = NumberPad("date_key")
        self.pad.digit.connect(self._press)
        self.pad.erase.connect(self._rub_out)
        self._typing = QWidget()
        self._typing.setObjectName("date_typing")
        column = self._column = QVBoxLayout(self._typing)
        column.setContentsMargins(0, 0, 0, 0)
        nest(column, fields_row)
        column.addWidget(self._note_area)
        column.addStretch(1)
        # The fields beside the pad where the screen is wide enough, above it where not.
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.addStretch(1)
        self._box.addWidget(self._typing)
        self._box.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        self._box.addStretch(1)
        self._show()

    @property
    def side_by_side(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        wide = (self._typing.sizeHint().width() + self.pad.sizeHint().width()
                + self._box.spacing() * 4) <= event.size().width()
        if wide != self.side_by_side:
            self._box.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                   else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def _press(self, digit: str) -> None:
        self._refused = not self.typed.press(digit) and self.typed.current is not None
        self._show()
        self.changed.emit()

    def _rub_out(self) -> None:
        self._refused = False
        self.typed.rub_out()
        self._show()
        self.changed.emit()

    def _retype(self, field: str) -> None:
        self._refused = False
        self.typed.retype(field)
        self._show()
        self.changed.emit()

    def _fill_century(self) -> None:
        year = self.typed.century()
        pressed_by_key = self.century.hasFocus()
        if year is not None:
            self.typed.fill_year(year)
        self._show()
        if pressed_by_key:  # the button is gone: the keys go to the year it filled in
            self.fields["year"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def value(self) -> datetime.date | None:
        return self.typed.value()

    def set_value(self, value: datetime.date | None) -> None:
        """Show `value` in the fields (or empty fields for None), without signalling."""
        self._refused = False
        self.typed.set_date(value)
        self._show()

    def shown(self, field: str) -> str:
        """What a field shows: its digits, a dash for each still to type."""
        typed = self.typed.digits[field]
        return typed + EMPTY * (LENGTH[field] - len(typed))

    def _show(self) -> None:
        typing_here = any(box.hasFocus() for box in self.fields.values())
        for field, box in self.fields.items():
            box.setText(self.shown(field))
            box.setChecked(field == self.typed.current)
            typed = " ".join(self.typed.digits[field])
            label = self.labels[field].text() or field
            box.setAccessibleName(f"{label}, {typed}" if typed else label)
        current = self.typed.current
        if typing_here and current is not None:  # the keys follow the field being typed
            self.fields[current].setFocus(Qt.FocusReason.OtherFocusReason)
        words = self._words
        if words is None:
            return
        problem = "date_not_real" if self._refused else self.typed.problem()
        said = getattr(words.ui, problem) if problem else ""
        if said != self.note.text():
            self.note.hide()  # a new message appears afresh (and is read aloud afresh)
        self.note.setText(said)
        self.note.setVisible(problem is not None)
        year = self.typed.century()
        if year is not None:
            set_button_text(self.century, words.ui.date_century.format(year=year))
        self.century.setVisible(year is not None)
        self.hint.setVisible(problem is None and year is None)  # the hint gives way to them

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        ui = words.ui
        self.hint.setText(ui.date_hint)
        names = {"month": ui.date_month, "day": ui.date_day, "year": ui.date_year}
        for field, label in self.labels.items():
            label.setText(names[field])
        self.pad.show_delete_word(ui.date_delete)
        self._show()

    def apply_metrics(self, body_px: int) -> None:
        """Fields wide enough for their digits, the pad's keys, and room kept for a message or
        the century, so the pad never moves under a finger while the patient types."""
        touch = touch_px(body_px)
        for field, box in self.fields.items():
            box.setMinimumWidth(round(body_px * (6 if field == "year" else 4)))
            self.labels[field].setMinimumWidth(box.minimumWidth())
        self._note_area.setMinimumHeight(touch)
        self._column.setSpacing(max(6, body_px // 3))
        self._box.setSpacing(body_px)
        self.pad.apply_metrics(body_px)

    def key_stops(self) -> list[Stop]:
        """The fields (one Tab stop, entered at the one being typed), "Did you mean…?" while
        it shows, and the pad."""
        return [Group([self.fields[field] for field in self.typed.order]), self.century,
                self.pad.key_group()]

    def field_order(self) -> Sequence[str]:
        return self.typed.order
