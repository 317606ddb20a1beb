"""Answers given as numbers: a number with its unit, a duration, a date of birth."""

from __future__ import annotations

import datetime

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.settings import DateOrder
from kiosk.intake.questionnaire import Answer, Item
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.date_picker import DatePicker, Stepper
from kiosk.ui.parts import FlowRow, button, set_button_text, text

CHECK = "\u2713  "


class NumberAnswer(AnswerWidget):
    """A number within the item's range, with − and + (holding repeats), and its unit."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        low = int(item.min if item.min is not None else 0)
        high = int(item.max if item.max is not None else 999)
        self.stepper = Stepper(f"number_{item.id}", low, high, (low + high) // 2)
        self.unit = text("", "subtitle", f"number_{item.id}_unit")
        self._touched = False
        self.stepper.changed.connect(self._touch)
        row = QHBoxLayout(self)
        row.addWidget(self.stepper)
        row.addWidget(self.unit)
        row.addStretch(1)

    def _touch(self) -> None:
        self._touched = True
        self.changed.emit()

    def value(self) -> Answer | None:
        return self.stepper.value() if self._touched else None

    def set_value(self, value: Answer | None) -> None:
        if isinstance(value, (int, float)):
            self.stepper.set_value(int(value))
        self._touched = value is not None

    def show_words(self, words: LanguageWords) -> None:
        self.unit.setText(words.questionnaire.items[self.item.id].unit or "")


class DurationAnswer(AnswerWidget):
    """How long: a number with − and +, in months or years (stored as months)."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.stepper = Stepper(f"duration_{item.id}", 0, 80, 1)
        self.months = button(f"duration_{item.id}_months", "choice")
        self.years = button(f"duration_{item.id}_years", "choice")
        self._words: LanguageWords | None = None
        self._touched = False
        for unit in (self.months, self.years):
            unit.setCheckable(True)
            unit.clicked.connect(lambda _=False, u=unit: self._unit(u))
        self.months.setChecked(True)
        self.stepper.changed.connect(self._touch)
        units = QWidget()
        units_row = QHBoxLayout(units)
        units_row.setContentsMargins(0, 0, 0, 0)
        units_row.addWidget(self.months)
        units_row.addWidget(self.years)
        row = FlowRow(f"duration_{item.id}_row")  # the units go under the number if need be
        row.add(self.stepper)
        row.add(units)
        row.add_stretch()
        QVBoxLayout(self).addWidget(row)

    def _unit(self, unit: QPushButton) -> None:
        self.months.setChecked(unit is self.months)
        self.years.setChecked(unit is self.years)
        self._mark()
        self._touch()

    def _touch(self) -> None:
        self._touched = True
        self.changed.emit()

    def value(self) -> Answer | None:
        if not self._touched:
            return None
        return self.stepper.value() * (12 if self.years.isChecked() else 1)

    def set_value(self, value: Answer | None) -> None:
        if isinstance(value, int):
            in_years = value >= 12 and value % 12 == 0
            self.years.setChecked(in_years)
            self.months.setChecked(not in_years)
            self.stepper.set_value(value // 12 if in_years else value)
        self._touched = value is not None
        self._mark()

    def _mark(self) -> None:
        if self._words is None:
            return
        ui = self._words.ui
        for unit, label in ((self.months, ui.duration_in_months),
                            (self.years, ui.duration_in_years)):
            set_button_text(unit, (CHECK if unit.isChecked() else "") + label)
        self.stepper.set_range(0, 80 if self.years.isChecked() else 11 * 12)

    def apply_metrics(self, body_px: int) -> None:
        """Room for a two-digit number between − and +."""
        self.stepper.shown.setMinimumWidth(body_px * 2)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        self.stepper.label.setText(words.questionnaire.items[self.item.id].text)
        self.stepper.label.hide()
        self._mark()


class DateAnswer(AnswerWidget):
    """A date from the touch date picker."""

    def __init__(self, item: Item, today: datetime.date | None = None,
                 date_order: DateOrder = "mdy") -> None:
        super().__init__(item)
        self.date_order = date_order
        self.picker = DatePicker(today)
        self.picker.changed.connect(self.changed)
        QVBoxLayout(self).addWidget(self.picker)

    def value(self) -> Answer | None:
        return self.picker.value()

    def set_value(self, value: Answer | None) -> None:
        self.picker.set_value(value if isinstance(value, datetime.date) else None)

    def show_words(self, words: LanguageWords) -> None:
        self.picker.show_words(words)

    def apply_metrics(self, body_px: int) -> None:
        self.picker.fit(body_px)
