"""The figure of the pain map: a body seen from the front and from the back; a tap toggles the
region under the finger.

Every region is at least a fingertip (`FINGER_PX`) wide and tall; above that, the figure is as
large as its room allows, with both views side by side, or one above the other where that makes
them larger. Each view is named above it ("Front", "Back"), and the patient's own right and left
stand under it; side by side, the views share the word between them (the patient's left is the
inner side of both). Where the room is too short for finger-sized regions under captions at the
chosen text size, the captions' letters get smaller first (down to `LEAST_CAPTION_PX`), never the
regions.

Under the question's words the figure is as wide as the answer and as tall as a share of the
window; beside them (`stand_beside`) it is as tall as the room the screen gives it, and as
wide as that makes it (up to a share of that room's width).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.body_outline import SIDES, BodyOutline, Shape, body_outlines
from kiosk.ui.body_drawing import draw_view, drawn_box, smallest_side

#: The least width and height of a region on screen, in pixels: room for a fingertip.
FINGER_PX = 48
#: The smallest letters the captions get to leave the regions room.
LEAST_CAPTION_PX = 16
#: Between the two views, as a share of one view's width.
GAP = 0.12
#: Under the words: the share of the window's height the figure may take.
UNDER_SHARE = 0.62
#: Beside the words: the share of the room's width the figure may take.
BESIDE_SHARE = 0.6
#: Arrangements remembered (by room), so a layout pass measures each room once.
FITS_KEPT = 64


@dataclass(frozen=True, slots=True)
class Arrangement:
    """How the figure stands in its room: the views side by side or not, screen pixels per
    picture unit, and the captions' letter size and line height."""

    side_by_side: bool
    scale: float
    caption_px: int
    band: float
    view: QSizeF  # one view's drawing on screen

    @property
    def gap(self) -> float:
        return self.view.width() * GAP

    @property
    def size(self) -> QSizeF:
        width, height = self.view.width(), self.view.height()
        if self.side_by_side:
            return QSizeF(2 * width + self.gap, height + 2 * self.band)
        return QSizeF(width, 2 * (height + 2 * self.band) + self.gap)


class BodyFigure(QWidget):
    """Both views of the body; a tap toggles the region under the finger."""

    toggled = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pain_map_figure")
        self.outlines = body_outlines()
        self.marked: set[str] = set()
        self.captions: dict[str, str] = {"front": "", "back": "", "left": "", "right": ""}
        self._beside: QSize | None = None  # the screen's room, standing beside the words
        self._box = drawn_box(self.outlines)
        self._least_scale = FINGER_PX / smallest_side(self.outlines)
        self._caption_px = 22
        self._fitted: dict[tuple[int, int], Arrangement] = {}
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard answers with the list
        self._use_policy()

    # -- the room and the arrangement ------------------------------------------------------
    @property
    def beside(self) -> bool:
        return self._beside is not None

    def stand_beside(self, room: QSize | None) -> None:
        """Beside the question's words, in the screen's `room` for the question (as tall as
        it), or under the words (None)."""
        if room != self._beside:
            self._beside = room
            self._use_policy()

    def set_captions(self, captions: dict[str, str], caption_px: int | None = None) -> None:
        self.captions = dict(captions)
        if caption_px is not None:
            self._caption_px = caption_px
        self._fitted.clear()
        self.updateGeometry()
        self.update()

    def _use_policy(self) -> None:
        if self.beside:
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        else:
            policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.updateGeometry()

    def fit(self, width: float, height: float) -> Arrangement:
        """The largest arrangement in `width` x `height` with finger-sized regions, its
        captions as large as that allows; where nothing fits, finger-sized regions."""
        key = (math.floor(width), math.floor(height))
        found = self._fitted.get(key)
        if found is None:
            if len(self._fitted) > FITS_KEPT:
                self._fitted.clear()
            found = self._fitted[key] = self._fit(*key)
        return found

    def _fit(self, width: int, height: int) -> Arrangement:
        for caption_px in range(self._caption_px, min(self._caption_px, LEAST_CAPTION_PX) - 1, -1):
            found = self._largest(width, height, caption_px)
            if found is not None and found.scale >= self._least_scale:
                return found
        fallback = self._largest(width, height, self._caption_px)
        side_by_side = fallback.side_by_side if fallback is not None else True
        return self._arranged(side_by_side, self._least_scale, self._caption_px)

    def _largest(self, width: int, height: int, caption_px: int) -> Arrangement | None:
        """The larger of the two arrangements whose captions fit, at `caption_px`."""
        band = math.ceil(QFontMetricsF(self._caption_font(caption_px)).height())
        view_w, view_h = self._box.width(), self._box.height()
        side = min(width / (view_w * (2 + GAP)), (height - 2 * band) / view_h)
        stacked = min(width / view_w, (height - 4 * band) / (2 * view_h + view_w * GAP))
        fitting = [self._arranged(beside, scale, caption_px)
                   for beside, scale in ((True, side), (False, stacked))
                   if scale > 0 and self._words_fit(beside, scale, caption_px)]
        return max(fitting, key=lambda found: found.scale, default=None)

    def _arranged(self, side_by_side: bool, scale: float, caption_px: int) -> Arrangement:
        band = math.ceil(QFontMetricsF(self._caption_font(caption_px)).height())
        view = QSizeF(self._box.width() * scale, self._box.height() * scale)
        return Arrangement(side_by_side, scale, caption_px, band, view)

    def _words_fit(self, side_by_side: bool, scale: float, caption_px: int) -> bool:
        """Whether the captions fit beside each other at this scale (a letter apart)."""
        metrics = QFontMetricsF(self._caption_font(caption_px))
        width = {key: metrics.horizontalAdvance(words) for key, words in self.captions.items()}
        view_w = self._box.width() * scale
        if max(width["front"], width["back"]) > view_w:
            return False
        if side_by_side:  # your right, your left (shared), your right
            return 2 * width["right"] + width["left"] + 2 * caption_px <= view_w * (2 + GAP)
        return width["right"] + width["left"] + caption_px <= view_w

    def _caption_font(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        return font

    def _room(self) -> float:
        """Under the words: the height the figure may take, a share of the window's."""
        window = self.window()
        return max(window.height() * UNDER_SHARE if window is not self else 0.0, 1.0)

    def arrangement(self) -> Arrangement:
        """The arrangement at the figure's size now (beside the words, less its gap)."""
        return self.fit(self.width() - (self._caption_px if self.beside else 0), self.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return not self.beside

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return math.ceil(self.fit(width, self._room()).size.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if self._beside is not None:
            height, most = self._beside.height(), self._beside.width() * BESIDE_SHARE
            gap = self._caption_px  # apart from the words, on its right
            return QSize(math.ceil(self.fit(most - gap, height).size.width()) + gap, height)
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def least_beside(self) -> int:
        """The width the figure takes beside the words with finger-sized regions."""
        least = self._arranged(True, self._least_scale, LEAST_CAPTION_PX).size
        return math.ceil(least.width()) + self._caption_px

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if self.beside:  # the screen's room decides the height
            return QSize(self.least_beside(), 0)
        least = math.ceil(self._box.width() * self._least_scale)
        return QSize(least, self.heightForWidth(least))

    def view_rects(self) -> list[tuple[BodyOutline, QRectF, float]]:
        """Where each view is drawn: its outline, its drawing's rectangle and its scale."""
        found = self.arrangement()
        view, band = found.view, found.band
        left = 0.0 if self.beside else (self.width() - found.size.width()) / 2
        rects = []
        for index, outline in enumerate(self.outlines):
            if found.side_by_side:
                x, top = left + index * (view.width() + found.gap), band
            else:
                x, top = left, band + index * (view.height() + 2 * band + found.gap)
            rects.append((outline, QRectF(QPointF(x, top), view), found.scale))
        return rects

    def polygon(self, shape: Shape, rect: QRectF, scale: float) -> QPolygonF:
        box = self._box
        return QPolygonF([QPointF(rect.left() + (x - box.left()) * scale,
                                  rect.top() + (y - box.top()) * scale)
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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        ink = self.palette().windowText().color()
        found = self.arrangement()
        rects = self.view_rects()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for outline, rect, scale in rects:
            shapes = [(shape.name, self.polygon(shape, rect, scale)) for shape in outline.shapes]
            draw_view(painter, shapes, self.marked, ink, max(2.0, scale * 3))
        painter.setFont(self._caption_font(found.caption_px))
        painter.setPen(ink)
        self._draw_captions(painter, found, rects)
        painter.end()

    def _draw_captions(self, painter: QPainter, found: Arrangement,
                       rects: list[tuple[BodyOutline, QRectF, float]]) -> None:
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        middle = Qt.AlignmentFlag.AlignVCenter
        centre = Qt.AlignmentFlag.AlignHCenter
        for outline, rect, _ in rects:
            above = QRectF(rect.left(), rect.top() - found.band, rect.width(), found.band)
            painter.drawText(above, centre | middle, self.captions[outline.view])
            if not found.side_by_side:
                below = QRectF(rect.left(), rect.bottom(), rect.width(), found.band)
                first, second = SIDES[outline.view]
                painter.drawText(below, left | middle, self.captions[first])
                painter.drawText(below, right | middle, self.captions[second])
        if found.side_by_side:
            front, back = rects[0][1], rects[-1][1]
            below = QRectF(front.left(), front.bottom(), back.right() - front.left(), found.band)
            painter.drawText(below, left | middle, self.captions[SIDES["front"][0]])
            painter.drawText(below, centre | middle, self.captions[SIDES["front"][1]])
            painter.drawText(below, right | middle, self.captions[SIDES["back"][1]])

