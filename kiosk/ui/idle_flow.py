"""What the kiosk window does when the patient goes quiet: "Are you still there?", then a wipe.

A mix-in of the window. The attract loop, the warning itself and the urgent screen (which
stays until staff have seen the patient) are left alone; staff mode closes itself instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from kiosk.content.model import Loaded
from kiosk.ui.parts import Screen
from kiosk.ui.place import STAFF_SCREENS, Place

if TYPE_CHECKING:
    from kiosk.ui.screens.idle_warning import IdleWarningScreen

#: Screens the idle timer leaves alone: the loop itself, the warning, and the urgent screen,
#: which stays until staff have seen the patient.
UNTIMED_SCREENS = frozenset({"attract", "idle_warning", "urgent"})


class IdleFlow:
    """The idle part of the kiosk window (see KioskWindow)."""

    _loaded: Loaded
    _place: Place
    _before_warning: Place

    if TYPE_CHECKING:
        def page(self, name: str) -> Screen: ...
        def go(self, place: Place, remember: bool = True) -> None: ...
        def wipe(self) -> None: ...
        def close_staff_mode(self) -> None: ...

    def idle_screens(self) -> dict[str, Any]:
        return {"idle_warning": self._make_idle_warning}

    def _make_idle_warning(self) -> Screen:
        from kiosk.ui.screens.idle_warning import IdleWarningScreen

        warning = IdleWarningScreen(self._loaded.settings.kiosk.warning_seconds)
        warning.expired.connect(self.wipe)
        warning.continued.connect(self._continue_after_warning)
        return warning

    def _on_idle(self) -> None:
        if self._place.screen in UNTIMED_SCREENS:
            return
        if self._place.screen in STAFF_SCREENS:
            self.close_staff_mode()
            return
        self._before_warning = self._place
        warning = cast("IdleWarningScreen", self.page("idle_warning"))
        self.go(Place("idle_warning"), remember=False)
        warning.start()

    def _continue_after_warning(self) -> None:
        self.go(self._before_warning, remember=False)
