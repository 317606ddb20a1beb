"""The urgent screen as a patient sees it: a red band with a warning sign and words, what to
do now and if nobody is at the desk, in their language, all of it readable at every size."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.colour import MIN_TEXT_CONTRAST, contrast_ratio
from kiosk.content.loader import Loaded
from kiosk.ui.place import Place
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import WindowFactory, tap
from tests.ui.screen_text import visible_text

WORDS = {
    "en": ("Please go to the front desk now",
           "Someone on our team needs to see you right away. Please show them this screen.",
           "If no one is at the desk, call 911.",
           "If you feel very unwell, or you are getting worse, call 911 right away.",
           "Staff only: continue"),
    "es": ("Por favor, vaya ahora a la recepción",
           "Una persona de nuestro equipo tiene que verle ahora mismo. Muéstrele esta pantalla.",
           "Si no hay nadie en la recepción, llame al 911.",
           "Si se siente muy mal, o si empeora, llame al 911 enseguida.",
           "Solo personal: continuar"),
}
Part = TypeVar("Part", bound=QWidget)
#: Words that would tell onlookers what the patient answered.
ANSWER_WORDS = ("numb", "bladder", "bowel", "urine", "leg", "genital",
                "adormec", "vejiga", "intestin", "orina", "pierna", "genitales")


def urgent_screen(window: KioskWindow, language: str = "en",
                  text_size: str = "normal") -> QWidget:
    window.set_text_size(text_size)
    window.set_language(language)
    window.go(Place("urgent"), remember=False)
    page = window.page("urgent")
    assert page.isVisible()
    return page


def child(page: QWidget, kind: type[Part], name: str) -> Part:
    found = page.findChild(kind, name)
    assert isinstance(found, kind), f"no {name!r} on the urgent screen"
    return found


def colour_at(widget: QWidget, point: QPoint) -> str:
    return QColor(widget.grab().toImage().pixel(point)).name()


def test_a_band_in_the_urgent_colour_holds_a_warning_sign_and_the_words(
        window: KioskWindow, loaded: Loaded) -> None:
    page = urgent_screen(window)
    band = child(page, QFrame, "urgent_band")
    sign = child(page, QWidget, "urgent_icon")
    title = child(page, QLabel, "urgent_title")
    assert band.isVisible() and sign.isVisible() and title.isVisible()
    assert band.mapTo(page, QPoint(0, 0)) == QPoint(0, 0), "the band runs across the top"
    assert band.width() == page.width()
    urgent = loaded.theme.colours.urgent
    assert colour_at(band, QPoint(2, 2)) == urgent
    assert band.geometry().contains(QRect(sign.mapTo(page, QPoint(0, 0)), sign.size()))

    drawn = sign.grab().toImage()
    colours = {QColor(drawn.pixel(x, y)).name()
               for x in range(drawn.width()) for y in range(drawn.height())}
    words_colour = title.palette().color(title.foregroundRole()).name()
    assert loaded.theme.colours.surface in colours and words_colour == loaded.theme.colours.surface
    assert contrast_ratio(words_colour, urgent) >= MIN_TEXT_CONTRAST
    assert sign.height() >= title.fontInfo().pixelSize(), "the sign is as big as the words"
    assert sign.accessibleName() == "Important notice"
    assert title.text() == "Please go to the front desk now"


def test_the_sign_grows_with_the_text_size(window: KioskWindow) -> None:
    sign = child(urgent_screen(window, text_size="normal"), QWidget, "urgent_icon")
    normal = sign.height()
    urgent_screen(window, text_size="largest")
    assert sign.height() > normal


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_patient_reads_what_to_do_in_their_language(
        window: KioskWindow, loaded: Loaded, language: str) -> None:
    page = urgent_screen(window, language)
    shown = visible_text(page)
    for words in WORDS[language]:
        assert words in shown
    number = loaded.settings.clinic.emergency_number
    assert child(page, QLabel, "urgent_no_one").text().count(number) == 1
    assert child(page, QLabel, "urgent_severe").text().count(number) == 1
    assert child(page, QWidget, "urgent_icon").accessibleName() == (
        "Important notice" if language == "en" else "Aviso importante")
    assert not window.bar.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_screen_never_says_what_was_answered(window: KioskWindow, language: str) -> None:
    shown = visible_text(urgent_screen(window, language)).lower()
    assert not [word for word in ANSWER_WORDS if word in shown]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1080, 1920)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_is_cut_off_at_the_largest_text(
        make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        language: str) -> None:
    window = make_window(loaded, size=size)
    page = urgent_screen(window, language, "largest")
    assert page.size().toTuple() == size
    area = page.rect()
    labels = [label for label in page.findChildren(QLabel) if label.isVisible()]
    assert len(labels) == 4
    for label in labels:
        where = QRect(label.mapTo(page, QPoint(0, 0)), label.size())
        assert area.contains(where), f"{label.objectName()} runs off the screen"
        assert label.heightForWidth(label.width()) <= label.height(), (
            f"{label.objectName()} is cut off: {label.text()!r}")
    staff = child(page, QPushButton, "urgent_staff")
    where = QRect(staff.mapTo(page, QPoint(0, 0)), staff.size())
    assert area.contains(where)
    assert staff.sizeHint().width() <= staff.width()
    assert staff.sizeHint().height() <= staff.height()
    help_box = child(page, QFrame, "urgent_help")
    assert where.top() >= help_box.mapTo(page, QPoint(0, help_box.height())).y(), (
        "the staff button does not cover what to do")


def test_the_staff_button_is_small_and_out_of_the_way_at_the_bottom_right(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.start_questionnaire()
    page = urgent_screen(window)
    staff = child(page, QPushButton, "urgent_staff")
    assert staff.isVisible() and staff.isEnabled()
    assert staff.accessibleName() == staff.text() == "Staff only: continue"
    corner = staff.mapTo(page, QPoint(staff.width(), staff.height()))
    assert corner.x() > page.width() * 0.95 and corner.y() > page.height() * 0.95
    assert staff.height() >= 48, "still big enough for a finger"
    body = child(page, QLabel, "urgent_body")
    assert staff.fontInfo().pixelSize() < body.fontInfo().pixelSize()
    assert staff.width() < page.width() / 3
    with qtbot.waitSignal(page.acknowledged):  # type: ignore[attr-defined]
        tap(qtbot, staff)


def test_every_part_has_a_name_for_tests_and_screen_readers(window: KioskWindow) -> None:
    page = urgent_screen(window, "es")
    for name in ("urgent_band", "urgent_icon", "urgent_title", "urgent_body", "urgent_no_one",
                 "urgent_severe", "urgent_staff"):
        assert child(page, QWidget, name).accessibleName(), f"{name} has no accessible name"
    assert child(page, QWidget, "urgent_icon").accessibleDescription() == (
        "Por favor, vaya ahora a la recepción")
