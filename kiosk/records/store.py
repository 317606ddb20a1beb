"""The visit store: submitted visits, their print jobs and an audit trail, in one SQLite file.

The file is private to the kiosk's user (mode 0600), written in WAL mode, and every visit is
saved with its print jobs in one transaction, so a visit the patient was thanked for is never
lost, even if the power goes a moment later. Visits are deleted after the retention period,
printed or not, and the file is vacuumed so nothing deleted lingers on disk. Answers, outcome
and urgent flags are sealed with a key kept outside the file (kiosk/records/sealed_rows.py).
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.session import SubmittedVisit, VisitStatus
from kiosk.records import STORE_FAULTS
from kiosk.records.coding import now_utc, utc_text
from kiosk.records.migrations import migrate
from kiosk.records.outbox import Outbox
from kiosk.records.pin_lockout import PinLockout
from kiosk.records.print_jobs import JobKind, PrintJobs
from kiosk.records.sealed_rows import (
    command_key,
    keep_row,
    kiosk_key,
    memory_key,
    read_row,
    seal_at_rest,
    unreadable_note,
)
from kiosk.records.sealing import KEY_FILE_NAME, SealBroken, Sealer

log = logging.getLogger(__name__)

#: SQLite's cache of the store's pages, in KiB. Its default of 2 MiB fills slowly as visits are
#: added, so a kiosk's memory would creep up for months; the kiosk writes one visit at a time
#: and reads few, and the system keeps the file's pages in its own cache anyway.
PAGE_CACHE_KIB = 512


@dataclass(frozen=True, slots=True)
class StoredVisit:
    """A visit as staff see it in a list: no answers."""

    visit_id: str
    submitted_at: datetime.datetime
    category: str
    acknowledged: bool
    status: VisitStatus = "complete"
    flags: tuple[str, ...] = ()  # the urgent flags that fired, by rule id


class VisitStore(PrintJobs, Outbox, PinLockout):
    """The kiosk's one database. Not shared between threads."""

    def __init__(self, path: Path | None, key_file: Path | None = None, *,
                 beside_kiosk: bool = False) -> None:
        """The store in the file at `path`, sealed with the key in `key_file` (default
        `config/visits.key` beside it, as in a --data folder); with None, a stand-in in memory
        that nothing outlives (see kiosk/records/keeper.py). The kiosk makes its key on first
        start, seals old plain rows and deletes visits its key cannot open (told in `notes`);
        a command `beside_kiosk` does none of that: what it cannot open reads as missing."""
        self.path = path
        self.notes: list[str] = []  # for staff, in plain words: what opening the store found
        self._sealer: Sealer | None = None
        if path is None:
            self._db = sqlite3.connect(":memory:", isolation_level=None)
            migrate(self._db)
            self._sealer = memory_key()
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        self._db = sqlite3.connect(path, isolation_level=None)
        try:
            self._open(key_file or path.parent / "config" / KEY_FILE_NAME, beside_kiosk)
        except BaseException:
            self._db.close()  # a store that did not open leaves no WAL behind
            raise
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if extra.exists():
                extra.chmod(0o600)

    def _open(self, key_file: Path, beside_kiosk: bool) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA secure_delete = ON")
        self._db.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        migrate(self._db)
        if beside_kiosk:
            self._sealer = command_key(key_file)
            return
        self._sealer, damaged = kiosk_key(key_file)
        self.notes.extend([damaged] if damaged else [])
        with self._transaction() as db:
            sealed, lost = seal_at_rest(db, self._sealer)
        self.notes.extend([unreadable_note(lost)] if lost else [])
        if sealed or lost:
            self._vacuum()  # and the WAL emptied: no plain or unreadable copy lingers

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            # A full disk or an I/O error may have ended the transaction already.
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    # -- visits --------------------------------------------------------------------------

    def save_urgent(self, visit: SubmittedVisit) -> None:
        """An urgent flag fired: the visit as it stands and an urgent slip, in one go, before
        anything else happens. A later flag in the same visit updates it and queues a slip
        again (it names every flag so far)."""
        now = utc_text(now_utc())
        with self._transaction() as db:
            self._keep(db, visit)
            self._queue(db, visit.visit_id, "urgent-slip", now)
            self._post(db, visit.visit_id, now)
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, ?)",
                       (now, "urgent flag: visit saved, slip queued", visit.visit_id))

    def save_progress(self, visit: SubmittedVisit) -> None:
        """A saved urgent visit's answers as they stand now (the patient goes on answering);
        nothing for a visit that was never saved."""
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM visits WHERE id = ?", (visit.visit_id,)).fetchone():
                self._keep(db, visit)

    def save_submitted(self, visit: SubmittedVisit) -> None:
        """A visit at its end (sent by the patient, or an urgent visit ended before that) with
        its summary print job, in one go; an urgent slip too, ahead of it, if the visit is
        urgent and none was queued while it was open."""
        now = utc_text(now_utc())
        with self._transaction() as db:
            slipped = db.execute("SELECT 1 FROM print_jobs WHERE visit_id = ? AND kind ="
                                 " 'urgent-slip'", (visit.visit_id,)).fetchone() is not None
            self._keep(db, visit)
            if visit.outcome.urgent and not slipped:
                self._queue(db, visit.visit_id, "urgent-slip", now)
            self._queue(db, visit.visit_id, "summary", now)
            self._post(db, visit.visit_id, now)
            action = "submitted" if visit.status == "complete" else "urgent visit ended unfinished"
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, ?)",
                       (now, action, visit.visit_id))

    def restore(self, visit: SubmittedVisit, slip: bool, summary: bool) -> None:
        """A visit the fallback file kept while the store was out, put back with the print
        jobs that have not gone out yet."""
        now = utc_text(now_utc())
        with self._transaction() as db:
            slipped = db.execute("SELECT 1 FROM print_jobs WHERE visit_id = ? AND kind ="
                                 " 'urgent-slip'", (visit.visit_id,)).fetchone() is not None
            self._keep(db, visit)
            if slip and not slipped:
                self._queue(db, visit.visit_id, "urgent-slip", now)
            if summary:
                self._queue(db, visit.visit_id, "summary", now)
            self._post(db, visit.visit_id, now)
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, ?)",
                       (now, "moved back from the fallback file", visit.visit_id))

    def has_visit(self, visit_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM visits WHERE id = ?", (visit_id,)
                                ).fetchone() is not None

    def quick_check(self) -> str:
        """SQLite's own check of the file's pages: "ok", or what is damaged."""
        return str(self._db.execute("PRAGMA quick_check").fetchone()[0])

    def end_interrupted(self) -> list[str]:
        """Urgent visits still open when the kiosk stopped (power cut, crash) are ended as
        not finished and their summaries queued: nobody is answering them any more."""
        now = utc_text(now_utc())
        with self._transaction() as db:
            ids = [row[0] for row in db.execute("SELECT id FROM visits WHERE status = 'open'")]
            for visit_id in ids:
                db.execute("UPDATE visits SET status = 'unfinished' WHERE id = ?", (visit_id,))
                self._queue(db, visit_id, "summary", now)
                self._post(db, visit_id, now)
                db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, ?)",
                           (now, "urgent visit ended unfinished by a restart", visit_id))
        return ids

    def _keep(self, db: sqlite3.Connection, visit: SubmittedVisit) -> None:
        """Insert the visit, sealed, or bring a saved one up to date."""
        keep_row(db, self._sealer, visit)

    @staticmethod
    def _queue(db: sqlite3.Connection, visit_id: str, kind: JobKind, now: str) -> None:
        db.execute("INSERT INTO print_jobs (visit_id, kind, state, created_at, updated_at)"
                   " VALUES (?, ?, 'queued', ?, ?)", (visit_id, kind, now, now))

    def visit(self, visit_id: str, questionnaire: Questionnaire) -> SubmittedVisit | None:
        """The visit with its answers; None when there is none or it does not open with this
        kiosk's key (the kiosk deletes such visits when it next starts)."""
        try:
            return read_row(self._db, self._sealer, visit_id, questionnaire)
        except SealBroken:
            log.error("visit %s does not open with this kiosk's key", visit_id)
            return None

    def visits(self) -> list[StoredVisit]:
        """Every stored visit, newest first."""
        rows = self._db.execute("SELECT id, submitted_at, category, acknowledged_at, status,"
                                " flag_ids FROM visits ORDER BY submitted_at DESC, id DESC"
                                ).fetchall()
        return [StoredVisit(r[0], datetime.datetime.fromisoformat(r[1]), r[2], r[3] is not None,
                            r[4], tuple(json.loads(r[5]))) for r in rows]

    def acknowledge(self, visit_id: str) -> None:
        """Staff have seen the patient of an urgent visit."""
        with self._transaction() as db:
            db.execute("UPDATE visits SET acknowledged_at = ? WHERE id = ?",
                       (utc_text(now_utc()), visit_id))
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, 'urgent seen', ?)",
                       (utc_text(now_utc()), visit_id))

    def reprint(self, visit_id: str) -> None:
        """Queue the summary again, marked COPY."""
        now = utc_text(now_utc())
        with self._transaction() as db:
            db.execute("INSERT INTO print_jobs (visit_id, kind, state, copy, created_at,"
                       " updated_at) VALUES (?, 'summary', 'queued', 1, ?, ?)",
                       (visit_id, now, now))
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, 'reprint', ?)",
                       (now, visit_id))

    def delete_visit(self, visit_id: str) -> None:
        """Delete one visit and its print jobs now (staff asked), then vacuum."""
        with self._transaction() as db:
            db.execute("DELETE FROM visits WHERE id = ?", (visit_id,))
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, 'deleted', ?)",
                       (utc_text(now_utc()), visit_id))
        self._vacuum()

    def purge_all(self) -> int:
        """Delete every visit now (staff asked), then vacuum; returns how many."""
        with self._transaction() as db:
            gone = int(db.execute("DELETE FROM visits").rowcount)
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, NULL)",
                       (utc_text(now_utc()), f"purged: {gone} deleted"))
        self._vacuum()
        return gone

    def _vacuum(self) -> None:
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def purge_expired(self, hours: float, now: datetime.datetime | None = None,
                      undelivered_hours: float | None = None) -> int:
        """Delete visits (and their jobs) older than `hours`; vacuum; return how many. A visit
        that has not reached the clinic's FHIR server yet is kept until it has, or until
        `undelivered_hours` (at least `hours`) have passed."""
        moment = now or now_utc()
        cutoff = utc_text(moment - datetime.timedelta(hours=hours))
        longest = utc_text(moment - datetime.timedelta(hours=max(hours, undelivered_hours or 0)))
        with self._transaction() as db:
            gone = db.execute(
                "DELETE FROM visits WHERE submitted_at < ? AND (submitted_at < ? OR NOT EXISTS"
                " (SELECT 1 FROM outbox WHERE outbox.visit_id = visits.id"
                " AND outbox.state != 'delivered'))", (cutoff, longest)).rowcount
            if gone:
                db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, NULL)",
                           (utc_text(now or now_utc()), f"retention: {gone} deleted"))
        if gone:
            self._vacuum()
        return int(gone)

    def audit(self, action: str, visit_id: str | None = None) -> None:
        """Note an action with its time and visit id (never a name or an answer). A store
        that has stopped taking writes does not stop staff at work: the note goes to the log
        instead."""
        try:
            self.note(action, visit_id)
        except STORE_FAULTS as failure:
            log.error("audit not stored (%s): %s %s", failure, action, visit_id or "")

    def note(self, action: str, visit_id: str | None = None) -> None:
        """Like `audit`, but a store that cannot take it says so (raises)."""
        with self._transaction() as db:
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, ?)",
                       (utc_text(now_utc()), action, visit_id))

    def audit_trail(self) -> list[tuple[str, str, str | None]]:
        """(time, action, visit id) of every audited event, oldest first."""
        return [(r[0], r[1], r[2]) for r in self._db.execute(
            "SELECT at, action, visit_id FROM audit ORDER BY id").fetchall()]
