"""The staff PIN pad's lock, kept in the visit store so that it survives a restart.

Wrong PINs in a row are counted; the configured count locks the pad for a while. Each lock in
a row lasts five times the one before (60 s, 5 min, 25 min by default), at most 30 minutes
(or the first lock, if that is longer); after the configured number of locks in a row, the
next run of wrong PINs holds staff mode until IT sets the PIN again (`kiosk set-pin`): a
restart does not lift a hold. The right PIN ends the progression. The PIN itself is never
stored, and the audit table notes each wrong PIN, lock and hold without it.
"""

from __future__ import annotations

import datetime
import logging
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.records import STORE_FAULTS
from kiosk.records.coding import now_utc, utc_text

log = logging.getLogger(__name__)

#: Each lock in a row lasts this many times the one before ...
LOCK_GROWTH = 5
#: ... and no longer than this, unless the first lock is longer already.
LONGEST_LOCK_SECONDS = 30 * 60.0


def lock_seconds(first: float, number: int) -> float:
    """How long the `number`-th lock in a row lasts, when the first lasts `first` seconds."""
    longest = max(first, LONGEST_LOCK_SECONDS)
    seconds = float(first)
    for _ in range(1, number):
        seconds = min(seconds * LOCK_GROWTH, longest)
    return seconds


@dataclass(frozen=True, slots=True)
class PinPadState:
    """Where the PIN pad stands."""

    failures: int  # wrong PINs in a row since the last lock or right PIN
    lockouts: int  # locks in a row since the last right PIN
    locked_until: datetime.datetime | None  # while a lock lasts
    held: bool  # locked until IT sets the PIN again

    @property
    def closed(self) -> bool:
        """No PIN can be tried now."""
        return self.held or self.locked_until is not None


class PinLockout:
    """The PIN pad's part of the visit store (see VisitStore)."""

    _db: sqlite3.Connection

    if TYPE_CHECKING:
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def pin_state(self, now: datetime.datetime | None = None) -> PinPadState:
        return self._pin_state(self._db, now or now_utc())

    @staticmethod
    def _pin_state(db: sqlite3.Connection, now: datetime.datetime) -> PinPadState:
        failures, lockouts, locked_until, held_since = db.execute(
            "SELECT failures, lockouts, locked_until, held_since FROM staff_lockout").fetchone()
        until = datetime.datetime.fromisoformat(locked_until) if locked_until else None
        return PinPadState(int(failures), int(lockouts),
                           until if until is not None and until > now else None,
                           held_since is not None)

    def pin_locked_until(self, now: datetime.datetime | None = None) -> datetime.datetime | None:
        """When the PIN pad opens again, while a lock lasts; None when it is open or held."""
        return self.pin_state(now).locked_until

    def pin_held(self) -> bool:
        """Whether staff mode is held until IT sets the PIN again."""
        return self.pin_state().held

    def pin_failures(self) -> int:
        """Wrong PINs in a row since the last right one (or the last lock)."""
        return self.pin_state().failures

    def pin_failed(self, wrong_pins: int, lockout_seconds: float, lockouts_before_hold: int,
                   now: datetime.datetime | None = None) -> PinPadState:
        """Count a wrong PIN. The `wrong_pins`-th in a row locks the pad, for longer at each
        lock in a row; once `lockouts_before_hold` locks have passed, it holds staff mode
        instead. Nothing is counted while the pad is locked or held."""
        moment = now or now_utc()
        try:
            return self._count_wrong_pin(wrong_pins, lockout_seconds, lockouts_before_hold,
                                         moment)
        except STORE_FAULTS as failure:
            # The count cannot be kept: the pad closes for a lock's time rather than let
            # guesses go uncounted.
            log.error("a wrong staff PIN could not be counted (%s): pad locked", failure)
            return PinPadState(0, 1, moment + datetime.timedelta(seconds=lockout_seconds),
                               False)

    def _count_wrong_pin(self, wrong_pins: int, lockout_seconds: float,
                         lockouts_before_hold: int, moment: datetime.datetime) -> PinPadState:
        with self._transaction() as db:
            state = self._pin_state(db, moment)
            if state.closed:
                return state
            failures, lockouts = state.failures + 1, state.lockouts
            until, held, action = None, False, "staff PIN wrong"
            if failures >= wrong_pins:
                failures = 0
                if lockouts >= lockouts_before_hold:
                    held = True
                    action = "staff PIN wrong, staff mode held until IT runs set-pin"
                else:
                    lockouts += 1
                    seconds = lock_seconds(lockout_seconds, lockouts)
                    until = moment + datetime.timedelta(seconds=seconds)
                    action = f"staff PIN wrong, pad locked for {round(seconds)} s"
            db.execute("UPDATE staff_lockout SET failures = ?, lockouts = ?, locked_until = ?,"
                       " held_since = ?", (failures, lockouts, utc_text(until) if until else None,
                                           utc_text(moment) if held else None))
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, NULL)",
                       (utc_text(moment), action))
        return PinPadState(failures, lockouts, until, held)

    def pin_succeeded(self) -> None:
        """The right PIN: the count and the progression of locks start again (a hold stays:
        the pad takes no PIN while held)."""
        try:
            with self._transaction() as db:
                db.execute("UPDATE staff_lockout SET failures = 0, lockouts = 0,"
                           " locked_until = NULL")
                db.execute("INSERT INTO audit (at, action, visit_id) VALUES"
                           " (?, 'staff unlock', NULL)", (utc_text(now_utc()),))
        except STORE_FAULTS as failure:
            log.error("a staff unlock could not be stored: %s", failure)

    def pin_set_by_it(self, now: datetime.datetime | None = None) -> bool:
        """IT set the PIN again (`kiosk set-pin`): any lock or hold ends and the count starts
        again. True when the pad was locked or held."""
        moment = now or now_utc()
        with self._transaction() as db:
            state = self._pin_state(db, moment)
            db.execute("UPDATE staff_lockout SET failures = 0, lockouts = 0, locked_until = NULL,"
                       " held_since = NULL")
            action = "staff PIN set again by IT" + (
                ", hold lifted" if state.held else ", lock lifted" if state.closed else "")
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, NULL)",
                       (utc_text(moment), action))
        return state.closed
