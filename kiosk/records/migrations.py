"""The visit store's schema, as numbered steps; the file's user_version says which have run."""

from __future__ import annotations

import sqlite3

#: Each step moves the schema from version n to n + 1. Never edit a released step: add one.
STEPS: tuple[str, ...] = (
    """
    CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        submitted_at TEXT NOT NULL,
        language TEXT NOT NULL,
        questionnaire_version TEXT NOT NULL,
        answers TEXT NOT NULL,
        outcome TEXT NOT NULL,
        category TEXT NOT NULL,
        acknowledged_at TEXT
    );
    CREATE INDEX visits_by_time ON visits (submitted_at);
    CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('summary', 'urgent-slip')),
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'printed', 'failed')),
        copy INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        visit_id TEXT
    );
    """,
    """
    CREATE TABLE staff_lockout (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL,
        locked_until TEXT
    );
    INSERT INTO staff_lockout (id, failures, locked_until) VALUES (1, 0, NULL);
    """,
    # An urgent flag saves the visit before the patient sends it: open while the questions go
    # on, unfinished when they stopped; `flags` keeps every urgent flag that fired (JSON).
    """
    ALTER TABLE visits ADD COLUMN status TEXT NOT NULL DEFAULT 'complete'
        CHECK (status IN ('complete', 'open', 'unfinished'));
    ALTER TABLE visits ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
    """,
    # Locks grow: `lockouts` counts the PIN pad's locks in a row since the last right PIN;
    # `held_since` is set when one more run of wrong PINs holds staff mode until IT sets the
    # PIN again (`kiosk set-pin`).
    """
    ALTER TABLE staff_lockout ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE staff_lockout ADD COLUMN held_since TEXT;
    """,
    # Answers, outcome and `flags` are sealed from now on (kiosk/records/sealed_rows.py); the
    # staff list reads which urgent flags fired from `flag_ids`, their rule ids (JSON), which
    # name no one. Rows from before are sealed, and `flag_ids` filled, when the kiosk opens.
    """
    ALTER TABLE visits ADD COLUMN flag_ids TEXT NOT NULL DEFAULT '[]';
    """,
    # Front-desk staff set the kiosk up for the patient and handed it over or filled it in
    # with them: `assisted` is 1 and the summary says so. It names no one, so it is plain.
    """
    ALTER TABLE visits ADD COLUMN assisted INTEGER NOT NULL DEFAULT 0
        CHECK (assisted IN (0, 1));
    """,
    # The outbox (kiosk/records/outbox.py): each visit on its way to the clinic's FHIR server,
    # written with the visit; `last_error` keeps a refusing server's reason for staff.
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        visit_id TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'delivered', 'refused')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try_at TEXT,
        last_status INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        delivered_at TEXT
    );
    CREATE INDEX outbox_by_state ON outbox (state, next_try_at);
    """,
)


class NewerStore(RuntimeError):
    """The store was brought to a later schema step by a newer kiosk (after a rollback)."""


def version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection) -> int:
    """Run the steps this file has not had yet, each in its own transaction."""
    current = version(db)
    if current > len(STEPS):
        raise NewerStore(f"the visit store is version {current}, newer than this kiosk "
                         f"({len(STEPS)}); update the kiosk")
    for number, step in enumerate(STEPS[current:], start=current + 1):
        db.executescript(f"BEGIN IMMEDIATE; {step}; PRAGMA user_version = {number}; COMMIT;")
    return version(db)
