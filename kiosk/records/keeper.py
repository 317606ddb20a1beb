"""The visit keeper: a visit the patient is thanked for is always somewhere durable.

Saves go to the visit store. When the store cannot take them (it could not be opened, or a
write fails: damaged, full, read-only, vanished), the keeper switches to a stand-in store in
memory, so the print queue prints from memory and staff mode keeps working, and writes every
visit to the fallback file, fsynced, before the patient is thanked. A save reports whether the
visit is durable; when even the fallback file fails, the window asks the patient to see the
front desk instead of thanking them. Once the store works again, `move_back` puts the
fallback's visits into it without printing again what already printed.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import replace

from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.session import SubmittedVisit
from kiosk.records import STORE_FAULTS
from kiosk.records.fallback import FallbackFile, RecordKind
from kiosk.records.print_jobs import PrintJob
from kiosk.records.store import VisitStore
from kiosk.records.store_health import OpenedStore

log = logging.getLogger(__name__)


class StandInStore(VisitStore):
    """The store in memory while the real one is out: what prints from it is noted in the
    fallback file, so it does not print a second time once the visits move back."""

    fallback: FallbackFile

    def mark_printed(self, job: PrintJob) -> None:
        super().mark_printed(job)
        try:
            self.fallback.append_printed(job.visit_id, job.kind)
        except OSError as failure:
            log.error("could not note a printed %s in the fallback file: %s", job.kind,
                      failure)


class VisitKeeper:
    """Owns which store is in use and where each visit is kept."""

    def __init__(self, store: VisitStore | None, fallback: FallbackFile,
                 stand_in: Callable[[], StandInStore],
                 problems: list[str] | None = None) -> None:
        self.fallback = fallback
        self._stand_in = stand_in
        self.opening_notes: list[str] = list(problems or [])
        self.running_notes: list[str] = []
        self.on_switch: Callable[[VisitStore], None] = lambda store: None
        #: Opens the store again, for staff's "try again" (set by the back office).
        self.reopen: Callable[[], OpenedStore] | None = None
        self._in_fallback: set[str] = set()
        self.store: VisitStore = store if store is not None else self._make_stand_in()

    @property
    def problems(self) -> list[str]:
        """What staff should know about where visits are kept, in plain words."""
        return [*self.opening_notes, *self.running_notes]

    @property
    def degraded(self) -> bool:
        """Visits are going to the fallback file, not the store."""
        return isinstance(self.store, StandInStore)

    def knows(self, visit_id: str) -> bool:
        """Whether a visit with this id is kept already (in the store in use, or in the
        fallback file by its earlier saves this run)."""
        if visit_id in self._in_fallback:
            return True
        try:
            return self.store.has_visit(visit_id)
        except STORE_FAULTS:
            return False

    def urgent(self, visit: SubmittedVisit) -> bool:
        """An urgent flag fired: the visit and its slip, saved now."""
        return self._keep(visit, "urgent", lambda store: store.save_urgent(visit))

    def progress(self, visit: SubmittedVisit) -> bool:
        return self._keep(visit, "progress", lambda store: store.save_progress(visit))

    def submitted(self, visit: SubmittedVisit) -> bool:
        """A visit at its end; True once it is durable (the store or the fallback file)."""
        return self._keep(visit, "submitted", lambda store: store.save_submitted(visit))

    def _keep(self, visit: SubmittedVisit, kind: RecordKind,
              save: Callable[[VisitStore], None]) -> bool:
        if not self.degraded:
            try:
                save(self.store)
                log.log(logging.WARNING if kind == "urgent" else logging.INFO,
                        "visit %s saved (%s, %s)", visit.visit_id, kind, visit.status)
                return True
            except STORE_FAULTS as failure:
                self._store_failed(failure)
        try:
            save(self.store)  # the stand-in in memory: it prints and staff see it
        except STORE_FAULTS as failure:
            log.error("the stand-in store refused visit %s: %s", visit.visit_id, failure)
        try:
            self.fallback.append(visit, kind)
            self._in_fallback.add(visit.visit_id)
        except OSError as failure:
            note = f"The fallback file cannot be written either ({failure})."
            if note not in self.running_notes:
                self.running_notes.append(note)
            log.error("visit %s is in memory only: the fallback file failed: %s",
                      visit.visit_id, failure)
            return False
        log.warning("visit %s kept in the fallback file (%s)", visit.visit_id, kind)
        return True

    def _store_failed(self, failure: BaseException) -> None:
        note = (f"The visit store stopped taking visits ({failure}). Visits are kept in the"
                " fallback file until it works again.")
        self.running_notes.append(note)
        log.error("visit store: %s", note)
        with contextlib.suppress(*STORE_FAULTS):
            self.store.close()
        self.store = self._make_stand_in()
        self.on_switch(self.store)

    def _make_stand_in(self) -> StandInStore:
        store = self._stand_in()
        store.fallback = self.fallback
        return store

    def try_store_again(self, questionnaire: Questionnaire) -> int | None:
        """Open the store again (staff asked, after the disk was freed or the file fixed);
        when it works, the fallback's visits move back and it is used from now on. Returns
        how many visits moved, or None while it still cannot be used."""
        if self.reopen is None:
            return None
        opened = self.reopen()
        if opened.store is None:
            return None
        self.opening_notes = [*opened.problems]
        return self.move_back(opened.store, questionnaire, ended_by_restart=False)

    def move_back(self, store: VisitStore, questionnaire: Questionnaire,
                  ended_by_restart: bool) -> int:
        """Put the fallback file's visits into a working store and remove the file; returns
        how many moved. Open visits are ended as not finished when the kiosk restarted."""
        waiting, unreadable = self.fallback.visits(questionnaire)
        for entry in waiting:
            visit = entry.visit
            if ended_by_restart and visit.status == "open":
                visit = _unfinished(visit)
            urgent = entry.urgent_saved or visit.outcome.urgent
            store.restore(visit, slip=urgent and "urgent-slip" not in entry.printed,
                          summary=visit.status != "open" and "summary" not in entry.printed)
        if unreadable:
            self.opening_notes.append(f"{unreadable} lines of the fallback file could not be read"
                                 " and were left out.")
        store.audit(f"fallback: {len(waiting)} visits moved back into the store")
        self.fallback.remove()
        log.warning("fallback: %d visits moved back into the visit store", len(waiting))
        if self.degraded:
            self.store.close()
            self.store = store
            self.opening_notes, self.running_notes = [], []
            self.on_switch(store)
        return len(waiting)


def _unfinished(visit: SubmittedVisit) -> SubmittedVisit:
    return replace(visit, status="unfinished")
