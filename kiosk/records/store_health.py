"""Opening the visit store whatever state its file is in, and saying what is wrong.

Damaged (not a database, malformed pages): the file is moved aside, never deleted, for IT to
look at, and a new store is started. Missing or empty although this kiosk has stored visits
before (its key file exists): a new store is started and staff are told earlier visits are
not in it. Unwritable (read-only, a vanished folder, a full disk): no store; the kiosk keeps
visits in the fallback file. `inspect_store` gives the same diagnosis without changing
anything, for `self-test`.
"""

from __future__ import annotations

import datetime
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.records.migrations import NewerStore
from kiosk.records.store import VisitStore

log = logging.getLogger(__name__)

DAMAGED = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})


@dataclass(slots=True)
class OpenedStore:
    """The store, if it could be opened and written, and what staff should know."""

    store: VisitStore | None
    problems: list[str] = field(default_factory=list)


def open_visit_store(path: Path, key_file: Path) -> OpenedStore:
    """The visit store at `path`, repaired by a fresh start when damaged; None when it cannot
    be written at all."""
    problems: list[str] = []
    missing = _expected_but_missing(path, key_file)
    if missing:
        problems.append(missing + " A new visit store was started; earlier visits are not"
                        " in it.")
        log.error("visit store: %s", missing)
        if path.exists():
            _move_aside(path, "empty")
    try:
        return OpenedStore(_open_and_write(path, key_file), problems)
    except sqlite3.DatabaseError as failure:
        if getattr(failure, "sqlite_errorname", "") not in DAMAGED:
            return _unusable(failure, problems)
        aside = _move_aside(path, "damaged")
        note = (f"The visit store was damaged ({failure}); it was moved aside as {aside.name}"
                " for IT, and a new visit store was started.")
        log.error("visit store: %s", note)
        problems.append(note)
    except (OSError, NewerStore) as failure:  # a newer store is kept as it is, for it
        return _unusable(failure, problems)
    try:
        return OpenedStore(_open_and_write(path, key_file), problems)
    except (sqlite3.DatabaseError, OSError) as failure:
        return _unusable(failure, problems)


def _open_and_write(path: Path, key_file: Path) -> VisitStore:
    """Open the store, check its pages and prove it takes a write."""
    store = VisitStore(path, key_file)
    try:
        verdict = store.quick_check()
        if verdict != "ok":
            error = sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
            error.sqlite_errorname = "SQLITE_CORRUPT"
            raise error
        store.note("kiosk started")  # proves the store takes a write
    except BaseException:
        store.close()
        raise
    return store


def _unusable(failure: BaseException, problems: list[str]) -> OpenedStore:
    note = (f"The visit store cannot be written ({failure}). Visits are kept in the fallback"
            " file until it works again.")
    log.error("visit store: %s", note)
    return OpenedStore(None, [*problems, note])


def _expected_but_missing(path: Path, key_file: Path) -> str | None:
    """This kiosk made its key when it first stored a visit; a store missing or emptied since
    then has lost visits."""
    if not key_file.exists():
        return None
    if not path.exists():
        return "The visit store file was missing although this kiosk has stored visits before."
    if path.is_file() and path.stat().st_size == 0:
        return "The visit store file was empty although this kiosk has stored visits before."
    return None


def _move_aside(path: Path, why: str) -> Path:
    """Rename the file (and its WAL and shared-memory files) out of the way, keeping them."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.{why}-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{aside}{suffix}"))
    log.warning("visit store moved aside as %s", aside.name)
    return aside


def inspect_store(path: Path, key_file: Path) -> str | None:
    """What is wrong with the store, without changing it; None when it looks well."""
    missing = _expected_but_missing(path, key_file)
    if missing:
        return missing
    if not path.exists():
        return None  # a kiosk that has not stored a visit yet
    if not path.is_file():
        return f"{path} is not a regular file"
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK):
        return f"{path} cannot be written by this user"
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as failure:
        return f"the visit store is damaged ({failure})"
    if verdict != "ok":
        return f"the visit store is damaged ({verdict})"
    return None


def waiting_jobs(path: Path) -> list[str | None]:
    """The last error of each print job still queued, read without changing the file."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in db.execute(
            "SELECT last_error FROM print_jobs WHERE state = 'queued' ORDER BY id")]
    finally:
        db.close()


def undelivered(path: Path) -> list[tuple[str, str, str | None]]:
    """Each visit not yet in the clinic's record system: its outbox state ('waiting',
    'sending' or 'refused'), when the visit was sent (retention counts from then), and the last
    error; read without changing the file (a store from before the outbox has none)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'outbox'").fetchone() is None:
            return []
        return [(row[0], row[1], row[2]) for row in db.execute(
            "SELECT o.state, v.submitted_at, o.last_error FROM outbox o JOIN visits v"
            " ON v.id = o.visit_id WHERE o.state != 'delivered' ORDER BY o.id")]
    finally:
        db.close()
