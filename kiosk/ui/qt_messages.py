"""Qt's own messages go to the kiosk log, without the noise of running offscreen."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

#: Messages Qt prints that say nothing is wrong with the kiosk (patterns, as pytest-qt takes them):
#: the offscreen platform on every window shown, and Qt Virtual Keyboard's own QML files and
#: key-click sound (which looks for PipeWire before it falls back to PulseAudio).
KNOWN_NOISE = (
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^Couldn't load pipewire-0\.3 library$",
    r"^Couldn't resolve pipewire-0\.3 symbols$",
    r"^Member contentWidth of the object PopupList_QMLTYPE_\d+ overrides a member of the base "
    r"object\. Consider renaming it or adding final or override specifier$",
    r"^QQmlExpression: Expression qrc:/qt-project\.org/imports/QtQuick/VirtualKeyboard/"
    r"Components/Keyboard\.qml:49:5 depends on non-bindable properties:$",
    r"^    QLineEdit::echoMode$",
)
_NOISE = re.compile("|".join(f"(?:{pattern})" for pattern in KNOWN_NOISE))
LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if _NOISE.match(message):
        return
    log.log(LEVELS.get(kind, logging.WARNING), "%s", message)


def route_to_log() -> None:
    """For the life of the process: the running kiosk."""
    qInstallMessageHandler(_handle)


@contextmanager
def routed_to_log() -> Iterator[None]:
    """For one command (preview, self-test), then the previous handler is back."""
    previous = qInstallMessageHandler(_handle)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
