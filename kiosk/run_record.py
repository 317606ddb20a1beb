"""How the kiosk's last run ended, so that a restart says why and the health view can show it.

A small JSON file in the data folder (`run.json`): written when the kiosk starts (running
since, process id), touched while it runs (alive at), and closed when it stops on purpose
(stopped at, and why). At the next start, a record still open means the last run did not stop
on purpose: it crashed, was killed, or systemd's watchdog ended a frozen screen. Under systemd
the unit's ExecStopPost adds what systemd saw (`record_service_end`), so the restart names the
cause. No patient data is in it. Pure Python: no Qt.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.paths import write_private

RUN_FILE_NAME = "run.json"
UNREADABLE = "last run did not stop on purpose (its record is unreadable)"


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class LastRun:
    """What the record said when this run started."""

    started_at: str | None
    ended_at: str | None  # stopped at (on purpose) or last seen alive
    how: str  # "first start …", "last run stopped: <why>", "last run did not stop on purpose …"

    @property
    def clean(self) -> bool:
        return "did not stop" not in self.how

    @property
    def kind(self) -> str:
        """first, stopped or unstopped: what the staff's health line says in their words."""
        if self.how.startswith("first start"):
            return "first"
        return "unstopped" if not self.clean else "stopped"


class RunRecord:
    """This run's record in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / RUN_FILE_NAME
        self.started_at = _now()
        self.last = self._read_last()
        self._write({"started_at": self.started_at, "pid": os.getpid(),
                     "alive_at": self.started_at, **self._previous()})

    def _read_last(self) -> LastRun:
        try:
            said = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return LastRun(None, None, "first start with this data folder")
        except (OSError, ValueError):
            return LastRun(None, None, UNREADABLE)
        if not isinstance(said, dict):
            return LastRun(None, None, UNREADABLE)
        started = said.get("started_at")
        if said.get("stopped_at"):
            return LastRun(started, said["stopped_at"], f"last run stopped: {said.get('why', '?')}")
        cause = service_end_cause(str(said.get("service_result", "")),
                                  str(said.get("exit_code", "")), str(said.get("exit_status", "")))
        return LastRun(started, said.get("alive_at"),
                       f"last run did not stop on purpose ({cause}); last seen alive at"
                       f" {said.get('alive_at', '?')}")

    def _previous(self) -> dict[str, object]:
        return {"previous": self.last.how, "previous_kind": self.last.kind,
                "previous_at": self.last.ended_at}

    def _write(self, record: dict[str, object]) -> None:
        with contextlib.suppress(OSError):  # the record helps; the kiosk runs without it
            write_private(self.path, json.dumps(record) + "\n")

    def alive(self) -> None:
        """Still running: the time a later start names if this run never stops on purpose."""
        self._write({"started_at": self.started_at, "pid": os.getpid(), "alive_at": _now(),
                     **self._previous()})

    def stopped(self, why: str) -> None:
        self._write({"started_at": self.started_at, "pid": os.getpid(),
                     "stopped_at": _now(), "why": why, **self._previous()})


def service_end_cause(result: str, code: str, status: str) -> str:
    """Why the last run ended, in words, from what systemd told the unit's ExecStopPost
    (SERVICE_RESULT, EXIT_CODE, EXIT_STATUS); the possible causes when it told nothing."""
    if result == "watchdog":
        return "the screen froze: systemd's watchdog had no sign of life and restarted it"
    if result in ("signal", "core-dump") or code in ("killed", "dumped"):
        return f"{'crashed with' if code == 'dumped' else 'killed by'} signal {status or '?'}"
    if result in ("exit-code", "success"):
        return (f"its session ended by itself with status {status or '?'}: the kiosk crashed or"
                " was killed")
    if result:
        return f"systemd ended it: {result}"
    return "a crash, a kill, or the watchdog after a frozen screen"


def record_service_end(folder: Path, environ: Mapping[str, str]) -> bool:
    """Add what systemd saw to a record the kiosk left open (the unit's ExecStopPost); False
    when there was nothing to add (no record, or the kiosk stopped on purpose)."""
    path = folder / RUN_FILE_NAME
    try:
        said = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(said, dict) or said.get("stopped_at"):
        return False
    said.update({"service_result": environ.get("SERVICE_RESULT", ""),
                 "exit_code": environ.get("EXIT_CODE", ""),
                 "exit_status": environ.get("EXIT_STATUS", "")})
    try:
        write_private(path, json.dumps(said) + "\n")
    except OSError:
        return False
    return True
