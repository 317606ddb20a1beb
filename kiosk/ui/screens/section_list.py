"""The list of education sections as large tiles, in reading order.

The tiles stand in a grid of up to three columns, in the middle of a wide screen at a width
that keeps each tile's words easy to read; the tiles of one row are one height.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Content, LanguageWords, Section
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.parts import CardButton, Screen, text

#: Least width of a tile, in body text heights.
TILE_IN_BODY = 18
MOST_COLUMNS = 3
#: Least height of a tile, in lines of body text.
TILE_LINES = 5


class SectionTile(CardButton):
    """One topic: its icon, title and a line about it; the whole tile is the touch target."""

    def __init__(self, content: Content, section: Section) -> None:
        super().__init__(f"tile_{section.id}", "tile",
                         content.illustration_path(section.plan.icon))
        self.section_id = section.id

    def show_section(self, section: Section) -> None:
        self.set_words(section.words.title, section.words.tile)


class SectionListScreen(Screen):
    """Every topic as a tile; touching one emits `section_chosen(id)`."""

    section_chosen = Signal(str)

    def __init__(self, content: Content) -> None:
        super().__init__("sections")
        self._content = content
        self._title = text("", "title", "sections_title")
        self._intro = text("", "muted", "sections_intro")
        self._tiles = [SectionTile(content, s) for s in content.sections(
            content.structure.default_language)]
        for tile in self._tiles:
            tile.clicked.connect(lambda _=False, t=tile: self.section_chosen.emit(t.section_id))
        self._grid_host = QWidget()
        self._grid_host.setObjectName("sections_grid")
        self._grid = QGridLayout(self._grid_host)
        self._grid.setSpacing(20)
        self._columns = 0
        self._scroll = touch_scroll("sections_scroll", self._grid_host)
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self._title)
        self._column.addWidget(self._intro)
        self._column.addSpacing(12)
        self._column.addWidget(self._scroll, 1)
        layout = QHBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(64, 40, 64, 16)
        nest(layout, self._column)
        self._body_px = 26
        self._arrange()

    def tiles(self) -> list[SectionTile]:
        return list(self._tiles)

    def key_stops(self) -> list[Stop]:
        return list(self._tiles)

    def rows(self) -> list[list[SectionTile]]:
        """The tiles as they stand, row by row."""
        columns = max(1, self._columns)
        return [self._tiles[i:i + columns] for i in range(0, len(self._tiles), columns)]

    def _arrange(self) -> None:
        """Columns for the width (as many as fit, up to three) and the screen's margins: on a
        wide screen the grid sits in the middle rather than stretch to the edges."""
        body = self._body_px
        width = self.width() or 1280
        tile = body * TILE_IN_BODY
        widest = tile * MOST_COLUMNS + self._grid.spacing() * (MOST_COLUMNS - 1) + body
        side = max(64, (width - widest) // 2)
        self._layout.setContentsMargins(side, body * 3 // 2, side, body // 2)
        columns = max(1, min(MOST_COLUMNS, (width - 2 * side) // tile))
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile_widget in enumerate(self._tiles):
            self._grid.addWidget(tile_widget, i // columns, i % columns)
        for column in range(MOST_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        # Space left under the last row stays empty, rather than stretch the tiles.
        rows = -(-len(self._tiles) // columns)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 1 if row == rows else 0)
        self._grid.setRowStretch(rows, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._arrange()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        for tile in self._tiles:
            tile.apply_metrics(body_px, TILE_LINES)
            layout = tile.layout()
            if layout is not None:  # room around the icon and words, inside the tile's edge
                layout.setContentsMargins(body_px // 2, body_px // 2, body_px // 2,
                                          body_px // 2)
                layout.setSpacing(body_px // 2)
        self._columns = 0
        self._arrange()

    def show_words(self, words: LanguageWords) -> None:
        self._title.setText(words.ui.sections_title)
        self._intro.setText(words.ui.sections_intro)
        for tile, section in zip(self._tiles, self._content.sections(words.code), strict=True):
            tile.show_section(section)

    def scroll_to_top(self) -> None:
        self._scroll.verticalScrollBar().setValue(0)
