"""Patience does not open staff mode: locks grow, then staff mode is held until IT sets the PIN
again; a weak PIN hash is refused; kiosk mode refuses to run as root. An urgent patient is never
stuck behind a locked PIN pad."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import kiosk.cli
from kiosk.app import Options
from kiosk.back_office import keep_visits
from kiosk.cli import _set_pin, main
from kiosk.content.model import Loaded
from kiosk.content.settings import pin_hash_problem
from kiosk.content.settings_file import set_value
from kiosk.records.pin_lockout import lock_seconds
from kiosk.records.staff_pin import hash_pin, pin_matches
from kiosk.records.store import VisitStore
from tests.conftest import with_kiosk
from tests.staff.test_pin_and_lockout import answers
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin
from tests.ui.test_urgent_path import flagged, jobs_of

NOW = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)
HELD = ("Staff mode is locked after too many wrong PINs. IT can unlock it with:"
        " python main.py set-pin")


def seconds(n: float) -> datetime.timedelta:
    return datetime.timedelta(seconds=n)


def an_hour_ago() -> datetime.datetime:
    """For a kiosk on screen, which reads the real clock: a lock from then is long over."""
    return datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)


def actions(store: VisitStore) -> list[str]:
    return [action for _, action, _ in store.audit_trail()]


def wrong_run(store: VisitStore, now: datetime.datetime, wrong_pins: int = 5,
              holds_after: int = 3) -> datetime.datetime | None:
    """`wrong_pins` wrong PINs in a row at `now`; when the pad then opens again."""
    state = None
    for _ in range(wrong_pins):
        state = store.pin_failed(wrong_pins, 60, holds_after, now)
    assert state is not None
    return state.locked_until


# -- the locks grow ---------------------------------------------------------------------------

def test_each_lock_lasts_five_times_the_one_before_up_to_thirty_minutes() -> None:
    assert [lock_seconds(60, n) for n in range(1, 6)] == [60, 300, 1500, 1800, 1800]
    assert [lock_seconds(3600, n) for n in (1, 2)] == [3600, 3600], "a longer first lock stays"


def test_locks_in_a_row_grow_and_each_is_audited_with_its_length(tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    now = NOW
    for expected in (60, 300, 1500, 1800):
        until = wrong_run(store, now, holds_after=10)
        assert until == now + seconds(expected)
        during = store.pin_failed(5, 60, 10, now + seconds(expected - 1))
        assert during.locked_until == until and during.failures == 0, "a locked pad counts nothing"
        now = until + seconds(1)
        assert store.pin_locked_until(now) is None
    locks = [a for a in actions(store) if "locked" in a]
    assert locks == [f"staff PIN wrong, pad locked for {n} s" for n in (60, 300, 1500, 1800)]
    assert actions(store).count("staff PIN wrong") == 4 * 4


def test_the_right_pin_starts_the_locks_again_at_the_first(tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    first = wrong_run(store, NOW)
    assert first is not None
    second = wrong_run(store, first + seconds(1))
    assert second == first + seconds(1 + 300)
    store.pin_succeeded()
    assert wrong_run(store, second + seconds(1)) == second + seconds(1 + 60)


# -- the hold ---------------------------------------------------------------------------------

def test_after_the_locks_staff_mode_is_held_across_a_restart_until_it_sets_the_pin(
        tmp_path: Path, settings_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "visits.sqlite3"
    store = VisitStore(path)
    now = NOW
    for _ in range(3):  # three locks in a row ...
        until = wrong_run(store, now)
        assert until is not None
        now = until + seconds(1)
    assert wrong_run(store, now) is None  # ... and the next run of wrong PINs holds it
    assert actions(store)[-1] == "staff PIN wrong, staff mode held until IT runs set-pin"
    store.close()
    restarted = VisitStore(path)  # a restart does not lift the hold, nor does time
    later = restarted.pin_state(now + datetime.timedelta(days=30))
    assert later.held and later.closed
    before = len(restarted.audit_trail())
    assert restarted.pin_failed(5, 60, 3, now).held, "a held pad counts nothing"
    assert len(restarted.audit_trail()) == before
    restarted.close()

    assert _set_pin(Options(settings=settings_copy, data=tmp_path), answers("8642", "8642")) == 0
    out = capsys.readouterr().out
    assert "it is open again" in out and "8642" not in out
    again = VisitStore(path)
    state = again.pin_state()
    assert not state.closed and (state.failures, state.lockouts) == (0, 0)
    assert actions(again)[-1] == "staff PIN set again by IT, hold lifted"
    assert wrong_run(again, now) == now + seconds(60), "the locks start again at the first"


def test_set_pin_lifts_the_hold_of_a_running_kiosk_and_leaves_its_files_to_it(
        tmp_path: Path, settings_copy: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    running = VisitStore(tmp_path / "visits.sqlite3")  # the kiosk has its store open
    for hour in range(4):
        wrong_run(running, NOW + datetime.timedelta(hours=hour))
    assert running.pin_state().held
    given: list[tuple[str, int]] = []
    monkeypatch.setattr(os, "geteuid", lambda: 0)  # IT ran set-pin with sudo
    monkeypatch.setattr(os, "chown", lambda path, uid, gid: given.append((Path(path).name, uid)))
    assert _set_pin(Options(settings=settings_copy, data=tmp_path), answers("8642", "8642")) == 0
    assert "it is open again" in capsys.readouterr().out
    assert not running.pin_state().closed, "the running kiosk's pad is open at once"
    owner = (tmp_path / "visits.sqlite3").stat().st_uid
    assert sorted(given) == [("visits.sqlite3-shm", owner), ("visits.sqlite3-wal", owner)]
    running.close()


def test_set_pin_without_a_visit_store_says_so_and_creates_none(
        tmp_path: Path, settings_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert _set_pin(Options(settings=settings_copy, data=data), answers("8642", "8642")) == 0
    assert f"No visit store in {data}" in capsys.readouterr().out
    assert not data.exists()


def test_the_pad_says_staff_mode_is_held_and_what_to_do_even_after_a_restart(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    rule = {"wrong_pins": 2, "lockouts_before_hold": 1}
    window = staff_window(make_window, shipped, tmp_path, **rule)
    assert window.store is not None
    wrong_run(window.store, an_hour_ago(), 2, 1)  # a lock, long over
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, "1111")
    assert ("Wrong PIN. Tries left before staff mode locks until IT unlocks it: 1."
            in visible_text(window))
    type_pin(qtbot, window, "1111")
    assert HELD in visible_text(window)
    assert not find_button(window, "staff_pin_ok").isEnabled()
    assert not find_button(window, "staff_pin_end_urgent").isVisible(), "no urgent visit here"
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    window.allow_close()
    window.close()
    restarted = staff_window(make_window, shipped, tmp_path, **rule)
    corner_taps(qtbot, restarted, 5)
    assert HELD in visible_text(restarted)
    assert not find_button(restarted, "staff_pin_1").isEnabled()
    assert restarted.store is not None
    restarted.store.pin_set_by_it()  # IT runs set-pin while the pad is on screen

    def pad_open() -> None:
        assert find_button(restarted, "staff_pin_1").isEnabled()
        assert HELD not in visible_text(restarted)

    qtbot.waitUntil(pad_open, timeout=5000)


def test_a_long_lock_is_counted_down_in_minutes(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path, wrong_pins=1)
    assert window.store is not None
    wrong_run(window.store, an_hour_ago(), 1)  # a 60 s lock, long over
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, "1111")  # the second lock in a row: 5 minutes
    assert "Too many wrong PINs. Try again in 5 minutes." in visible_text(window)
    assert actions(window.store)[-1] == "staff PIN wrong, pad locked for 300 s"


def test_no_pin_and_no_hash_reach_the_log_or_the_audit_table(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    window = staff_window(make_window, shipped, tmp_path, wrong_pins=2, lockouts_before_hold=1)
    store = window.store
    assert store is not None
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)  # the right one, then wrong ones until the pad locks
    tap(qtbot, find_button(window, "staff_close"))
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, "97531")
    type_pin(qtbot, window, "97531")
    assert "try again" in visible_text(window).lower()
    pin_hash = window._loaded.settings.staff.pin_hash
    assert pin_hash is not None
    secrets = (PIN, "97531", pin_hash, pin_hash.split("$")[-1], pin_hash.split("$")[-2])
    trail = " ".join(str(entry) for entry in store.audit_trail())
    assert "staff PIN wrong, pad locked for 60 s" in trail
    assert not any(secret in trail or secret in caplog.text for secret in secrets)


# -- an urgent patient is never stuck ---------------------------------------------------------

def test_held_staff_mode_still_lets_the_desk_end_an_urgent_visit_here(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path, wrong_pins=1,
                                      lockouts_before_hold=1)
    wrong_run(store, an_hour_ago(), 1, 1)  # a lock, long over
    tap(qtbot, find_button(window, "urgent_staff"))
    type_pin(qtbot, window, "1111")  # held now
    shown = visible_text(window)
    assert HELD in shown and "Without the PIN you can still end the visit here" in shown
    assert "Ana" not in shown, "nothing of the patient is shown without the PIN"
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    assert window.place.screen == "urgent", "Cancel goes back to the patient's urgent screen"
    tap(qtbot, find_button(window, "urgent_staff"))
    assert HELD in visible_text(window)
    end = find_button(window, "staff_pin_end_urgent")
    assert end.text() == "End the visit here"
    tap(qtbot, end)
    assert window.place.screen == "attract" and window.visit is None
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "unfinished"
    assert jobs_of(store, visit_id) == [("urgent-slip", False), ("summary", False)]
    assert ("urgent visit: ended at the locked staff PIN pad", visit_id) in [
        (action, vid) for _, action, vid in store.audit_trail()]
    assert store.pin_state().held, "ending the visit does not open staff mode"


def test_a_timed_lock_also_lets_the_desk_end_an_urgent_visit_and_the_right_pin_still_works(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path, wrong_pins=1)
    tap(qtbot, find_button(window, "urgent_staff"))
    assert not find_button(window, "staff_pin_end_urgent").isVisible(), "an open pad: the PIN"
    type_pin(qtbot, window, "1111")
    assert "Too many wrong PINs. Seconds until you can try again:" in visible_text(window)
    assert find_button(window, "staff_pin_end_urgent").isVisible()
    store.pin_set_by_it()  # the lock ends (as when its time is up)
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    tap(qtbot, find_button(window, "urgent_staff"))
    assert not find_button(window, "staff_pin_end_urgent").isVisible()
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_urgent" and window.visit is not None
    assert window.visit.visit_id == visit_id


# -- the hash has a floor ---------------------------------------------------------------------

def scrypt_hash(pin: str, n: int = 2**14, r: int = 8, p: int = 1, salt: int = 16,
                key: int = 32) -> str:
    digest = hashlib.scrypt(pin.encode(), salt=b"s" * salt, n=n, r=r, p=p, dklen=key,
                            maxmem=2**27)
    return f"scrypt${n}${r}${p}${(b's' * salt).hex()}${digest.hex()}"


WEAK = [
    (dict(n=2**10), "scrypt n is 1024, at least 16384 is needed"),
    (dict(r=4), "scrypt r is 4, at least 8 is needed"),
    (dict(salt=8), "the salt is 8 bytes, at least 16 are needed"),
    (dict(key=16), "the key is 16 bytes, at least 32 are needed"),
]


@pytest.mark.parametrize(("weakness", "why"), WEAK)
def test_check_content_refuses_a_weak_pin_hash_with_file_and_line(
        settings_copy: Path, capsys: pytest.CaptureFixture[str], weakness: dict[str, int],
        why: str) -> None:
    weak = scrypt_hash("2468", **weakness)
    assert not pin_matches("2468", weak), "never accepted at run time, even the right PIN"
    set_value(settings_copy, "staff", "pin_hash", weak)
    line = next(number for number, text in enumerate(
        settings_copy.read_text(encoding="utf-8").splitlines(), start=1)
        if text.lstrip().startswith("pin_hash:"))
    assert main(["check-content", "--settings", str(settings_copy)]) == 1
    out = capsys.readouterr().out
    [reported] = [text for text in out.splitlines() if "pin_hash" in text]
    assert reported.startswith(f"{settings_copy}:{line}: staff.pin_hash: the PIN hash is too weak")
    assert why in reported and "set the PIN again with: python main.py set-pin" in reported
    assert weak.split("$")[-1] not in out and weak.split("$")[-2] not in out


@pytest.mark.parametrize(("stored", "why"), [
    ("scrypt$16384$8$0$" + "73" * 16 + "$" + "00" * 32, "scrypt p is 0, at least 1"),
    ("scrypt$20000$8$1$" + "73" * 16 + "$" + "00" * 32, "must be a power of 2"),
    ("scrypt$1048576$8$1$" + "73" * 16 + "$" + "00" * 32, "too costly to check"),
    ("bcrypt$12$abc", "is not a PIN hash written by set-pin"),
    ("scrypt$16384$8$1$zz$" + "00" * 32, "is not a PIN hash written by set-pin"),
])
def test_a_damaged_or_odd_pin_hash_is_named_and_matches_nothing(stored: str, why: str) -> None:
    problem = pin_hash_problem(stored)
    assert problem is not None and why in problem
    assert not pin_matches("2468", stored)


def test_the_hash_set_pin_writes_is_at_the_floor_and_accepted() -> None:
    written = hash_pin("2468")
    assert pin_hash_problem(written) is None and pin_matches("2468", written)
    assert pin_matches("2468", scrypt_hash("2468", n=2**15, r=8, p=2)), "stronger is fine"


def test_a_weak_hash_at_run_time_is_no_pin(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    loaded = with_kiosk(shipped, animations=False, idle_seconds=600.0)
    weak = dataclasses.replace(loaded.settings.staff, pin_hash=scrypt_hash(PIN, n=2**10))
    window = make_window(dataclasses.replace(
        loaded, settings=dataclasses.replace(loaded.settings, staff=weak)))
    keep_visits(window, loaded, tmp_path / "visits.sqlite3")
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_pin"
    assert "No staff PIN is set." in visible_text(window)
    assert window.store is not None and window.store.pin_failures() == 0


# -- never as root ----------------------------------------------------------------------------

@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Options]:
    """What reached the kiosk's start (nothing really starts)."""
    runs: list[Options] = []

    def run(options: Options) -> int:
        runs.append(options)
        return 0

    monkeypatch.setattr(kiosk.cli, "run_kiosk", run)
    return runs


def test_kiosk_mode_refuses_to_run_as_root(monkeypatch: pytest.MonkeyPatch,
                                           started: list[Options],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "run the kiosk as its own unprivileged user; see README" in err
    assert started == []


def test_a_windowed_try_and_other_commands_may_run_as_root(
        monkeypatch: pytest.MonkeyPatch, started: list[Options],
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert main(["--windowed"]) == 0
    assert [options.windowed for options in started] == [True]
    assert main(["check-content"]) == 0
    assert "content OK" in capsys.readouterr().out


def test_kiosk_mode_runs_as_its_own_user(monkeypatch: pytest.MonkeyPatch,
                                         started: list[Options]) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert main([]) == 0
    assert [options.windowed for options in started] == [False]


def test_check_content_names_a_hold_setting_out_of_its_range(
        settings_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = settings_copy.read_text(encoding="utf-8")
    settings_copy.write_text(text.replace("lockouts_before_hold: 3", "lockouts_before_hold: 0"),
                             encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), start=1)
                if "lockouts_before_hold:" in row)
    assert main(["check-content", "--settings", str(settings_copy)]) == 1
    assert (f"{settings_copy}:{line}: staff.lockouts_before_hold: must be from 1 to 10 locks"
            in capsys.readouterr().out)
