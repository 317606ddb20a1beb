"""The pain map: a patient taps where it hurts on a body seen from the front and the back.

A tap marks a region, a second tap clears it. A marked region is filled, hatched and carries a
dot, all in the ink of the text (so it reads in every contrast mode, never by colour alone).
The same regions stand as a list of check boxes, named in the patient's language: the list is
what Tab, Space, read aloud and assistive technology reach.

The whole figure is in sight at once, with every region at least a fingertip
(`kiosk.ui.body_figure`): on a landscape screen it stands beside the question, as tall as the
screen allows, with the words and the list beside it; on a portrait screen it stands under the
words, above the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import option_words
from kiosk.intake.body_regions import REGION_IDS, in_order
from kiosk.intake.questionnaire import Answer, Item
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.body_figure import FINGER_PX, BodyFigure
from kiosk.ui.choice_mark import ChoiceButton, set_chosen
from kiosk.ui.key_stops import Group, Stop
from kiosk.ui.nesting import discard
from kiosk.ui.parts import text
from kiosk.ui.rows_area import RowsArea

__all__ = ["FINGER_PX", "BodyFigure", "PainMapAnswer"]

#: Letters of body text a line of the words beside the figure keeps room for.
WORDS_BESIDE = 16
#: Letters of body text in the width of one em (its pixel size), about.
LETTERS_PER_EM = 2
#: The list scrolls within itself, Next staying in sight, while it shows at least this many
#: rows; in less room the whole question scrolls instead.
LEAST_ROWS = 2


class PainMapAnswer(AnswerWidget):
    """A bodymap question: the figure, and the same regions as a list of check boxes."""

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.figure = BodyFigure()
        self.figure.toggled.connect(self._toggle)
        self.list_title = text("", "muted", f"pain_map_{item.id}_list")
        self.boxes: dict[str, ChoiceButton] = {}
        self._words: dict[str, str] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        self._columns = 0
        self._body_px = 26
        for region_id in REGION_IDS:
            box = ChoiceButton(f"choice_{item.id}_{region_id}", "box")
            box.clicked.connect(lambda _=False, r=region_id: self._changed_in_list(r))
            self.boxes[region_id] = box
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        listed = self._listed = QWidget()
        listed.setObjectName(f"pain_map_{item.id}_list_rows")
        self._grid.setContentsMargins(0, 0, 0, 0)
        listed.setLayout(self._grid)
        self.list_scroll = RowsArea(f"pain_map_{item.id}_list_scroll", listed)
        self._arrange(1)
        column.addWidget(self.figure)
        column.addWidget(self.list_title)
        column.addWidget(self.list_scroll, 1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        while (taken := self._grid.takeAt(0)) is not None:  # each box once, in its new place
            discard(taken)
        rows = -(-len(self.boxes) // columns)
        for index, box in enumerate(self.boxes.values()):  # down each column, in map order
            self._grid.addWidget(box, index % rows, index // rows)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._grid.activate()  # the area sizes the rows again
        self.list_scroll.setWidgetResizable(True)
        self.list_scroll.updateGeometry()  # standing whole, its height changes with them

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        width = self.width()
        letters = self._body_px * 16
        self._arrange(max(1, min(3, width // max(1, letters))))
        super().resizeEvent(event)

    def _toggle(self, region_id: str) -> None:
        box = self.boxes[region_id]
        set_chosen(box, not box.isChecked())
        self._changed_in_list(region_id)

    def _changed_in_list(self, region_id: str) -> None:
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        self.figure.marked = {r for r, box in self.boxes.items() if box.isChecked()}
        self.figure.update()
        for region_id, box in self.boxes.items():
            box.show_choice(self._words.get(region_id, region_id))

    def value(self) -> Answer | None:
        marked = tuple(r for r, box in self.boxes.items() if box.isChecked())
        return marked or None

    def set_value(self, value: Answer | None) -> None:
        marked = in_order(value) if isinstance(value, tuple) else ()
        for region_id, box in self.boxes.items():
            set_chosen(box, region_id in marked)
        self._mark()

    def show_words(self, words: LanguageWords) -> None:
        ui = words.ui
        self._words = {r: option_words(self.item, r, words) for r in self.boxes}
        self.figure.set_captions({"front": ui.pain_map_front, "back": ui.pain_map_back,
                                  "left": ui.pain_map_left, "right": ui.pain_map_right})
        self.figure.setAccessibleName(ui.pain_map_figure)
        self.list_title.setText(ui.pain_map_list)
        self._mark()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        self.figure.set_captions(self.figure.captions, body_px)
        for box in self.boxes.values():
            box.apply_metrics(body_px)

    def controls(self) -> list[QWidget]:
        return list(self.boxes.values())

    def _rows(self, count: int) -> int:
        """The height of `count` rows of the list."""
        row = next(iter(self.boxes.values())).sizeHint().height() + self._grid.spacing()
        return count * row

    def _above_list(self) -> int:
        """The list's title, and the figure when it stands in this column, with their gaps."""
        above = self.list_title.sizeHint().height() + self._column.spacing()
        if self.figure.parentWidget() is self:
            above += self.figure.sizeHint().height() + self._column.spacing()
        return above

    def height_for_kind(self, kind: Sequence[Item], width: int) -> int:
        """Room for the list's first rows: the rest of it scrolls within itself."""
        return self._above_list() + self._rows(LEAST_ROWS)

    def fit_in(self, height: int) -> None:
        """The list as tall as the room left above Next, scrolling within itself; the whole
        list, with the question scrolling, where the room holds fewer than LEAST_ROWS rows."""
        room = height - self._above_list()
        whole = self.list_scroll.rows_height(self.width())
        if self._rows(LEAST_ROWS) <= room < whole:
            self.list_scroll.scroll_within(room)
        else:
            self.list_scroll.stand_whole()

    def part_beside(self, room: QSize) -> QWidget | None:
        """The figure, in a landscape room that leaves the words beside it a line of
        WORDS_BESIDE letters: under the words it would not fit whole with finger-sized
        regions. Otherwise it comes back above the list."""
        left = room.width() - self.figure.least_beside()
        letters = left * LETTERS_PER_EM / max(1, self._body_px)
        beside = room.width() > room.height() and letters >= WORDS_BESIDE
        self.figure.stand_beside(room if beside else None)
        if beside:
            return self.figure
        if self.figure.parentWidget() is not self:
            self._column.insertWidget(0, self.figure)
            self.figure.show()
        return None

    def key_stops(self) -> list[Stop]:
        return [Group(list(self.boxes.values()))]

    def can_answer(self, item: Item) -> bool:
        return item.type == "bodymap"

    def answer_for(self, item: Item) -> None:
        super().answer_for(item)
        for region_id, box in self.boxes.items():
            box.setObjectName(f"choice_{item.id}_{region_id}")
        self.list_title.setObjectName(f"pain_map_{item.id}_list")
