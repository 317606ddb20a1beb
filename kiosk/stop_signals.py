"""Stopping the kiosk from outside: Ctrl+C in a terminal, `systemctl stop` (SIGTERM).

Python only sees a signal when Python code runs, and Qt's event loop may not call any for a
long while; so the signal handler writes to a socket Qt watches, and the event loop itself
ends the kiosk the way staff's "Exit kiosk" does (the visit store closed, the log told why).
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QCoreApplication, QSocketNotifier

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def quit_on_stop_signals(app: QCoreApplication) -> QSocketNotifier:
    """From now on SIGINT and SIGTERM end `app`'s event loop; keep the returned notifier."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in STOP_SIGNALS:
        signal.signal(number, lambda *_: None)  # the wake-up byte says which

    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def stop() -> None:
        try:
            received = reader.recv(16)
        except BlockingIOError:
            return
        names = sorted({signal.Signals(byte).name for byte in received
                        if byte in {int(s) for s in STOP_SIGNALS}})
        if names:
            log.info("stopping: %s received", ", ".join(names))
            notifier.received = names  # type: ignore[attr-defined]  # why, for the run record
            app.exit(0)  # not quit(): the kiosk window refuses to close, and would stop it

    notifier.received = []  # type: ignore[attr-defined]
    notifier.activated.connect(stop)
    notifier.sockets = (reader, writer)  # type: ignore[attr-defined]  # kept open with it
    return notifier
