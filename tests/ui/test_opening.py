"""The opening: the kiosk starts on a stored picture of its welcome loop, then its window takes
the screen; the picture is of the welcome loop alone, goes stale with any change to what drew
it, and a touch on it is not lost."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Options
from kiosk.launch import Launch
from kiosk.ui import qt_messages
from kiosk.ui.opening import PICTURE_FILE, Opening, drawn_from, stored_picture
from kiosk.ui.place import Place
from kiosk.ui.window import KioskWindow


class Started:
    """One launch of the kiosk, as `kiosk --windowed --data …` makes it, and what it did."""

    def __init__(self, qtbot: QtBot, options: Options) -> None:
        self.qtbot = qtbot
        self.ready: list[QWidget] = []
        self.launch = Launch(options, options.data, self.ready.append)
        self.first = self.launch.begin()

    def window(self) -> KioskWindow:
        self.qtbot.waitUntil(lambda: bool(self.ready))
        window = self.ready[0]
        assert isinstance(window, KioskWindow)
        return window


@pytest.fixture
def options(content_copy: Path, settings_copy: Path, data_dir: Path) -> Options:
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "animations: true", "animations: false"), encoding="utf-8")
    data_dir.mkdir(parents=True)
    return Options(settings=settings_copy, content=content_copy, data=data_dir, windowed=True)


@pytest.fixture
def launch(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Started]]:
    monkeypatch.setattr(qt_messages, "route_to_log", lambda: None)  # pytest-qt sees Qt's words
    name = QApplication.applicationName()
    started: list[Started] = []

    def make(qtbot: QtBot, options: Options) -> Started:
        one = Started(qtbot, options)
        started.append(one)
        return one

    yield make  # type: ignore[misc]
    for one in started:
        for window in one.ready:
            assert isinstance(window, KioskWindow)
            window.allow_close()
            window.close()
    QApplication.setApplicationName(name)


def key_of(options: Options) -> str:
    return drawn_from([options.content, options.settings, options.theme])


def test_a_first_start_shows_the_window_and_keeps_a_private_picture_of_its_welcome_loop(
        qtbot: QtBot, launch: type[Started], options: Options) -> None:
    assert options.data is not None
    first = launch(qtbot, options)
    assert isinstance(first.first, KioskWindow), "no picture yet: the window comes at once"
    window = first.window()
    assert window.place.screen == "attract"
    picture = stored_picture(options.data, key_of(options), QSize(1280, 800))
    assert picture is not None
    assert stat.S_IMODE((options.data / PICTURE_FILE).stat().st_mode) == 0o600
    assert picture.image == window.grab().toImage(), "the welcome loop as it was drawn"


def test_the_next_start_shows_the_picture_first_and_a_touch_on_it_reaches_the_kiosk(
        qtbot: QtBot, launch: type[Started], options: Options) -> None:
    launch(qtbot, options).window()
    again = launch(qtbot, options)
    opening = again.first
    assert isinstance(opening, Opening) and opening.isVisible()
    assert again.launch.window is None, "the window is built after the picture is drawn"
    middle = QPoint(640, 400)
    qtbot.mousePress(opening, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseRelease(opening, Qt.MouseButton.LeftButton, pos=middle)
    window = again.window()
    assert not shiboken6.isValid(opening) or not opening.isVisible(), "the picture is gone"
    assert window.isVisible()
    assert window.place == Place("home"), "the touch on the picture began a visit"
    assert window.language == "en", "in the language of the highlight that was on screen"


@pytest.mark.parametrize("change", ["settings", "content", "size"])
def test_a_picture_of_other_files_or_another_screen_size_is_not_shown(
        qtbot: QtBot, launch: type[Started], options: Options, change: str) -> None:
    launch(qtbot, options).window()
    assert options.data is not None
    if change == "settings":
        with options.settings.open("a", encoding="utf-8") as settings:
            settings.write("# the clinic edited its settings\n")
    elif change == "content":
        words = options.content / "en" / "ui.yaml"
        words.write_text(words.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    else:
        assert stored_picture(options.data, key_of(options), QSize(1920, 1080)) is None
        return
    again = launch(qtbot, options)
    assert isinstance(again.first, KioskWindow), "a stale picture is never shown"
    again.window()
    assert stored_picture(options.data, key_of(options), QSize(1280, 800)) is not None, (
        "a new picture replaces the stale one")


def test_no_picture_is_kept_of_a_window_a_patient_is_already_using(
        qtbot: QtBot, launch: type[Started], options: Options) -> None:
    assert options.data is not None
    first = launch(qtbot, options)
    window = first.first
    assert isinstance(window, KioskWindow)
    window.go(Place("home"))  # touched before the window's first frame was drawn
    first.window()
    assert not (options.data / PICTURE_FILE).exists()


def test_a_damaged_picture_is_not_shown(
        qtbot: QtBot, launch: type[Started], options: Options) -> None:
    assert options.data is not None
    launch(qtbot, options).window()
    stored = options.data / PICTURE_FILE
    stored.write_bytes(stored.read_bytes()[:-100])  # cut short, as by a full disk
    assert stored_picture(options.data, key_of(options), QSize(1280, 800)) is None
    again = launch(qtbot, options)
    assert isinstance(again.first, KioskWindow)
