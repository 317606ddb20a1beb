"""The pain map's list of regions: a scroll area that either scrolls its rows within a room it
is given, or stands as tall as all of them (the question around it scrolls instead).

The rows never leave the area: moving them out to stand in the question and back would style
every row again (tens of milliseconds at each pain-map question). Standing whole, the area
says it is as tall as its rows at any width (`heightForWidth`), so the layouts around it lay
it out whole however the width changes, and a finger's drag on it scrolls the question.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from kiosk.ui.flick import flicks, kinetic

#: Qt's largest widget size (QWIDGETSIZE_MAX): no upper bound.
NO_BOUND = (1 << 24) - 1


class RowsArea(QScrollArea):
    """Holds `rows`; `scroll_within(height)` or `stand_whole()`."""

    def __init__(self, name: str, rows: QWidget) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setWidget(rows)
        kinetic(self)
        self._whole = False

    @property
    def whole(self) -> bool:
        return self._whole

    def scroll_within(self, height: int) -> None:
        """The rows scroll inside `height` pixels."""
        self._set_whole(False)
        self.setFixedHeight(height)

    def stand_whole(self) -> None:
        """As tall as every row, at whatever width the area is given."""
        self._set_whole(True)
        self.setMinimumHeight(0)
        self.setMaximumHeight(NO_BOUND)
        self.updateGeometry()

    def _set_whole(self, whole: bool) -> None:
        self._whole = whole
        bars = Qt.ScrollBarPolicy
        self.setVerticalScrollBarPolicy(
            bars.ScrollBarAlwaysOff if whole else bars.ScrollBarAsNeeded)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(whole)  # its height from the width it is given
        self.setSizePolicy(policy)
        flicks(self, not whole)  # standing whole, a drag scrolls the question
        self.setWidgetResizable(True)  # the rows are sized again for the area

    def rows_height(self, width: int) -> int:
        """The area's height showing every row at `width`."""
        frame = 2 * self.frameWidth()
        rows = self.widget()
        if rows is None:
            return frame
        height = rows.heightForWidth(width - frame) if rows.hasHeightForWidth() else -1
        return (height if height > 0 else rows.sizeHint().height()) + frame

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return self._whole

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.rows_height(width) if self._whole else super().heightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), self.rows_height(self.width())) if self._whole else hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.rows_height(self.width())) if self._whole else hint
