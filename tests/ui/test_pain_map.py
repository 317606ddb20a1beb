"""The pain map as a patient uses it: a tap marks a region, a second tap clears it, the list
under the figure says the same, the keyboard reaches it, and every region is finger-sized."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.intake.body_regions import REGION_IDS
from kiosk.ui.pain_map import FINGER_PX, BodyFigure, PainMapAnswer
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import WindowFactory
from tests.ui.key_driver import question_screen


def pain_map(window: KioskWindow, qtbot: QtBot) -> PainMapAnswer:
    window.start_questionnaire()
    question_screen(window).open("pain-location")
    found = window.findChild(PainMapAnswer)
    assert found is not None and found.isVisible()

    def laid_out() -> None:
        figure = found.figure
        if figure.beside:  # as tall as the screen's room, as wide as that makes it
            assert figure.width() == figure.sizeHint().width()
        else:
            assert figure.height() == figure.heightForWidth(figure.width())
    qtbot.waitUntil(laid_out)
    return found


def tap_region(qtbot: QtBot, answer: PainMapAnswer, region_id: str) -> None:
    figure = answer.figure
    point = figure.region_centre(region_id).toPoint()
    scroll = figure.parentWidget()
    while scroll is not None and not hasattr(scroll, "ensureVisible"):
        scroll = scroll.parentWidget()
    if scroll is not None:
        at = figure.mapTo(scroll.widget(), point)  # type: ignore[attr-defined]
        scroll.ensureVisible(at.x(), at.y(), 60, 60)
    assert not figure.visibleRegion().intersected(
        figure.rect().adjusted(point.x() - 1, point.y() - 1, 0, 0)).isEmpty()
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton, pos=point)


def test_a_tap_marks_a_region_and_a_second_tap_clears_it(qtbot: QtBot,
                                                          window: KioskWindow) -> None:
    answer = pain_map(window, qtbot)
    tap_region(qtbot, answer, "lower-back-centre")
    tap_region(qtbot, answer, "calf-left")
    assert answer.value() == ("lower-back-centre", "calf-left")
    assert answer.boxes["calf-left"].isChecked()
    assert answer.boxes["calf-left"].accessibleName() == "Left calf"
    tap_region(qtbot, answer, "calf-left")
    assert answer.value() == ("lower-back-centre",)
    assert not answer.boxes["calf-left"].isChecked()


def test_a_marked_region_is_drawn_darker_than_an_unmarked_one(qtbot: QtBot,
                                                              window: KioskWindow) -> None:
    answer = pain_map(window, qtbot)
    figure = answer.figure
    spot = figure.region_centre("buttock-left").toPoint() + QPoint(12, 14)
    before = figure.grab().toImage().pixelColor(spot).lightness()
    qtbot.mouseClick(answer.boxes["buttock-left"], Qt.MouseButton.LeftButton)
    after = figure.grab().toImage().pixelColor(spot).lightness()
    assert after < before - 40  # filled and hatched in the ink of the text


def test_the_list_mirrors_the_map_and_space_toggles_a_region(qtbot: QtBot,
                                                             window: KioskWindow) -> None:
    answer = pain_map(window, qtbot)
    box = answer.boxes["thigh-back-right"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert answer.value() == ("thigh-back-right",)
    assert answer.figure.marked == {"thigh-back-right"}
    assert answer.controls() == list(answer.boxes.values())


def test_the_regions_are_named_in_spanish(qtbot: QtBot, window: KioskWindow) -> None:
    window.set_language("es")
    answer = pain_map(window, qtbot)
    assert answer.boxes["lower-back-centre"].accessibleName() == (
        "Parte baja de la espalda, centro")
    assert answer.figure.captions["back"] == "De espaldas"


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_every_region_is_at_least_a_fingertip(qtbot: QtBot, make_window: WindowFactory,
                                              loaded: Loaded, size: tuple[int, int],
                                              text_size: str) -> None:
    window = make_window(loaded, size=size)
    window.set_text_size(text_size)
    figure = pain_map(window, qtbot).figure
    for outline, rect, scale in figure.view_rects():
        assert rect.right() <= figure.width() + 1
        for shape in outline.regions():
            box = figure.polygon(shape, rect, scale).boundingRect()
            assert min(box.width(), box.height()) >= FINGER_PX - 0.5, (shape.name, size)
    assert isinstance(figure, BodyFigure)
    assert set(REGION_IDS) == {s.name for o in figure.outlines for s in o.regions()}


def test_the_printed_figure_fills_the_marked_regions() -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from kiosk.printing.pain_map_figure import draw_pain_map

    def drawn(marked: tuple[str, ...]) -> QImage:
        image = QImage(340, 300, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        draw_pain_map(painter, QRectF(0, 0, 340, 300), marked, ("Front", "Back"))
        painter.end()
        return image

    def dark(image: QImage) -> int:
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if image.pixelColor(x, y).lightness() < 200)

    plain, marked = drawn(()), drawn(("lower-back-centre", "calf-left", "foot-right"))
    assert dark(marked) > dark(plain) * 1.15
