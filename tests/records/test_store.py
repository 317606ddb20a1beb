"""No visit a patient was thanked for is lost, and none is kept longer than the clinic allows."""

from __future__ import annotations

import dataclasses
import datetime
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.model import Loaded
from kiosk.content.simulate import read_answers, run
from kiosk.decoding.errors import ContentError
from kiosk.intake.session import SubmittedVisit
from kiosk.records.migrations import STEPS
from kiosk.records.store import VisitStore
from tests.conftest import ROOT

EXAMPLES = ROOT / "resources" / "examples"


def submitted(shipped: Loaded, example: str, when: datetime.datetime | None = None
              ) -> SubmittedVisit:
    """An example answer file, submitted as the kiosk would."""
    errors: list[ContentError] = []
    path = EXAMPLES / f"{example}.yaml"
    answers, lines = read_answers(path, shipped.content, errors)
    session, _ = run(answers, shipped.content, path, lines, errors)
    assert not errors
    return session.submit("en", when)


def test_a_saved_visit_reads_back_exactly(shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    visit = submitted(shipped, "spanish")
    store.save_submitted(visit)
    again = store.visit(visit.visit_id, shipped.content.questionnaire)
    assert again is not None
    assert dict(again.answers) == dict(visit.answers)
    assert again.outcome == visit.outcome and again.visit_id == visit.visit_id
    assert [j.kind for j in store.jobs("queued")] == ["summary"]
    assert store.audit_trail()[-1][1:] == ("submitted", visit.visit_id)


def test_an_urgent_visit_queues_an_urgent_slip_first(shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "urgent"))
    assert [job.kind for job in store.jobs("queued")] == ["urgent-slip", "summary"]
    assert store.visits()[0].category == "urgent"


def test_the_file_is_private_and_written_ahead(shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    store = VisitStore(path)
    store.save_submitted(submitted(shipped, "likely-candidate"))
    assert path.stat().st_mode & 0o777 == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(STEPS)


def test_the_store_keeps_at_most_half_a_mebibyte_of_its_pages_in_memory(
        shipped: Loaded, tmp_path: Path) -> None:
    """SQLite's own default (2 MiB) would fill as visits are added, month after month."""
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    kib = -store._db.execute("PRAGMA cache_size").fetchone()[0]  # negative: in KiB
    assert 0 < kib <= 512


def test_retention_deletes_old_visits_and_their_jobs_and_vacuums(
        shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    now = datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.UTC)
    old = submitted(shipped, "likely-candidate", now - datetime.timedelta(hours=30))
    recent = submitted(shipped, "review", now - datetime.timedelta(hours=2))
    store.save_submitted(old)
    store.save_submitted(recent)
    assert store.purge_expired(24, now) == 1
    assert [v.visit_id for v in store.visits()] == [recent.visit_id]
    assert {job.visit_id for job in store.jobs()} == {recent.visit_id}
    assert old.answers["last-name"] == "Example" and recent.answers["last-name"] == "Sample"
    files = {p.name: p.read_bytes() for p in tmp_path.glob("visits.sqlite3*")}
    kept = store.visit(recent.visit_id, shipped.content.questionnaire)
    assert kept is not None and kept.answers["last-name"] == "Sample", "the kept visit is there"
    for name, raw in files.items():  # the audit keeps the visit id, never the patient
        assert b"Example" not in raw and b"Maria" not in raw, f"{name} still holds the patient"
        assert b"Sample" not in raw, f"{name} holds the kept patient's name unsealed"
    assert store.visit(old.visit_id, shipped.content.questionnaire) is None
    assert store.purge_expired(24, now) == 0


def test_a_visit_survives_the_process_being_killed_right_after_submit(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    script = f"""
import os, signal
from pathlib import Path
from kiosk.content.loader import load_all
from tests.records.test_store import submitted
from kiosk.records.store import VisitStore
visit = submitted(load_all(), "likely-candidate")
VisitStore(Path({str(path)!r})).save_submitted(visit)
print(visit.visit_id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == -9, result.stderr
    visit_id = result.stdout.strip()
    store = VisitStore(path)
    assert store.visit(visit_id, shipped.content.questionnaire) is not None
    assert [job.visit_id for job in store.jobs("queued")] == [visit_id]


def test_a_store_from_a_newer_kiosk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(STEPS) + 1}")
    db.close()
    with pytest.raises(RuntimeError, match="newer than this kiosk"):
        VisitStore(path)


def test_a_failed_print_waits_its_turn_and_an_interrupted_one_prints_again_as_copy(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    store = VisitStore(path)
    store.save_submitted(submitted(shipped, "urgent"))
    slip = store.next_job()
    assert slip is not None and slip.kind == "urgent-slip", "the urgent slip goes first"
    store.mark_sending(slip)
    now = datetime.datetime.now(datetime.UTC)
    store.mark_failed(slip, "printer 'Front_Desk' not found", now + datetime.timedelta(minutes=1))
    summary = store.next_job(now)
    assert summary is not None and summary.kind == "summary", "a failed job waits its back-off"
    store.mark_sending(summary)
    store.close()
    again = VisitStore(path)  # the kiosk died while the summary was being sent
    assert again.requeue_interrupted() == 1
    later = now + datetime.timedelta(minutes=2)
    jobs = {job.kind: job for job in again.jobs("queued")}
    assert jobs["summary"].copy and not jobs["urgent-slip"].copy
    assert jobs["urgent-slip"].last_error == "printer 'Front_Desk' not found"
    first = again.next_job(later)
    assert first is not None and first.kind == "urgent-slip"
    again.mark_printed(first)
    assert again.audit_trail()[-1][1] == "printed urgent-slip"


def test_a_store_from_before_urgent_saving_keeps_its_visits_as_sent(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    db = sqlite3.connect(path)
    for step in STEPS[:2]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO visits (id, submitted_at, language, questionnaire_version, answers,"
               " outcome, category) VALUES ('V-0101-AAAA', '2026-01-01T10:00:00+00:00', 'en',"
               " '1', '{\"first-name\": \"Lee\"}', '{\"category\": \"review\", \"reasons\": []}',"
               " 'review')")
    db.commit()
    db.close()
    store = VisitStore(path)
    old = store.visit("V-0101-AAAA", shipped.content.questionnaire)
    assert old is not None and old.status == "complete" and old.fired == ()
    assert old.answers == {"first-name": "Lee"}


def test_an_urgent_visit_saved_open_reads_back_with_its_fired_flags(
        shipped: Loaded, tmp_path: Path) -> None:
    from kiosk.intake.session import IntakeSession

    content = shipped.content
    session = IntakeSession(content.questionnaire, content.rules)
    session.answer("birth-date", datetime.date(1950, 7, 1))
    session.answer("both-legs-symptoms", "yes")
    session.fire_flags()
    session.answer("both-legs-symptoms", "no")
    visit = session.snapshot("es", "open")
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_urgent(visit)
    again = store.visit(visit.visit_id, content.questionnaire)
    assert again is not None
    assert again.submitted_at == visit.submitted_at.replace(microsecond=0)  # kept to the second
    assert again == dataclasses.replace(visit, submitted_at=again.submitted_at)
    assert [(job.kind, job.state) for job in store.jobs()] == [("urgent-slip", "queued")]
    [listed] = store.visits()
    assert (listed.status, listed.flags, listed.category) == (
        "open", ("both-legs-symptoms",), "urgent")
