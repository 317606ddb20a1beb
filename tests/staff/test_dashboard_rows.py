"""The dashboard between calls: what staff do to one visit changes that visit's row, at once
and in place, and leaves the rest of the day's list as it stood."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.ui.window import KioskWindow
from tests.conftest import loop_turned
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin


def rows(window: KioskWindow) -> dict[str, QWidget]:
    """The visits' rows on screen, top to bottom, by visit id."""
    loop_turned()
    shown = [row for row in window.findChildren(QWidget)
             if row.objectName().startswith("staff_visit_V-") and row.isVisible()]
    return {row.objectName().removeprefix("staff_visit_"): row
            for row in sorted(shown, key=lambda row: row.mapTo(window, QPoint(0, 0)).y())}


def test_seen_reprint_and_delete_change_only_their_own_row(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    calm, urgent, other = (submitted(shipped, "review"), submitted(shipped, "urgent"),
                           submitted(shipped, "likely-candidate"))
    for visit in (calm, urgent, other):
        store.save_submitted(visit)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    before = rows(window)
    assert next(iter(before)) == urgent.visit_id, "the unseen urgent visit first"
    assert "URGENT, not yet seen" in visible_text(before[urgent.visit_id])

    tap(qtbot, find_button(window, f"staff_seen_{urgent.visit_id}"))
    after = rows(window)
    assert "not yet seen" not in visible_text(after[urgent.visit_id])
    assert after[calm.visit_id] is before[calm.visit_id], "the other rows stay as they were"
    assert after[other.visit_id] is before[other.visit_id]

    tap(qtbot, find_button(window, f"staff_reprint_{calm.visit_id}"))
    again = rows(window)
    assert "waiting to print" in visible_text(again[calm.visit_id])
    assert again[other.visit_id] is before[other.visit_id]

    tap(qtbot, find_button(window, f"staff_delete_{other.visit_id}"))
    tap(qtbot, find_button(window, f"staff_delete_{other.visit_id}_yes"))
    left = rows(window)
    assert set(left) == {urgent.visit_id, calm.visit_id}
    assert left[urgent.visit_id] is after[urgent.visit_id]
    assert [v.visit_id for v in store.visits()].count(other.visit_id) == 0
