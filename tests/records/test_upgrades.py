"""A new kiosk starts on the data folder any earlier kiosk left: the visit store is brought up
from every earlier schema version, one step at a time, and the visit in it reads back whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.content.model import Loaded
from kiosk.records.migrations import STEPS
from kiosk.records.store import VisitStore
from kiosk.records.store_health import open_visit_store


@pytest.mark.parametrize("left_at", range(len(STEPS) + 1))
def test_a_store_from_every_earlier_version_opens_with_its_visit(
        shipped: Loaded, tmp_path: Path, left_at: int) -> None:
    path = tmp_path / "visits.sqlite3"
    db = sqlite3.connect(path)
    for step in STEPS[:left_at]:
        db.executescript(step)
    db.execute(f"PRAGMA user_version = {left_at}")
    if left_at:  # the visits table is there from the first step on
        with db:
            db.execute("INSERT INTO visits (id, submitted_at, language, questionnaire_version,"
                       " answers, outcome, category) VALUES ('V-0101-AAAA',"
                       " '2026-01-01T10:00:00+00:00', 'es', '2', ?, ?, 'review')",
                       ('{"first-name": "Lee", "pain-now": 6}',
                        '{"category": "review", "reasons": []}'))
    db.close()
    store = VisitStore(path)
    reopened = sqlite3.connect(path)
    assert reopened.execute("PRAGMA user_version").fetchone()[0] == len(STEPS)
    reopened.close()
    if left_at:
        visit = store.visit("V-0101-AAAA", shipped.content.questionnaire)
        assert visit is not None
        assert (visit.answers, visit.language, visit.status) == (
            {"first-name": "Lee", "pain-now": 6}, "es", "complete")
        assert [stored.visit_id for stored in store.visits()] == ["V-0101-AAAA"]
    assert store.outbox() == [], "nothing from before is sent anywhere by itself"
    store.close()


def test_after_a_rollback_a_store_from_a_newer_kiosk_is_kept_and_visits_go_to_the_fallback(
        tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(STEPS) + 1}")
    db.close()
    opened = open_visit_store(path, tmp_path / "config" / "key")
    assert opened.store is None
    assert opened.problems == [
        f"The visit store cannot be written (the visit store is version {len(STEPS) + 1},"
        f" newer than this kiosk ({len(STEPS)}); update the kiosk). Visits are kept in the"
        " fallback file until it works again."]
    kept = sqlite3.connect(path)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == len(STEPS) + 1, \
        "left at the newer kiosk's step, where it was"
    kept.close()
