"""Watches the whole application for touches and says when the patient has gone quiet."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

#: Events that mean a person is at the screen.
ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress,
    QEvent.Type.Wheel, QEvent.Type.InputMethod,
})


CONTEXT_MENU = QEvent.Type.ContextMenu
PRESS = QEvent.Type.MouseButtonPress
#: What a key watcher is shown (`IdleWatch.watch_keys`): presses, touches and keys.
FOR_KEYS = frozenset({PRESS, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
                      QEvent.Type.KeyRelease})
#: Every event this filter looks at; the rest (paints, moves, timers ...) pass at once.
WATCHED = ACTIVITY | FOR_KEYS | {CONTEXT_MENU}
KeyWatcher = Callable[[QObject, QEvent, QEvent.Type], bool]


class IdleWatch(QObject):
    """Emits `idle` after `seconds` without any touch, key or mouse movement in the app.

    It is the application's one event filter (each event costs a call into Python), so it
    also swallows context-menu requests (a kiosk has no menus for a patient to open) and hands
    keys and touches to the window's key moves (`watch_keys`).
    """

    idle = Signal()
    pressed = Signal(QPointF)  # a finger down anywhere, in screen coordinates

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.timeout.connect(self.idle)
        self._last_press: tuple[int, object] | None = None
        self._since_input = QElapsedTimer()
        self._since_input.start()
        self._keys: KeyWatcher | None = None
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def watch_keys(self, watcher: KeyWatcher) -> None:
        """Show `watcher` every press, touch and key (after this watch has seen it); when it
        returns True the key was used and goes no further."""
        self._keys = watcher

    def set_seconds(self, seconds: float) -> None:
        """A different quiet time from now on (staff mode has its own)."""
        self._timer.setInterval(max(1, round(seconds * 1000)))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def since_input_ms(self) -> int:
        """How long ago the last touch, key or wheel came (or this watch began)."""
        return self._since_input.elapsed()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def seconds_left(self) -> float:
        """How long until the patient counts as gone (0 while not watching)."""
        return max(0, self._timer.remainingTime()) / 1000 if self._timer.isActive() else 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in WATCHED:
            return False
        if kind == PRESS:
            press = cast(QMouseEvent, event)
            key = (press.timestamp(), press.globalPosition().toPoint().toTuple())
            if key != self._last_press:  # the same press passes several widgets
                self._last_press = key
                self.pressed.emit(press.globalPosition())
        if kind in ACTIVITY:
            self._since_input.restart()
            if self._timer.isActive():
                self._timer.start()
        if kind in FOR_KEYS and self._keys is not None:
            return self._keys(watched, event, kind)
        return kind == CONTEXT_MENU

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
