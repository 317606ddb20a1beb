"""A broken store never loses a visit: damaged files are moved aside and replaced, a store
that cannot be written is stood in for, and every visit goes to the fallback file first."""

from __future__ import annotations

import io
import logging
import os
import sqlite3
from pathlib import Path

import pytest

from kiosk.app import Options
from kiosk.content.model import Loaded
from kiosk.records.fallback import FALLBACK_FILE_NAME, FallbackFile
from kiosk.records.keeper import StandInStore, VisitKeeper
from kiosk.records.sealing import KEY_FILE_NAME, Sealer, load_or_create_key
from kiosk.records.store import VisitStore
from kiosk.records.store_health import open_visit_store
from kiosk.self_test import self_test
from tests.records.test_store import submitted

# The kinds of damage a power cut, a bad disk or a careless copy leave behind.
DAMAGE = {
    "truncated": lambda data: data[: len(data) // 3],
    "random bytes": lambda data: os.urandom(len(data)),
    "header overwritten": lambda data: b"\0" * 100 + data[100:],
    "pages overwritten": lambda data: data[:4096] + os.urandom(len(data) - 4096),
}


def stored_once(shipped: Loaded, folder: Path) -> tuple[Path, Path, str]:
    """A store holding one visit, closed; returns its path, key file and the visit's id."""
    path, key_file = folder / "visits.sqlite3", folder / "config" / KEY_FILE_NAME
    store = VisitStore(path, key_file)
    visit = submitted(shipped, "likely-candidate")
    store.save_submitted(visit)
    store.close()
    return path, key_file, visit.visit_id


def fill_the_disk(store: VisitStore) -> None:
    """The store's disk is full from now on, to the last byte: reads work, writes fail."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.Error):  # whatever room the last page had is used up
        for _ in range(100_000):
            store._db.execute("INSERT INTO audit (at, action) VALUES ('now', 'filling')")


def keeper_for(folder: Path, store: VisitStore | None, problems: list[str] | None = None
               ) -> VisitKeeper:
    key_file = folder / "config" / KEY_FILE_NAME
    key, _ = load_or_create_key(key_file)
    fallback = FallbackFile(key_file.parent / "fallback" / FALLBACK_FILE_NAME, Sealer(key))
    return VisitKeeper(store, fallback, lambda: StandInStore(None), problems)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_store_is_moved_aside_and_a_new_one_started(
        shipped: Loaded, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    path, key_file, _ = stored_once(shipped, tmp_path)
    path.write_bytes(DAMAGE[damage](path.read_bytes()))
    with caplog.at_level(logging.ERROR):
        opened = open_visit_store(path, key_file)
    assert opened.store is not None
    aside = [p.name for p in tmp_path.iterdir() if p.name.startswith("visits.sqlite3.damaged-")]
    assert len(aside) == 1, "the damaged file is kept for IT"
    assert aside[0] in opened.problems[0] and "damaged" in caplog.text
    visit = submitted(shipped, "urgent")
    opened.store.save_submitted(visit)
    assert opened.store.visit(visit.visit_id, shipped.content.questionnaire) is not None


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_a_store_gone_empty_or_missing_is_named_to_staff(
        shipped: Loaded, tmp_path: Path, state: str) -> None:
    path, key_file, _ = stored_once(shipped, tmp_path)
    path.unlink() if state == "missing" else path.write_bytes(b"")
    Path(f"{path}-wal").unlink(missing_ok=True)
    opened = open_visit_store(path, key_file)
    assert opened.store is not None
    assert f"was {state} although this kiosk has stored visits before" in opened.problems[0]


def test_a_store_that_cannot_be_opened_is_stood_in_for_and_visits_go_to_the_fallback(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    path.mkdir()  # something that is not a database file where the store should be
    opened = open_visit_store(path, tmp_path / "config" / KEY_FILE_NAME)
    assert opened.store is None and "cannot be written" in opened.problems[0]
    keeper = keeper_for(tmp_path, opened.store, opened.problems)
    visit = submitted(shipped, "urgent")
    assert keeper.submitted(visit) is True
    assert keeper.degraded
    assert keeper.knows(visit.visit_id) and not keeper.knows("V-0101-NONE")
    # printed from memory: the stand-in holds the visit and its jobs
    assert [job.kind for job in keeper.store.jobs("queued")] == ["urgent-slip", "summary"]
    kept, unreadable = keeper.fallback.visits(shipped.content.questionnaire)
    assert [entry.visit.visit_id for entry in kept] == [visit.visit_id] and unreadable == 0
    assert dict(kept[0].visit.answers) == dict(visit.answers)


def test_a_store_that_fills_up_mid_run_loses_no_visit_and_moves_back_once_repaired(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    store = VisitStore(path, tmp_path / "config" / KEY_FILE_NAME)
    keeper = keeper_for(tmp_path, store)
    switched: list[VisitStore] = []
    keeper.on_switch = switched.append
    first = submitted(shipped, "likely-candidate")
    assert keeper.submitted(first)
    fill_the_disk(store)
    second, third = submitted(shipped, "urgent"), submitted(shipped, "spanish")
    assert keeper.submitted(second) and keeper.submitted(third)
    assert switched == [keeper.store] and keeper.degraded
    assert "stopped taking visits" in keeper.problems[0]
    stand_in = keeper.store
    summary = next(job for job in stand_in.jobs() if job.visit_id == second.visit_id
                   and job.kind == "summary")
    stand_in.mark_printed(summary)  # the printer took it from memory
    # the disk is freed and the kiosk restarts: the fallback's visits move back, once each
    repaired = VisitStore(path, tmp_path / "config" / KEY_FILE_NAME)
    assert keeper.move_back(repaired, shipped.content.questionnaire, ended_by_restart=True) == 2
    ids = [v.visit_id for v in repaired.visits()]
    assert sorted(ids) == sorted([first.visit_id, second.visit_id, third.visit_id])
    jobs = [(job.visit_id, job.kind) for job in repaired.jobs("queued")]
    assert (second.visit_id, "summary") not in jobs, "printed from memory: not printed again"
    assert (second.visit_id, "urgent-slip") in jobs and (third.visit_id, "summary") in jobs
    assert not keeper.fallback.path.exists() and not keeper.degraded


def test_when_even_the_fallback_fails_the_visit_is_not_called_kept(
        shipped: Loaded, tmp_path: Path) -> None:
    keeper = keeper_for(tmp_path, None, ["The visit store cannot be written."])
    keeper.fallback.path.mkdir(parents=True)  # the fallback file cannot be written either
    assert keeper.submitted(submitted(shipped, "likely-candidate")) is False
    assert any("fallback file cannot be written" in note for note in keeper.problems)


def test_the_fallback_file_holds_no_plain_answers_and_is_private(
        shipped: Loaded, tmp_path: Path) -> None:
    keeper = keeper_for(tmp_path, None)
    visit = submitted(shipped, "spanish")
    assert keeper.submitted(visit)
    data = keeper.fallback.path.read_bytes()
    for answer in visit.answers.values():
        if isinstance(answer, str) and len(answer) > 3:
            assert answer.encode() not in data
    assert keeper.fallback.path.stat().st_mode & 0o777 == 0o600


def test_a_torn_last_line_is_left_out_and_counted(shipped: Loaded, tmp_path: Path) -> None:
    keeper = keeper_for(tmp_path, None)
    visit = submitted(shipped, "likely-candidate")
    keeper.submitted(visit)
    with keeper.fallback.path.open("ab") as file:
        file.write(b"AAEC")  # a power cut in the middle of a line
    kept, unreadable = keeper.fallback.visits(shipped.content.questionnaire)
    assert [entry.visit.visit_id for entry in kept] == [visit.visit_id] and unreadable == 1


@pytest.mark.parametrize("state", ["damaged", "empty", "unwritable", "fallback waiting"])
def test_self_test_names_a_broken_store_in_a_fail_line(
        shipped: Loaded, tmp_path: Path, state: str) -> None:
    path, _, _ = stored_once(shipped, tmp_path)
    if state == "damaged":
        path.write_bytes(DAMAGE["random bytes"](path.read_bytes()))
        Path(f"{path}-wal").unlink(missing_ok=True)
    elif state == "empty":
        path.write_bytes(b"")
        Path(f"{path}-wal").unlink(missing_ok=True)
    elif state == "unwritable":
        path.unlink()
        Path(f"{path}-wal").unlink(missing_ok=True)
        path.mkdir()
    else:
        keeper_for(tmp_path, None).submitted(submitted(shipped, "urgent"))
    out = io.StringIO()
    self_test(Options(data=tmp_path, windowed=True), out)
    lines = out.getvalue().splitlines()
    store_line = next(line for line in lines if "visit store:" in line)
    assert store_line.startswith("FAIL"), lines
    assert "Traceback" not in out.getvalue()


def test_a_full_store_does_not_stop_staff_and_counts_no_pin_guess_for_free(
        shipped: Loaded, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    fill_the_disk(store)
    with caplog.at_level(logging.ERROR):
        store.audit("staff exit")  # noted in the log instead; staff go on
        state = store.pin_failed(wrong_pins=5, lockout_seconds=60, lockouts_before_hold=3)
        store.pin_succeeded()
    assert state.closed, "a wrong PIN that cannot be counted closes the pad for a lock's time"
    assert "audit not stored" in caplog.text and "could not be counted" in caplog.text
