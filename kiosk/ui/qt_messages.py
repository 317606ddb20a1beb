"""Qt's own messages go to the kiosk log, without the noise of running offscreen."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

#: Said by the offscreen platform on every window shown; harmless there.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)
LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message.startswith(OFFSCREEN_NOISE):
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
