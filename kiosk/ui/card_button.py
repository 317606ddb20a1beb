"""A card: a large touch target holding a title, a line under it and, optionally, an icon
(home's two ways in, the topics' tiles)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.ui.nesting import nest
from kiosk.ui.parts import LaidOutButton, breakable, text
from kiosk.ui.picture import Picture


class CardButton(LaidOutButton):
    """A large touch target holding a title, a line under it and, optionally, an icon; at
    least as tall as the lines `apply_metrics` gives it.

    That least height outlasts the style sheet, which sets the minimum height of every button
    it styles (its touch size) each time it styles the card again: a change of colours, or
    the card taken into a grid made ahead with a sheet of its own.
    """

    def __init__(self, name: str, role: str, icon: Path | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.title = text("", "card-title")
        self.line = text("", "card-line")
        self.icon_picture = Picture(icon) if icon is not None else None
        self._least_height = 0
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.line)
        words.addStretch(1)
        row = QHBoxLayout(self)
        if self.icon_picture is not None:
            row.addWidget(self.icon_picture, 0, Qt.AlignmentFlag.AlignTop)
        nest(row, words, 1)
        for child in (self.icon_picture, self.title, self.line):
            if child is not None:
                child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_words(self, title: str, line: str) -> None:
        self.title.setText(breakable(title))
        self.line.setText(breakable(line))
        self.setAccessibleName(title)
        self.setAccessibleDescription(line)

    def apply_metrics(self, body_px: int, height_in_lines: int) -> None:
        if self.icon_picture is not None:
            self.icon_picture.setFixedSize(body_px * 3, body_px * 3)
        self._least_height = body_px * height_in_lines
        self.ensurePolished()  # styled first: each later styling is a change (below)
        self.setMinimumHeight(self._least_height)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and self._least_height:
            self.setMinimumHeight(self._least_height)  # the sheet set its own
