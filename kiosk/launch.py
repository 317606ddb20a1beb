"""Putting the kiosk on screen as it starts: the stored picture of its welcome loop first, when
one still matches (kiosk/ui/opening.py), then the kiosk's own window in its place.

With a picture, the first frame comes after Qt's widgets and one file read, before the content, the
window's code and the on-screen keyboard are loaded; without one (the first start, a change
to the clinic's files or the kiosk, another screen size, out of order) the window is built
and shown straight away, as it always is after the picture. The start-up benchmark launches
the kiosk through here too, so its figures are the kiosk's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Options, application, start
from kiosk.ui.after_paint import after_first_paint

if TYPE_CHECKING:
    from kiosk.ui.opening import Opening

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1280, 800)


def present(widget: QWidget, windowed: bool) -> None:
    """Show a window as the kiosk shows itself: full screen, frameless and on top (filling the
    screen even where no window manager runs); or, windowed, a plain window."""
    if windowed:
        widget.resize(*WINDOWED_SIZE)
        widget.show()
        return
    from PySide6.QtCore import Qt  # Qt's namespace costs ~20 ms to load: only where needed

    widget.setWindowFlags(Qt.WindowType.FramelessWindowHint
                          | Qt.WindowType.WindowStaysOnTopHint)
    screen = QApplication.primaryScreen()
    if screen is not None:
        widget.setGeometry(screen.geometry())
    widget.showFullScreen()


def window_size(windowed: bool) -> QSize | None:
    """The size the kiosk's window will have on this screen."""
    if windowed:
        return QSize(*WINDOWED_SIZE)
    screen = QApplication.primaryScreen()
    return screen.geometry().size() if screen is not None else None


class Launch:
    """One start of the kiosk on screen; `before_window()` is called just before the kiosk's
    window is built (after the picture's first frame, if there is one), and `ready(window)`
    after that window has drawn its first frame (and the picture before it is gone)."""

    def __init__(self, options: Options, data: Path | None,
                 ready: Callable[[QWidget], object] = lambda window: None,
                 before_window: Callable[[], object] = lambda: None) -> None:
        self.options = options
        self.data = data
        self._ready = ready
        self._before_window = before_window
        self._key = ""
        self.opening: Opening | None = None
        self.window: QWidget | None = None

    def begin(self) -> QWidget:
        """Show the first thing the kiosk shows, and return it: the picture, or the window."""
        application()
        self.opening = self._opening()
        if self.opening is None:
            return self._start_window()
        present(self.opening, self.options.windowed)
        after_first_paint(self.opening, self._start_window)
        return self.opening

    def _opening(self) -> Opening | None:
        size = window_size(self.options.windowed)
        if self.options.out_of_order or self.data is None or size is None:
            return None
        from kiosk.ui.opening import Opening, drawn_from, stored_picture

        self._key = drawn_from([self.options.content, self.options.settings,
                                self.options.theme])
        picture = stored_picture(self.data, self._key, size)
        return Opening(picture) if picture is not None else None

    def _start_window(self) -> QWidget:
        self._before_window()
        _, window = start(self.options, self.data)
        self.window = window
        present(window, self.options.windowed)
        if self.opening is not None:
            self.opening.hand_over(window)
        after_first_paint(window, self._window_drawn)
        return window

    def _window_drawn(self) -> None:
        window = self.window
        assert window is not None
        if self.opening is not None:  # its picture matched: nothing new to keep
            self.opening.close()
            self.opening.deleteLater()
            self.opening = None
            window.activateWindow()  # the keys typed from now on go to the kiosk
        else:
            self._keep_picture(window)
        self._ready(window)

    def _keep_picture(self, window: QWidget) -> None:
        """A picture of the welcome loop for the next start, while no one has touched it."""
        from kiosk.ui.window import KioskWindow

        if (self.data is None or not isinstance(window, KioskWindow) or window.out_of_order
                or window.place.screen != "attract" or window.visit is not None
                or window.fading):
            return
        from kiosk.ui.opening import drawn_from, keep_picture

        key = self._key or drawn_from([self.options.content, self.options.settings,
                                       self.options.theme])
        keep_picture(window, self.data, key)
