"""The staff tools' Check and Load buttons show the front desk what is wrong with the clinic's
files, whatever the files hold: file and line first, every one reachable by scrolling, and the
kiosk stays on the tools screen with its old content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.content.loader import DEFAULT_THEME, load_all
from kiosk.content.model import Loaded
from kiosk.decoding.errors import ContentError, ContentInvalid
from kiosk.ui.screens.staff_tools import ERRORS_SHOWN, error_list
from kiosk.ui.window import KioskWindow
from tests.domain import hostile_cases
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import open_tools, staff_window, with_pin


def message(window: KioskWindow) -> QLabel:
    label = window.findChild(QLabel, "staff_tools_message")
    assert label is not None
    return label


def assert_whole_message_can_be_scrolled_to(qtbot: QtBot, window: KioskWindow) -> None:
    """The label is as tall as its wrapped text, inside a scroll area: nothing is cut off."""
    label = message(window)
    scroll = window.findChild(QScrollArea, "staff_tools_message_scroll")
    assert scroll is not None and scroll.isAncestorOf(label)

    def laid_out() -> None:
        assert label.height() >= label.heightForWidth(label.width())
        assert label.width() <= scroll.viewport().width()

    qtbot.waitUntil(laid_out)


def test_check_and_load_show_every_hostile_file_with_its_file_and_line(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        content_copy: Path, settings_copy: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    window.content_loader = lambda: with_pin(load_all(content_copy, settings_copy,
                                                      DEFAULT_THEME))
    expected = hostile_cases.make(content_copy.parent, hostile_cases.CASES)
    open_tools(qtbot, window)
    tap(qtbot, find_button(window, "staff_check_content"))
    assert hostile_cases.missing(expected, message(window).text().split("\n")) == []
    assert_whole_message_can_be_scrolled_to(qtbot, window)
    tap(qtbot, find_button(window, "staff_reload_content"))
    shown = message(window).text().split("\n")
    assert "keeps the old content" in shown[0]
    assert hostile_cases.missing(expected, shown[1:]) == []
    assert window.place.screen == "staff_tools"
    assert "Idle warning after 600 s" in visible_text(window), "the old settings stay in use"
    assert window.store is not None
    assert [action for _, action, _ in window.store.audit_trail()][-1] == \
        "content reload refused"


def test_a_fault_of_the_kiosk_while_loading_is_shown_not_lost(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)

    def broken_loader() -> Loaded:
        raise OSError("the content drive went away")

    window.content_loader = broken_loader
    open_tools(qtbot, window)
    tap(qtbot, find_button(window, "staff_check_content"))
    assert ("content:0: could not be read again (OSError: the content drive went away)"
            in visible_text(window))
    assert window.place.screen == "staff_tools"


def test_a_long_list_says_how_many_more_check_content_would_list() -> None:
    errors = [ContentError("content/en/ui.yaml", n, "home", "text is empty")
              for n in range(1, ERRORS_SHOWN + 8)]
    lines = error_list(ContentInvalid(errors)).split("\n")
    assert len(lines) == ERRORS_SHOWN + 1
    assert lines[-1] == "… +7"
