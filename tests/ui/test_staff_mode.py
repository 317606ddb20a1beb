"""The front desk opens staff mode with a hidden corner gesture and a PIN, and acts on visits."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.loader import DEFAULT_THEME, load_all
from kiosk.content.model import Loaded
from kiosk.records.staff_pin import hash_pin
from kiosk.ui.screens.staff_summary import StaffSummaryScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text

PIN = "2468"


def with_pin(loaded: Loaded, **staff: object) -> Loaded:
    changed = dataclasses.replace(loaded.settings.staff, pin_hash=hash_pin(PIN), **staff)  # type: ignore[arg-type]
    return dataclasses.replace(loaded, settings=dataclasses.replace(loaded.settings,
                                                                    staff=changed))


def staff_window(make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
                 **staff: object) -> KioskWindow:
    loaded = with_pin(with_kiosk(shipped, animations=False, idle_seconds=600.0,
                                 auto_advance_seconds=0.0), **staff)
    window = make_window(loaded)
    keep_visits(window, loaded, tmp_path / "visits.sqlite3")
    return window


def corner_taps(qtbot: QtBot, window: KioskWindow, count: int, at: QPoint | None = None) -> None:
    point = at or QPoint(window.width() - 20, 20)
    for _ in range(count):
        target = window.childAt(point) or window  # whatever is on screen there now
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def type_pin(qtbot: QtBot, window: KioskWindow, pin: str) -> None:
    for digit in pin:
        tap(qtbot, find_button(window, f"staff_pin_{digit}"))
    tap(qtbot, find_button(window, "staff_pin_ok"))


def test_five_taps_in_the_corner_open_the_pin_pad_and_the_right_pin_the_dashboard(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    assert window.store is not None
    window.store.save_submitted(submitted(shipped, "urgent"))
    window.store.save_submitted(submitted(shipped, "likely-candidate"))
    corner_taps(qtbot, window, 4)
    assert window.place.screen != "staff_pin", "four taps are not enough"
    corner_taps(qtbot, window, 1)
    assert window.place.screen == "staff_pin"
    assert "Enter the staff PIN" in visible_text(window)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    shown = visible_text(window)
    assert "Today's visits" in shown and "URGENT, not yet seen" in shown
    dashboard = window.page("staff_dashboard")
    rows = [w for w in dashboard.findChildren(QWidget)
            if w.objectName().startswith("staff_visit_V-") and w.isVisible()]
    assert len(rows) == 2
    ordered = sorted(rows, key=lambda w: w.y())
    assert "URGENT, not yet seen" in visible_text(ordered[0]), "the unseen urgent one is first"


def test_taps_elsewhere_do_not_open_staff_mode(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    corner_taps(qtbot, window, 5, QPoint(20, 20))
    assert window.place.screen != "staff_pin"


def test_wrong_pins_say_how_many_tries_are_left_then_lock_the_pad(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path, wrong_pins=3)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, "1111")
    assert "Wrong PIN. Tries left before the pad locks: 2." in visible_text(window)
    type_pin(qtbot, window, "1111")
    type_pin(qtbot, window, "1111")
    assert "Too many wrong PINs. Seconds until you can try again:" in visible_text(window)
    assert not find_button(window, "staff_pin_ok").isEnabled()
    assert window.place.screen == "staff_pin"


def test_seen_and_reprint_reach_the_store(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    visit = submitted(shipped, "urgent")
    store.save_submitted(visit)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, f"staff_seen_{visit.visit_id}"))
    assert store.visits()[0].acknowledged
    assert "URGENT, not yet seen" not in visible_text(window)
    tap(qtbot, find_button(window, f"staff_reprint_{visit.visit_id}"))
    assert [job.copy for job in store.jobs() if job.kind == "summary"] == [False, True]
    actions = [action for _, action, _ in store.audit_trail()]
    assert actions[-3:] == ["staff unlock", "urgent seen", "reprint"]


def test_staff_mode_closes_itself_when_left_alone(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    with qtbot.waitSignal(window.wiped, timeout=5000):
        window.idle.set_seconds(0.05)  # staff walked off: nobody touches the screen
    assert window.place.screen == "attract"
    assert "staff_dashboard" not in window.built_screens(), "nothing of staff mode stays"


def test_exit_needs_a_second_touch_then_closes_the_kiosk(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, "staff_exit"))
    assert window.isVisible()
    assert "Close the kiosk?" in visible_text(window)
    tap(qtbot, find_button(window, "staff_exit_yes"))
    assert not window.isVisible()
    assert window.store is not None and window.store.audit_trail()[-1][1] == "staff exit"


def test_delete_and_delete_all_need_yes_and_save_pdf_writes_to_the_folder(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    window = staff_window(make_window, shipped, tmp_path, pdf_folder=str(folder))
    store = window.store
    assert store is not None
    first, second = submitted(shipped, "review"), submitted(shipped, "likely-candidate")
    store.save_submitted(first)
    store.save_submitted(second)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, f"staff_pdf_{first.visit_id}"))
    assert (folder / f"{first.visit_id}.pdf").is_file()
    assert f"Saved: {folder / first.visit_id}.pdf" in visible_text(window)
    tap(qtbot, find_button(window, f"staff_delete_{first.visit_id}"))
    assert len(store.visits()) == 2, "nothing is deleted before Yes"
    tap(qtbot, find_button(window, f"staff_delete_{first.visit_id}_yes"))
    assert [v.visit_id for v in store.visits()] == [second.visit_id]
    tap(qtbot, find_button(window, "staff_purge"))
    tap(qtbot, find_button(window, "staff_purge_no"))
    assert len(store.visits()) == 1
    tap(qtbot, find_button(window, "staff_purge"))
    tap(qtbot, find_button(window, "staff_purge_yes"))
    assert store.visits() == [] and "No visits are stored." in visible_text(window)
    actions = [action for _, action, _ in store.audit_trail()]
    assert {"saved PDF", "deleted", "purged: 1 deleted"} <= set(actions)


def test_no_patient_name_reaches_the_log_or_the_audit_table(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    visit = submitted(shipped, "urgent")
    assert window.keeper is not None
    assert window.keeper.submitted(visit)  # saved and queued as after a real visit
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, f"staff_seen_{visit.visit_id}"))
    tap(qtbot, find_button(window, f"staff_reprint_{visit.visit_id}"))
    name = str(visit.answers["last-name"])
    assert visit.visit_id in caplog.text and name not in caplog.text
    assert all(name not in str(entry) for entry in store.audit_trail())


def open_tools(qtbot: QtBot, window: KioskWindow) -> None:
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, "staff_tools"))
    assert window.place.screen == "staff_tools"


def test_a_valid_content_edit_is_loaded_without_a_restart_and_a_broken_one_refused(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        content_copy: Path, settings_copy: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)

    def load_again() -> Loaded:
        return with_pin(load_all(content_copy, settings_copy, DEFAULT_THEME))

    window.content_loader = load_again
    ui = content_copy / "en" / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("home: Home", "hme: Home"),
                  encoding="utf-8")
    open_tools(qtbot, window)
    assert "Idle warning after 600 s, countdown 30 s, visits kept 24 h." in visible_text(window)
    tap(qtbot, find_button(window, "staff_reload_content"))
    shown = visible_text(window)
    assert "keeps the old content" in shown and "hme: unknown key" in shown
    assert window.place.screen == "staff_tools"
    ui.write_text(ui.read_text(encoding="utf-8").replace("hme: Home", "home: Home"),
                  encoding="utf-8")
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "Riverside Spine Center", "Lakeside Back Clinic"), encoding="utf-8")
    tap(qtbot, find_button(window, "staff_check_content"))
    assert "The content files are correct." in visible_text(window)
    tap(qtbot, find_button(window, "staff_reload_content"))
    assert window.place.screen == "attract"
    tap(qtbot, window.page("attract"))
    assert "Welcome to Lakeside Back Clinic" in visible_text(window)
    assert window.store is not None
    actions = [action for _, action, _ in window.store.audit_trail()]
    assert actions[-2:] == ["content reload refused", "content reloaded"]


def test_staff_read_a_summary_on_screen_and_the_last_actions(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    assert window.store is not None
    visit = submitted(shipped, "review")
    window.store.save_submitted(visit)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert "Recent staff actions" in visible_text(window)
    assert f"submitted  {visit.visit_id}" in visible_text(window)
    tap(qtbot, find_button(window, f"staff_view_{visit.visit_id}"))
    assert window.place.screen == "staff_summary"
    summary = window.page("staff_summary")
    assert isinstance(summary, StaffSummaryScreen)
    shown = " ".join(summary.plain_text().split())
    assert "Alex Sample" in shown and "Clinician review" in shown and visit.visit_id in shown
    tap(qtbot, find_button(window, "staff_summary_back"))
    assert window.place.screen == "staff_dashboard"
    assert f"viewed summary  {visit.visit_id}" in visible_text(window)


def test_the_pad_stays_locked_for_a_restarted_kiosk(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path, wrong_pins=2)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, "1111")
    type_pin(qtbot, window, "1111")
    window.allow_close()
    window.close()
    restarted = staff_window(make_window, shipped, tmp_path, wrong_pins=2)
    corner_taps(qtbot, restarted, 5)
    assert "Too many wrong PINs" in visible_text(restarted)
    assert not find_button(restarted, "staff_pin_ok").isEnabled()


def test_try_printing_again_now_makes_waiting_jobs_due(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None and window.print_queue is not None
    store.save_submitted(submitted(shipped, "likely-candidate"))
    with qtbot.waitSignal(window.print_queue.changed, timeout=5000):
        window.print_queue.kick()
    assert store.next_job() is None, "the failed job waits its back-off"
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert "Waiting to print: 1." in visible_text(window)
    assert "not printed yet: the printer had a problem" in visible_text(window)
    with qtbot.waitSignal(window.print_queue.changed, timeout=5000):
        tap(qtbot, find_button(window, "staff_retry"))
    assert store.jobs("queued")[0].attempts == 2, "it was tried again at once"
    assert "retry printing" in [action for _, action, _ in store.audit_trail()]
