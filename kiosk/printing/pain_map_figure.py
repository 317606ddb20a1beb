"""The pain drawing on the specialist's page: both body outlines, small, with the marked
regions filled, hatched and dotted in black (a printed page has no colour to rely on), each
view named under it with the patient's right and left at its sides."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from kiosk.content.body_outline import SIDES, body_outlines

INK = QColor("black")
GAP = 0.12  # between the front and the back, as a share of one view's width


def draw_pain_map(painter: QPainter, rect: QRectF, marked: Iterable[str],
                  captions: tuple[str, str] = ("", ""),
                  sides: tuple[str, str] = ("", "")) -> None:
    """The front and the back side by side, as large as fits `rect`, centred in it; each view
    has its caption (e.g. "Front", "Back") under it when given, and the words for the
    patient's right and left (`sides`, e.g. "R", "L") at its two sides, so that no one reads
    a mark on the wrong side."""
    outlines = body_outlines()
    chosen = set(marked)
    caption_h = rect.height() * 0.06 if any(captions) or any(sides) else 0.0
    side_words = dict(zip(("right", "left"), sides, strict=True))
    view_w, view_h = outlines[0].width, outlines[0].height
    scale = min(rect.width() / (view_w * (2 + GAP)), (rect.height() - caption_h) / view_h)
    width = view_w * scale * (2 + GAP)
    left = rect.left() + (rect.width() - width) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, outline in enumerate(outlines):
        x = left + index * view_w * scale * (1 + GAP)
        for shape in outline.shapes:
            points = QPolygonF([QPointF(x + px * scale, rect.top() + py * scale)
                                for px, py in shape.points])
            if shape.name in chosen:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(0, 0, 0, 90))
                painter.drawPolygon(points)
                painter.setBrush(QBrush(INK, Qt.BrushStyle.BDiagPattern))
                painter.drawPolygon(points)
            thick = 2.2 if shape.name in chosen else 1.0
            painter.setPen(QPen(INK, max(0.6, scale * 3 * thick)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(points)
        below = QRectF(x, rect.top() + view_h * scale, view_w * scale, caption_h)
        painter.setPen(INK)
        if captions[index]:
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, captions[index])
        first, second = SIDES[outline.view]
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft | middle, side_words[first])
        painter.drawText(below, Qt.AlignmentFlag.AlignRight | middle, side_words[second])
    painter.restore()
