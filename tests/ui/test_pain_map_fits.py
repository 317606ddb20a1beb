"""The whole pain map is in sight at once: on every screen the kiosk ships for and at every text
size, both body outlines, feet included, stand inside the question's visible area before the
patient scrolls, and every region stays at least a fingertip. On a landscape screen the body
stands beside the question; turned to portrait it stands under the words, and it leaves with
the question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QRegion
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.body_figure import FINGER_PX, BodyFigure
from kiosk.ui.pain_map import PainMapAnswer
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_pain_map import pain_map, tap_region
from tests.ui.test_questionnaire import question_screen
from tests.ui.test_screens_ready import made_ahead

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]


def pain_map_at(qtbot: QtBot, window: KioskWindow, text_size: str, language: str
                ) -> tuple[KioskWindow, PainMapAnswer]:
    """The pain-map question open at this text size and language."""
    window.set_text_size(text_size)
    window.set_language(language)
    return window, pain_map(window, qtbot)


def regions_on_screen(figure: BodyFigure) -> dict[str, QRect]:
    """Each region's outline box in the figure, by view and region."""
    found = {}
    for outline, rect, scale in figure.view_rects():
        for shape in outline.regions():
            box = figure.polygon(shape, rect, scale).boundingRect()
            found[f"{outline.view}:{shape.name}"] = box.toAlignedRect()
    return found


def unseen(window: KioskWindow, figure: BodyFigure) -> list[str]:
    """The regions a patient cannot see whole without scrolling: cut by the visible area,
    or under the bottom bar."""
    shown = figure.visibleRegion()
    bar_top = window.bar.mapTo(window, QPoint(0, 0)).y()
    hidden = []
    for name, box in regions_on_screen(figure).items():
        whole = shown.intersected(QRegion(box)) == QRegion(box)
        bottom = figure.mapTo(window, box.bottomLeft()).y()
        if not whole or bottom > bar_top:
            hidden.append(name)
    return hidden


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize(("text_size", "language"),
                         [("normal", "en"), ("largest", "en"), ("largest", "es")])
def test_the_whole_figure_is_in_sight_and_every_region_is_a_fingertip(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str) -> None:
    window, answer = pain_map_at(qtbot, make_window(loaded, size=size), text_size, language)
    figure = answer.figure
    assert question_screen(window)._scroll.verticalScrollBar().value() == 0, "not scrolled"
    boxes = regions_on_screen(figure)
    lowest = max(boxes, key=lambda name: boxes[name].bottom())
    assert lowest.endswith(("foot-left", "foot-right")), "the feet are the figure's bottom"
    assert unseen(window, figure) == [], f"{size} {text_size}: out of sight without scrolling"
    smallest = min(min(box.width(), box.height()) for box in boxes.values())
    assert smallest >= FINGER_PX - 1, f"a region of {smallest} px is smaller than a fingertip"


def test_at_1280x800_and_the_largest_text_the_feet_are_in_sight_beside_the_question(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, size=(1280, 800))
    window.set_text_size("largest")
    answer = pain_map(window, qtbot)
    figure = answer.figure
    column = question_screen(window)._column
    assert figure.beside
    assert figure.mapTo(window, QPoint(figure.width(), 0)).x() <= column.mapTo(
        window, QPoint(0, 0)).x(), "the body stands left of the question's words"
    assert unseen(window, figure) == []
    tap_region(qtbot, answer, "foot-left")
    assert answer.value() == ("foot-left",) and answer.boxes["foot-left"].isChecked()


def test_at_the_largest_text_the_body_stands_beside_however_the_map_is_reached(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    """Made ahead while the patient reads the question before it, or laid out again once the
    screen turned and turned back: at 1280x800 and the largest text the body stands beside
    the words, as when the map is opened at that size."""
    window = make_window(loaded, size=(1280, 800))
    window.set_text_size("largest")
    window.start_questionnaire()
    screen = question_screen(window)
    screen.open("pain-duration")
    assert window.visit is not None
    window.visit.answer("pain-duration", 24)
    qtbot.waitUntil(lambda: made_ahead(window, "pain-location") is not None)
    tap(qtbot, find_button(window, "question_next"))
    answer = screen._answer
    assert isinstance(answer, PainMapAnswer) and answer.figure.beside
    assert unseen(window, answer.figure) == []
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: not answer.figure.beside)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: answer.figure.beside and unseen(window, answer.figure) == [])


def test_turned_to_portrait_the_body_stands_under_the_words_and_goes_with_the_question(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, size=(1920, 1080))
    answer = pain_map(window, qtbot)
    tap_region(qtbot, answer, "calf-right")
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: not answer.figure.beside and answer.figure.parentWidget() is answer)
    words = question_screen(window)._words_scroll
    qtbot.waitUntil(lambda: unseen(window, answer.figure) == [])
    assert answer.figure.mapTo(window, QPoint(0, 0)).y() >= words.mapTo(
        window, QPoint(0, words.height())).y(), "under the question's words"
    assert answer.figure.marked == {"calf-right"}, "the marks stay as the screen turns"
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: answer.figure.beside and unseen(window, answer.figure) == [])
    tap(qtbot, find_button(window, "question_next"))
    item = question_screen(window).item
    assert item is not None and item.id != "pain-location"
    assert [f for f in window.findChildren(BodyFigure) if f.isVisible()] == [], \
        "the body leaves with its question"


def test_reached_by_next_the_question_s_words_stand_whole_beside_the_body(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    """The words' room follows the column narrowed by the body, whether the map is reached
    from the question before it or the screen turns and turns back."""
    window = make_window(loaded, size=(1280, 800))
    window.start_questionnaire()
    screen = question_screen(window)
    screen.open("pain-duration")
    assert window.visit is not None
    window.visit.answer("pain-duration", 24)
    tap(qtbot, find_button(window, "question_next"))
    assert screen.item is not None and screen.item.id == "pain-location"
    words = screen._words_scroll

    def whole() -> None:
        assert words.verticalScrollBar().maximum() == 0, "the words scroll in their room"
        assert words.height() >= screen._question_words.heightForWidth(words.width())
    qtbot.waitUntil(whole)
    for size in ((1080, 1920), (1280, 800)):
        window.resize(*size)
        qtbot.waitUntil(whole)


@pytest.mark.parametrize(("size", "text_size"), [
    ((1280, 800), "normal"), ((1280, 800), "large"), ((1920, 1080), "normal"),
    ((1920, 1080), "largest")], ids=lambda value: "x".join(map(str, value))
    if isinstance(value, tuple) else value)
@pytest.mark.parametrize("language", ["en", "es"])
def test_next_stays_in_sight_while_the_list_scrolls_within_itself(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str) -> None:
    window, answer = pain_map_at(qtbot, make_window(loaded, size=size), text_size, language)
    screen = question_screen(window)
    next_button = find_button(window, "question_next")
    bar_top = window.bar.mapTo(window, QPoint(0, 0)).y()

    def next_in_sight() -> None:
        assert next_button.visibleRegion().boundingRect().size() == next_button.size()
        assert next_button.mapTo(window, QPoint(0, next_button.height())).y() <= bar_top
        assert screen._scroll.verticalScrollBar().maximum() == 0, "the question does not scroll"
    qtbot.waitUntil(next_in_sight)
    rows = answer.list_scroll.verticalScrollBar()
    assert rows.maximum() > 0, "the list scrolls within itself"
    last = list(answer.boxes.values())[-1]
    assert last.visibleRegion().isEmpty()
    rows.setValue(rows.maximum())
    qtbot.waitUntil(lambda: last.visibleRegion().boundingRect().size() == last.size())
    tap(qtbot, last)
    assert answer.figure.marked == {list(answer.boxes)[-1]}
    qtbot.waitUntil(next_in_sight)  # the chosen box, drawn bold, is laid out again


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_where_the_question_scrolls_every_box_of_the_list_can_be_scrolled_whole_into_sight(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int]) -> None:
    window, answer = pain_map_at(qtbot, make_window(loaded, size=size), "largest", "es")
    question = question_screen(window)._scroll
    qtbot.waitUntil(lambda: question.verticalScrollBar().maximum() > 0)
    assert answer.list_scroll.verticalScrollBar().maximum() == 0, "the list shows every row"
    for box in answer.boxes.values():
        question.ensureWidgetVisible(box)
        assert box.visibleRegion().boundingRect().size() == box.size(), box.objectName()
    last = list(answer.boxes.values())[-1]
    tap(qtbot, last)
    assert answer.figure.marked == {list(answer.boxes)[-1]}
