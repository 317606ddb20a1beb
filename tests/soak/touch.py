"""How the soak's people touch the kiosk: quickly, or letting each screen be drawn.

A quick tap is the control's own click: the button's real handlers run (checked state, the
screen's reaction), with nothing drawn in between, so hundreds of visits take a minute or two.
An unhurried person's tap is a real mouse press and release on the control, scrolled into view
first, and after it the kiosk lays out and draws the screen before the next touch, as it does
for a patient; a few visits go this way, so layout and painting are soaked too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui import conftest


@dataclass
class Touch:
    """One person's hands on the kiosk."""

    qtbot: QtBot
    unhurried: bool = False

    def tap(self, widget: QWidget) -> None:
        """A finger on a visible, enabled control."""
        if self.unhurried or not isinstance(widget, QAbstractButton):
            conftest.tap(self.qtbot, widget)
            if self.unhurried:
                QApplication.processEvents()  # the screen is laid out and drawn
            return
        assert widget.isVisible(), f"{widget.objectName()} is not on screen"
        assert widget.isEnabled(), f"{widget.objectName()} is disabled"
        widget.click()
