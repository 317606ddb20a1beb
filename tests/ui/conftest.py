"""Widget-test fixtures: a kiosk window on the offscreen platform, driven like a patient would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.content.model import LanguageWords
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.window import KioskWindow
from tests.conftest import loop_turned

WindowFactory = Callable[..., KioskWindow]
Shown = TypeVar("Shown", bound=QWidget)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Build a shown kiosk window (kiosk mode unless told otherwise) and close it afterwards."""
    made: list[KioskWindow] = []

    def make(loaded: Loaded, kiosk_mode: bool = True, size: tuple[int, int] = (1280, 800)
             ) -> KioskWindow:
        window = KioskWindow(loaded, kiosk_mode=kiosk_mode)
        qtbot.addWidget(window)
        window.prepare_keyboard()
        window.look_for_voice()  # as the kiosk does after its first frame
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.allow_close()
        window.close()


@pytest.fixture
def window(make_window: WindowFactory, loaded: Loaded) -> KioskWindow:
    return make_window(loaded)


def tap(qtbot: QtBot, widget: QWidget) -> None:
    """A finger on a visible, enabled control, scrolled into view first as a patient would."""
    assert widget.isVisible(), f"{widget.objectName()} is not on screen"
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
        assert not widget.visibleRegion().isEmpty(), f"cannot scroll to {widget.objectName()}"
    assert widget.isEnabled(), f"{widget.objectName()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def on_screen(window: QWidget, kind: type[Shown], name: str) -> Shown:
    """The `kind` called `name` that is on screen (one the kiosk let go may linger, hidden,
    until the next turn of the event loop)."""
    loop_turned()
    found = [widget for widget in window.findChildren(kind, name) if widget.isVisible()]
    assert len(found) == 1, f"{len(found)} {kind.__name__} called {name!r} on screen"
    return found[0]


def find_button(window: QWidget, name: str) -> QPushButton:
    """The button called `name`, once the event loop has turned: the one on screen where a
    screen keeps others of that name out of view (the topics' tiles at another text size)."""
    loop_turned()
    found = window.findChildren(QPushButton, name)
    assert found, f"no button {name!r}"
    return next((button for button in found if button.isVisible()), found[0])


def shown_alone(qtbot: QtBot, widget: AnswerWidget, words: LanguageWords,
                size: tuple[int, int]) -> None:
    """An answer widget on screen by itself, in `words`' language at the normal text size."""
    qtbot.addWidget(widget)
    widget.show_words(words)
    widget.apply_metrics(26)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
