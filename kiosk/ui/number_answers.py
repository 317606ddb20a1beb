"""Answers given as numbers: a number with its unit, a duration, a date of birth.

Each is typed on the large number pad and starts empty: nothing is shown as the answer, and
nothing is chosen, until the patient types or taps it. The answer is spelled out in a line under
the controls ("3 years", "1 mes") once it is whole, and that line is exactly what Next accepts.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.intake.answers import MAX_DURATION_MONTHS
from kiosk.intake.questionnaire import Answer, Item
from kiosk.intake.typed_date import DateOrder
from kiosk.ui.choice_mark import ChoiceButton, set_chosen
from kiosk.ui.date_keypad import DateKeypad, NumberPad
from kiosk.ui.key_stops import Group, Stop
from kiosk.ui.nesting import nest
from kiosk.ui.pad_answer import PadAnswer, TypedNumber, centred_pad
from kiosk.ui.parts import FlowRow, text

MAX_YEARS = MAX_DURATION_MONTHS // 12
#: The most months a patient types before answering in years instead.
MAX_MONTHS = 99


class NumberAnswer(PadAnswer):
    """A whole number within the item's range, typed on the pad, with its unit beside it."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.low = int(item.min if item.min is not None else 0)
        self.high = int(item.max if item.max is not None else 999)
        self.typed = TypedNumber(f"number_{item.id}", len(str(self.high)))
        self.unit = text("", "subtitle", f"number_{item.id}_unit")
        self.typed.pad.digit.connect(self._press)
        self.typed.edited.connect(self._show)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.typed.box)
        row.addWidget(self.unit)
        row.addStretch(1)
        column = QVBoxLayout(self)
        nest(column, row)
        column.addWidget(self.typed.answer_line)
        nest(column, centred_pad(self.typed.pad))
        self._unit_words = ""
        self._show()

    def _press(self, digit: str) -> None:
        if int((self.typed.typed if self.typed.typed != "0" else "") + digit) <= self.high:
            self.typed.take(digit)

    def _show(self) -> None:
        number = self.value()
        self.typed.answer_line.setText(
            "" if number is None else f"{number} {self._unit_words}".strip())
        self.changed.emit()

    def pad(self) -> NumberPad:
        return self.typed.pad

    def typed_into(self) -> list[QWidget]:
        return [self.typed.box]

    def key_stops(self) -> list[Stop]:
        return [self.typed.box, self.typed.pad.key_group()]

    def value(self) -> Answer | None:
        number = self.typed.number()
        return number if number is not None and self.low <= number <= self.high else None

    def set_value(self, value: Answer | None) -> None:
        blocked = self.blockSignals(True)
        self.typed.typed = str(int(value)) if isinstance(value, (int, float)) else ""
        self.typed.show_typed()
        self._show()
        self.blockSignals(blocked)

    def show_words(self, words: LanguageWords) -> None:
        self._unit_words = words.questionnaire.items[self.item.id].unit or ""
        self.unit.setText(self._unit_words)
        self.typed.pad.show_delete_word(words.ui.date_delete)
        blocked = self.blockSignals(True)
        self._show()
        self.blockSignals(blocked)

    def apply_metrics(self, body_px: int) -> None:
        self.typed.apply_metrics(body_px)


class DurationAnswer(PadAnswer):
    """How long: a number typed on the pad, and Months or Years (stored as months).

    Neither unit is chosen, and no number shown, until the patient gives them; the whole
    answer is spelled out under them ("1 month", "3 años") once both are there. The number
    typed first, a tap on its unit completes the answer and moves on like any one-tap answer.
    """

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.typed = TypedNumber(f"duration_{item.id}", 2)
        self.months = ChoiceButton(f"duration_{item.id}_months", "radio")
        self.years = ChoiceButton(f"duration_{item.id}_years", "radio")
        self._words: LanguageWords | None = None
        for unit in (self.months, self.years):
            unit.setCheckable(True)
            unit.clicked.connect(lambda _=False, u=unit: self._unit(u))
        self.typed.pad.digit.connect(self._press)
        self.typed.edited.connect(self._touched)
        row = FlowRow(f"duration_{item.id}_row")  # the units go under the number if need be
        row.add(self.typed.box, Qt.AlignmentFlag.AlignHCenter)
        row.add(self.months, Qt.AlignmentFlag.AlignHCenter)
        row.add(self.years, Qt.AlignmentFlag.AlignHCenter)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(row)
        centre.addStretch(1)
        column = QVBoxLayout(self)
        nest(column, centre)
        column.addWidget(self.typed.answer_line)
        nest(column, centred_pad(self.typed.pad))
        self.typed.show_typed()

    def _most(self) -> int:
        return MAX_YEARS if self.years.isChecked() else MAX_MONTHS

    def _press(self, digit: str) -> None:
        if int((self.typed.typed if self.typed.typed != "0" else "") + digit) <= self._most():
            self.typed.take(digit)

    def _unit(self, unit: QPushButton) -> None:
        set_chosen(self.months, unit is self.months)
        set_chosen(self.years, unit is self.years)
        number = self.typed.number()
        if number is not None and number > self._most():
            self.typed.typed = ""  # 90 months is not 90 years: the number is typed again
            self.typed.show_typed()
        self._touched()
        if self.value() is not None:  # the number, then its unit: the answer is whole
            self.picked.emit()

    def _touched(self) -> None:
        self._mark()
        self.changed.emit()

    def pad(self) -> NumberPad:
        return self.typed.pad

    def typed_into(self) -> list[QWidget]:
        return [self.typed.box]

    def controls(self) -> list[QWidget]:
        return [self.months, self.years]

    def key_stops(self) -> list[Stop]:
        return [self.typed.box, Group([self.months, self.years]), self.typed.pad.key_group()]

    def value(self) -> Answer | None:
        number = self.typed.number()
        if number is None or not (self.months.isChecked() or self.years.isChecked()):
            return None
        return number * (12 if self.years.isChecked() else 1)

    def set_value(self, value: Answer | None) -> None:
        given = isinstance(value, int) and not isinstance(value, bool)
        in_years = given and value >= 12 and value % 12 == 0  # type: ignore[operator]
        set_chosen(self.years, in_years)
        set_chosen(self.months, given and not in_years)
        number = (value // 12 if in_years else value) if given else None  # type: ignore[operator]
        self.typed.typed = str(number) if number is not None else ""
        self.typed.show_typed()
        self._mark()

    def answer_words(self) -> str:
        """The answer as a line ("1 month", "3 años"), or nothing while it is not whole."""
        number, words = self.typed.number(), self._words
        if number is None or words is None:
            return ""
        ui = words.ui
        if self.years.isChecked():
            return ui.duration_year_one if number == 1 else ui.duration_years.format(count=number)
        if self.months.isChecked():
            return ui.duration_month_one if number == 1 else ui.duration_months.format(
                count=number)
        return ""

    def _mark(self) -> None:
        if self._words is None:
            return
        ui = self._words.ui
        for unit, label in ((self.months, ui.duration_in_months),
                            (self.years, ui.duration_in_years)):
            unit.show_choice(label)
            unit.setAccessibleName(label)
        self.typed.answer_line.setText(self.answer_words())

    def apply_metrics(self, body_px: int) -> None:
        self.typed.apply_metrics(body_px)
        for unit in (self.months, self.years):
            unit.setMinimumWidth(body_px * 7)
            unit.apply_metrics(body_px)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        self.typed.pad.show_delete_word(words.ui.date_delete)
        self._mark()


class DateAnswer(PadAnswer):
    """A date of birth typed on the number pad, in the clinic's order of day, month and year."""

    def __init__(self, item: Item, today: datetime.date | None = None,
                 date_order: DateOrder = "mdy") -> None:
        super().__init__(item)
        self.date_order = date_order
        self.keypad = DateKeypad(today, date_order)
        self.keypad.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keypad)

    def pad(self) -> NumberPad:
        return self.keypad.pad

    def typed_into(self) -> list[QWidget]:
        return list(self.keypad.fields.values())

    def key_stops(self) -> list[Stop]:
        return self.keypad.key_stops()

    def value(self) -> Answer | None:
        return self.keypad.value()

    def set_value(self, value: Answer | None) -> None:
        self.keypad.set_value(value if isinstance(value, datetime.date) else None)

    def show_words(self, words: LanguageWords) -> None:
        self.keypad.show_words(words)

    def apply_metrics(self, body_px: int) -> None:
        self.keypad.apply_metrics(body_px)
