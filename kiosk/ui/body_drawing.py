"""Drawing the body outlines on screen: the part of the picture that is drawn, the smallest
region, and one view in the ink of the text with its marked regions filled, hatched and
dotted (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from kiosk.content.body_outline import BodyOutline

#: Room around the drawing for the outline's pen, in picture units.
PEN_ROOM = 4.0


def smallest_side(outlines: tuple[BodyOutline, ...]) -> float:
    """The shortest side of any region's box, in picture units."""
    sides = []
    for outline in outlines:
        for shape in outline.regions():
            xs, ys = [x for x, _ in shape.points], [y for _, y in shape.points]
            sides.append(min(max(xs) - min(xs), max(ys) - min(ys)))
    return min(sides)


def drawn_box(outlines: tuple[BodyOutline, ...]) -> QRectF:
    """The part of a view's picture that is drawn (every shape, with room for the pen)."""
    xs = [x for outline in outlines for shape in outline.shapes for x, _ in shape.points]
    ys = [y for outline in outlines for shape in outline.shapes for _, y in shape.points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
        -PEN_ROOM, -PEN_ROOM, PEN_ROOM, PEN_ROOM)


def draw_view(painter: QPainter, shapes: list[tuple[str, QPolygonF]], marked: set[str],
              ink: QColor, line: float) -> None:
    """One view of the body in `ink`: every shape outlined, a marked region filled, hatched
    and dotted."""
    for name, points in shapes:
        chosen = name in marked
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
            box = points.boundingRect()
            radius = min(box.width(), box.height()) * 0.16
            painter.setBrush(ink)
            painter.drawEllipse(box.center(), radius, radius)
