"""The list of education sections as large tiles, in reading order.

The tiles stand in a grid of up to three columns (kiosk/ui/topic_grid.py), in the middle of a
wide screen at a width that keeps each tile's words easy to read. The screen keeps a grid for
each of the patient's text sizes in the colours in use, made while the patient reads: a new
text size shows the grid made for it, and restyles only the title, the line under it and the
scroll bar.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.content.model import Content, LanguageWords
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.look_flow import ScreenStyle
from kiosk.ui.looked_screen import LookedScreen
from kiosk.ui.nesting import nest
from kiosk.ui.page_holder import PageHolder
from kiosk.ui.parts import text
from kiosk.ui.topic_grid import SectionTile, TopicGrid, columns_for


class SectionListScreen(LookedScreen):
    """Every topic as a tile; touching one emits `section_chosen(id)`. `looks()` gives the
    patient's look at every text size (the screen makes a grid ahead in each)."""

    section_chosen = Signal(str)
    ahead_wanted = Signal()  # in view: the grids at the other sizes can be laid out for it

    def __init__(self, content: Content,
                 looks: Callable[[], Sequence[ScreenStyle]] = lambda: ()) -> None:
        super().__init__("sections")
        self._content = content
        self.looks = looks
        self._code = content.structure.default_language
        self._title = text("", "title", "sections_title")
        self._intro = text("", "muted", "sections_intro")
        self._holder = PageHolder("sections_grids")
        self._scroll = touch_scroll("sections_scroll", self._holder)
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self._title)
        self._column.addWidget(self._intro)
        self._column.addSpacing(12)
        self._column.addWidget(self._scroll, 1)
        layout = QHBoxLayout(self)
        self._layout = layout
        nest(layout, self._column)
        self.chrome = (self._title, self._intro, self._scroll.verticalScrollBar())
        self.show_look()

    @property
    def _grid(self) -> TopicGrid:
        grid = self._holder.current
        assert isinstance(grid, TopicGrid)
        return grid

    def tiles(self) -> list[SectionTile]:
        return list(self._grid.tiles)

    def key_stops(self) -> list[Stop]:
        return list(self._grid.tiles)

    def rows(self) -> list[list[SectionTile]]:
        """The tiles as they stand, row by row."""
        return self._grid.rows()

    def _grid_in(self, look: ScreenStyle) -> TopicGrid:
        """The grid in `look`, made now if it was not, in the language in view and arranged
        for the screen's width."""
        grid = self._holder.kept((look.sheet, look.body), lambda: self._made(look))
        assert isinstance(grid, TopicGrid)
        grid.show_words(self._code)
        grid.arrange(columns_for(self.width() or 1280, look.body)[0])
        return grid

    def _made(self, look: ScreenStyle) -> TopicGrid:
        grid = TopicGrid(self._content, look)
        for tile in grid.tiles:
            tile.clicked.connect(lambda _=False, t=tile: self.section_chosen.emit(t.section_id))
        return grid

    def show_look(self) -> None:
        """The screen's margins for its width and text size, and the grid made for its look."""
        side = columns_for(self.width() or 1280, self.look.body)[1]
        body = self.look.body
        self._layout.setContentsMargins(side, body * 3 // 2, side, body // 2)
        grid = self._grid_in(self.look)
        if grid is not self._holder.current:
            self._holder.show_page(grid)

    def work_ahead(self) -> list[Callable[[], object]]:
        """A grid in each of the patient's looks, laid out and drawn, one step each, so that a
        new text size never waits for one (done while the patient reads); then the others go."""
        looks = [look for look in self.looks() if look.sheet != self.look.sheet]
        steps: list[Callable[[], object]] = [functools.partial(self._get_ready, look)
                                             for look in looks]
        keep = {(look.sheet, look.body) for look in (self.look, *looks)}
        steps.append(functools.partial(self._holder.keep_only, keep))
        return steps

    def _get_ready(self, look: ScreenStyle) -> None:
        """The grid in `look`; laid out and drawn too while the screen is in view, at the size
        the scroll area will show it (measured on the screen as it is: one laid out out of
        view has no size to go by)."""
        grid = self._grid_in(look)
        if grid is not self._holder.current and self.isVisible():
            side_now = columns_for(self.width(), self.look.body)[1]
            side = columns_for(self.width(), look.body)[1]  # the margins differ by size
            viewport = self._scroll.viewport()
            grid.get_ready(viewport.width() + 2 * (side_now - side), viewport.height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.ahead_wanted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self.show_look()

    def show_words(self, words: LanguageWords) -> None:
        self._title.setText(words.ui.sections_title)
        self._intro.setText(words.ui.sections_intro)
        self._code = words.code
        self._grid.show_words(words.code)

    def scroll_to_top(self) -> None:
        self._scroll.verticalScrollBar().setValue(0)
