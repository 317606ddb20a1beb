"""Telling systemd how the kiosk is: ready once its first frame is painted, then alive for as
long as its event loop turns, so a frozen screen is restarted by the watchdog.

The sd_notify protocol without libsystemd: one datagram per message to the Unix socket named
by NOTIFY_SOCKET (`@name` is an abstract socket). The pings come from a timer on Qt's event
loop, never from a thread: a loop that stops turning stops pinging, and systemd restarts the
kiosk after `WatchdogSec`. Under Cage the kiosk is Cage's child, not the unit's main process,
so a WATCHDOG_PID naming the parent is taken as meant for the kiosk too (the unit sets
NotifyAccess=all). Without NOTIFY_SOCKET every call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def _address(name: str) -> str | bytes:
    return b"\0" + name[1:].encode() if name.startswith("@") else name


def notify(message: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Send one sd_notify message (e.g. "READY=1"); False when there is no one to tell."""
    name = environ.get("NOTIFY_SOCKET")
    if not name:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sender:
            sender.connect(_address(name))
            sender.sendall(message.encode())
    except OSError as failure:
        log.warning("systemd could not be told %r: %s", message.split("=")[0], failure)
        return False
    return True


def watchdog_interval_ms(environ: Mapping[str, str] = os.environ) -> int | None:
    """How often to ping (half the unit's WatchdogSec), or None when no watchdog is meant for
    this process."""
    usec = environ.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0 or not environ.get("NOTIFY_SOCKET"):
        return None
    pid = environ.get("WATCHDOG_PID", "")
    if pid and int(pid) not in (os.getpid(), os.getppid()):
        return None
    return max(1, int(usec) // 2000)


class ServiceWatchdog(QObject):
    """Pings systemd's watchdog from the event loop while the kiosk runs."""

    def __init__(self, parent: QObject, environ: Mapping[str, str] = os.environ) -> None:
        super().__init__(parent)
        self._environ = environ
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)
        self.interval_ms = watchdog_interval_ms(environ)

    def ready(self, status: str) -> None:
        """The first frame is on screen: systemd may count the kiosk started."""
        notify(f"READY=1\nSTATUS={status}", self._environ)
        if self.interval_ms is not None:
            self._timer.start(self.interval_ms)
            log.info("systemd watchdog: pinging every %d ms", self.interval_ms)

    def ping(self) -> None:
        notify("WATCHDOG=1", self._environ)

    def stopping(self) -> None:
        self._timer.stop()
        notify("STOPPING=1", self._environ)
