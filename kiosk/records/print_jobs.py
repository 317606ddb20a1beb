"""The print-job half of the visit store: documents waiting for the printer, and their state.

A mix-in of VisitStore (as the PIN pad's lock is): the jobs live in the store's own file, in
the same transactions as the visits they print, so a visit is never kept without its job.
"""

from __future__ import annotations

import datetime
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.records.coding import now_utc, utc_text

JobKind = Literal["summary", "urgent-slip"]
JobState = Literal["queued", "sending", "printed", "failed"]


@dataclass(frozen=True, slots=True)
class PrintJob:
    """A document on its way to the printer."""

    id: int
    visit_id: str
    kind: JobKind
    state: JobState
    copy: bool
    attempts: int
    last_error: str | None



class PrintJobs:
    """The print queue's part of the visit store (see VisitStore)."""

    _db: sqlite3.Connection

    if TYPE_CHECKING:
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def audit(self, action: str, visit_id: str | None = None) -> None: ...

    def jobs(self, state: JobState | None = None) -> list[PrintJob]:
        query = ("SELECT id, visit_id, kind, state, copy, attempts, last_error FROM print_jobs")
        rows = (self._db.execute(query + " WHERE state = ? ORDER BY id", (state,)) if state
                else self._db.execute(query + " ORDER BY id")).fetchall()
        return [PrintJob(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in rows]

    def next_job(self, now: datetime.datetime | None = None) -> PrintJob | None:
        """The oldest job due to print now: urgent slips before summaries."""
        row = self._db.execute(
            "SELECT id, visit_id, kind, state, copy, attempts, last_error FROM print_jobs"
            " WHERE state = 'queued' AND (next_try_at IS NULL OR next_try_at <= ?)"
            " ORDER BY kind = 'summary', id LIMIT 1", (utc_text(now or now_utc()),)).fetchone()
        return PrintJob(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6]) \
            if row else None

    def mark_sending(self, job: PrintJob) -> None:
        """About to hand the job to the printer: if the kiosk dies now, it is sent again,
        marked COPY, because it may already have printed."""
        self._job_update(job, "state = 'sending', attempts = attempts + 1")

    def mark_printed(self, job: PrintJob) -> None:
        self._job_update(job, "state = 'printed', last_error = NULL, next_try_at = NULL")
        self.audit(f"printed {job.kind}{' (copy)' if job.copy else ''}", job.visit_id)

    def mark_failed(self, job: PrintJob, error: str, retry_at: datetime.datetime) -> None:
        """Back in the queue until `retry_at`, with what went wrong."""
        self._job_update(job, "state = 'queued', last_error = ?, next_try_at = ?",
                         (error, utc_text(retry_at)))

    def retry_now(self) -> int:
        """Every waiting job becomes due at once (staff asked to try again)."""
        with self._transaction() as db:
            return int(db.execute("UPDATE print_jobs SET next_try_at = NULL"
                                  " WHERE state = 'queued'").rowcount)

    def requeue_interrupted(self) -> int:
        """Jobs the last run was sending when it stopped go out again, marked COPY."""
        with self._transaction() as db:
            return int(db.execute("UPDATE print_jobs SET state = 'queued', copy = 1,"
                                  " updated_at = ? WHERE state = 'sending'",
                                  (utc_text(now_utc()),)).rowcount)

    def _job_update(self, job: PrintJob, assignments: str, values: tuple[object, ...] = ()
                    ) -> None:
        with self._transaction() as db:
            db.execute(f"UPDATE print_jobs SET {assignments}, updated_at = ? WHERE id = ?",
                       (*values, utc_text(now_utc()), job.id))
