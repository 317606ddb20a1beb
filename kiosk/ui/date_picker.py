"""A touch-friendly date picker: day, month and year, each with big − and + buttons."""

from __future__ import annotations

import calendar
import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.ui.parts import FlowRow, button, text

#: Where the year starts for a birth date nobody has picked yet.
START_YEAR = 1970


class Stepper(FlowRow):
    """A value between `low` and `high` with a − and a + button (holding one repeats).

    Its label stands beside the buttons, or above them where the row would not fit.
    """

    changed = Signal()

    def __init__(self, name: str, low: int, high: int, value: int) -> None:
        super().__init__(name)
        self.low, self.high, self._value = low, high, value
        self.minus = self._step_button(f"{name}_minus", "\u2212", -1)
        self.plus = self._step_button(f"{name}_plus", "+", +1)
        self.label = text("", "subtitle", f"{name}_label")
        self.shown = text("", "stepper-value", f"{name}_value")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setWordWrap(False)
        controls = QWidget()
        row = QHBoxLayout(controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.minus)
        row.addWidget(self.shown)
        row.addWidget(self.plus)
        self.add(self.label)
        self.add(controls)
        self.add_stretch()
        self.names: list[str] = []
        self._show()

    def _step_button(self, name: str, label: str, step: int) -> QPushButton:
        widget = button(name, "stepper")
        widget.setText(label)
        widget.setAccessibleName(label)
        widget.setAutoRepeat(True)
        widget.setAutoRepeatDelay(400)
        widget.setAutoRepeatInterval(80)
        widget.clicked.connect(lambda: self.set_value(self._value + step))
        return widget

    def value(self) -> int:
        return self._value

    def set_range(self, low: int, high: int) -> None:
        self.low, self.high = low, high
        self.set_value(self._value)

    def set_value(self, value: int) -> None:
        value = max(self.low, min(self.high, value))
        if value != self._value:
            self._value = value
            self._show()
            self.changed.emit()
        else:
            self._show()

    def _show(self) -> None:
        shown = self.names[self._value - 1] if self.names else str(self._value)
        self.shown.setText(shown)
        self.shown.setAccessibleName(f"{self.label.text()} {shown}")
        self.minus.setEnabled(self._value > self.low)
        self.plus.setEnabled(self._value < self.high)


class DatePicker(QWidget):
    """Day, month and year steppers; `changed` fires on every step."""

    changed = Signal()

    def __init__(self, today: datetime.date | None = None) -> None:
        super().__init__()
        self.setObjectName("date_picker")
        today = today or datetime.date.today()
        self._today = today
        self.day = Stepper("date_day", 1, 31, 1)
        self.month = Stepper("date_month", 1, 12, 1)
        self.year = Stepper("date_year", 1900, today.year, START_YEAR)
        rows = QVBoxLayout(self)
        for stepper in (self.day, self.month, self.year):
            rows.addWidget(stepper)
            stepper.changed.connect(self._fit_day)
        self._picked = False
        self._loading = False
        self._body_px = 26

    def _fit_day(self) -> None:
        last = calendar.monthrange(self.year.value(), self.month.value())[1]
        self.day.set_range(1, last)
        if not self._loading:
            self._picked = True
            self.changed.emit()

    def value(self) -> datetime.date | None:
        """The date shown, once the patient has touched the picker."""
        if not self._picked:
            return None
        return datetime.date(self.year.value(), self.month.value(), self.day.value())

    def set_value(self, value: datetime.date | None) -> None:
        """Show `value` (or the starting date, untouched, for None) without signalling."""
        self._loading = True
        shown = value or datetime.date(START_YEAR, 1, 1)
        self.year.set_value(shown.year)
        self.month.set_value(shown.month)
        self.day.set_value(shown.day)
        self._loading = False
        self._picked = value is not None

    def show_words(self, words: LanguageWords) -> None:
        ui = words.ui
        self.month.names = [name.strip() for name in ui.month_names.split(",")]
        for stepper, label in ((self.day, ui.date_day), (self.month, ui.date_month),
                               (self.year, ui.date_year)):
            stepper.label.setText(label)
            stepper.minus.setAccessibleName(f"{label} \u2212")
            stepper.plus.setAccessibleName(f"{label} +")
            stepper.set_value(stepper.value())
        self.fit(self._body_px)

    def fit(self, body_px: int) -> None:
        """Every value as wide as the longest month name (or a four-digit year) at this text
        size, so the three rows line up and wrap alike (values are shown bold at 1.6 times
        the body size)."""
        self._body_px = body_px
        font = QFont(self.font())
        font.setPixelSize(round(body_px * 1.6))
        font.setWeight(QFont.Weight.Bold)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(value)
                     for value in [*self.month.names, "0000", "00"])
        for stepper in (self.day, self.month, self.year):
            stepper.shown.setMinimumWidth(widest + body_px // 2)
            stepper.label.setMinimumWidth(body_px * 5)

    def labels(self) -> list[QLabel]:
        return [self.day.shown, self.month.shown, self.year.shown]
