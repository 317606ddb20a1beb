"""The sd_notify protocol without libsystemd: one datagram per message to the Unix socket named
by NOTIFY_SOCKET (`@name` is an abstract socket). Standard library only, for the kiosk and for
the units' main process (kiosk/service_session.py) alike."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def address(name: str) -> str | bytes:
    """The socket address NOTIFY_SOCKET names."""
    return b"\0" + name[1:].encode() if name.startswith("@") else name


def notify(message: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Send one sd_notify message (e.g. "READY=1"); False when there is no one to tell."""
    name = environ.get("NOTIFY_SOCKET")
    if not name:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sender:
            sender.connect(address(name))
            sender.sendall(message.encode())
    except OSError as failure:
        log.warning("systemd could not be told %r: %s", message.split("=")[0], failure)
        return False
    return True
