"""The kiosk without touch: Tab, Shift+Tab, the arrows, Space and Enter, from a keyboard or a
switch.

Tab and Shift+Tab go from stop to stop in reading order (the screen's stops, then the bottom
bar's), round again at the end. A group of choices (the answers of a question, the 0-10 scale,
a number pad, the bar's languages or text sizes) is one Tab stop, entered at its chosen
control or its first, and the arrows move inside it (Home and End to its ends) without
choosing anything, so passing over "Yes" never answers a question. Until a patient presses an
arrow key, though, Tab visits every control of a group in turn: a switch that sends only Tab
and Enter reaches every answer that way, and so does anyone who never uses the arrows. On a
control of its own the arrows go on or back as Tab and Shift+Tab do; in a text box and on a
reading area they do what they do there.

Space and Enter press the focused control (Qt's own buttons take only Space), except where a
keyboard types into the control (the box a number goes in, a date's fields): there Return goes
on, as in a text box. On the reading area of a topic they turn the page. Escape does nothing,
anywhere. Any key starts a visit on the attract loop, as a touch does.

When a screen opens, the first control takes the focus for a patient using keys; for one who
touches, focus rests where no control looks picked (a question's text box or number pad
still takes the keys). The first key pressed with the focus nowhere shows where it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QScrollArea,
    QWidget,
)

from kiosk.ui.key_stops import RETURN_GOES_ON, Group, Stop, found_stops, reachable

if TYPE_CHECKING:
    from kiosk.ui.parts import Screen
    from kiosk.ui.window import KioskWindow

Key = Qt.Key
ARROWS = frozenset({Key.Key_Up, Key.Key_Down, Key.Key_Left, Key.Key_Right})
BACKWARDS = frozenset({Key.Key_Up, Key.Key_Left})
ENDS = frozenset({Key.Key_Home, Key.Key_End})
RETURNS = frozenset({Key.Key_Return, Key.Key_Enter})
MODIFIERS = frozenset({Key.Key_Shift, Key.Key_Control, Key.Key_Alt, Key.Key_Meta,
                       Key.Key_AltGr, Key.Key_CapsLock, Key.Key_NumLock})
TOUCHES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
NAME = "kiosk_key_moves"


class KeyMoves(QObject):
    """Watches the application's keys for one kiosk window and moves its focus."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.setObjectName(NAME)
        self._window = window
        #: The patient's last input was a key (not a touch).
        self.keys_in_use = False
        #: The patient has used an arrow key this visit: a group is one Tab stop from now on.
        self.arrows_used = False
        window.wiped.connect(self._forget)
        window.idle.watch_keys(self.key_or_touch)  # the application's one event filter

    def _forget(self) -> None:
        self.arrows_used = False

    # -- where focus goes ------------------------------------------------------------------

    def _screen(self) -> Screen:
        return self._window.page(self._window.place.screen)

    def stops(self) -> list[Stop]:
        """The stops of the screen on show, then those of the bar when it is shown."""
        bar = self._window.bar
        return [*self._screen().key_stops(), *(found_stops(bar) if bar.isVisible() else [])]

    def sequence(self) -> list[tuple[QWidget, Group | None]]:
        """What Tab visits, in order: each control, with the group it belongs to."""
        visited: list[tuple[QWidget, Group | None]] = []
        for stop in self.stops():
            if not isinstance(stop, Group):
                if reachable(stop):
                    visited.append((stop, None))
            elif self.arrows_used:
                entry = stop.entry()
                if entry is not None:
                    visited.append((entry, stop))
            else:
                visited.extend((control, stop) for control in stop.shown())
        return visited

    def settle(self, screen: Screen) -> None:
        """`screen` has just come up, or shows something new: focus to its first control for a
        patient using keys, else where the screen rests it."""
        if not self.keys_in_use:
            screen.rest_focus()
            return
        for stop in screen.key_stops():
            target = stop.entry() if isinstance(stop, Group) else stop
            if (target is not None and reachable(target)
                    and not isinstance(target, QAbstractScrollArea)):
                focus(target)
                return
        screen.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys ------------------------------------------------------------------------------

    def key_or_touch(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        """A key or touch anywhere in the application (`kind` is the event's type); True when
        the key was used here."""
        if kind in TOUCHES:
            if self._mine(watched):
                self.keys_in_use = False
                self._touched()
            return False
        if kind not in KEYS or not self._mine(watched):
            return False
        key_event = cast(QKeyEvent, event)
        key = Key(key_event.key())
        if key == Key.Key_Escape:
            return True  # nothing happens: no screen is left, nothing is cleared
        focused = QApplication.focusWidget()
        if kind != QEvent.Type.KeyPress or key in MODIFIERS or not (
                watched is focused or (focused is None and watched is self._window)):
            return False  # a release, a key going on to a parent, or a key sent elsewhere
        if key_event.spontaneous():  # from a keyboard: the on-screen one's keys (Return) are
            self.keys_in_use = True  # sent by the kiosk itself, and a touching patient stays so
        return self._pressed(watched, key, key_event)

    def _touched(self) -> None:
        """A touch takes the keys from a control to the screen itself, so that the control no
        longer looks picked; a text box keeps them (the on-screen keyboard stays up while Next
        is tapped)."""
        focused = QApplication.focusWidget()
        if (focused is not None and focused.window() is self._window
                and not focused.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)):
            self._screen().setFocus(Qt.FocusReason.MouseFocusReason)

    def _mine(self, watched: QObject) -> bool:
        return (shiboken6.isValid(self._window) and isinstance(watched, QWidget)
                and watched.window() is self._window)

    def _pressed(self, widget: QWidget, key: Key, event: QKeyEvent) -> bool:
        """True when the key was used here."""
        screen = self._screen()
        if screen.any_key():
            return True
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+C and the like are the text box's
        if key in ARROWS:
            self.arrows_used = True
        tab = key in (Key.Key_Tab, Key.Key_Backtab)
        if self._nowhere(widget, screen):
            if tab:
                self._tab(None, backwards=key == Key.Key_Backtab or shift)
            else:
                self.settle(screen)
            return True
        if tab:
            self._tab(widget, backwards=key == Key.Key_Backtab or shift)
            return True
        if key in ARROWS or key in ENDS:
            return self._within_group(widget, key)
        if key in RETURNS:
            return self._enter(widget, event)
        if key == Key.Key_Space and isinstance(widget, QAbstractScrollArea):
            turn_page(widget, -1 if shift else 1)
            return True
        return False

    def _nowhere(self, widget: QWidget, screen: Screen) -> bool:
        """Focus on nothing a patient can use: the window, the screen itself, a scrolling
        page a touch gave the keys to, or anything that is not on the screen or the bar."""
        if widget is self._window or widget is screen or not widget.isVisible():
            return True
        if isinstance(widget, QAbstractScrollArea) and _position(widget, self.sequence()) is None:
            return True  # a page a touch scrolled took the keys: it is no stop
        return not (screen.isAncestorOf(widget) or self._window.bar.isAncestorOf(widget))

    def _tab(self, widget: QWidget | None, backwards: bool) -> None:
        visited = self.sequence()
        if not visited:
            return
        here = _position(widget, visited) if widget is not None else None
        if here is None:
            target = visited[-1 if backwards else 0][0]
        else:
            target = visited[(here + (-1 if backwards else 1)) % len(visited)][0]
        focus(target)

    def _within_group(self, widget: QWidget, key: Key) -> bool:
        group = next((stop for stop in self.stops()
                      if isinstance(stop, Group) and widget in stop.controls), None)
        if group is None and isinstance(widget, QAbstractButton) and key in ARROWS:
            self._tab(widget, backwards=key in BACKWARDS)  # Qt's own order is not reading's
            return True
        if group is None:
            return False  # the arrows scroll a reading area, move in a text box
        shown = group.shown()
        if widget not in shown:
            return False
        if key in ENDS:
            target: QWidget | None = shown[0 if key == Key.Key_Home else -1]
        elif group.grid and key in (Key.Key_Up, Key.Key_Down):
            target = _above_or_below(widget, shown, up=key == Key.Key_Up)
        else:
            step = -1 if key in BACKWARDS else 1
            target = shown[(shown.index(widget) + step) % len(shown)]
        if target is not None:
            focus(target)
        return True

    def _enter(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return True  # a held key presses once: it never runs through the questions
        if isinstance(widget, QAbstractButton) and not widget.property(RETURN_GOES_ON):
            widget.click()
            return True
        if isinstance(widget, QAbstractScrollArea):
            turn_page(widget, 1)
            return True
        return False


def _position(widget: QWidget, visited: list[tuple[QWidget, Group | None]]) -> int | None:
    for index, (control, _) in enumerate(visited):
        if control is widget:
            return index
    for index, (_, group) in enumerate(visited):
        if group is not None and widget in group.controls:
            return index
    return None


def _above_or_below(widget: QWidget, shown: list[QWidget], up: bool) -> QWidget | None:
    """The key straight above (or below) `widget` in a grid of keys, if there is one."""
    here = _centre(widget)
    candidates = [c for c in shown
                  if (_centre(c).y() < here.y() if up else _centre(c).y() > here.y())]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs(_centre(c).y() - here.y()),
                                          abs(_centre(c).x() - here.x())))


def _centre(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), widget.rect().center())


def focus(target: QWidget) -> None:
    """Give `target` the keys, scrolled into sight where it sits in a scrolling page: now, and
    again once a page just built is laid out."""
    target.setFocus(Qt.FocusReason.TabFocusReason)
    in_sight(target)
    QTimer.singleShot(0, lambda: in_sight(target))


def in_sight(target: QWidget) -> None:
    """Scroll the pages that hold `target` (a list scrolling within a scrolling question: the
    inner one first) so that it shows, while it has the keys."""
    if not shiboken6.isValid(target) or not target.hasFocus():
        return
    parent = target.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(target)
        parent = parent.parentWidget()


def turn_page(area: QAbstractScrollArea, direction: int) -> None:
    """A page further down (or back up) a reading area."""
    area.verticalScrollBar().triggerAction(
        QAbstractSlider.SliderAction.SliderPageStepAdd if direction > 0
        else QAbstractSlider.SliderAction.SliderPageStepSub)


def moves_of(window: KioskWindow) -> KeyMoves:
    """The window's key moves, made the first time they are asked for."""
    found = window.findChild(KeyMoves, NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, KeyMoves) else KeyMoves(window)


def arrive(window: KioskWindow, screen: Screen) -> None:
    """`screen` came up in `window` (called as the window shows a place)."""
    moves_of(window).settle(screen)


def settle(screen: Screen) -> None:
    """A shown screen put up something new (the next question): focus as on arrival."""
    window = screen.window()
    moves = window.findChild(KeyMoves, NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(moves, KeyMoves) and screen.isVisible():
        moves.settle(screen)
