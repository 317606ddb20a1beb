"""Text at the kiosk's normal size can be read from the viewing distance the settings state:
a capital H drawn in it is at least 0.7 degrees tall there (EN 301 549 5.1.4), on every
screen the kiosk ships for. Measured on the words a patient reads, as the kiosk draws them."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.content.settings import ScreenSettings
from kiosk.content.viewing import smallest_capital_px
from kiosk.ui import style
from kiosk.ui.answers import ChoiceAnswer
from kiosk.ui.window import KioskWindow, Place
from tests.ui.conftest import WindowFactory
from tests.ui.test_questionnaire import begin, question_screen

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]
TEXT_SIZES = ("normal", "large", "largest")


def ink_rows_of_capital_h(font: QFont) -> int:
    """How many rows of pixels a capital H darkens (at least half) when drawn in `font`."""
    side = math.ceil(QFontMetricsF(font).height() * 2)
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QPointF(side // 4, side * 3 // 4), "H")
    painter.end()
    pixels, stride = bytes(image.constBits()), image.bytesPerLine()
    rows = [pixels[y * stride:y * stride + side] for y in range(side)]
    return sum(1 for row in rows if min(row) < 128)


def capital_h_px(label: QLabel) -> tuple[float, int]:
    """The capital height of the label's font, and the rows a drawn H fills in it."""
    return QFontMetricsF(label.font()).capHeight(), ink_rows_of_capital_h(label.font())


def too_small(labels: list[QLabel], least: float) -> list[str]:
    """The words among `labels` whose capital H is shorter than `least` pixels."""
    found = []
    for label in labels:
        cap, ink = capital_h_px(label)
        if cap < least or ink < least:
            found.append(f"{label.text()[:30]!r}: H is {cap:.1f} px ({ink} rows drawn)")
    return found


def shown_labels(root: QWidget, role: str) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel)
            if label.isVisible() and label.text() and (label.property("role") or "") == role]


def window_at(make_window: WindowFactory, loaded: Loaded, size: tuple[int, int]) -> KioskWindow:
    window = make_window(loaded, size=size)
    assert window.text_size == "normal", "the clinic's default text size is normal"
    return window


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_an_education_page_can_be_read_from_the_stated_distance(
        make_window: WindowFactory, loaded: Loaded, size: tuple[int, int]) -> None:
    window = window_at(make_window, loaded, size)
    section = loaded.content.sections("en")[0]
    window.go(Place("reader", section.id))
    least = smallest_capital_px(loaded.settings.screen, *size)
    paragraphs = [label for label in shown_labels(window.page("reader"), "")
                  if label.text() != "\u2022"]
    assert len(paragraphs) >= 2, "the page shows its paragraphs"
    assert not too_small(paragraphs, least), (
        f"a capital H must be {least:.1f} px on this screen: {too_small(paragraphs, least)}")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_question_its_answers_and_the_bottom_bar_can_be_read_from_the_stated_distance(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded,
        size: tuple[int, int]) -> None:
    window = window_at(make_window, loaded, size)
    begin(qtbot, window)
    question_screen(window).open("treatments-tried")
    assert isinstance(question_screen(window)._answer, ChoiceAnswer)
    least = smallest_capital_px(loaded.settings.screen, *size)
    answers = shown_labels(window.page("question"), "choice-text")
    bar = [label for label in window.bar.findChildren(QLabel)
           if label.isVisible() and label.text()]
    assert len(answers) >= 3 and bar, "the answers and the bar's words are on screen"
    assert not too_small(answers + bar, least), too_small(answers + bar, least)


@pytest.mark.parametrize("distance_mm", [400.0, 500.0, 650.0])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_normal_text_grows_with_the_distance_and_bigger_sizes_stay_bigger(
        qtbot: QtBot, loaded: Loaded, size: tuple[int, int], distance_mm: float) -> None:
    screen = ScreenSettings(diagonal_inches=21.5, viewing_distance_mm=distance_mm)
    least = smallest_capital_px(screen, *size)
    bodies = [style.metrics(loaded.theme, text_size, *size, screen).body  # type: ignore[arg-type]
              for text_size in TEXT_SIZES]
    label = QLabel("Have you had back pain for more than 6 weeks?")
    qtbot.addWidget(label)
    label.setFont(style.app_font(loaded.theme, style.metrics(
        loaded.theme, "normal", *size, screen)))
    assert not too_small([label], least), f"{distance_mm:g} mm: {too_small([label], least)}"
    assert bodies == sorted(bodies), f"a bigger text size never shows smaller text: {bodies}"
