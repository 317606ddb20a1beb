"""The units' main process, kiosk.service_session: the kiosk's notifications reach systemd as
the main process's (a login session moves the kiosk out of the unit, where systemd would drop
them), and stopping the unit or its watchdog ends every process of the session, a frozen one
and one whose compositor has already gone included. Run as real processes, with a Unix
datagram socket standing in for systemd's NOTIFY_SOCKET. Its ExecStopPost part puts what
systemd saw of the end into the kiosk's run record, which the next start's log line names."""

from __future__ import annotations

import os
import select
import signal
import socket
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.run_record import RunRecord, record_service_end
from tests.conftest import ROOT

SECONDS = 60  # the most any step here may take on a loaded machine

#: The kiosk's part: tells systemd it is ready and alive, names itself, then waits for a signal.
KIOSK = """
import os, signal, socket
assert "WATCHDOG_PID" not in os.environ, "the watchdog is the kiosk's"
with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
    s.connect(os.environ["NOTIFY_SOCKET"])
    s.sendall(b"READY=1\\nSTATUS=serving patients")
    s.sendall(b"WATCHDOG=1")
print(os.getpid(), flush=True)
while True:
    signal.pause()  # until a signal ends it
"""
#: A compositor that ends (status 3) once the kiosk has named itself, leaving it running.
FAILING_COMPOSITOR = """
import subprocess, sys
kiosk = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True)
print(kiosk.stdout.readline(), end="", flush=True)
sys.exit(3)
"""
#: The kiosk, frozen: it takes no notice of SIGTERM.
FROZEN_KIOSK = "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n" + KIOSK


class FakeSystemd:
    """A NOTIFY_SOCKET that also reads which process sent each message."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "notify.sock"
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(self.path))
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.sessions: list[subprocess.Popen[str]] = []

    def receive(self) -> tuple[str, int]:
        """The next message and the PID of its sender."""
        assert select.select([self.socket], [], [], SECONDS)[0], "nothing reached systemd"
        size = struct.calcsize("3i")
        data, ancillary, _, _ = self.socket.recvmsg(4096, socket.CMSG_SPACE(size))
        credentials = next(cdata for level, kind, cdata in ancillary
                           if (level, kind) == (socket.SOL_SOCKET, socket.SCM_CREDENTIALS))
        pid, _uid, _gid = struct.unpack("3i", credentials[:size])
        return data.decode(), pid


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path)
    yield fake
    for session in fake.sessions:  # a failed test leaves no session running
        if session.poll() is None:
            session.send_signal(signal.SIGTERM)  # it ends everything under it
            try:
                session.communicate(timeout=SECONDS)
            except subprocess.TimeoutExpired:
                session.kill()
                session.communicate()
    fake.socket.close()


def start_session(systemd: FakeSystemd, *command: str, grace: float = 8.0
                  ) -> subprocess.Popen[str]:
    environ = dict(os.environ, NOTIFY_SOCKET=str(systemd.path), WATCHDOG_USEC="30000000",
                   WATCHDOG_PID="1", PYTHONPATH=str(ROOT))
    session = subprocess.Popen(
        [sys.executable, "-m", "kiosk.service_session", "--grace", str(grace), "--", *command],
        env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    systemd.sessions.append(session)
    return session


def kiosk_pid(session: subprocess.Popen[str]) -> int:
    """The kiosk's PID, as the kiosk printed it."""
    assert session.stdout is not None
    assert select.select([session.stdout], [], [], SECONDS)[0], "the kiosk did not start"
    return int(session.stdout.readline())


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return state[state.rindex(")") + 2] == "Z"


def as_compositor(kiosk: str) -> list[str]:
    """A stand-in for Cage: a shell that starts the kiosk as its child and waits for it."""
    return ["sh", "-c", f'{sys.executable} -c "$0" & wait', kiosk]


def test_the_kiosks_notifications_reach_systemd_from_the_main_process(
        systemd: FakeSystemd) -> None:
    session = start_session(systemd, *as_compositor(KIOSK))
    try:
        pid = kiosk_pid(session)
        assert systemd.receive() == ("READY=1\nSTATUS=serving patients", session.pid)
        assert systemd.receive() == ("WATCHDOG=1", session.pid)
        assert pid != session.pid
    finally:
        session.send_signal(signal.SIGTERM)
        _, journal = session.communicate(timeout=SECONDS)
    assert session.returncode == 0
    assert "asked to stop (SIGTERM)" in journal
    assert gone(pid)


def test_a_frozen_kiosk_is_ended_when_the_watchdog_fires(systemd: FakeSystemd) -> None:
    session = start_session(systemd, *as_compositor(FROZEN_KIOSK))
    pid = kiosk_pid(session)
    os.kill(pid, signal.SIGSTOP)  # frozen: its event loop no longer turns
    session.send_signal(signal.SIGABRT)  # what systemd sends when the pings stop
    _, journal = session.communicate(timeout=SECONDS)
    assert session.returncode == 1
    assert "the kiosk stopped answering (systemd's watchdog)" in journal
    assert gone(pid), "a frozen kiosk must not hold the screen through the restart"


def test_a_kiosk_that_ignores_the_stop_is_killed_after_the_grace_time(
        systemd: FakeSystemd) -> None:
    session = start_session(systemd, *as_compositor(FROZEN_KIOSK), grace=0.5)
    pid = kiosk_pid(session)
    session.send_signal(signal.SIGTERM)
    _, journal = session.communicate(timeout=SECONDS)
    assert "killing 1 process(es) of the session that did not end" in journal
    assert gone(pid)


def test_the_kiosk_left_behind_by_an_ended_compositor_is_ended_too(
        systemd: FakeSystemd) -> None:
    session = start_session(systemd, sys.executable, "-c", FAILING_COMPOSITOR, KIOSK)
    pid = kiosk_pid(session)
    _, journal = session.communicate(timeout=SECONDS)
    assert session.returncode == 1
    assert f"{Path(sys.executable).name} ended with status 3" in journal
    assert gone(pid)


def test_without_a_command_it_says_how_to_use_it() -> None:
    done = subprocess.run([sys.executable, "-m", "kiosk.service_session"], capture_output=True,
                          text=True, timeout=SECONDS, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 2
    assert "usage: python -m kiosk.service_session" in done.stderr


@pytest.mark.parametrize(("result", "code", "status", "said"), [
    ("watchdog", "killed", "ABRT",
     "the screen froze: systemd's watchdog had no sign of life and restarted it"),
    ("signal", "killed", "KILL", "killed by signal KILL"),
    ("exit-code", "exited", "1",
     "its session ended by itself with status 1: the kiosk crashed or was killed"),
    ("success", "exited", "0",
     "its session ended by itself with status 0: the kiosk crashed or was killed"),
    ("core-dump", "dumped", "SEGV", "crashed with signal SEGV"),
])
def test_the_next_start_names_what_systemd_saw_of_the_end(
        tmp_path: Path, result: str, code: str, status: str, said: str) -> None:
    RunRecord(tmp_path)  # a run that never stopped on purpose
    ended = subprocess.run(
        [sys.executable, "-m", "kiosk.service_session", "--ended", str(tmp_path)],
        env=dict(os.environ, PYTHONPATH=str(ROOT), SERVICE_RESULT=result, EXIT_CODE=code,
                 EXIT_STATUS=status), timeout=SECONDS)
    assert ended.returncode == 0
    how = RunRecord(tmp_path).last.how
    assert how.startswith(f"last run did not stop on purpose ({said}); last seen alive at ")


def test_a_run_stopped_on_purpose_keeps_its_own_reason(tmp_path: Path) -> None:
    RunRecord(tmp_path).stopped("staff exited the kiosk")
    assert not record_service_end(tmp_path, {"SERVICE_RESULT": "exit-code", "EXIT_STATUS": "1"})
    assert RunRecord(tmp_path).last.how == "last run stopped: staff exited the kiosk"
