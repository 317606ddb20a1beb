"""The embedded on-screen keyboard: opens for a text field, types into it, never takes focus.

The panel opens as soon as a field has focus, but its keys come a moment later (Qt Virtual
Keyboard lists its layouts in a worker thread), so every test waits for the keys it needs to be
on screen before it taps them.

Every test starts with the windows of earlier tests deleted. pytest-qt closes them and asks for
their deletion, which Qt carries out whenever an event loop next runs, perhaps in the middle of a
later test; and deleting a closed window makes Qt drop the focused text field of the window in
use from the input method, so the keyboard closes and its keys type nothing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Set

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import keyboard
from kiosk.ui.keyboard import OnScreenKeyboard, enable_virtual_keyboard
from kiosk.ui.keyboard_qml import locale_for

NEEDS = ("the QApplication was made without Qt Virtual Keyboard: tests/conftest.py must call "
         "kiosk.ui.keyboard.enable_virtual_keyboard() before it (or PySide6-Addons is missing)")


class Window(QWidget):
    """A name field and a button over the keyboard, as a kiosk screen would have them."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("Next")
        self.field = QLineEdit()
        self.field.setObjectName("name")
        self.keyboard = OnScreenKeyboard()
        layout = QVBoxLayout(self)
        layout.addWidget(self.button)
        layout.addWidget(self.field)
        layout.addStretch()
        layout.addWidget(self.keyboard)


#: The letters every layout the kiosk offers has keys for.
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def show_window(qtbot: QtBot) -> Window:
    """A window on screen, with the focus on its button (so the keyboard is closed)."""
    if not OnScreenKeyboard.available():
        pytest.skip(NEEDS)
    made = Window()
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.button.setFocus()
    with qtbot.waitExposed(made):
        made.show()
    return made


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication) -> Iterator[Window]:
    made = show_window(qtbot)
    yield made
    made.close()


def keys(board: OnScreenKeyboard) -> dict[str, QQuickItem]:
    """The keys of the layout on screen, by the text they type, in lower case (the keys show
    capitals while the keyboard capitalises the first letter)."""
    assert board.root is not None
    found: dict[str, QQuickItem] = {}
    for item in board.root.findChildren(QQuickItem):
        meta = item.metaObject()
        if (meta.indexOfProperty("key") >= 0 and meta.indexOfProperty("text") >= 0
                and item.isVisible() and item.width() > 0):
            found.setdefault(str(item.property("text")).lower(), item)
    return found


def wait_for_keys(qtbot: QtBot, board: OnScreenKeyboard, wanted: Set[str]) -> None:
    """Until the keys that type `wanted` are on screen."""
    def on_screen() -> None:
        missing = wanted - keys(board).keys()
        assert not missing, f"no keys on screen for {sorted(missing)}"

    qtbot.waitUntil(on_screen)


def tap_key(qtbot: QtBot, board: OnScreenKeyboard, text: str) -> None:
    """A finger on the key that types `text`, once it is on screen."""
    assert board.view is not None
    wait_for_keys(qtbot, board, {text})
    key = keys(board)[text]
    centre = key.mapToScene(QPointF(key.width() / 2, key.height() / 2)).toPoint()
    qtbot.mouseClick(board.view, Qt.MouseButton.LeftButton, pos=centre)


def open_for(qtbot: QtBot, window: Window) -> None:
    """A tap on the name field; then the keyboard is open with its letter keys on screen."""
    qtbot.mouseClick(window.field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.keyboard.active and window.keyboard.height() > 0)
    wait_for_keys(qtbot, window.keyboard, LETTERS)


def test_enable_sets_the_environment(monkeypatch: pytest.MonkeyPatch,
                                     caplog: pytest.LogCaptureFixture) -> None:
    for name in ("QT_IM_MODULE", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "QT_QUICK_BACKEND"):
        monkeypatch.setenv(name, "")  # so that monkeypatch puts back what was there, or nothing
        monkeypatch.delenv(name)
    monkeypatch.setattr(OnScreenKeyboard, "_available", OnScreenKeyboard._available)
    with caplog.at_level(logging.WARNING, keyboard.__name__):
        enable_virtual_keyboard()
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"
    assert os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] == "1"
    assert os.environ["QT_QUICK_BACKEND"] == "software"


def test_a_clinic_can_switch_the_keyboard_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_IM_MODULE", "none")
    monkeypatch.setattr(OnScreenKeyboard, "_available", OnScreenKeyboard._available)
    enable_virtual_keyboard()
    assert os.environ["QT_IM_MODULE"] == "none"


def test_calling_enable_again_keeps_a_working_keyboard(qtbot: QtBot, window: Window,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """kiosk.app.start() may call it with the tests' QApplication already made."""
    with caplog.at_level(logging.WARNING, keyboard.__name__):
        enable_virtual_keyboard()
    assert OnScreenKeyboard.available()
    assert not caplog.records
    open_for(qtbot, window)


def test_kiosk_languages_map_to_keyboard_locales() -> None:
    assert locale_for("en") == "en_US"
    assert locale_for("es") == "es_ES"
    assert locale_for("es_ES") == "es_ES"
    assert locale_for("fr") is None


def test_closed_until_a_field_has_focus(qtbot: QtBot, window: Window) -> None:
    assert not window.keyboard.active
    assert window.keyboard.height() == 0
    open_for(qtbot, window)
    assert window.keyboard.panel() is not None
    width = window.keyboard.width()
    assert 0.25 * width <= window.keyboard.height() <= 0.45 * width


def test_focus_from_code_opens_it_and_focus_elsewhere_closes_it(qtbot: QtBot,
                                                                window: Window) -> None:
    window.field.setFocus()
    qtbot.waitUntil(lambda: window.keyboard.active and window.keyboard.height() > 0)
    qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.keyboard.active and window.keyboard.height() == 0)


def test_tapping_keys_types_into_the_field_which_keeps_focus(qtbot: QtBot,
                                                            window: Window) -> None:
    open_for(qtbot, window)
    assert window.keyboard.view is not None
    assert window.keyboard.view.focusPolicy() == Qt.FocusPolicy.NoFocus
    for letter in "ana":
        tap_key(qtbot, window.keyboard, letter)
    tap_key(qtbot, window.keyboard, " ")
    for letter in "ruiz":
        tap_key(qtbot, window.keyboard, letter)
    qtbot.waitUntil(lambda: window.field.text() == "Ana ruiz")
    assert QApplication.focusWidget() is window.field
    assert window.keyboard.active


def test_spanish_layout(qtbot: QtBot, window: Window) -> None:
    open_for(qtbot, window)
    assert "ñ" not in keys(window.keyboard)
    window.keyboard.set_language("es")
    assert window.keyboard.keyboard_locale == "es_ES"
    wait_for_keys(qtbot, window.keyboard, LETTERS | {"ñ"})
    for letter in "ñu":
        tap_key(qtbot, window.keyboard, letter)
    qtbot.waitUntil(lambda: window.field.text() == "Ñu")
    window.keyboard.set_language("en")
    qtbot.waitUntil(lambda: "ñ" not in keys(window.keyboard))
    wait_for_keys(qtbot, window.keyboard, LETTERS)


def test_unknown_language_keeps_the_layout(qtbot: QtBot, window: Window,
                                           caplog: pytest.LogCaptureFixture) -> None:
    window.keyboard.set_language("es")
    with caplog.at_level(logging.WARNING, keyboard.__name__):
        window.keyboard.set_language("fr")
    assert window.keyboard.keyboard_locale == "es_ES"
    assert "no keyboard layout for language 'fr'" in caplog.text


def test_no_second_top_level_window(qtbot: QtBot, window: Window) -> None:
    open_for(qtbot, window)
    tap_key(qtbot, window.keyboard, "a")
    qtbot.waitUntil(lambda: window.field.text() == "A")
    shown = [w for w in QGuiApplication.topLevelWindows() if w.isVisible()]
    assert shown == [window.windowHandle()]


def test_without_the_input_method_it_is_empty(qtbot: QtBot, qapp: QApplication,
                                              monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("QT_IM_MODULE", "none")
    monkeypatch.setattr(OnScreenKeyboard, "_available", None)
    with caplog.at_level(logging.WARNING, keyboard.__name__):
        board = OnScreenKeyboard()
    qtbot.addWidget(board)
    board.show()
    assert board.height() == 0
    assert board.view is None and board.panel() is None and not board.active
    assert not OnScreenKeyboard.available()
    board.set_language("es")
    assert "QT_IM_MODULE is 'none'" in caplog.text


def test_a_qml_error_leaves_it_empty(qtbot: QtBot, qapp: QApplication,
                                     monkeypatch: pytest.MonkeyPatch,
                                     caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("QT_IM_MODULE", "qtvirtualkeyboard")
    monkeypatch.setattr(OnScreenKeyboard, "_available", None)
    monkeypatch.setattr(keyboard, "QML", b"import QtQuick.NoSuchKeyboard\nItem {}\n")
    with caplog.at_level(logging.WARNING, keyboard.__name__):
        board = OnScreenKeyboard()
    qtbot.addWidget(board)
    board.show()
    assert board.height() == 0 and board.view is None
    assert not OnScreenKeyboard.available()
    assert 'module "QtQuick.NoSuchKeyboard" is not installed' in caplog.text


def test_height_follows_the_width(qtbot: QtBot, window: Window) -> None:
    open_for(qtbot, window)
    board = window.keyboard
    shape = board.height() / board.width()
    before = board.height()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: board.height() > before)
    assert board.height() / board.width() == pytest.approx(shape, abs=0.01)


def test_a_field_that_goes_away_closes_it(qtbot: QtBot, window: Window) -> None:
    open_for(qtbot, window)
    window.field.hide()
    qtbot.waitUntil(lambda: not window.keyboard.active and window.keyboard.height() == 0)


def test_a_new_keyboard_takes_the_panel_from_the_one_before(qtbot: QtBot,
                                                           window: Window) -> None:
    """Qt allows one keyboard panel: a keyboard built while another one still exists (its
    window closed, not yet deleted) leaves that one empty, and types on its own, also once the
    old keyboard is deleted."""
    open_for(qtbot, window)
    tap_key(qtbot, window.keyboard, "a")
    qtbot.waitUntil(lambda: window.field.text() == "A")
    window.close()
    new = show_window(qtbot)
    old_keyboard = window.keyboard
    assert old_keyboard.panel() is None and old_keyboard.view is None
    assert old_keyboard.height() == 0 and not old_keyboard.active
    open_for(qtbot, new)
    tap_key(qtbot, new.keyboard, "o")
    with qtbot.waitSignal(old_keyboard.destroyed):
        old_keyboard.deleteLater()
    for letter in "so":
        tap_key(qtbot, new.keyboard, letter)
    qtbot.waitUntil(lambda: new.field.text() == "Oso")
    assert QApplication.focusWidget() is new.field
    new.close()
