"""The short fade in of each new screen: one animation for the whole window, reused.

It animates an opacity effect lent to the screen coming in; the effect goes when the fade
ends, when the next one starts, or when its screen leaves the stack (a wipe or new content),
so no screen and no animation is kept alive by an old fade.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QObject, QPropertyAnimation
from PySide6.QtWidgets import QGraphicsOpacityEffect, QStackedWidget, QWidget

FADE_MS = 150


class ScreenFade(QObject):
    """Fades the screens of one stack in."""

    def __init__(self, stack: QStackedWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._stack = stack
        self._animation = QPropertyAnimation(self)
        self._animation.setObjectName("screen_fade")
        self._animation.setPropertyName(b"opacity")
        self._animation.setDuration(FADE_MS)
        self._animation.setStartValue(0.2)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.finished.connect(self.end)
        stack.widgetRemoved.connect(self._screen_removed)

    def fade_in(self, target: QWidget) -> None:
        """Fade `target` in; a fade still running on the screen before ends at once."""
        self.end()
        effect = QGraphicsOpacityEffect(target)
        target.setGraphicsEffect(effect)
        self._animation.setTargetObject(effect)
        self._animation.start()

    @property
    def running(self) -> bool:
        return self._animation.state() == QAbstractAnimation.State.Running

    def _faded_screen(self) -> QWidget | None:
        """The screen the fade's effect is lent to, if it is still there."""
        if not shiboken6.isValid(self._animation):  # the window is being deleted
            return None
        effect = self._animation.targetObject()
        if effect is None or not shiboken6.isValid(effect):
            return None
        screen = effect.parent()
        return screen if isinstance(screen, QWidget) else None

    def end(self) -> None:
        """Stop the fade and take its effect off the screen (which deletes the effect)."""
        screen = self._faded_screen()
        self._animation.stop()
        self._animation.setTargetObject(None)  # type: ignore[arg-type]
        if screen is not None:
            screen.setGraphicsEffect(None)  # type: ignore[arg-type]

    def _screen_removed(self, _index: int) -> None:
        """A screen left the stack: a fade on it ends with it."""
        screen = self._faded_screen()
        if screen is not None and self._stack.indexOf(screen) < 0:
            self.end()
