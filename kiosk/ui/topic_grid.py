"""The topics' tiles at one look: a grid of up to three columns, the tiles of a row one height.

The topics screen keeps a grid for each of the patient's text sizes in the colours in use (see
kiosk/ui/screens/section_list.py), each carrying its look's style sheet and font, so that a
new text size shows a grid styled, laid out and drawn for it while the patient read, and
restyles no tile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.content.model import Content, Section
from kiosk.ui.card_button import CardButton
from kiosk.ui.laid_out_ahead import lay_out_ahead

if TYPE_CHECKING:
    from kiosk.ui.look_flow import ScreenStyle

#: Least width of a tile, in body text heights.
TILE_IN_BODY = 18
MOST_COLUMNS = 3
#: Least height of a tile, in lines of body text.
TILE_LINES = 5
#: Room between two tiles, in pixels.
SPACING = 20


class SectionTile(CardButton):
    """One topic: its icon, title and a line about it; the whole tile is the touch target."""

    def __init__(self, content: Content, section: Section) -> None:
        super().__init__(f"tile_{section.id}", "tile",
                         content.illustration_path(section.plan.icon))
        self.section_id = section.id

    def show_section(self, section: Section) -> None:
        self.set_words(section.words.title, section.words.tile)


def columns_for(width: int, body: int) -> tuple[int, int]:
    """How many columns of tiles fit a screen `width` pixels wide at text height `body` (as
    many as fit, up to three), and the screen's side margin: on a wide screen the tiles stand
    in the middle rather than stretch to the edges."""
    tile = body * TILE_IN_BODY
    widest = tile * MOST_COLUMNS + SPACING * (MOST_COLUMNS - 1) + body
    side = max(64, (width - widest) // 2)
    return max(1, min(MOST_COLUMNS, (width - 2 * side) // tile)), side


class TopicGrid(QWidget):
    """Every topic as a tile, in `look`; `show_words(code)` puts the tiles in a language."""

    def __init__(self, content: Content, look: ScreenStyle) -> None:
        super().__init__()
        self.setObjectName("sections_grid")
        self._content = content
        if look.sheet:
            self.setStyleSheet(look.sheet)
            self.setFont(look.font)
        self.tiles = [SectionTile(content, s) for s in content.sections(
            content.structure.default_language)]
        self._grid = QGridLayout(self)
        self._grid.setSpacing(SPACING)
        body = look.body
        for tile in self.tiles:
            tile.apply_metrics(body, TILE_LINES)
            layout = tile.layout()
            if layout is not None:  # room around the icon and words, inside the tile's edge
                layout.setContentsMargins(body // 2, body // 2, body // 2, body // 2)
                layout.setSpacing(body // 2)
        self.code = ""
        self.columns = 0

    def show_words(self, code: str) -> None:
        """The tiles in language `code` (nothing to do when they are in it)."""
        if code != self.code:
            self.code = code
            for tile, section in zip(self.tiles, self._content.sections(code), strict=True):
                tile.show_section(section)

    def arrange(self, columns: int) -> None:
        """The tiles in `columns` columns; space left under the last row stays empty, rather
        than stretch the tiles."""
        if columns == self.columns:
            return
        self.columns = columns
        for i, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, i // columns, i % columns)
        for column in range(MOST_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self.tiles) // columns)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 1 if row == rows else 0)
        self._grid.setRowStretch(rows, 1)

    def rows(self) -> list[list[SectionTile]]:
        """The tiles as they stand, row by row."""
        columns = max(1, self.columns)
        return [self.tiles[i:i + columns] for i in range(0, len(self.tiles), columns)]

    def get_ready(self, width: int, least_height: int) -> None:
        """Laid out (hidden) at `width`, as tall as its tiles need or `least_height`, and its
        pictures drawn, so that showing it only paints it."""
        height = max(least_height, self.heightForWidth(width), self.sizeHint().height())
        lay_out_ahead(self, QRect(0, 0, width, height))
        for tile in self.tiles:
            if tile.icon_picture is not None:
                tile.icon_picture.draw_ahead()
