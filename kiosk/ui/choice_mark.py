"""The marks beside a choice: a round radio mark for "pick one", a square box for "pick any".

A chosen answer is shown three ways at once, never by colour alone: the button is filled, its
words turn bold, and its mark is filled in (a dot in the circle, a tick in the box). The mark
sits outside the words, in a column of its own, so a tick never reads as part of them.

Assistive technology hears the same: every answer is checkable and says whether it is chosen,
a "pick one" answer as a radio button (one chosen of its list) and a "pick any" one as a check
box.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.ui.parts import LaidOutButton, text
from kiosk.ui.style import restyle_by

Shape = Literal["radio", "box"]


def set_chosen(button: QAbstractButton, chosen: bool) -> None:
    """Check or uncheck `button`; a radio answer too, which Qt would otherwise keep checked
    once it is (a question reused for the next one starts with nothing chosen)."""
    if button.isChecked() == chosen:
        return
    exclusive = button.autoExclusive()
    if exclusive and not chosen:
        button.setAutoExclusive(False)
    button.setChecked(chosen)
    button.setAutoExclusive(exclusive)


class ChoiceMark(QWidget):
    """A radio circle or a check box, drawn in the colour of the text beside it."""

    def __init__(self, shape: Shape, ink: QWidget | None = None) -> None:
        super().__init__()
        self.shape: Shape = shape
        self._ink = ink  # the words beside the mark, whose colour it takes
        self.chosen = False
        self._side = 32
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_side(self, pixels: int) -> None:
        self._side = pixels
        self.setFixedSize(pixels, pixels)

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        colour = (self._ink or self).palette().windowText().color()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2.0, self._side / 10)
        painter.setPen(QPen(colour, line))
        inset = line / 2 + 1
        frame = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        if self.shape == "radio":
            painter.drawEllipse(frame)
            if self.chosen:
                painter.setBrush(colour)
                dot = frame.width() * 0.26
                painter.drawEllipse(frame.adjusted(dot, dot, -dot, -dot))
        else:
            radius = frame.width() * 0.18
            painter.drawRoundedRect(frame, radius, radius)
            if self.chosen:
                x, y, w, h = frame.left(), frame.top(), frame.width(), frame.height()
                tick = QPainterPath(QPointF(x + w * 0.22, y + h * 0.5))
                tick.lineTo(x + w * 0.43, y + h * 0.76)
                tick.lineTo(x + w * 0.8, y + h * 0.24)
                painter.setPen(QPen(colour, line * 1.4, Qt.PenStyle.SolidLine,
                                    Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
                painter.drawPath(tick)
        painter.end()


class NumberButton(QPushButton):
    """A 0-10 scale button: when chosen it is filled and bold, with a tick in its top corner,
    away from the number (a tick beside a digit reads like a square root)."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.isChecked():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = max(10.0, self.height() * 0.2)
        line = max(2.0, side / 5)
        painter.setPen(QPen(self.palette().buttonText().color(), line, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        left, top = self.width() - side * 1.5, side * 0.5
        tick = QPainterPath(QPointF(left, top + side * 0.5))
        tick.lineTo(left + side * 0.38, top + side * 0.88)
        tick.lineTo(left + side, top + side * 0.1)
        painter.drawPath(tick)
        painter.end()


class ChoiceButton(LaidOutButton):
    """A checkable answer: its mark (radio or box) in a column of its own, then its words,
    which wrap over as many lines as they need."""

    def __init__(self, name: str, shape: Shape) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "choice")
        self.setCheckable(True)
        self.setAutoExclusive(shape == "radio")  # read as a radio button, one of its list
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.words = text("", "choice-text")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.mark = ChoiceMark(shape, self.words)
        row = QHBoxLayout(self)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.words, 1)

    def show_choice(self, label: str) -> None:
        """The label; filled, bold and with its mark filled in when chosen."""
        chosen = self.isChecked()
        self.words.setText(label)
        self.setAccessibleName(label)
        self.mark.set_chosen(chosen)
        if restyle_by(self.words, "chosen", chosen):
            self.mark.update()

    def apply_metrics(self, body_px: int) -> None:
        self.mark.set_side(round(body_px * 1.25))
        layout = self.layout()
        if layout is not None:
            layout.setSpacing(round(body_px * 0.7))
            layout.setContentsMargins(round(body_px * 0.5), round(body_px * 0.25),
                                      round(body_px * 0.5), round(body_px * 0.25))
