"""The ways a patient answers, one widget per kind of question.

Each widget shows an item's choices in the chosen language, reports every change with
`changed`, and gives its answer with `value()` (None while nothing is chosen). Selected choices
are filled, bold and carry a check mark: never colour alone.
"""

from __future__ import annotations

import datetime
import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import option_words
from kiosk.intake.questionnaire import SCALE_MAX, Answer, Item
from kiosk.ui.date_picker import DatePicker, Stepper
from kiosk.ui.parts import FlowRow, LaidOutButton, button, set_button_text, text

CHECK = "\u2713  "


class AnswerWidget(QWidget):
    """Base of the answer widgets."""

    changed = Signal()

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

    def take_focus(self) -> None:
        """Where typing goes when the question opens (only text fields take it)."""


class ChoiceButton(LaidOutButton):
    """A checkable answer whose words wrap over as many lines as they need."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "choice")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.words = text("", "choice-text")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        QVBoxLayout(self).addWidget(self.words)

    def show_choice(self, label: str) -> None:
        """The label, with a check mark, bold and inverted colours when chosen."""
        chosen = self.isChecked()
        self.words.setText((CHECK if chosen else "") + label)
        self.setAccessibleName(label)
        if self.words.property("chosen") != chosen:
            self.words.setProperty("chosen", chosen)
            self.words.style().unpolish(self.words)
            self.words.style().polish(self.words)


class ChoiceAnswer(AnswerWidget):
    """Yes/no, one of several, or several of several: large buttons in one or two columns."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self._many = item.type == "multiple"
        self._words: dict[str, str] = {}
        self.buttons: dict[str, ChoiceButton] = {}
        columns = 2 if len(item.choices()) > 5 else 1
        grid = QGridLayout(self)
        grid.setSpacing(12)
        for index, choice in enumerate(item.choices()):
            widget = ChoiceButton(f"choice_{item.id}_{choice}")
            widget.clicked.connect(lambda _=False, c=choice: self._toggle(c))
            grid.addWidget(widget, index // columns, index % columns)
            self.buttons[choice] = widget
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def _toggle(self, choice: str) -> None:
        picked = self.buttons[choice].isChecked()
        for other, widget in self.buttons.items():
            exclusive = not self._many or choice == "none" or other == "none"
            if other != choice and picked and exclusive:
                widget.setChecked(False)
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        for choice, widget in self.buttons.items():
            widget.show_choice(self._words.get(choice, choice))

    def value(self) -> Answer | None:
        picked = tuple(c for c, widget in self.buttons.items() if widget.isChecked())
        if not picked:
            return None
        return picked if self._many else picked[0]

    def set_value(self, value: Answer | None) -> None:
        chosen = value if isinstance(value, tuple) else (value,)
        for choice, widget in self.buttons.items():
            widget.setChecked(choice in chosen)
        self._mark()

    def show_words(self, words: LanguageWords) -> None:
        self._words = {c: option_words(self.item, c, words) for c in self.buttons}
        self._mark()


class ScaleAnswer(AnswerWidget):
    """0 to 10 as eleven big numbered buttons, with the anchor words under the ends.

    The buttons stand in one row where it fits; on a narrow screen or at a large text size
    they wrap into rows of equal length (0-5 over 6-10, …) rather than run off the screen.
    """

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.buttons: list[QPushButton] = []
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        self._per_row = 0
        for number in range(SCALE_MAX + 1):
            widget = button(f"scale_{item.id}_{number}", "scale")
            widget.setCheckable(True)
            widget.clicked.connect(lambda _=False, n=number: self._pick(n))
            self.buttons.append(widget)
        self._arrange(len(self.buttons))
        self.low = text("", "muted", f"scale_{item.id}_low")
        self.high = text("", "muted", f"scale_{item.id}_high")
        anchors = QHBoxLayout()
        anchors.addWidget(self.low)
        anchors.addStretch(1)
        anchors.addWidget(self.high)
        column = QVBoxLayout(self)
        column.addLayout(self._grid)
        column.addLayout(anchors)
        self._mark()

    @property
    def per_row(self) -> int:
        """How many buttons stand side by side."""
        return self._per_row

    def _arrange(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for number, widget in enumerate(self.buttons):
            self._grid.addWidget(widget, number // per_row, number % per_row)
        for column in range(len(self.buttons)):
            self._grid.setColumnStretch(column, 1 if column < per_row else 0)

    def _button_width(self) -> int:
        return max(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in self.buttons)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as two buttons side by side: the rows wrap, the screen does not widen."""
        margins = self.contentsMargins()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
        width = self._button_width() * 2 + self._grid.horizontalSpacing()
        return QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else self.contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        spacing = self._grid.horizontalSpacing()
        fits = max(2, (room + spacing) // (self._button_width() + spacing))
        rows = math.ceil(len(self.buttons) / fits)
        self._arrange(math.ceil(len(self.buttons) / rows))

    def _pick(self, number: int) -> None:
        for index, widget in enumerate(self.buttons):
            widget.setChecked(index == number)
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        for number, widget in enumerate(self.buttons):
            widget.setText(f"\u2713{number}" if widget.isChecked() else str(number))
            widget.setAccessibleName(str(number))

    def value(self) -> Answer | None:
        for number, widget in enumerate(self.buttons):
            if widget.isChecked():
                return number
        return None

    def set_value(self, value: Answer | None) -> None:
        for number, widget in enumerate(self.buttons):
            widget.setChecked(number == value)
        self._mark()

    def show_words(self, words: LanguageWords) -> None:
        item_words = words.questionnaire.items[self.item.id]
        self.low.setText(f"0 = {item_words.low}")
        self.high.setText(f"10 = {item_words.high}")


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

    def __init__(self, item: Item, today: datetime.date | None = None) -> None:
        super().__init__(item)
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


class NoteAnswer(AnswerWidget):
    """A display item: nothing to answer."""

    def value(self) -> Answer | None:
        return None

    def set_value(self, value: Answer | None) -> None:
        """A note holds no answer."""


def answer_widget(item: Item, today: datetime.date | None = None) -> AnswerWidget:
    if item.type in ("yesno", "single", "multiple"):
        return ChoiceAnswer(item)
    if item.type == "scale":
        return ScaleAnswer(item)
    if item.type == "number":
        return NumberAnswer(item)
    if item.type == "duration":
        return DurationAnswer(item)
    if item.type == "date":
        return DateAnswer(item, today)
    if item.type == "text":
        return TextAnswer(item)
    return NoteAnswer(item)
