"""One item of a bulleted list: wrapped words with the bullet drawn beside their first line.

One widget per item rather than a row of three (a holder, a bullet label, the words): an
education page holds dozens of items, and every widget of a page is styled when the page is
made and deleted when the patient picks another text size.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel

#: The bullet drawn before each item.
BULLET = "\u2022"
#: Pixels between the bullet's room and the item's words (a row's own spacing).
GAP = 6


class BulletText(QLabel):
    """Wrapped plain words indented by `body_px` and a half, with a bullet in front of the
    first line, drawn in the words' own font and colour."""

    def __init__(self, words: str, body_px: int) -> None:
        super().__init__(words)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._inset = body_px // 2
        self._room = body_px
        self.setContentsMargins(self._inset + self._room + GAP, 0, 0, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        words = self.contentsRect()
        room = QRect(words.left() - GAP - self._room, words.top(), self._room,
                     self.fontMetrics().height())
        painter = QPainter(self)
        self.style().drawItemText(painter, room, int(Qt.AlignmentFlag.AlignLeft
                                                     | Qt.AlignmentFlag.AlignTop),
                                  self.palette(), self.isEnabled(), BULLET,
                                  QPalette.ColorRole.WindowText)
        painter.end()
