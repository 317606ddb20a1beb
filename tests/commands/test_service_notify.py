"""The kiosk tells systemd it is ready once its first frame is painted and then pings the
watchdog from its event loop, so a frozen screen stops the pings and systemd restarts it.
Tested with a real Unix datagram socket standing in for systemd's NOTIFY_SOCKET."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.service_notify import ServiceWatchdog, watchdog_interval_ms
from tests.conftest import ROOT

STARTUP_SECONDS = 60


class FakeSystemd:
    """A NOTIFY_SOCKET: every message the kiosk sends, as systemd would receive it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "notify.sock"
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(self.path))
        self.socket.setblocking(False)
        self.messages: list[str] = []

    def read(self) -> list[str]:
        """Every message so far."""
        while True:
            try:
                self.messages.append(self.socket.recv(4096).decode())
            except BlockingIOError:
                return self.messages

    def wait(self, seconds: float) -> bool:
        """Whether a message comes within `seconds` (the caller's thread blocked meanwhile)."""
        return bool(select.select([self.socket], [], [], seconds)[0])


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path)
    yield fake
    fake.socket.close()


def test_ready_then_pings_from_the_event_loop_and_none_while_it_is_frozen(
        qtbot: QtBot, systemd: FakeSystemd) -> None:
    environ = {"NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": "100000",
               "WATCHDOG_PID": str(os.getpid())}
    owner = QObject()
    watchdog = ServiceWatchdog(owner, environ)
    assert watchdog.interval_ms == 50, "half the watchdog's time"
    watchdog.ready("serving patients")
    qtbot.waitUntil(lambda: systemd.read().count("WATCHDOG=1") >= 2)
    assert systemd.messages[0] == "READY=1\nSTATUS=serving patients"
    systemd.read()
    systemd.messages.clear()
    # The event loop does not turn while this thread waits: a frozen screen sends nothing.
    assert not systemd.wait(0.5)
    qtbot.waitUntil(lambda: "WATCHDOG=1" in systemd.read())
    watchdog.stopping()
    assert systemd.read()[-1] == "STOPPING=1"


@pytest.mark.parametrize(("environ", "interval"), [
    ({}, None),
    ({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"}, 15000),
    ({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, None),
    ({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000",
      "WATCHDOG_PID": str(os.getppid())}, 15000),  # under Cage: meant for its child too
    ({"WATCHDOG_USEC": "30000000"}, None)])
def test_the_watchdog_is_only_pinged_when_it_is_meant_for_the_kiosk(
        environ: dict[str, str], interval: int | None) -> None:
    assert watchdog_interval_ms(environ) == interval


@pytest.mark.slow
def test_the_started_kiosk_is_ready_after_its_first_frame_and_says_it_stops(
        tmp_path: Path, systemd: FakeSystemd) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": str(systemd.path),
           "WATCHDOG_USEC": "2000000"}
    kiosk = subprocess.Popen([sys.executable, "main.py", "--windowed", "--data",
                              str(tmp_path / "data")], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert systemd.wait(STARTUP_SECONDS), "never ready"
        assert systemd.read()[0] == "READY=1\nSTATUS=serving patients, showing the attract screen"
        while "WATCHDOG=1" not in systemd.read():
            assert systemd.wait(STARTUP_SECONDS), "no watchdog ping"
    finally:
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(timeout=STARTUP_SECONDS) == 0
    assert systemd.read()[-1] == "STOPPING=1"
