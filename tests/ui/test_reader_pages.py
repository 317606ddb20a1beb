"""The reader's pages: a bulleted item shows its bullet, and the page a patient turns to, or
switches the language of, was made while they read, not while they wait."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.content.settings import TEXT_SIZES
from kiosk.ui.bullet_text import BulletText
from kiosk.ui.window import KioskWindow, Place
from tests.ui.conftest import find_button, tap
from tests.ui.screen_text import visible_text


def settled_on(qtbot: QtBot, window: KioskWindow, section_id: str) -> QWidget:
    """The reader open on `section_id` once the kiosk has made what it makes ahead."""
    qtbot.waitUntil(lambda: "reader" in window.built_screens() and not window.ahead.busy)
    window.go(Place("reader", section_id))
    qtbot.waitUntil(lambda: not window.ahead.busy)
    return window.page("reader")


def page_in_view(reader: QWidget) -> QWidget:
    pages = [page for page in reader.findChildren(QWidget, "reader_page") if page.isVisible()]
    assert len(pages) == 1
    return pages[0]


def bulleted_section(loaded: Loaded, code: str) -> tuple[str, str]:
    """The first section with a bulleted list, and that list's first item."""
    for section in loaded.content.sections(code):
        for block in section.words.body:
            if block.kind == "bullets":
                return section.id, block.items[0]
    raise AssertionError("no section has a bulleted list")


def dark_pixels(image: QImage, left: int, right: int, top: int, bottom: int) -> int:
    return sum(QColor(image.pixel(QPoint(x, y))).lightness() < 128
               for x in range(left, right) for y in range(top, bottom))


def test_a_bulleted_item_shows_its_bullet_before_its_first_line_and_its_words_after_it(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    section_id, first_item = bulleted_section(loaded, "en")
    reader = settled_on(qtbot, window, section_id)
    assert first_item in visible_text(reader)
    item = next(label for label in page_in_view(reader).findChildren(BulletText)
                if label.text() == first_item)
    image = item.grab().toImage()
    words = item.contentsRect()
    line = item.fontMetrics().height()
    bullet_room = (0, words.left(), 0, line)
    assert dark_pixels(image, *bullet_room) > 4, "a bullet before the first line"
    assert dark_pixels(image, 0, words.left(), line, item.height()) == 0, (
        "nothing before the lines under the first")
    assert dark_pixels(image, words.left(), item.width(), 0, line) > 50, "the words"


def test_turning_a_page_or_switching_the_language_shows_a_page_made_while_the_patient_read(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    first, second = (section.id for section in loaded.content.sections("en")[:2])
    reader = settled_on(qtbot, window, first)
    made = set(reader.findChildren(QWidget, "reader_page"))
    tap(qtbot, find_button(window, "reader_next"))
    assert window.place.section_id == second
    assert page_in_view(reader) in made, "the next topic's page was ready"
    qtbot.waitUntil(lambda: not window.ahead.busy)
    made = set(reader.findChildren(QWidget, "reader_page"))
    tap(qtbot, find_button(window, "bar_language_es"))
    spanish = loaded.content.sections("es")[1]
    assert spanish.words.title in visible_text(reader)
    assert page_in_view(reader) in made, "the topic in view was ready in Spanish"


def test_the_reader_keeps_only_the_pages_of_the_language_and_the_topic_in_view(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    """Every topic in the language in view, the topic in view in the other languages and at
    the other text sizes."""
    topics = len(loaded.content.sections("en"))
    languages = len(loaded.content.structure.languages)
    kept = topics + (languages - 1) + (len(TEXT_SIZES) - 1)
    reader = settled_on(qtbot, window, loaded.content.sections("en")[2].id)
    assert len(reader.findChildren(QWidget, "reader_page")) == kept
    window.set_language("es")
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert len(reader.findChildren(QWidget, "reader_page")) == kept, "the English pages went"
    window.set_text_size("largest")
    assert len([page for page in reader.findChildren(QWidget, "reader_page")
                if page.isVisible()]) == 1
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert len(reader.findChildren(QWidget, "reader_page")) == kept, "the old size's went"


def test_a_new_text_size_shows_the_page_made_for_it_while_the_patient_read(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    section = loaded.content.sections("en")[1]
    reader = settled_on(qtbot, window, section.id)
    before = page_in_view(reader)
    made = set(reader.findChildren(QWidget, "reader_page"))
    words = next(label for label in before.findChildren(QLabel)
                 if label.text() == section.words.body[0].text)
    normal = words.fontInfo().pixelSize()
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    shown = page_in_view(reader)
    assert shown is not before and shown in made, "made ahead, in the new size"
    larger = next(label for label in shown.findChildren(QLabel)
                  if label.text() == section.words.body[0].text)
    assert larger.isVisible() and larger.fontInfo().pixelSize() > normal
    title = window.findChild(QLabel, "reader_title")
    assert title is not None and title.fontInfo().pixelSize() > normal
