"""What a patient sees in each contrast mode: the mode's own colours on every part of a screen,
a chosen answer that stays plain to see, and a thick focus ring on whatever control the keyboard
is on, standing out from what is around it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.colour import contrast_ratio
from kiosk.content.contrast import PAIRS, is_large
from kiosk.content.contrast_modes import CONTRAST_MODES
from kiosk.content.model import Loaded
from kiosk.content.theme import Palette
from kiosk.ui import style
from kiosk.ui.answers import ChoiceAnswer, ScaleAnswer
from kiosk.ui.screens.out_of_order import SHIPPED_COLOURS, OutOfOrderScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, on_screen, tap
from tests.ui.test_questionnaire import begin, question_screen


def palette(loaded: Loaded, mode: str) -> Palette:
    return loaded.theme.palette(mode, loaded.settings.clinic.accent_color)


def colour_at(image: QImage, point: QPoint) -> str:
    return QColor(image.pixel(point)).name()


def find_label(window: QWidget, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, f"no label {name!r}"
    return found


def words_colour(label: QWidget) -> str:
    return label.palette().color(label.foregroundRole()).name()


@pytest.fixture
def waiting(make_window: WindowFactory, loaded: Loaded) -> KioskWindow:
    """A kiosk whose one-tap answers wait for Next, so a chosen answer stays on screen."""
    return make_window(with_kiosk(loaded, auto_advance_seconds=0.0))


@pytest.mark.parametrize("mode", CONTRAST_MODES)
def test_a_chosen_answer_is_filled_with_its_words_and_mark_plain_to_see(
        qtbot: QtBot, waiting: KioskWindow, loaded: Loaded, mode: str) -> None:
    colours = palette(loaded, mode)
    begin(qtbot, waiting)
    waiting.set_contrast(mode)
    screen = question_screen(waiting)
    screen.open("treatments-tried")
    many = screen._answer
    assert isinstance(many, ChoiceAnswer)
    picked, left = many.buttons["surgery"], many.buttons["medicines"]
    tap(qtbot, picked)
    inside = QPoint(picked.width() - 8, picked.height() // 2)
    assert colour_at(picked.grab().toImage(), inside) == colours.chosen
    assert colour_at(left.grab().toImage(), inside) == colours.surface
    assert words_colour(picked.words) == colours.on_chosen
    assert words_colour(left.words) == colours.text
    mark = picked.mark.grab().toImage()
    drawn = {colour_at(mark, QPoint(x, y)) for x in range(mark.width())
             for y in range(mark.height())}
    assert colours.on_chosen in drawn, "the tick is drawn in the chosen answer's words colour"
    assert contrast_ratio(colours.on_chosen, colours.chosen) >= 4.5
    assert contrast_ratio(colours.chosen, colours.surface) >= 3

    screen.open("pain-now")
    scale = screen._answer
    assert isinstance(scale, ScaleAnswer)
    tap(qtbot, scale.buttons[7])
    seven, six = scale.buttons[7].grab().toImage(), scale.buttons[6].grab().toImage()
    beside_digit = QPoint(6, seven.height() // 2)
    assert colour_at(seven, beside_digit) == colours.chosen
    assert colour_at(six, beside_digit) == colours.surface
    assert words_colour(scale.buttons[7]) == colours.on_chosen


def ring(window: KioskWindow, control: QWidget) -> tuple[list[str], str]:
    """The colours from the control's left edge inwards, at its middle, and the colour just
    outside that edge."""
    image = window.grab().toImage()
    edge = control.mapTo(window, QPoint(0, control.height() // 2))
    inward = [colour_at(image, edge + QPoint(step, 0)) for step in range(8)]
    return inward, colour_at(image, edge - QPoint(2, 0))


def focused(qtbot: QtBot, window: KioskWindow, control: QWidget) -> None:
    window.activateWindow()
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: control.hasFocus())


def laid_out() -> None:
    """Lay out what is waiting to be laid out, as happens before the screen is painted."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


#: Where each control is found: a chosen answer, the Next button, the bar's Home button, a
#: key of the date pad and a text box.
FOCUSED = (("saddle-numbness", "choice_saddle-numbness_yes"),
           ("saddle-numbness", "question_next"), ("saddle-numbness", "bar_home"),
           ("birth-date", "date_key_5"), ("first-name", "text_first-name"))


@pytest.mark.parametrize("mode", CONTRAST_MODES)
def test_the_control_the_keyboard_is_on_has_a_thick_ring_that_stands_out(
        qtbot: QtBot, waiting: KioskWindow, loaded: Loaded, mode: str) -> None:
    colours = palette(loaded, mode)
    begin(qtbot, waiting)
    waiting.set_contrast(mode)
    metrics = waiting._metrics
    assert metrics is not None
    thick = style.focus_ring_px(metrics.body)
    assert thick >= 4
    screen = question_screen(waiting)
    for item_id, name in FOCUSED:
        screen.open(item_id)
        if item_id == "saddle-numbness":
            answer = screen._answer
            assert isinstance(answer, ChoiceAnswer)
            tap(qtbot, answer.buttons["yes"])
        laid_out()
        control = on_screen(waiting, QWidget, name)
        control.clearFocus()  # a text box takes the focus as its question opens
        before, _ = ring(waiting, control)
        assert colours.focus not in before, f"{name}: a ring without the keyboard's focus"
        focused(qtbot, waiting, control)
        inward, outside = ring(waiting, control)
        width = next(i for i, c in enumerate(inward) if c != colours.focus)
        assert width >= thick, f"{name} in {mode}: a ring of {width} px"
        assert contrast_ratio(colours.focus, outside) >= 3, f"{name} in {mode}"
        if name == "choice_saddle-numbness_yes":  # the ring around the chosen answer's fill
            assert inward[width + 2] == colours.chosen
            assert contrast_ratio(colours.focus, colours.chosen) >= 3
        control.clearFocus()


@pytest.mark.parametrize("mode", CONTRAST_MODES)
def test_each_mode_colours_the_screen_the_bar_and_the_main_button(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded, mode: str) -> None:
    colours = palette(loaded, mode)
    begin(qtbot, window)
    window.set_contrast(mode)
    image = window.grab().toImage()
    assert colour_at(image, QPoint(2, 2)) == colours.background
    bar = window.bar
    assert colour_at(image, bar.mapTo(window, QPoint(bar.width() // 2, bar.height() - 3))) \
        == colours.surface
    next_button = find_button(window, "question_next")
    assert colour_at(next_button.grab().toImage(), QPoint(6, next_button.height() // 2)) \
        == colours.accent
    assert words_colour(next_button) == colours.on_accent
    assert words_colour(find_label(window, "question_text")) == colours.text
    assert words_colour(find_label(window, "question_help")) == colours.muted


def test_the_words_that_need_only_three_to_one_are_large(
        qtbot: QtBot, window: KioskWindow) -> None:
    """"Touch the screen" is drawn in the accent colour on the screen: large and bold."""
    touch = find_label(window, "attract_touch")
    assert touch.isVisible()
    pixels = touch.fontInfo().pixelSize()
    assert is_large(pixels, touch.font().weight() >= QFont.Weight.Bold), pixels
    large = [pair for pair in PAIRS if pair.kind == "large text"]
    assert [(pair.ink, pair.ground) for pair in large] == [("accent", "background")]


@pytest.mark.parametrize("mode", CONTRAST_MODES)
def test_the_style_sheet_draws_only_the_modes_colours_in_listed_pairs(
        loaded: Loaded, mode: str) -> None:
    colours = palette(loaded, mode)
    m = style.metrics(loaded.theme, "normal", 1280, 800, loaded.settings.screen)
    sheet = style.style_sheet(loaded.theme, loaded.settings.clinic.accent_color, m, m, mode)
    names: dict[str, set[str]] = {}
    for name in Palette.__dataclass_fields__:
        names.setdefault(getattr(colours, name), set()).add(name)
    assert set(re.findall(r"#[0-9a-fA-F]{6}", sheet)) <= set(names), "a colour of no mode"
    listed = {(pair.ink, pair.ground) for pair in PAIRS}
    for rule in re.findall(r"\{([^{}]*)\}", sheet):
        ink = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", rule)
        ground = re.search(r"background:\s*(#[0-9a-fA-F]{6})", rule)
        if ink and ground:
            assert any((i, g) in listed for i in names[ink[1]] for g in names[ground[1]]), \
                f"{mode}: {rule.strip()} draws a pair not in kiosk/content/contrast.py"


@pytest.mark.parametrize("mode", CONTRAST_MODES)
def test_the_out_of_order_window_takes_the_modes_colours(
        qtbot: QtBot, loaded: Loaded, mode: str) -> None:
    colours = palette(loaded, mode)
    screen = OutOfOrderScreen(kiosk_mode=False, colours=colours)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    assert colour_at(screen.grab().toImage(), QPoint(4, 4)) == colours.background
    for label in screen.findChildren(QLabel):
        assert words_colour(label) in (colours.text, colours.muted), label.text()


def test_without_a_theme_the_out_of_order_window_looks_like_the_shipped_one(
        shipped: Loaded) -> None:
    assert shipped.theme.colours == SHIPPED_COLOURS


def test_a_text_box_and_a_button_keep_their_place_when_the_ring_comes(
        qtbot: QtBot, waiting: KioskWindow) -> None:
    begin(qtbot, waiting)
    field = waiting.findChild(QLineEdit, "text_first-name")
    home = find_button(waiting, "bar_home")
    assert isinstance(field, QLineEdit) and isinstance(home, QPushButton)
    places = [(w.geometry(), w.mapTo(waiting, QPoint(0, 0))) for w in (field, home)]
    for control in (field, home):
        focused(qtbot, waiting, control)
    assert [(w.geometry(), w.mapTo(waiting, QPoint(0, 0))) for w in (field, home)] == places
