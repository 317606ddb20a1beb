"""A patient types on the kiosk's on-screen keyboard: accents, Return, long pastes, and the field
staying in sight above the keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.text_answer import TextAnswer
from kiosk.ui.window import KioskWindow
from tests.conftest import loop_turned
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_keyboard import LETTERS, keys, tap_key, wait_for_keys

Seen = TypeVar("Seen")


def once_still(qtbot: QtBot, look: Callable[[], Seen],
               check: Callable[[Seen], object] = lambda seen: None) -> Seen:
    """What `look` sees once two looks in a row see the same (the screen stands still, laid
    out after the keyboard moved it), `check` holding on it."""
    seen: list[Seen] = []

    def still() -> None:
        seen.append(look())
        assert len(seen) > 1 and seen[-1] == seen[-2], "the screen is still laid out again"
        check(seen[-1])

    qtbot.waitUntil(still)
    return seen[-1]


def begin(qtbot: QtBot, window: KioskWindow) -> QuestionScreen:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    screen = window.page("question")
    assert isinstance(screen, QuestionScreen)
    return screen


def text_answer(screen: QuestionScreen) -> TextAnswer:
    answer = screen._answer
    assert isinstance(answer, TextAnswer)
    return answer


def board_of(window: KioskWindow) -> OnScreenKeyboard:
    if not OnScreenKeyboard.available():
        pytest.skip("no Qt Virtual Keyboard")
    assert window.keyboard is not None
    return window.keyboard


def keyboard_up(qtbot: QtBot, window: KioskWindow) -> OnScreenKeyboard:
    board = board_of(window)
    qtbot.waitUntil(lambda: board.active and board.height() > 0)
    wait_for_keys(qtbot, board, LETTERS)
    return board


def key_centre(key: QQuickItem) -> QPoint:
    return key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint()


def drawn_items(item: QQuickItem) -> list[QQuickItem]:
    """Every visible item drawn under `item` (list rows included)."""
    found = []
    for child in item.childItems():
        if child.isVisible():
            found += [child, *drawn_items(child)]
    return found


def long_press_for(qtbot: QtBot, board: OnScreenKeyboard, letter: str, accented: str) -> None:
    """Hold the key for `letter` until its accented letters show, slide to `accented`, lift."""
    assert board.view is not None and board.root is not None
    wait_for_keys(qtbot, board, {letter})
    qtbot.mousePress(board.view, Qt.MouseButton.LeftButton, pos=key_centre(keys(board)[letter]))
    qtbot.waitUntil(lambda: not board.accent_list().isEmpty())
    shown = board.accent_list()
    window = board.window()
    assert QRect(QPoint(0, 0), window.size()).contains(shown), "accents drawn off the window"
    assert board.view.mask().contains(shown.translated(-board.view.pos())), "accents hidden"
    choices = [item for item in drawn_items(board.root)
               if item.metaObject().indexOfProperty("text") >= 0
               and str(item.property("text")).lower() == accented
               and shown.contains(board.view.mapTo(window, key_centre(item)))]
    assert choices, f"no {accented!r} among the accented letters on screen"
    qtbot.mouseMove(board.view, key_centre(choices[0]))
    qtbot.mouseRelease(board.view, Qt.MouseButton.LeftButton, pos=key_centre(choices[0]))


def test_the_keyboard_opens_on_the_first_name_of_a_fresh_kiosk(
        qtbot: QtBot, loaded: Loaded) -> None:
    """As the kiosk starts: the keyboard is built when the questions first open."""
    window = KioskWindow(loaded, kiosk_mode=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    screen = begin(qtbot, window)
    assert "What is your first name?" in visible_text(window)
    board = keyboard_up(qtbot, window)
    assert QApplication.focusWidget() is text_answer(screen).field
    assert board.view is not None and board.view.isVisible()
    window.close()


@pytest.mark.parametrize(("language", "name", "presses"), [
    ("en", "García", ["g", "a", "r", "c", ("i", "í"), "a"]),
    ("es", "Muñoz", ["m", "u", "ñ", "o", "z"]),
    ("en", "Zoë", ["z", "o", ("e", "ë")]),
    ("es", "Núñez", ["n", ("u", "ú"), "ñ", "e", "z"]),
])
def test_accented_names_typed_on_the_keys(qtbot: QtBot, make_window: WindowFactory,
                                          loaded: Loaded, language: str, name: str,
                                          presses: list[str | tuple[str, str]]) -> None:
    window = make_window(loaded)
    screen = begin(qtbot, window)
    window.set_language(language)
    field = text_answer(screen).field
    board = keyboard_up(qtbot, window)
    for press in presses:
        if isinstance(press, tuple):
            long_press_for(qtbot, board, *press)
        else:
            tap_key(qtbot, board, press)
    qtbot.waitUntil(lambda: field.text() == name)
    assert board.accent_list().isEmpty(), "the accents close once one is chosen"


def test_the_keyboards_enter_key_goes_to_the_next_question(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded)
    screen = begin(qtbot, window)
    board = keyboard_up(qtbot, window)
    wait_for_keys(qtbot, board, {"\n"})
    tap_key(qtbot, board, "\n")
    assert "Please answer this question to go on." in visible_text(window)
    assert screen.item is not None and screen.item.id == "first-name"
    for letter in "ana":
        tap_key(qtbot, board, letter)
    tap_key(qtbot, board, "\n")
    qtbot.waitUntil(lambda: "What is your last name?" in visible_text(window))
    assert window.place.screen == "question"


def test_a_patient_who_types_on_the_screen_is_not_taken_for_a_keyboard_user(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    """The keyboard's Enter is a touch: the next question does not put a focus ring on its
    first answer, as it does for a patient who uses a keyboard's keys."""
    window = make_window(loaded)
    screen = begin(qtbot, window)
    board = keyboard_up(qtbot, window)
    wait_for_keys(qtbot, board, {"\n"})
    for word in ("ana", "lee"):
        for letter in word:
            tap_key(qtbot, board, letter)
        tap_key(qtbot, board, "\n")
    qtbot.waitUntil(lambda: screen.item is not None and screen.item.id == "birth-date")
    loop_turned()
    ringed = QApplication.focusWidget()
    assert not isinstance(ringed, QPushButton | QLineEdit), \
        f"{ringed.objectName() if ringed else None} wears the keyboard's focus ring"


def test_return_on_a_hardware_keyboard_goes_on(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded)
    screen = begin(qtbot, window)
    field = text_answer(screen).field
    field.setFocus()
    qtbot.keyClicks(field, "Ana")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "What is your last name?" in visible_text(window)


def test_a_long_paste_is_cut_and_the_patient_is_told(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded)
    screen = begin(qtbot, window)
    answer = text_answer(screen)
    assert answer.limit == 40
    QGuiApplication.clipboard().setText("x" * 5000)
    answer.field.setFocus()
    answer.field.paste()
    assert answer.field.text() == "x" * 40
    shown = visible_text(window)
    assert "Only 40 letters fit here. Letters left out at the end: 4960." in shown
    assert "40 of 40" in shown
    QGuiApplication.clipboard().clear()
    window.set_language("es")
    assert "Aquí caben solo 40 letras. Letras que quedaron fuera al final: 4960." in (
        visible_text(window))
    qtbot.keyClick(answer.field, Qt.Key.Key_Backspace)
    assert "Only" not in visible_text(window) and "39 de 40" in visible_text(window)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_the_field_stays_in_sight_above_the_keyboard(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded,
        size: tuple[int, int], text_size: str) -> None:
    window = make_window(loaded, size=size)
    window.set_text_size(text_size)
    screen = begin(qtbot, window)
    board = keyboard_up(qtbot, window)
    for _ in range(2):  # the first name, then the last name with the keyboard already up
        field = text_answer(screen).field

        def in_sight(field: QLineEdit = field) -> None:
            place = QRect(field.mapTo(window, QPoint(0, 0)), field.size())
            keys_top = board.mapTo(window, QPoint(0, 0)).y()
            assert place.bottom() < keys_top, f"{place} reaches under the keys at {keys_top}"
            assert QRect(QPoint(0, 0), window.size()).contains(place)
            assert not field.visibleRegion().isEmpty()

        qtbot.waitUntil(in_sight)
        tap_key(qtbot, board, "a")
        tap_key(qtbot, board, "\n")
        qtbot.waitUntil(lambda: "last name" in visible_text(window) or screen.item is None
                        or screen.item.id != "first-name")


def test_a_tap_on_next_just_above_the_keys_goes_on_at_once(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    """At the largest text on a 1280x800 screen Next shows just above the keys. The finger
    comes down and lifts there, through the window as a touch screen's does: the name stays
    in its box with the keyboard up until the next question opens, so Next is still under the
    finger when it lifts (it had moved away, and the tap was lost)."""
    window = make_window(loaded, size=(1280, 800))
    window.activateWindow()  # as the kiosk's is (kiosk/launch.py)
    qtbot.waitUntil(window.isActiveWindow)
    screen = begin(qtbot, window)
    window.set_text_size("largest")
    board = keyboard_up(qtbot, window)
    tap_key(qtbot, board, "a")
    next_button = find_button(window, "question_next")

    def finger_on_next() -> QPoint:  # where the finger goes, once the screen stands still
        shown = next_button.visibleRegion().boundingRect()
        return next_button.mapTo(window, QPoint(shown.center().x(), shown.top() + 4))
    point = once_still(qtbot, finger_on_next)
    assert window.childAt(point) is next_button, "Next shows above the keys"
    surface = window.windowHandle()
    for finger in (qtbot.mousePress, qtbot.mouseRelease):
        finger(surface, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert screen.item is not None and screen.item.id == "last-name"


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_low_screen_the_question_s_help_stays_in_sight_above_the_keys(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, language: str) -> None:
    """1280x800 at the clinic's text size: with the keyboard up, the help under the question
    ("Write their names. If you are not sure of a name, say what happened.") is read whole,
    not scrolled away under the keys."""
    window = make_window(loaded, size=(1280, 800))
    screen = begin(qtbot, window)
    window.set_language(language)
    screen._session.answer("medicine-allergies", "yes")
    screen.open("medicine-allergies-which")
    board = keyboard_up(qtbot, window)
    help_line = screen.findChild(QLabel, "question_help")
    assert help_line is not None
    assert help_line.text() == loaded.content.words(language).questionnaire.items[
        "medicine-allergies-which"].help

    def keys_top_and_help_in_sight() -> tuple[int, QRect]:
        return board.mapTo(window, QPoint(0, 0)).y(), help_line.visibleRegion().boundingRect()

    def read_whole(seen: tuple[int, QRect]) -> None:
        keys_top, in_sight = seen
        assert in_sight == help_line.rect(), f"only {in_sight} of {help_line.rect()} read"
        assert help_line.mapTo(window, QPoint(0, help_line.height())).y() < keys_top

    once_still(qtbot, keys_top_and_help_in_sight, read_whole)
