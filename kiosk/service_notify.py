"""Telling systemd how the kiosk is: ready once its first frame is painted, then alive for as
long as its event loop turns, so a frozen screen is restarted by the watchdog.

The messages go by kiosk/sd_notify.py. The pings come from a timer on Qt's event loop, never
from a thread: a loop that stops turning stops pinging, and systemd restarts the kiosk after
`WatchdogSec`. Under the kiosk's units the messages go to their main process
(kiosk/service_session.py), which passes them on; a WATCHDOG_PID naming the kiosk's parent is
taken as meant for the kiosk too. Without NOTIFY_SOCKET every call does nothing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

from kiosk.sd_notify import notify

log = logging.getLogger(__name__)


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
