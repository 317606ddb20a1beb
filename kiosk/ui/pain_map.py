"""The pain map: a patient taps where it hurts on a body seen from the front and the back.

A tap marks a region, a second tap clears it. A marked region is filled, hatched and carries a
dot, all in the ink of the text (so it reads in every contrast mode, never by colour alone).
The same regions stand under the figure as a list of check boxes, named in the patient's
language: the list is what Tab, Space, read aloud and assistive technology reach.

The figure is as large as the screen allows, and never so small that a region is narrower than
a fingertip (`FINGER_PX`): both views side by side where the screen is wide, one above the
other where that gives them more room.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.body_outline import BodyOutline, Shape, body_outlines
from kiosk.content.model import LanguageWords
from kiosk.content.wording import option_words
from kiosk.intake.body_regions import REGION_IDS, in_order
from kiosk.intake.questionnaire import Answer, Item
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.choice_mark import ChoiceButton, set_chosen
from kiosk.ui.key_stops import Group, Stop
from kiosk.ui.parts import text

#: The least width and height of a region on screen, in pixels: room for a fingertip.
FINGER_PX = 48
#: The share of the window's height the figure may take.
SCREEN_SHARE = 0.62
GAP = 0.12  # between the two views, as a share of one view's width


def _smallest_side(outlines: tuple[BodyOutline, ...]) -> float:
    sides = []
    for outline in outlines:
        for shape in outline.regions():
            xs, ys = [x for x, _ in shape.points], [y for _, y in shape.points]
            sides.append(min(max(xs) - min(xs), max(ys) - min(ys)))
    return min(sides)


class BodyFigure(QWidget):
    """Both views of the body; a tap toggles the region under the finger."""

    toggled = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pain_map_figure")
        self.outlines = body_outlines()
        self.marked: set[str] = set()
        self.captions: dict[str, str] = {"front": "", "back": "", "left": "", "right": ""}
        self._caption_px = 22
        self._least_scale = FINGER_PX / _smallest_side(self.outlines)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard answers with the list
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- geometry --------------------------------------------------------------------------
    def _caption_height(self) -> int:
        return round(self._caption_px * 1.6)

    def _room(self) -> float:
        """The height the figure may take: its share of the window, never below a finger."""
        window = self.window()
        return max(window.height() * SCREEN_SHARE if window is not self else 0.0, 1.0)

    def arrangement(self, width: int) -> tuple[bool, float]:
        """(side by side, scale) for a figure `width` pixels wide."""
        view_w, view_h = self.outlines[0].width, self.outlines[0].height
        captions = 2 * self._caption_height()
        room = self._room()
        side = min(width / (view_w * (2 + GAP)), (room - captions) / view_h)
        stacked = min(width / view_w, (room - 2 * captions) / (view_h * (2 + GAP)))
        beside = side >= stacked
        scale = max(side if beside else stacked, self._least_scale)
        return beside, scale

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        beside, scale = self.arrangement(width)
        view_h = self.outlines[0].height * scale + 2 * self._caption_height()
        return round(view_h if beside else view_h * 2 + self.outlines[0].width * scale * GAP)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        view_w = self.outlines[0].width * self._least_scale
        return QSize(round(view_w), self.heightForWidth(round(view_w)))

    def view_rects(self) -> list[tuple[BodyOutline, QRectF, float]]:
        """Where each view is drawn: its outline, its picture rectangle and its scale."""
        beside, scale = self.arrangement(self.width())
        view_w, view_h = self.outlines[0].width * scale, self.outlines[0].height * scale
        caption = self._caption_height()
        gap = view_w * GAP
        total_w = view_w * 2 + gap if beside else view_w
        left = (self.width() - total_w) / 2
        rects = []
        for index, outline in enumerate(self.outlines):
            if beside:
                top, x = float(caption), left + index * (view_w + gap)
            else:
                top, x = caption + index * (view_h + 2 * caption + gap), left
            rects.append((outline, QRectF(x, top, view_w, view_h), scale))
        return rects

    def polygon(self, shape: Shape, rect: QRectF, scale: float) -> QPolygonF:
        return QPolygonF([QPointF(rect.left() + x * scale, rect.top() + y * scale)
                          for x, y in shape.points])

    def region_at(self, point: QPointF) -> str | None:
        for outline, rect, scale in self.view_rects():
            for shape in outline.regions():
                if self.polygon(shape, rect, scale).containsPoint(
                        point, Qt.FillRule.OddEvenFill):
                    return shape.name
        return None

    def region_centre(self, region_id: str) -> QPointF:
        """Where a finger lands on `region_id` (its first shape's centre)."""
        for outline, rect, scale in self.view_rects():
            for shape in outline.regions():
                if shape.name == region_id:
                    return self.polygon(shape, rect, scale).boundingRect().center()
        raise KeyError(region_id)

    # -- touch and paint -------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        region_id = self.region_at(event.position())
        if region_id is not None:
            self.toggled.emit(region_id)
        super().mouseReleaseEvent(event)

    def set_caption_px(self, pixels: int) -> None:
        self._caption_px = pixels
        self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        ink = self.palette().windowText().color()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPixelSize(self._caption_px)
        painter.setFont(font)
        for outline, rect, scale in self.view_rects():
            draw_view(painter, outline, rect, scale, self.marked, ink)
            caption_h = self._caption_height()
            above = QRectF(rect.left(), rect.top() - caption_h, rect.width(), caption_h)
            painter.setPen(ink)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, self.captions[outline.view])
            below = QRectF(rect.left(), rect.bottom(), rect.width(), caption_h)
            sides = ("right", "left") if outline.view == "front" else ("left", "right")
            painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.captions[sides[0]])
            painter.drawText(below, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.captions[sides[1]])
        painter.end()


def draw_view(painter: QPainter, outline: BodyOutline, rect: QRectF, scale: float,
              marked: set[str], ink: QColor) -> None:
    """One view of the body in `ink`: every shape outlined, a marked region filled, hatched
    and dotted."""
    line = max(2.0, scale * 3)
    for shape in outline.shapes:
        points = QPolygonF([QPointF(rect.left() + x * scale, rect.top() + y * scale)
                            for x, y in shape.points])
        chosen = shape.name in marked
        if chosen:
            fill = QColor(ink)
            fill.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPolygon(points)
            painter.setBrush(QBrush(ink, Qt.BrushStyle.BDiagPattern))
            painter.drawPolygon(points)
        painter.setPen(QPen(ink, line * (1.6 if chosen else 1.0), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(points)
        if chosen:
            centre = points.boundingRect().center()
            radius = min(points.boundingRect().width(), points.boundingRect().height()) * 0.16
            painter.setBrush(ink)
            painter.drawEllipse(centre, radius, radius)


class PainMapAnswer(AnswerWidget):
    """A bodymap question: the figure, then the same regions as a list of check boxes."""

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
        self._arrange(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.figure)
        column.addWidget(self.list_title)
        column.addLayout(self._grid)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        rows = -(-len(self.boxes) // columns)
        for index, box in enumerate(self.boxes.values()):  # down each column, in map order
            self._grid.addWidget(box, index % rows, index // rows)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

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
        self.figure.captions = {"front": ui.pain_map_front, "back": ui.pain_map_back,
                                "left": ui.pain_map_left, "right": ui.pain_map_right}
        self.figure.setAccessibleName(ui.pain_map_figure)
        self.list_title.setText(ui.pain_map_list)
        self._mark()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        self.figure.set_caption_px(body_px)
        for box in self.boxes.values():
            box.apply_metrics(body_px)

    def controls(self) -> list[QWidget]:
        return list(self.boxes.values())

    def key_stops(self) -> list[Stop]:
        return [Group(list(self.boxes.values()))]

    def can_answer(self, item: Item) -> bool:
        return item.type == "bodymap"

    def answer_for(self, item: Item) -> None:
        super().answer_for(item)
        for region_id, box in self.boxes.items():
            box.setObjectName(f"choice_{item.id}_{region_id}")
        self.list_title.setObjectName(f"pain_map_{item.id}_list")
