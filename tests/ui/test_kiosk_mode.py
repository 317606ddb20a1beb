"""In kiosk mode a patient cannot close, escape or open menus; broken content is handled calmly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Options, build_window
from kiosk.content.loader import Loaded
from kiosk.ui.screens.out_of_order import OutOfOrderScreen
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text


def test_close_requests_are_ignored(qtbot: QtBot, window: KioskWindow) -> None:
    assert window.close() is False
    assert window.isVisible()


def test_escape_does_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.place.screen == "home" and window.isVisible()


def test_no_context_menus(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    label = window.page("home").findChildren(QWidget)[0]
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    assert QApplication.sendEvent(label, event) is True, "the kiosk swallows the request"
    assert QApplication.activePopupWidget() is None


def test_windowed_mode_closes_normally(make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, kiosk_mode=False)
    assert window.close() is True


def test_broken_clinic_edit_shows_out_of_order_not_a_traceback(
        qtbot: QtBot, content_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    ui = content_copy / "en" / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("home: Home", "hme: Home"),
                  encoding="utf-8")
    shown = build_window(Options(content=content_copy), kiosk_mode=True)
    qtbot.addWidget(shown)
    shown.show()
    assert isinstance(shown, OutOfOrderScreen)
    text = visible_text(shown)
    assert "This screen is out of order" in text and "Esta pantalla no funciona" in text
    assert "Traceback" not in text and "hme" not in text
    assert shown.close() is False, "the out-of-order screen stays up instead of crash-looping"
    logged = caplog.text
    assert "ui.yaml" in logged and "hme: unknown key (did you mean 'home'?)" in logged
    shown._kiosk_mode = False
    shown.close()


def test_a_wipe_clears_what_the_patient_copied(qtbot: QtBot, window: KioskWindow) -> None:
    """With a hardware keyboard, Ctrl+C, a wipe and Ctrl+V must not hand one patient's
    words to the next."""
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    field = window.findChild(QLineEdit, "text_first-name")
    assert field is not None
    field.setFocus()
    qtbot.keyClicks(field, "Ana")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "Ana", "the patient copied their name"
    window.wipe()
    assert clipboard.text() == ""
    if clipboard.supportsSelection():
        assert clipboard.text(QClipboard.Mode.Selection) == ""
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    field = window.findChild(QLineEdit, "text_first-name")
    assert field is not None and field.text() == ""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "", "the next patient pastes nothing"
