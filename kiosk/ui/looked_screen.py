"""A screen whose pages each carry a look of their own (the reader's pages, the topics' grids).

A page made for a look (a text size in the colours in use: kiosk/ui/look_flow.py) holds that
look's style sheet and font, so a new look restyles none of the pages: only the screen's own
parts around them (its `chrome`: titles, buttons, the scroll bar) take it, and the screen then
shows the page made for the new look, made ahead while the patient read. The pages of the old
look go while the patient reads, not at the change.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kiosk.ui.look_flow import ScreenStyle
from kiosk.ui.parts import Screen


class LookedScreen(Screen):
    """A screen of pages made per look; `show_look` shows the page made for `look`."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        #: The look the page in view is in: the window's own until it gives another.
        self.look = ScreenStyle(26, "", QFont())
        #: What the patient's look styles on this screen besides the pages.
        self.chrome: tuple[QWidget, ...] = ()

    def drop_sized(self, body_px: int) -> None:
        """Nothing goes at once: the pages of the old size go while the patient reads."""
        self.look = self.look._replace(body=body_px)

    def take_style(self, sheet: str, font: QFont) -> None:
        for part in self.chrome:
            part.setStyleSheet(sheet)
            part.setFont(font)
        self.look = self.look._replace(sheet=sheet, font=font)
        self.show_look()

    def apply_metrics(self, body_px: int) -> None:
        self.look = self.look._replace(body=body_px)
        self.show_look()

    def show_look(self) -> None:
        """Lay the screen out for `look` and show the page made for it."""
        raise NotImplementedError
