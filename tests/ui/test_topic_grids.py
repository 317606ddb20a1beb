"""The topics' tiles at each text size are made while the patient reads, and keep their
height through a change of colours."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.screens.section_list import SectionListScreen
from kiosk.ui.window import KioskWindow, Place
from tests.ui.conftest import WindowFactory, find_button, tap


def topics_settled(qtbot: QtBot, window: KioskWindow) -> SectionListScreen:
    """The topics in view once the kiosk has made what it makes ahead."""
    qtbot.waitUntil(lambda: "sections" in window.built_screens() and not window.ahead.busy)
    window.go(Place("sections"))
    qtbot.waitUntil(lambda: not window.ahead.busy)
    topics = window.page("sections")
    assert isinstance(topics, SectionListScreen)
    return topics


def test_a_new_text_size_on_the_topics_shows_tiles_made_for_it_while_the_patient_read(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    topics = topics_settled(qtbot, window)
    before = topics.tiles()
    made = set(topics.findChildren(QWidget, "sections_grid"))
    normal = before[0].title.fontInfo().pixelSize()
    places = {widget: widget.geometry() for grid in made for widget in grid.findChildren(QWidget)}
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    shown = topics.tiles()
    grid = shown[0].parentWidget()
    assert shown[0] is not before[0] and grid in made, "made ahead, in the new size"
    moved = [widget.objectName() or type(widget).__name__
             for widget in grid.findChildren(QWidget) if widget.geometry() != places[widget]]
    assert not moved, "laid out ahead: every tile and its words stood where they show"
    assert all(tile.isVisible() for tile in shown) and not before[0].isVisible()
    assert shown[0].title.fontInfo().pixelSize() > normal
    first = loaded.content.sections("en")[0].words.title
    assert shown[0].title.text().replace("\u200b", "") == first
    tap(qtbot, find_button(window, "bar_language_es"))
    tap(qtbot, find_button(window, "bar_text_size_normal"))
    spanish = loaded.content.sections("es")[0].words.title
    assert topics.tiles()[0].title.text().replace("\u200b", "") == spanish, (
        "a grid made before the language changed shows the patient's language")
    tap(qtbot, topics.tiles()[0])
    assert window.place == Place("reader", loaded.content.sections("es")[0].id)


def heights(widgets: Sequence[QWidget]) -> list[int]:
    return [widget.height() for widget in widgets]


def test_the_tiles_keep_their_height_when_the_colours_change(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, size=(1280, 800))
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    tap(qtbot, find_button(window, "home_learn"))
    topics = window.page("sections")
    assert isinstance(topics, SectionListScreen)
    tiles = heights(topics.tiles())
    tap(qtbot, find_button(window, "bar_contrast"))
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert heights(topics.tiles()) == tiles, "five lines of text tall, in any colours"


def test_a_new_language_on_the_topics_gives_every_tile_the_room_its_words_need(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, size=(1280, 800))
    topics = topics_settled(qtbot, window)
    tap(qtbot, find_button(window, "bar_language_es"))  # longer words: more lines in a tile

    def every_word_shows() -> None:
        for tile in topics.tiles():
            for label in (tile.title, tile.line):
                assert label.height() >= label.heightForWidth(label.width()), label.text()

    qtbot.waitUntil(every_word_shows)
