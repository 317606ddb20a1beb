"""The ways a patient answers, one widget per kind of question.

Each widget shows an item's choices in the chosen language, reports every change with
`changed`, and gives its answer with `value()` (None while nothing is chosen). Selected choices
are filled, bold and carry a check mark: never colour alone.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import option_words
from kiosk.intake.questionnaire import SCALE_MAX, Answer, Item
from kiosk.intake.typed_date import DateOrder
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.choice_mark import ChoiceButton, NumberButton, set_chosen
from kiosk.ui.key_stops import Group, Stop
from kiosk.ui.nesting import nest
from kiosk.ui.number_answers import DateAnswer, DurationAnswer, NumberAnswer
from kiosk.ui.pain_map import PainMapAnswer
from kiosk.ui.parts import text
from kiosk.ui.style import restyle_by
from kiosk.ui.text_answer import TextAnswer

#: Letters of body text a column of choices keeps room for before two columns become one.
COLUMN_LETTERS = 18


class ChoiceAnswer(AnswerWidget):
    """Yes/no, one of several, or several of several: large buttons in one column, or two
    where there are many and the screen is wide enough for two at this text size."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self._many = item.type == "multiple"
        self._words: dict[str, str] = {}
        self._body_px = 26
        self.buttons: dict[str, ChoiceButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self.columns = 0
        for choice in item.choices():
            widget = ChoiceButton(f"choice_{item.id}_{choice}",
                                  "box" if self._many else "radio")
            widget.clicked.connect(lambda _=False, c=choice: self._toggle(c))
            self.buttons[choice] = widget
        self._arrange(1)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for index, widget in enumerate(self.buttons.values()):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Two columns for a long list where each column keeps room for about 18 letters
        of the body size (otherwise the words wrap into tall narrow buttons)."""
        wide = event.size().width() >= self._body_px * COLUMN_LETTERS * 2
        self._arrange(2 if len(self.buttons) > 5 and wide else 1)
        super().resizeEvent(event)

    def _toggle(self, choice: str) -> None:
        picked = self.buttons[choice].isChecked()
        if not self._many and not picked:  # a radio choice stays chosen when tapped again
            self.buttons[choice].setChecked(True)
            picked = True
        for other, widget in self.buttons.items():
            exclusive = not self._many or choice == "none" or other == "none"
            if other != choice and picked and exclusive:
                set_chosen(widget, False)
        self._mark()
        self.changed.emit()
        if not self._many:
            self.picked.emit()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        for widget in self.buttons.values():
            widget.apply_metrics(body_px)

    def controls(self) -> list[QWidget]:
        return list(self.buttons.values())

    def key_stops(self) -> list[Stop]:
        """The answers are one Tab stop, pick-one and pick-any alike, so the arrows move
        among the answers of every question and one Tab always reaches Next."""
        return [Group(list(self.buttons.values()))]

    def can_answer(self, item: Item) -> bool:
        return item.type == self.item.type and item.choices() == self.item.choices()

    def height_for_kind(self, kind: Sequence[Item], width: int) -> int:
        """Room for the kind's longest list of choices, row for row."""
        height = super().height_for_kind(kind, width)
        rows = math.ceil(len(self.buttons) / max(1, self.columns))
        most = max(rows, *(math.ceil(len(other.choices()) / max(1, self.columns))
                           for other in kind))
        spacing = self._grid.verticalSpacing()
        return (height + spacing) * most // rows - spacing if rows else height

    def answer_for(self, item: Item) -> None:
        super().answer_for(item)
        for choice, widget in self.buttons.items():
            widget.setObjectName(f"choice_{item.id}_{choice}")

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
            set_chosen(widget, choice in chosen)
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
            widget = NumberButton()
            widget.setObjectName(f"scale_{item.id}_{number}")
            widget.setProperty("role", "scale")
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            widget.setCheckable(True)
            widget.setAutoExclusive(True)  # read as a radio button: one number of eleven
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
        nest(column, self._grid)
        nest(column, anchors)
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
            set_chosen(widget, index == number)
        self._mark()
        self.changed.emit()
        self.picked.emit()

    def _mark(self) -> None:
        for number, widget in enumerate(self.buttons):
            widget.setText(str(number))
            widget.setAccessibleName(str(number))
            restyle_by(widget, "chosen", widget.isChecked())  # bold, by the style sheet

    def value(self) -> Answer | None:
        for number, widget in enumerate(self.buttons):
            if widget.isChecked():
                return number
        return None

    def set_value(self, value: Answer | None) -> None:
        for number, widget in enumerate(self.buttons):
            set_chosen(widget, number == value)
        self._mark()

    def controls(self) -> list[QWidget]:
        return list(self.buttons)

    def key_stops(self) -> list[Stop]:
        return [Group(list(self.buttons))]

    def can_answer(self, item: Item) -> bool:
        return item.type == "scale"

    def answer_for(self, item: Item) -> None:
        super().answer_for(item)
        for number, widget in enumerate(self.buttons):
            widget.setObjectName(f"scale_{item.id}_{number}")
        self.low.setObjectName(f"scale_{item.id}_low")
        self.high.setObjectName(f"scale_{item.id}_high")

    def show_words(self, words: LanguageWords) -> None:
        item_words = words.questionnaire.items[self.item.id]
        self.low.setText(f"0 = {item_words.low}")
        self.high.setText(f"10 = {item_words.high}")


class NoteAnswer(AnswerWidget):
    """A display item: nothing to answer."""

    def value(self) -> Answer | None:
        return None

    def set_value(self, value: Answer | None) -> None:
        """A note holds no answer."""


def answer_widget(item: Item, today: datetime.date | None = None,
                  date_order: DateOrder = "mdy") -> AnswerWidget:
    """The widget that answers `item` (a date typed in the clinic's `date_order`)."""
    if item.type in ("yesno", "single", "multiple"):
        return ChoiceAnswer(item)
    if item.type == "scale":
        return ScaleAnswer(item)
    if item.type == "number":
        return NumberAnswer(item)
    if item.type == "duration":
        return DurationAnswer(item)
    if item.type == "date":
        return DateAnswer(item, today, date_order)
    if item.type == "text":
        return TextAnswer(item)
    if item.type == "bodymap":
        return PainMapAnswer(item)
    return NoteAnswer(item)
