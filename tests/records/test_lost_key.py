"""A lost, replaced or damaged key costs the visits it sealed, never a crash: they are deleted
when the kiosk starts and staff read how many on the dashboard. A sealed value opens only in
its own visit's row and column, and a command run beside the kiosk changes nothing.

The patient here is invented: Zenobia Quillfeather, born 9 March 1951.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.intake.session import IntakeSession, SubmittedVisit
from kiosk.records.sealed_rows import unreadable_note
from kiosk.records.sealing import KEY_BYTES, KEY_FILE_NAME
from kiosk.records.store import VisitStore
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.records.test_encryption_at_rest import patient_session, staff_dashboard
from tests.ui.test_staff_mode import PIN, corner_taps, type_pin, with_pin


def saved_visit(shipped: Loaded, tmp_path: Path) -> tuple[Path, Path, SubmittedVisit]:
    """A store with the invented patient's visit in it, closed."""
    path, key_file = tmp_path / "visits.sqlite3", tmp_path / "config" / KEY_FILE_NAME
    store = VisitStore(path, key_file)
    visit = patient_session(shipped, tmp_path).submit("en")
    store.save_submitted(visit)
    store.close()
    return path, key_file, visit


@pytest.mark.parametrize("loss", ["replaced", "lost", "damaged"])
def test_visits_a_lost_key_cannot_open_are_deleted_and_staff_told(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path, loss: str) -> None:
    path, key_file, visit = saved_visit(shipped, tmp_path)
    if loss == "replaced":
        key_file.write_bytes(os.urandom(KEY_BYTES))
    elif loss == "lost":
        key_file.unlink()
    else:
        key_file.write_bytes(b"not a key")
    store = VisitStore(path, key_file)  # no exception: the kiosk starts
    assert store.visits() == [] and store.jobs() == []
    assert store.visit(visit.visit_id, shipped.content.questionnaire) is None
    assert store.notes[-1] == unreadable_note(1)
    assert "could not be read with this kiosk's key" in store.notes[-1]
    assert store.audit_trail()[-1][1:] == ("unreadable with this key: 1 deleted", None)
    assert len(key_file.read_bytes()) == KEY_BYTES and key_file.stat().st_mode & 0o777 == 0o600
    if loss == "damaged":
        assert "was damaged" in store.notes[0]
        assert [p.read_bytes() for p in key_file.parent.glob("visits.key.damaged-*")] == [
            b"not a key"], "the damaged key file is kept for IT"
    dashboard = staff_dashboard(qtbot, store, shipped)
    problems = dashboard.findChild(QLabel, "staff_problems")
    assert problems is not None and not problems.isVisible()
    dashboard.show_problems(store.notes)
    assert problems.isVisible() and unreadable_note(1) in problems.text()
    again = VisitStore(path, key_file)
    assert again.notes == [], "told once: the next start finds nothing unreadable"
    again.save_submitted(visit)
    assert again.visit(visit.visit_id, shipped.content.questionnaire) is not None


def test_a_sealed_value_copied_into_another_row_or_column_does_not_open(
        shipped: Loaded, tmp_path: Path) -> None:
    path, key_file, visit = saved_visit(shipped, tmp_path)
    store = VisitStore(path, key_file)
    other = IntakeSession(shipped.content.questionnaire, shipped.content.rules)
    other.answer("first-name", "Ottoline")
    decoy = other.snapshot("en", "open")
    store.save_urgent(decoy)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE visits SET answers = (SELECT answers FROM visits WHERE id = ?)"
                   " WHERE id = ?", (visit.visit_id, decoy.visit_id))
    questionnaire = shipped.content.questionnaire
    assert store.visit(decoy.visit_id, questionnaire) is None, "Zenobia's answers stay shut"
    assert store.visit(visit.visit_id, questionnaire) is not None
    with db:
        db.execute("UPDATE visits SET outcome = answers WHERE id = ?", (visit.visit_id,))
    assert store.visit(visit.visit_id, questionnaire) is None
    db.close()
    store.close()
    reopened = VisitStore(path, key_file)
    assert reopened.visits() == [] and reopened.notes == [unreadable_note(2)]


def test_a_command_beside_the_kiosk_never_makes_a_key_nor_deletes_a_visit(
        shipped: Loaded, tmp_path: Path) -> None:
    path, key_file, visit = saved_visit(shipped, tmp_path)
    elsewhere = tmp_path / "other-config" / KEY_FILE_NAME  # run as another user, say
    command = VisitStore(path, elsewhere, beside_kiosk=True)
    assert command.visit(visit.visit_id, shipped.content.questionnaire) is None
    assert [v.visit_id for v in command.visits()] == [visit.visit_id]
    assert not elsewhere.exists() and command.notes == []
    command.close()
    kiosk = VisitStore(path, key_file)
    assert kiosk.visit(visit.visit_id, shipped.content.questionnaire) is not None


def test_staff_opening_the_dashboard_read_what_the_store_found(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path) -> None:
    path, key_file, _ = saved_visit(shipped, tmp_path)
    key_file.write_bytes(os.urandom(KEY_BYTES))  # the key file was replaced
    loaded = with_pin(with_kiosk(shipped, animations=False, idle_seconds=600.0))
    window = KioskWindow(loaded, kiosk_mode=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.store = VisitStore(path, key_file)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    problems = window.findChild(QLabel, "staff_problems")
    assert problems is not None and problems.isVisible()
    assert problems.text() == unreadable_note(1)
    window.store = VisitStore(path, key_file)  # the next start: nothing more to tell
    tap_close = window.findChild(QPushButton, "staff_close")
    assert tap_close is not None
    qtbot.mouseClick(tap_close, Qt.MouseButton.LeftButton)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    assert not [note for note in window.findChildren(QLabel, "staff_problems")
                if note.isVisible()], "nothing more to tell"
    window.allow_close()
    window.close()
