"""The on-screen keyboard's QML panel, its locales, and whether Qt Virtual Keyboard can load
here (the input method chosen, its QML module and the libraries under it present). Kept apart
from the widget that embeds the panel (kiosk/ui/keyboard.py)."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine

from kiosk.ui.input_method import IM_MODULE

log = logging.getLogger(__name__)


#: Keyboard locales the kiosk offers, by the kiosk's language codes.
LOCALES = {"en": "en_US", "es": "es_ES"}

#: The panel and the two settings the kiosk changes: language and which languages the
#: language key cycles through. Python sets `locale`; the bindings hand it to the keyboard.
QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    property string locale: "en_US"
    property var locales: ["en_US", "es_ES"]
    readonly property alias active: panel.active
    readonly property real panelHeight: panel.height
    readonly property bool uppercase: InputContext.uppercase
    // Room above the keys for the accent list a long press opens (and the bubble a tap shows).
    readonly property real room: panel.keyboard.style
        ? Math.ceil(panel.keyboard.style.alternateKeysListItemHeight
                    + panel.keyboard.style.alternateKeysListBottomMargin) : 0
    readonly property bool accentsOpen: panel.keyboard.alternativeKeys.visible
    // Where the accent list or the key bubble is drawn, in this item; empty when neither is.
    // (Their x, y and width are read so the rectangle follows them when they move.)
    readonly property rect popupRect: {
        const board = panel.keyboard
        const list = board.alternativeKeys.listView
        if (board.alternativeKeys.visible && list.x + list.y + list.width > -1e9) {
            const at = list.mapToItem(root, 0, 0)
            return Qt.rect(at.x, at.y, list.width, list.height)
        }
        const bubble = board.characterPreview
        if (bubble.visible && bubble.x + bubble.y + bubble.width > -1e9) {
            const at = bubble.mapToItem(root, 0, 0)
            return Qt.rect(at.x, at.y, bubble.width, bubble.height)
        }
        return Qt.rect(0, 0, 0, 0)
    }
    signal shapeChanged()
    onActiveChanged: shapeChanged()
    onPanelHeightChanged: shapeChanged()
    onRoomChanged: shapeChanged()
    onPopupRectChanged: shapeChanged()

    Binding { target: VirtualKeyboardSettings; property: "activeLocales"; value: root.locales }
    Binding { target: VirtualKeyboardSettings; property: "locale"; value: root.locale }

    InputPanel {
        id: panel
        objectName: "inputPanel"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: root.room
    }
}
"""

QML_URL = "qrc:/kiosk/keyboard.qml"  # names the inline QML in Qt's messages; not a real file

#: Only imports: does the QML module (and the libraries under it) load?
PROBE_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
QtObject {}
"""


def locale_for(code: str) -> str | None:
    """The keyboard locale for a kiosk language ("es") or keyboard locale ("es_ES")."""
    if code in LOCALES.values():
        return code
    return LOCALES.get(code)


def qml_errors(component: QQmlComponent) -> str:
    return "; ".join(error.toString() for error in component.errors()) or "no object made"


def input_method_chosen() -> bool:
    if os.environ.get("QT_IM_MODULE") == IM_MODULE:
        return True
    log.warning("no on-screen keyboard: QT_IM_MODULE is %r, not %r (enable_virtual_keyboard() "
                "must run before the QApplication)", os.environ.get("QT_IM_MODULE"), IM_MODULE)
    return False


def module_loads() -> bool:
    """Whether the keyboard's QML module and the libraries under it load, in a spare engine."""
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(PROBE_QML, QUrl("qrc:/kiosk/keyboard-probe.qml"))
    made: QObject | None = component.create() if component.isReady() else None
    if made is None:
        log.warning("no on-screen keyboard (is PySide6-Addons installed?): %s",
                    qml_errors(component))
    else:
        made.deleteLater()
    engine.deleteLater()
    return made is not None
