"""The staff PIN pad's lock, kept in the visit store so that it survives a restart.

Wrong PINs in a row are counted; the configured count locks the pad for a while. The PIN
itself is never stored, and the audit table notes each wrong PIN and lock without it.
"""

from __future__ import annotations

import datetime
import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from kiosk.records.coding import now_utc, utc_text


class PinLockout:
    """The PIN pad's part of the visit store (see VisitStore)."""

    _db: sqlite3.Connection

    if TYPE_CHECKING:
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def pin_locked_until(self, now: datetime.datetime | None = None) -> datetime.datetime | None:
        """When the PIN pad opens again, while it is locked; None when it is open."""
        row = self._db.execute("SELECT locked_until FROM staff_lockout").fetchone()
        if row is None or row[0] is None:
            return None
        until = datetime.datetime.fromisoformat(row[0])
        return until if until > (now or now_utc()) else None

    def pin_failed(self, wrong_pins: int, lockout_seconds: float,
                   now: datetime.datetime | None = None) -> datetime.datetime | None:
        """Count a wrong PIN; the `wrong_pins`-th in a row locks the pad. Returns the lock's end.
        """
        moment = now or now_utc()
        with self._transaction() as db:
            failures = int(db.execute("SELECT failures FROM staff_lockout").fetchone()[0]) + 1
            until = None
            if failures >= wrong_pins:
                until = moment + datetime.timedelta(seconds=lockout_seconds)
                failures = 0
            db.execute("UPDATE staff_lockout SET failures = ?, locked_until = ?",
                       (failures, utc_text(until) if until else None))
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, NULL)",
                       (utc_text(moment), "staff PIN wrong" + (", pad locked" if until else "")))
        return until

    def pin_failures(self) -> int:
        """Wrong PINs in a row since the last right one (or the last lock)."""
        return int(self._db.execute("SELECT failures FROM staff_lockout").fetchone()[0])

    def pin_succeeded(self) -> None:
        with self._transaction() as db:
            db.execute("UPDATE staff_lockout SET failures = 0, locked_until = NULL")
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, 'staff unlock', NULL)",
                       (utc_text(now_utc()),))
