"""The main process of the kiosk's systemd unit: runs the display session (Cage, or xinit with
a bare X server) with the kiosk inside, passes the kiosk's sd_notify messages on to systemd,
and ends every process of the session when systemd stops the unit or its watchdog fires.

Why it is needed: the unit opens a login session (PAMName=login), which is what gives Cage or
X the screen, the touch input and the sound. pam_systemd then moves the unit's processes into
that session's own scope, and systemd takes notifications only from the unit's main process
and stops only the processes left in the unit. Without this process the kiosk's READY=1 and
watchdog pings would be dropped (the unit would time out on every start) and a frozen kiosk
would outlive its restart, still holding the screen.

Usage, as the unit's ExecStart, and as its ExecStopPost (adds what systemd saw of the end to
the kiosk's run record, so the next start's log names why it restarted):
    python -m kiosk.service_session [--grace SECONDS] -- /usr/bin/cage -s -- …/bin/kiosk …
    python -m kiosk.service_session --ended /var/lib/spine-kiosk

Standard library only: it starts in a few milliseconds and lives as long as the session.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import selectors
import signal
import socket
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from kiosk.sd_notify import address

#: How long the session's processes get to end after SIGTERM before they are killed.
STOP_GRACE_SECONDS = 8.0
PR_SET_CHILD_SUBREAPER = 36
#: Signals that end the session: stop (TERM, INT, HUP) and systemd's watchdog (ABRT).
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGABRT)


def say(line: str) -> None:
    """One line for the journal (stderr goes there under the unit)."""
    print(f"kiosk session: {line}", file=sys.stderr, flush=True)


def descendants(root: int) -> list[int]:
    """Every living process under `root`, parents before children (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended while being read
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    waiting = list(children.get(root, []))
    while waiting:
        pid = waiting.pop(0)
        found.append(pid)
        waiting.extend(children.get(pid, []))
    return found


def _signal_all(pids: list[int], signum: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)


def become_subreaper() -> None:
    """Processes of the session whose parent ends (the kiosk when Cage ends) become this
    process's children rather than init's, so none is lost from sight."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        say(f"cannot keep the session's orphans: {os.strerror(ctypes.get_errno())}")


class Session:
    """The session's first process (the compositor or xinit) and everything under it."""

    def __init__(self, command: list[str], environ: Mapping[str, str]) -> None:
        self.pid = os.posix_spawnp(command[0], command, environ)
        self.status: int | None = None  # its exit status, once it has ended

    def reap(self) -> None:
        """Collect every ended process of the session (orphans included)."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.pid:
                self.status = os.waitstatus_to_exitcode(status)

    def living(self) -> list[int]:
        return [pid for pid in descendants(os.getpid()) if _alive(pid)]

    def end(self, frozen: bool, grace: float = STOP_GRACE_SECONDS) -> None:
        """End every process of the session: SIGTERM (and SIGCONT, so a stopped process can
        act on it), then SIGKILL whatever is left after the grace time; at once when
        `frozen`."""
        if not frozen:
            _signal_all(self.living(), signal.SIGTERM)
            _signal_all(self.living(), signal.SIGCONT)
            deadline = time.monotonic() + grace
            while self.living() and time.monotonic() < deadline:
                time.sleep(0.05)
                self.reap()
        left = self.living()
        if left:
            say(f"killing {len(left)} process(es) of the session that did not end")
            _signal_all(left, signal.SIGKILL)
        while self.living():
            time.sleep(0.01)
            self.reap()
        self.reap()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


def run(command: list[str], environ: Mapping[str, str] = os.environ,
        grace: float = STOP_GRACE_SECONDS) -> int:
    """Run `command` as the session; the exit status to end with. `grace`: how long its
    processes get to end after SIGTERM."""
    upstream = environ.get("NOTIFY_SOCKET")
    folder = Path(tempfile.mkdtemp(prefix="kiosk-session-", dir=environ.get("XDG_RUNTIME_DIR")))
    inbox_path = folder / "notify"
    inbox = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
    inbox.bind(str(inbox_path))
    inbox.setblocking(False)
    outbox = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
    child_environ = dict(environ, NOTIFY_SOCKET=str(inbox_path))
    child_environ.pop("WATCHDOG_PID", None)  # the watchdog is meant for the kiosk inside
    if not upstream:
        child_environ.pop("NOTIFY_SOCKET")

    wake_read, wake_write = os.pipe2(os.O_CLOEXEC)
    os.set_blocking(wake_write, False)
    received: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        received.append(signum)

    signal.set_wakeup_fd(wake_write)  # a signal wakes the loop below
    for signum in (*STOP_SIGNALS, signal.SIGCHLD):
        signal.signal(signum, on_signal)
    become_subreaper()
    try:
        session = Session(command, child_environ)
    except OSError as failure:
        say(f"could not start {command[0]}: {failure}")
        return 1
    watch = selectors.DefaultSelector()
    watch.register(inbox, selectors.EVENT_READ)
    watch.register(wake_read, selectors.EVENT_READ)
    try:
        while session.status is None:
            for key, _ in watch.select():
                if key.fileobj is inbox:
                    _pass_on(inbox, outbox, upstream)
                else:
                    os.read(wake_read, 512)
            session.reap()
            stops = [signum for signum in received if signum != signal.SIGCHLD]
            received.clear()
            if stops:
                frozen = stops[-1] == signal.SIGABRT
                say("the kiosk stopped answering (systemd's watchdog): ending the session"
                    if frozen else f"asked to stop ({signal.Signals(stops[-1]).name})")
                session.end(frozen, grace)
                return 1 if frozen else 0
        _pass_on(inbox, outbox, upstream)
        if session.status != 0:
            say(f"{Path(command[0]).name} ended with status {session.status}")
        session.end(frozen=False, grace=grace)  # nothing of an ended session stays behind
        return 0 if session.status == 0 else 1
    finally:
        inbox.close()
        outbox.close()
        inbox_path.unlink(missing_ok=True)
        folder.rmdir()


def _pass_on(inbox: socket.socket, outbox: socket.socket, upstream: str | None) -> None:
    """Send every waiting message on to systemd, as this (the unit's main) process."""
    while True:
        try:
            message = inbox.recv(4096)
        except BlockingIOError:
            return
        if upstream:
            try:
                outbox.sendto(message, address(upstream))
            except OSError as failure:
                say(f"systemd could not be told {message[:20]!r}: {failure}")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--ended"] and len(args) == 2:  # the unit's ExecStopPost
        from kiosk.run_record import record_service_end

        record_service_end(Path(args[1]), os.environ)
        return 0
    grace = STOP_GRACE_SECONDS
    if args[:1] == ["--grace"] and len(args) > 1:
        grace, args = float(args[1]), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        say("usage: python -m kiosk.service_session [--grace SECONDS] -- COMMAND [ARGUMENT …]")
        return 2
    return run(args, grace=grace)


if __name__ == "__main__":
    sys.exit(main())
