"""Staff read a visit's summary as the page that prints: a whole page width on screen, never
stretched, with text of about 18 pixels; Larger and Smaller change the size and a finger
drags the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QScroller
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.ui.screens.staff_summary import StaffSummaryScreen
from kiosk.ui.window import KioskWindow
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin


def open_summary(qtbot: QtBot, window: KioskWindow, visit_id: str) -> StaffSummaryScreen:
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, f"staff_view_{visit_id}"))
    assert window.place.screen == "staff_summary"
    summary = window.page("staff_summary")
    assert isinstance(summary, StaffSummaryScreen)
    return summary


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_the_summary_opens_a_page_wide_with_readable_text_and_zooms(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        size: tuple[int, int]) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    window.resize(*size)
    assert window.store is not None
    visit = submitted(shipped, "review")
    window.store.save_submitted(visit)
    summary = open_summary(qtbot, window, visit.visit_id)
    view, sheets = summary.view, summary.view.sheets
    assert "Alex Sample" in " ".join(summary.plain_text().split())
    page = sheets.sheet_rect(0)
    paper = sheets.paper_points()
    shape = paper.height() / paper.width()
    assert page.height() / page.width() == pytest.approx(shape, rel=1e-3), "never stretched"
    assert page.width() <= view.viewport().width(), "the whole page width is on screen"
    assert page.width() >= 0.45 * view.viewport().width(), "not a postage stamp either"
    assert 16 <= sheets.body_px <= 19, f"body text is {sheets.body_px:.1f} px"
    assert QScroller.hasScroller(view.viewport()), "a finger drags the page"
    opening = page.width()
    tap(qtbot, find_button(window, "staff_zoom_in"))
    assert sheets.sheet_rect(0).width() == pytest.approx(opening * 1.25)
    assert sheets.width() > opening
    tap(qtbot, find_button(window, "staff_zoom_out"))
    tap(qtbot, find_button(window, "staff_zoom_out"))
    assert sheets.sheet_rect(0).width() == pytest.approx(opening / 1.25)
    for _ in range(5):
        if find_button(window, "staff_zoom_out").isEnabled():
            tap(qtbot, find_button(window, "staff_zoom_out"))
    assert not find_button(window, "staff_zoom_out").isEnabled(), "Smaller stops somewhere"
    tap(qtbot, find_button(window, "staff_summary_back"))
    tap(qtbot, find_button(window, f"staff_view_{visit.visit_id}"))
    assert sheets.sheet_rect(0).width() == pytest.approx(opening), "each visit opens as first"


def test_the_zoom_buttons_are_big_enough_for_a_finger(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    assert window.store is not None
    visit = submitted(shipped, "likely-candidate")
    window.store.save_submitted(visit)
    open_summary(qtbot, window, visit.visit_id)
    for name in ("staff_zoom_in", "staff_zoom_out"):
        zoom = find_button(window, name)
        assert zoom.height() >= 48 and zoom.width() >= 96, name
