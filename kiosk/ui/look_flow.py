"""The patient's language, text size and colours across the window's screens.

A mix-in of the window. A change is made at once on the screen in view only: the window's
style sheet is for the kiosk's resting text size, and a patient's other size is a sheet of each
screen's own, given when the screen is shown (`KioskWindow.page`), so a change restyles one
screen and not all the window holds. The other built screens catch up while the patient
reads (one per pause, through the window's ReadyAhead), or when shown, whichever comes first.
Staff screens keep the clinic's own size whatever the patient chose, so staff mode opening and
closing restyles nothing of the patient's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtGui import QFont

from kiosk.content.model import Loaded
from kiosk.content.settings import TEXT_SIZES, TextSize
from kiosk.ui import style
from kiosk.ui.parts import Screen
from kiosk.ui.place import STAFF_SCREENS, Place

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.ahead import ReadyAhead
    from kiosk.ui.keyboard import OnScreenKeyboard


class ScreenStyle(NamedTuple):
    """What a screen is given for a text size: its body text in pixels, and a style sheet and
    font of its own (empty at the kiosk's resting size: it follows the window's)."""

    body: int
    sheet: str
    font: QFont


class LookFlow:
    """The language, size and colours part of the kiosk window (see KioskWindow)."""

    language: str
    text_size: TextSize
    contrast: str
    keyboard: OnScreenKeyboard | None
    ahead: ReadyAhead
    _loaded: Loaded
    _place: Place
    _screens: dict[str, Screen]
    _metrics: style.Metrics | None
    _patient_style: ScreenStyle
    _staff_style: ScreenStyle
    _looks: tuple[ScreenStyle, ...] = ()
    _make_looks: Callable[[], tuple[ScreenStyle, ...]]

    if TYPE_CHECKING:
        def page(self, name: str) -> Screen: ...
        def _show_bar(self) -> None: ...
        def screen_changed(self) -> None: ...
        def width(self) -> int: ...
        def height(self) -> int: ...
        def styleSheet(self) -> str: ...  # noqa: N802 - Qt's name
        def setStyleSheet(self, sheet: str) -> None: ...  # noqa: N802 - Qt's name

    def set_language(self, language: str) -> None:
        """Switch to `language`, keeping the patient's place."""
        self.language = language
        if self.keyboard is not None:
            self.keyboard.set_language(language)
        self.page(self._place.screen)  # the others catch up when they are next shown
        self._catch_up_ahead()
        self._show_bar()
        self.screen_changed()

    def set_text_size(self, size: str) -> None:
        self.text_size = size  # type: ignore[assignment]
        self._apply_style()
        self._show_bar()

    def _apply_style(self) -> None:
        """The window's style sheet is for the kiosk's resting text size; a patient's other
        size is a sheet of each screen's own, given to a screen when it is shown (`page`), so
        a change restyles the screen in view and not every screen the window holds."""
        theme, screen = self._loaded.theme, self._loaded.settings.screen
        width, height = self.width() or 1280, self.height() or 800
        accent = self._loaded.settings.clinic.accent_color
        self._metrics = style.metrics(theme, self.text_size, width, height, screen)
        resting = style.metrics(theme, self._loaded.settings.kiosk.text_size, width, height,
                                screen)
        bar = style.metrics(theme, "normal", width, height, screen)
        sheet = style.style_sheet(theme, accent, resting, bar, self.contrast)
        if sheet != self.styleSheet():  # restyling every widget is dear: only for a change
            cast("QWidget", self).setFont(style.app_font(theme, resting))
            self.setStyleSheet(sheet)

        def styled(sized: style.Metrics) -> ScreenStyle:
            """A screen's own sheet holds every colour too, so a contrast change reaches it;
            at the resting size a screen has no sheet or font of its own (the window's)."""
            if sized == resting:
                return ScreenStyle(sized.body, "", QFont())
            return ScreenStyle(sized.body,
                               style.style_sheet(theme, accent, sized, bar, self.contrast),
                               style.app_font(theme, sized))
        # Staff screens are always at the clinic's own size ("normal", as the bar is).
        self._patient_style, self._staff_style = styled(self._metrics), styled(bar)
        self._looks = ()  # worked out when a screen next asks, while the patient reads
        self._make_looks = lambda: tuple(
            styled(style.metrics(theme, size, width, height, screen)) for size in TEXT_SIZES)
        if self._place.screen in self._screens:
            self.page(self._place.screen)  # the others catch up when they are next shown
        self._catch_up_ahead()

    def patient_looks(self) -> tuple[ScreenStyle, ...]:
        """The patient's look at each text size, in the colours in use (what the reader and the
        topics make their pages in ahead: kiosk/ui/looked_screen.py)."""
        if not self._looks:
            self._looks = self._make_looks()
        return self._looks

    def _style_of(self, name: str) -> ScreenStyle:
        """The text size and style screen `name` is shown in (see `_apply_style`)."""
        return self._staff_style if name in STAFF_SCREENS else self._patient_style

    def _catch_up_ahead(self) -> None:
        """The other built screens take the patient's language, size and colours while the
        patient reads, one per pause (`page` would bring each up to date when shown), and the
        screen in view makes again what it makes ahead (the reader's other pages)."""
        steps: list[Callable[[], object]] = [
            functools.partial(self._catch_up, name) for name in self._screens
            if name != self._place.screen]
        shown = self._screens.get(self._place.screen)
        more = getattr(shown, "work_ahead", None)
        if callable(more):
            steps.extend(more())
        self.ahead.add(steps)

    def _catch_up(self, name: str) -> None:
        if name in self._screens:  # not one a wipe has dropped since
            more = getattr(self.page(name), "work_ahead", None)
            if callable(more):
                self.ahead.add(more())

