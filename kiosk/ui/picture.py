"""An SVG illustration that keeps its proportions at any width, on a plate of its own where
the screen is dark (its lines are drawn dark, for a light screen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget


class Picture(QWidget):
    """An SVG illustration that keeps its proportions at any width."""

    def __init__(self, path: Path, max_height: int = 0) -> None:
        super().__init__()
        self._plate = QColor(0, 0, 0, 0)
        self._renderer = QSvgRenderer(self)
        self._max_height = max_height
        self._least = 1
        self._ratio = 0.5
        self._pixmap: QPixmap | None = None
        self.load(path)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def load(self, path: Path) -> None:
        """Show another picture in the same place."""
        self._renderer.load(str(path))
        self._pixmap = None
        size = self._renderer.defaultSize()
        self._ratio = size.height() / size.width() if size.width() else 0.5
        self.updateGeometry()
        self.update()

    def set_max_height(self, pixels: int) -> None:
        self._max_height = pixels
        self.updateGeometry()

    def set_least(self, pixels: int) -> None:
        """Left out, rather than drawn as a speck, when it gets less room than this."""
        self._least = max(1, pixels)
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        """True unless a screen gave it a size policy of its own (a picture that gives way)."""
        return self.sizePolicy().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        height = round(width * self._ratio)
        return min(height, self._max_height) if self._max_height else height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = 600
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        """Draw the picture from a pixmap rendered once per size (SVG is slow to draw)."""
        drawn = self._drawn()
        if drawn is not None:
            pixmap, width = drawn
            painter = QPainter(self)
            painter.drawPixmap((self.width() - width) // 2, 0, pixmap)
            painter.end()

    def draw_ahead(self) -> None:
        """Render the picture at its size now (while the kiosk waits), not at its first paint."""
        self._drawn()

    def _drawn(self) -> tuple[QPixmap, int] | None:
        """The picture rendered at the widget's size (kept until the size or plate changes)
        and its width; None when it gave its room up to the words."""
        height = self.height()
        width = min(self.width(), round(height / self._ratio)) if self._ratio else self.width()
        if min(width, height) < self._least:
            return None
        ratio = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.size() != QSize(round(width * ratio),
                                                                 round(height * ratio)):
            self._pixmap = QPixmap(round(width * ratio), round(height * ratio))
            self._pixmap.fill(QColor(0, 0, 0, 0))
            self._pixmap.setDevicePixelRatio(ratio)
            drawing = QPainter(self._pixmap)
            drawing.setRenderHint(QPainter.RenderHint.Antialiasing)
            area = QRectF(0, 0, width, height)
            if self._plate.alpha():
                drawing.setPen(Qt.PenStyle.NoPen)
                drawing.setBrush(self._plate)
                corner = min(width, height) * 0.12
                drawing.drawRoundedRect(area, corner, corner)
                inset = min(width, height) * 0.08
                area = area.adjusted(inset, inset, -inset, -inset)
            self._renderer.render(drawing, area)
            drawing.end()
        return self._pixmap, width

    def _get_plate(self) -> QColor:
        return self._plate

    def _set_plate(self, colour: QColor) -> None:
        self._plate = QColor(colour)
        self._pixmap = None
        self.update()

    #: A light plate drawn behind the picture (its lines are dark): set by the style sheet of
    #: the light-on-dark contrast modes, transparent elsewhere.
    plate = Property(QColor, _get_plate, _set_plate)
