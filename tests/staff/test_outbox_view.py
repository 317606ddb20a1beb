"""The outbox on the staff dashboard: delivered, waiting and refused visits counted, each refusal
with the record system's reason, and one touch to send again."""

from __future__ import annotations

import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk import __version__
from kiosk.content.model import Loaded
from kiosk.run_record import RunRecord
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin


def test_staff_see_what_reached_the_record_system_and_send_a_refused_visit_again(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    store.delivers = True
    delivered, refused = submitted(shipped, "likely-candidate"), submitted(shipped, "review")
    for visit in (delivered, refused):
        store.save_submitted(visit)
    for entry, status in zip(store.outbox(), (201, 422), strict=True):
        store.mark_delivering(entry)
        if status == 201:
            store.mark_delivered(entry, status)
        else:
            store.mark_refused(entry, status, "Patient.birthDate: invalid date")
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    shown = visible_text(window)
    assert "Record system: 1 delivered, 0 waiting, 1 refused." in shown
    assert (f"Visit {refused.visit_id} was refused by the record system (422):"
            " Patient.birthDate: invalid date") in shown
    tap(qtbot, find_button(window, "staff_outbox_again"))
    assert [entry.state for entry in store.outbox()] == ["delivered", "waiting"]
    assert "Record system: 1 delivered, 1 waiting, 0 refused." in visible_text(window)
    assert store.audit_trail()[-1][1] == "send to the record system again (1)"


def test_staff_read_why_visits_wait_and_which_will_soon_be_let_go_undelivered(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    store.delivers = True
    now = datetime.datetime.now(datetime.UTC)
    old = submitted(shipped, "likely-candidate", now - datetime.timedelta(hours=90))
    recent = submitted(shipped, "review", now - datetime.timedelta(hours=2))
    for visit in (old, recent):
        store.save_submitted(visit)
    first = store.outbox()[0]
    store.mark_delivering(first)
    store.mark_retry(first, None, "no answer from the FHIR server: Connection refused",
                     now + datetime.timedelta(minutes=15))
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    shown = visible_text(window)
    assert "Record system: 0 delivered, 2 waiting, 0 refused." in shown
    assert ("Not yet taken by the record system: no answer from the FHIR server: Connection"
            " refused") in shown
    assert (f"Visit {old.visit_id} has waited 90 h for the record system; this kiosk deletes it"
            " after 168 h. Tell the clinic's IT.") in shown
    assert shown.count("has waited") == 1, "a visit of two hours ago is not named"


def test_without_a_record_system_the_dashboard_says_nothing_of_it(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert "Record system" not in visible_text(window)


def test_staff_see_how_the_kiosk_is_doing_on_printer_and_content(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    store.save_submitted(submitted(shipped, "review"))
    RunRecord(tmp_path)  # a run that never stopped as asked ...
    RunRecord(tmp_path)  # ... and this one, started after it
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, "staff_tools"))
    shown = " ".join(visible_text(window).split())
    assert "How the kiosk is doing" in shown
    assert ("the run before did not stop as asked (a crash, a kill, or a frozen screen"
            " restarted); last seen at 20") in shown
    assert "Running for 0 min" in shown
    assert f"Kiosk {__version__}, content 2 (" in shown
    assert "Waiting to print: 1. Record system: -." in shown
    assert "Free disk " in shown and "visit store " in shown
