"""A thin bar that shows how far through the questionnaire the patient is.

Drawn as a frame with a filled part inside it, both coloured by the style sheet. A moved bar
is repainted with the rest of the screen at the next frame (a QProgressBar repaints at once,
on every change, which costs a few milliseconds on each answer).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget


class ProgressLine(QFrame):
    """`value()` out of `steps`; the fill is that share of the frame's inside width."""

    def __init__(self, name: str, steps: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "progress")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._steps = max(1, steps)
        self._value = 0
        self.fill = QFrame(self)
        self.fill.setObjectName(f"{name}_fill")
        self.fill.setProperty("role", "progress-fill")

    def value(self) -> int:
        return self._value

    def maximum(self) -> int:
        return self._steps

    def set_value(self, value: int) -> None:
        value = max(0, min(self._steps, value))
        if value != self._value:
            self._value = value
            self._place_fill()

    def set_height(self, pixels: int) -> None:
        self.setFixedHeight(max(4, pixels))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(100, self.height())

    def _place_fill(self) -> None:
        inside = self.contentsRect()
        width = round(inside.width() * self._value / self._steps)
        self.fill.setGeometry(inside.x(), inside.y(), width, inside.height())
        self.fill.setVisible(width > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_fill()
