"""The on-screen keyboard's place in the kiosk window: above the bottom bar, made before the
window is first shown, its keys loaded just after the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kiosk.ui.nesting import nest
from kiosk.ui.parts import centred

if TYPE_CHECKING:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from kiosk.ui.keyboard import OnScreenKeyboard


class KeyboardFlow:
    """The kiosk window's keyboard (see KioskWindow)."""

    keyboard: OnScreenKeyboard | None
    language: str
    _layout: QVBoxLayout

    if TYPE_CHECKING:
        def isVisible(self) -> bool: ...  # noqa: N802 - Qt's names
        def isFullScreen(self) -> bool: ...  # noqa: N802
        def hide(self) -> None: ...
        def show(self) -> None: ...
        def showFullScreen(self) -> None: ...  # noqa: N802
        def activateWindow(self) -> None: ...  # noqa: N802

    def prepare_keyboard(self, keys_now: bool = True) -> None:
        """Build the on-screen keyboard, above the bar; it opens whenever a text field has
        focus. Qt draws a Qt Quick view only in a window that had it when it was first shown,
        so the kiosk makes the keyboard's (empty) view before that, and loads its keys, most
        of its cost, just after the first frame (`keys_now` False, then a second call). A
        keyboard first made in a visible window makes the window show again."""
        if self.keyboard is not None:
            if keys_now:
                self.keyboard.load_keys()
            return
        from kiosk.ui.keyboard import OnScreenKeyboard

        self.keyboard = OnScreenKeyboard(cast("QWidget", self), keys_now=keys_now)
        nest(self._layout, centred(self.keyboard), index=1)
        self._fit_keyboard()
        self.keyboard.set_language(self.language)
        if self.isVisible():
            full_screen = self.isFullScreen()
            self.hide()
            if full_screen:
                self.showFullScreen()
            else:
                self.show()
            self.activateWindow()

    def _fit_keyboard(self) -> None:
        if self.keyboard is not None:
            self.keyboard.fit(cast("QWidget", self))
