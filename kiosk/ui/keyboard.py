"""The on-screen keyboard: Qt Virtual Keyboard's `InputPanel`, embedded at the bottom of the window.

Left alone, Qt Virtual Keyboard opens its own top-level window, which a kiosk compositor may hide
or stack wrongly. Here the panel lives in a `QQuickWidget` inside the main window instead, with
focus policy `NoFocus` so that tapping a key never takes focus from the `QLineEdit` being typed
into; the keys reach the field through Qt's input method, as on a phone.

Call `enable_virtual_keyboard()` before the `QApplication` exists (the input-method plugin is
chosen when the application starts). `OnScreenKeyboard` then shows the panel whenever a text
field of its window gets focus (by a tap or from code), and collapses to zero height when focus
goes to anything that takes no text or the patient taps the panel's hide key. When the keyboard
cannot load (PySide6-Addons missing, a QML error, a missing system library) it stays an empty
widget of zero height, logs a warning, and `OnScreenKeyboard.available()` is False: the kiosk
never stops for lack of a keyboard.

Qt Virtual Keyboard allows one `InputPanel` in the application: all panels share one input
context, key engine and layout settings, and each sets its own input method on that engine, so
with two panels the keys may type through the other panel's input method, and type nothing once
that panel is deleted. Building an `OnScreenKeyboard` therefore takes the panel over at once:
the previous keyboard's panel and its QML engine are deleted before the new panel exists, and
the previous keyboard stays an empty widget of zero height. A closed window waiting to be
deleted never keeps a second panel alive beside the new one.

The keyboard widget only holds the panel's place in the layout; the `QQuickWidget` itself lies
over the window, reaching a key's height above that place, where a long press shows a key's
accented letters (á é í ó ú ü ñ ë ...) and a tap shows the key it types. Only the keys and that
open list or bubble are drawn and take touches (a widget mask), so the screen above stays in view.

The panel opens at once; its keys follow when Qt Virtual Keyboard has listed its layouts, which
it does in a worker thread, so the keys appear a moment after the panel itself.

Qt Virtual Keyboard is GPLv3 or commercial (see the README).
"""

from __future__ import annotations

import logging
import math
import weakref
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QRegion
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from kiosk.ui.input_method import choose_virtual_keyboard, keep_in_view
from kiosk.ui.keyboard_qml import (
    LOCALES,
    QML,
    QML_URL,
    input_method_chosen,
    locale_for,
    module_loads,
    qml_errors,
)

log = logging.getLogger(__name__)
#: The most of the window's height the keyboard takes: on a low screen the question, its help
#: line, the field and Next stay in sight above the keys (a key still stands ~60 px tall).
MOST_OF_HEIGHT = 0.38


def enable_virtual_keyboard() -> None:
    """Choose Qt Virtual Keyboard as the input method; call before the QApplication exists.

    Values already in the environment win, so a clinic can still switch the keyboard off with
    `QT_IM_MODULE=none`. Calling it again once the QApplication exists (tests reuse theirs)
    changes nothing, provided the first call came before the QApplication.

    Also: never open the keyboard's own top-level window (the panel is embedded by
    `OnScreenKeyboard`), and draw Qt Quick with the software renderer, so the keyboard needs no
    OpenGL, the rest of the window stays a plain raster widget, and it renders on the offscreen
    platform the tests use.
    """
    chosen_before = choose_virtual_keyboard()
    if QGuiApplication.instance() is not None and not chosen_before:
        log.warning("enable_virtual_keyboard() called after the QApplication was created: "
                    "no on-screen keyboard")
        OnScreenKeyboard._available = False


class OnScreenKeyboard(QWidget):
    """Qt Virtual Keyboard's panel, as tall as its width asks for while a text field has focus.

    Put one at the bottom of the window's layout. Qt allows a single `InputPanel`, so the
    newest keyboard has it: building another one deletes this one's panel at once. It is zero
    pixels high while no text field of its window has focus, and always when the keyboard is
    not available or has given its panel up.
    """

    #: None until known: the QML module loaded (True) or not, or the input method is not
    #: Qt Virtual Keyboard (False).
    _available: ClassVar[bool | None] = None

    #: The keyboard whose panel is the application's one `InputPanel`, if any.
    _holder: ClassVar[weakref.ReferenceType[OnScreenKeyboard] | None] = None

    def __init__(self, parent: QWidget | None = None, keys_now: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setAccessibleName("On-screen keyboard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)
        self._locale = LOCALES["en"]
        self.view: QQuickWidget | None = None
        self.root: QQuickItem | None = None
        self._watching_focus = False
        if OnScreenKeyboard._available is False or not input_method_chosen():
            OnScreenKeyboard._available = False
            return
        OnScreenKeyboard._take_panel_over()
        view = QQuickWidget(self)
        view.setObjectName("keyboard_view")
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        view.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        view.hide()
        self.view = view
        OnScreenKeyboard._holder = weakref.ref(self)
        if keys_now:
            self.load_keys()

    def load_keys(self) -> None:
        """Load the panel's QML (most of the keyboard's cost: Qt Quick and Qt Virtual
        Keyboard); the view itself was made with the keyboard."""
        view = self.view
        if view is None or self.root is not None:
            return
        component = QQmlComponent(view.engine(), view)
        component.setData(QML, QUrl(QML_URL))
        root = component.create() if component.isReady() else None
        if not isinstance(root, QQuickItem):
            log.warning("no on-screen keyboard (is PySide6-Addons installed?): %s",
                        qml_errors(component))
            OnScreenKeyboard._available = False
            self.view = None
            view.deleteLater()
            return
        OnScreenKeyboard._available = True
        view.setContent(QUrl(QML_URL), component, root)
        self.root = root
        root.setProperty("locale", self._locale)
        root.shapeChanged.connect(self._fit)  # type: ignore[attr-defined]
        self._fit()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._watching_focus = True

    @classmethod
    def _take_panel_over(cls) -> None:
        """Delete the previous keyboard's panel, if one is still there, before a new one is made."""
        holder = cls._holder() if cls._holder is not None else None
        cls._holder = None
        if holder is not None and shiboken6.isValid(holder):
            holder._give_up_panel()

    def _give_up_panel(self) -> None:
        """Delete the panel now, with its QML engine, and stay empty and zero pixels high."""
        view, self.view, self.root = self.view, None, None
        app = QApplication.instance()
        if self._watching_focus and isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        self._watching_focus = False
        if view is not None and shiboken6.isValid(view):
            shiboken6.delete(view)
        self.setFixedHeight(0)

    @classmethod
    def available(cls) -> bool:
        """True when the input method is Qt Virtual Keyboard and its QML module loads.

        Asks Qt once, which needs the QApplication (False before it exists); an
        `OnScreenKeyboard` that fails to build makes it False for good.
        """
        if cls._available is None and QGuiApplication.instance() is not None:
            cls._available = input_method_chosen() and module_loads()
        return bool(cls._available)

    def _root(self) -> QQuickItem | None:
        """The QML root, or None when there is none or Qt has already deleted it (at exit)."""
        if self.root is not None and not shiboken6.isValid(self.root):
            self.root = None
        return self.root

    @property
    def active(self) -> bool:
        """Whether the panel is showing (a text field has focus and asked for it)."""
        root = self._root()
        return root is not None and bool(root.property("active"))

    @property
    def keyboard_locale(self) -> str:
        """The keyboard locale last asked for, such as "es_ES"."""
        return self._locale

    def fit(self, window: QWidget) -> None:
        """The keys' height follows their width (about 0.31 of it); on a wide, low screen the
        keyboard is narrowed so it never takes more than `MOST_OF_HEIGHT` of the window's
        height."""
        screen = window.screen()
        height = min(window.height(), screen.availableGeometry().height()) if screen \
            else window.height()
        self.setMaximumWidth(min(window.width(), round(height * MOST_OF_HEIGHT / 0.31)))

    def set_language(self, code: str) -> None:
        """Switch the key layout: "en"/"en_US" (English, US) or "es"/"es_ES" (Spanish, Spain).

        The language key on the panel switches between the same two.
        """
        locale = locale_for(code)
        if locale is None:
            log.warning("no keyboard layout for language %r; keeping %s", code, self._locale)
            return
        self._locale = locale
        root = self._root()
        if root is not None:
            root.setProperty("locale", locale)

    def panel(self) -> QQuickItem | None:
        """The `InputPanel` item (for tests), or None when the keyboard is not available."""
        root = self._root()
        if root is None:
            return None
        found = root.findChild(QQuickItem, "inputPanel")
        return found if isinstance(found, QQuickItem) else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Open the panel for a text field of this window that got focus without a tap, and
        keep that field in sight above the keys.

        A tap on a field opens the panel by itself; focus moving to anything that takes no
        text closes it.
        """
        if not shiboken6.isValid(self) or new is None:
            return
        if not new.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            return
        if self._root() is not None and new.window() is self.window():
            QGuiApplication.inputMethod().show()
            if self.height() > 0:
                keep_in_view(new)

    def _fit(self) -> None:
        """As tall as the panel while it is active; zero pixels high otherwise."""
        root = self._root()
        if root is None:
            return
        height = math.ceil(float(root.property("panelHeight"))) if self.active else 0
        if height != self.height() or height != self.maximumHeight():
            self.setFixedHeight(height)
        self._place_view()

    # -- the panel drawn over the window ----------------------------------------------

    def _room(self) -> int:
        """Pixels above the keys where a long press shows its accented letters."""
        root = self._root()
        return math.ceil(float(root.property("room") or 0)) if root is not None else 0

    def _place_view(self) -> None:
        """Lay the panel over this widget's place in the window, reaching `_room()` higher
        up; only the keys and an open accent list or key bubble are drawn and take touches,
        so the screen shows (and answers taps) through the rest of that room."""
        view = self.view
        if view is None or not shiboken6.isValid(view):
            return
        host = self.window()
        if view.parentWidget() is not host:
            view.setParent(host)
        if not self.isVisible():
            view.hide()
            return
        # While closed the panel keeps its width (its keys' height follows from it) at no height.
        room = self._room() if self.height() > 0 else 0
        corner = self.mapTo(host, QPoint(0, 0))
        view.setGeometry(corner.x(), corner.y() - room, self.width(), self.height() + room)
        keys = QRegion(0, room, self.width(), self.height())
        root = self._root()
        popup = root.property("popupRect") if root is not None else None
        if isinstance(popup, QRectF) and not popup.isEmpty():
            keys = keys.united(QRegion(popup.toAlignedRect().intersected(view.rect())))
        view.setMask(keys)
        view.raise_()
        view.show()

    def accent_list(self) -> QRect:
        """Where the accented letters of a long-pressed key are drawn, in the window's
        coordinates; an empty rectangle while none are open."""
        root, view = self._root(), self.view
        if root is None or view is None or not bool(root.property("accentsOpen")):
            return QRect()
        popup = root.property("popupRect")
        if not isinstance(popup, QRectF):
            return QRect()
        shown = popup.toAlignedRect().intersected(view.mask().boundingRect())
        return shown.translated(view.mapTo(view.window(), QPoint(0, 0)))

    def event(self, event: QEvent) -> bool:
        """Follow this widget's place in the window with the panel."""
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                            QEvent.Type.Hide, QEvent.Type.ParentChange):
            self._place_view()
        if event.type() == QEvent.Type.Resize and self.height() > 0:
            focused = QApplication.focusWidget()
            if focused is not None and focused.window() is self.window():
                keep_in_view(focused)
        return super().event(event)


