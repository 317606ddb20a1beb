"""The outbox half of the visit store: visits waiting to reach the clinic's FHIR server.

A mix-in of VisitStore, like the print queue: an entry is written in the same transaction as
the visit it delivers (when the visit is sent, and when an urgent flag saves it), so no visit
is kept without its way to the record system. An entry is delivered, waiting (with the time of
its next try), or refused: the server answered 4xx, which a retry will not change, so the entry
keeps the server's reason for staff and waits for them. Nothing here names a patient: the
server's reason is kept as the server's own words, which staff read.
"""

from __future__ import annotations

import datetime
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from kiosk.records.coding import now_utc, utc_text

EntryState = Literal["waiting", "sending", "delivered", "refused"]
#: A server's reason is kept up to this many characters.
REASON_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One visit on its way to the clinic's FHIR server."""

    id: int
    visit_id: str
    state: EntryState
    attempts: int
    last_status: int | None
    last_error: str | None
    next_try_at: str | None
    submitted_at: str  # the visit's: retention counts from it


_SELECT = ("SELECT o.id, o.visit_id, o.state, o.attempts, o.last_status, o.last_error,"
           " o.next_try_at, v.submitted_at FROM outbox o JOIN visits v ON v.id = o.visit_id")


def _entry(row: tuple[Any, ...]) -> OutboxEntry:
    return OutboxEntry(*row)


def post(db: sqlite3.Connection, visit_id: str, now: str) -> None:
    """Inside the visit's own transaction: the visit (as it stands when sent) goes to the
    server. One entry waits per visit: a visit already waiting is sent as it is then; one
    delivered before (an urgent visit saved, then sent) goes again with its new answers."""
    waiting = db.execute("SELECT 1 FROM outbox WHERE visit_id = ? AND state IN ('waiting',"
                         " 'sending')", (visit_id,)).fetchone()
    if waiting is None:
        db.execute("INSERT INTO outbox (visit_id, state, created_at, updated_at)"
                   " VALUES (?, 'waiting', ?, ?)", (visit_id, now, now))


class Outbox:
    """The outbox's part of the visit store (see VisitStore)."""

    _db: sqlite3.Connection
    #: Whether visits go to a FHIR server at all (the clinic's settings name one).
    delivers: bool = False

    if TYPE_CHECKING:
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def audit(self, action: str, visit_id: str | None = None) -> None: ...

    def _post(self, db: sqlite3.Connection, visit_id: str, now: str) -> None:
        if self.delivers:
            post(db, visit_id, now)

    def outbox(self, state: EntryState | None = None) -> list[OutboxEntry]:
        """Every entry (or those in `state`), oldest first."""
        rows = (self._db.execute(_SELECT + " WHERE o.state = ? ORDER BY o.id", (state,))
                if state else self._db.execute(_SELECT + " ORDER BY o.id")).fetchall()
        return [_entry(row) for row in rows]

    def next_delivery(self, now: datetime.datetime | None = None) -> OutboxEntry | None:
        """The first waiting entry, urgent visits' first (they carry red flags), then in the
        order they were written; None until it is due. The entries behind one the server could
        not take wait with it, so the record system gets visits in order after an outage."""
        row = self._db.execute(
            _SELECT + " WHERE o.state = 'waiting'"
            " ORDER BY v.category != 'urgent', o.id LIMIT 1").fetchone()
        if row is None:
            return None
        head = _entry(row)
        due = head.next_try_at is None or head.next_try_at <= utc_text(now or now_utc())
        return head if due else None

    def mark_delivering(self, entry: OutboxEntry) -> None:
        self._outbox_update(entry, "state = 'sending', attempts = attempts + 1")

    def mark_delivered(self, entry: OutboxEntry, status: int) -> None:
        now = utc_text(now_utc())
        self._outbox_update(entry, "state = 'delivered', last_status = ?, last_error = NULL,"
                                   " next_try_at = NULL, delivered_at = ?", (status, now))
        self.audit("delivered to the FHIR server", entry.visit_id)

    def mark_retry(self, entry: OutboxEntry, status: int | None, error: str,
                   retry_at: datetime.datetime) -> None:
        """The server could not take it now (5xx, no answer): tried again at `retry_at`."""
        self._outbox_update(entry, "state = 'waiting', last_status = ?, last_error = ?,"
                                   " next_try_at = ?",
                            (status, error[:REASON_LIMIT], utc_text(retry_at)))

    def mark_refused(self, entry: OutboxEntry, status: int, reason: str) -> None:
        """The server refused it (4xx): kept with the server's reason until staff act."""
        self._outbox_update(entry, "state = 'refused', last_status = ?, last_error = ?,"
                                   " next_try_at = NULL", (status, reason[:REASON_LIMIT]))
        self.audit(f"refused by the FHIR server ({status})", entry.visit_id)

    def deliver_again(self, entry_id: int | None = None) -> int:
        """Staff asked to try now: refused entries (or the one given) wait again, due at once,
        and waiting ones are due at once."""
        with self._transaction() as db:
            where = "state IN ('waiting', 'refused')" + (" AND id = ?" if entry_id else "")
            values = (entry_id,) if entry_id else ()
            return int(db.execute(f"UPDATE outbox SET state = 'waiting', next_try_at = NULL"
                                  f" WHERE {where}", values).rowcount)

    def requeue_sending(self) -> int:
        """Entries the last run was sending when it stopped wait again (the server's
        conditional create keeps a second copy out)."""
        with self._transaction() as db:
            return int(db.execute("UPDATE outbox SET state = 'waiting', updated_at = ?"
                                  " WHERE state = 'sending'", (utc_text(now_utc()),)).rowcount)

    def undelivered(self, visit_id: str) -> bool:
        """Whether the visit still has an entry that has not reached the server."""
        return self._db.execute("SELECT 1 FROM outbox WHERE visit_id = ? AND state !="
                                " 'delivered'", (visit_id,)).fetchone() is not None

    def _outbox_update(self, entry: OutboxEntry, assignments: str,
                       values: tuple[object, ...] = ()) -> None:
        with self._transaction() as db:
            db.execute(f"UPDATE outbox SET {assignments}, updated_at = ? WHERE id = ?",
                       (*values, utc_text(now_utc()), entry.id))
