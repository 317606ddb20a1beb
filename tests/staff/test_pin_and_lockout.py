"""The staff PIN is never stored, only its salted hash; wrong PINs lock the pad, across restarts."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app import Options
from kiosk.cli import _set_pin
from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, load_all
from kiosk.records.staff_pin import pin_matches
from kiosk.records.store import VisitStore


def answers(*typed: str) -> Callable[[str], str]:
    """What staff type at each prompt."""
    replies = iter(typed)
    return lambda prompt: next(replies)


def test_set_pin_keeps_only_a_hash_and_every_comment(settings_copy: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = settings_copy.read_text(encoding="utf-8")
    assert _set_pin(Options(settings=settings_copy), answers("2468", "2468")) == 0
    after = settings_copy.read_text(encoding="utf-8")
    assert "2468" not in after
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(changed) == 1 and changed[0].lstrip().startswith("pin_hash: \"scrypt$")
    assert re.search(r'"  # set with: python main.py set-pin', changed[0]), \
        "the comment stays, apart from the value as YAML wants"
    assert settings_copy.stat().st_mode & 0o777 == 0o600, "the PIN's hash: private"
    loaded = load_all(DEFAULT_CONTENT, settings_copy, DEFAULT_THEME)
    assert pin_matches("2468", loaded.settings.staff.pin_hash)
    assert not pin_matches("2469", loaded.settings.staff.pin_hash)
    assert capsys.readouterr().out.splitlines()[0] == f"staff PIN set in {settings_copy}"


@pytest.mark.parametrize(("first", "second", "why"), [
    ("123", "123", "at least 4 digits"), ("12a4", "12a4", "digits only"),
    ("2468", "2486", "the two PINs differ")])
def test_set_pin_refuses(settings_copy: Path, capsys: pytest.CaptureFixture[str], first: str,
                         second: str, why: str) -> None:
    before = settings_copy.read_text(encoding="utf-8")
    assert _set_pin(Options(settings=settings_copy), answers(first, second)) == 1
    assert why in capsys.readouterr().err
    assert settings_copy.read_text(encoding="utf-8") == before


def test_no_pin_set_opens_nothing() -> None:
    assert not pin_matches("0000", None) and not pin_matches("0000", "garbage$x")


def test_five_wrong_pins_lock_the_pad_and_the_lock_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    store = VisitStore(path)
    now = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)
    for _ in range(4):
        assert store.pin_failed(5, 60, 3, now).locked_until is None
    until = store.pin_failed(5, 60, 3, now).locked_until
    assert until == now + datetime.timedelta(seconds=60)
    store.close()
    again = VisitStore(path)  # the kiosk was restarted to get round the lock
    assert again.pin_locked_until(now + datetime.timedelta(seconds=30)) == until
    assert again.pin_locked_until(now + datetime.timedelta(seconds=61)) is None
    assert [a[1] for a in again.audit_trail()][-1] == "staff PIN wrong, pad locked for 60 s"


def test_the_right_pin_clears_the_count(tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    now = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)
    for _ in range(4):
        store.pin_failed(5, 60, 3, now)
    store.pin_succeeded()
    assert store.pin_failed(5, 60, 3, now).failures == 1, "the count started again"
    assert "staff unlock" in [a[1] for a in store.audit_trail()]
