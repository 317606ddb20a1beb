"""The list of education sections as large tiles, in reading order."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.content.model import Content, LanguageWords, Section
from kiosk.ui.parts import CardButton, Screen, text, touch_scroll


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
        self._grid = QGridLayout(self._grid_host)
        self._grid.setSpacing(20)
        self._columns = 0
        self._scroll = touch_scroll("sections_scroll", self._grid_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 16)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addSpacing(12)
        layout.addWidget(self._scroll, 1)
        self._body_px = 26
        self._arrange()

    def tiles(self) -> list[SectionTile]:
        return list(self._tiles)

    def _arrange(self) -> None:
        width = self.width() or 1280
        columns = max(1, min(3, width // (self._body_px * 22)))
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile in enumerate(self._tiles):
            self._grid.addWidget(tile, i // columns, i % columns)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._arrange()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        for tile in self._tiles:
            tile.apply_metrics(body_px, 5)
        self._columns = 0
        self._arrange()

    def show_words(self, words: LanguageWords) -> None:
        self._title.setText(words.ui.sections_title)
        self._intro.setText(words.ui.sections_intro)
        for tile, section in zip(self._tiles, self._content.sections(words.code), strict=True):
            tile.show_section(section)

    def scroll_to_top(self) -> None:
        self._scroll.verticalScrollBar().setValue(0)
