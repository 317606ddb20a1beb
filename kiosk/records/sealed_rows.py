"""A visit's row in the visit store, sealed: what could name the patient never lies there plain.

The answers (name and date of birth among them), the outcome and the record of urgent flags
are sealed with the kiosk's key (kiosk/records/sealing.py), each bound to its visit id and
column, so a value copied into another visit's row, or into another column, does not open.
Plain, because the staff list needs them and they name no one: the visit id, times, language,
questionnaire version, outcome category, status, the rule ids of the flags that fired and
whether staff helped.

A store written before sealing has its rows sealed when the kiosk opens it. Rows that do not
open with the kiosk's key (the key file was lost or replaced) cannot be read by anyone and
are deleted, with a line for staff.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import sqlite3
from pathlib import Path

from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.session import SubmittedVisit
from kiosk.records.coding import (
    decode_answers,
    decode_flags,
    decode_outcome,
    encode_answers,
    encode_flags,
    encode_outcome,
    flag_ids,
    utc_text,
)
from kiosk.records.sealing import (
    KEY_BYTES,
    KeyFileInvalid,
    SealBroken,
    Sealer,
    load_or_create_key,
)

log = logging.getLogger(__name__)
SEALED = ("answers", "outcome", "flags")
READ = ("SELECT id, submitted_at, language, questionnaire_version, answers, outcome, status,"
        " flags, assisted FROM visits WHERE id = ?")


def purpose(visit_id: str, column: str) -> str:
    """What a sealed value is for: it opens only in this visit's row and this column."""
    return f"visit {visit_id} {column}"


def kiosk_key(key_file: Path) -> tuple[Sealer, str | None]:
    """The kiosk's key, made on first start; with a line for staff when the key file was
    damaged and had to be replaced (the damaged file is kept beside it for IT)."""
    try:
        key, _ = load_or_create_key(key_file)
        return Sealer(key), None
    except KeyFileInvalid as damaged:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = key_file.with_name(f"{key_file.name}.damaged-{stamp}")
        os.replace(key_file, aside)
        log.error("visit store key: %s; moved aside as %s, a new key made", damaged, aside.name)
        key, _ = load_or_create_key(key_file)
        return Sealer(key), (f"The key file {key_file} was damaged; it was moved aside as"
                             f" {aside.name} and a new key was made.")


def command_key(key_file: Path) -> Sealer | None:
    """The kiosk's key for a command run beside it, which never makes one: None when there
    is no usable key file."""
    try:
        key = key_file.read_bytes() if key_file.is_file() else b""
    except OSError:
        return None
    return Sealer(key) if len(key) == KEY_BYTES else None


def memory_key() -> Sealer:
    """A key for a store in memory: it lives and dies with the process."""
    return Sealer(os.urandom(KEY_BYTES))


def keep_row(db: sqlite3.Connection, sealer: Sealer | None, visit: SubmittedVisit) -> None:
    """Insert the visit, or bring a saved one up to date (its print jobs and whether staff
    have seen it stay). Only the kiosk, which has a key, saves visits."""
    if sealer is None:
        raise KeyFileInvalid("no key to seal visits with: only the kiosk makes one")
    visit_id = visit.visit_id
    db.execute(
        "INSERT INTO visits (id, submitted_at, language, questionnaire_version, answers,"
        " outcome, category, status, flags, flag_ids, assisted)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET submitted_at = excluded.submitted_at,"
        " language = excluded.language, questionnaire_version ="
        " excluded.questionnaire_version, answers = excluded.answers,"
        " outcome = excluded.outcome, category = excluded.category,"
        " status = excluded.status, flags = excluded.flags, flag_ids = excluded.flag_ids,"
        " assisted = excluded.assisted",
        (visit_id, utc_text(visit.submitted_at), visit.language, visit.questionnaire_version,
         sealer.seal_text(encode_answers(dict(visit.answers)), purpose(visit_id, "answers")),
         sealer.seal_text(encode_outcome(visit.outcome), purpose(visit_id, "outcome")),
         visit.outcome.category, visit.status,
         sealer.seal_text(encode_flags(visit.fired), purpose(visit_id, "flags")),
         json.dumps([flag.flag_id for flag in visit.fired]), int(visit.assisted)))


def read_row(db: sqlite3.Connection, sealer: Sealer | None, visit_id: str,
             questionnaire: Questionnaire) -> SubmittedVisit | None:
    """The visit, opened; None when there is none. Raises SealBroken when it does not open
    (another key, a value copied from another row, damaged bytes)."""
    row = db.execute(READ, (visit_id,)).fetchone()
    if row is None:
        return None
    answers, outcome, flags = (_opened(sealer, row[index], row[0], column)
                               for index, column in zip((4, 5, 7), SEALED, strict=True))
    return SubmittedVisit(
        visit_id=row[0], answers=decode_answers(answers, questionnaire),
        outcome=decode_outcome(outcome), language=row[2], questionnaire_version=row[3],
        submitted_at=datetime.datetime.fromisoformat(row[1]), status=row[6],
        fired=decode_flags(flags, questionnaire), assisted=bool(row[8]))


def _opened(sealer: Sealer | None, value: object, visit_id: str, column: str) -> str:
    if isinstance(value, str):
        return value  # from before sealing; only a command beside the kiosk sees one
    if not isinstance(value, bytes) or sealer is None:
        raise SealBroken("no key to open it with")
    return sealer.open_text(value, purpose(visit_id, column))


def seal_plain_rows(db: sqlite3.Connection, sealer: Sealer) -> int:
    """Seal the rows a kiosk wrote before sealing (plain JSON); returns how many."""
    rows = db.execute("SELECT id, answers, outcome, flags FROM visits WHERE typeof(answers)"
                      " = 'text' OR typeof(outcome) = 'text' OR typeof(flags) = 'text'"
                      ).fetchall()
    for visit_id, *values in rows:
        changes: dict[str, object] = {
            column: sealer.seal_text(value, purpose(visit_id, column))
            for column, value in zip(SEALED, values, strict=True) if isinstance(value, str)}
        if isinstance(values[2], str):
            try:
                changes["flag_ids"] = json.dumps(flag_ids(values[2]))
            except (ValueError, KeyError, TypeError):
                changes["flag_ids"] = "[]"
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(f"UPDATE visits SET {assignments} WHERE id = ?",
                   (*changes.values(), visit_id))
    return len(rows)


def unreadable_rows(db: sqlite3.Connection, sealer: Sealer) -> list[str]:
    """The ids of visits whose sealed values do not open with this key."""
    unreadable = []
    for visit_id, *values in db.execute("SELECT id, answers, outcome, flags FROM visits"):
        try:
            for column, value in zip(SEALED, values, strict=True):
                if not isinstance(value, bytes):
                    raise SealBroken("not sealed")
                sealer.open(value, purpose(visit_id, column))
        except SealBroken:
            unreadable.append(visit_id)
    return unreadable


def seal_at_rest(db: sqlite3.Connection, sealer: Sealer) -> tuple[int, int]:
    """In the caller's transaction: seal rows from before sealing, delete those this key
    cannot open, and audit both; returns how many were sealed and deleted."""
    now = utc_text(datetime.datetime.now(datetime.UTC))
    sealed = seal_plain_rows(db, sealer)
    lost = unreadable_rows(db, sealer)
    db.executemany("DELETE FROM visits WHERE id = ?", [(visit_id,) for visit_id in lost])
    for count, action in ((sealed, f"sealed at rest: {sealed} stored visits"),
                          (len(lost), f"unreadable with this key: {len(lost)} deleted")):
        if count:
            db.execute("INSERT INTO audit (at, action, visit_id) VALUES (?, ?, NULL)",
                       (now, action))
    if lost:
        log.error("visit store: %d visits did not open with this kiosk's key; deleted",
                  len(lost))
    return sealed, len(lost)


def unreadable_note(count: int) -> str:
    """The line staff read when visits were deleted because this key could not open them."""
    visits = "stored visit" if count == 1 else "stored visits"
    verb = "was" if count == 1 else "were"
    return (f"{count} {visits} could not be read with this kiosk's key (the key file was"
            f" replaced or lost) and {verb} deleted.")
