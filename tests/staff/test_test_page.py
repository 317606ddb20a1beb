"""A test page from the staff tools says plainly where it went, or that there is no printer and
what to do: never "sent" when nothing could go out."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from tests.printing.cups_server import QUEUE, PrivateCups
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import open_tools, staff_window

NO_PRINTER = "No printer is set up. Choose a printer above, or ask IT to add one."


def test_with_no_printer_at_all_the_test_page_says_so_and_what_to_do(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    open_tools(qtbot, window)
    tap(qtbot, find_button(window, "staff_test_print"))
    shown = visible_text(window)
    assert NO_PRINTER in shown
    assert "was sent" not in shown
    assert window.store is not None
    assert window.store.audit_trail()[-1][1] == "test print: no_printer"


def test_a_chosen_printer_that_is_gone_is_named(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        cups: PrivateCups) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    assert window.print_queue is not None
    window.print_queue.set_printer("Back_Office_Laser")
    open_tools(qtbot, window)
    tap(qtbot, find_button(window, "staff_test_print"))
    shown = visible_text(window)
    assert ("The printer Back_Office_Laser is not there. Choose a printer above, or ask IT to"
            " add one.") in shown
    assert "was sent" not in shown


def test_with_a_printer_the_test_page_says_where_it_went_and_prints(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        cups: PrivateCups) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    open_tools(qtbot, window)
    tap(qtbot, find_button(window, f"staff_printer_{QUEUE}"))
    assert f"\u2713 {QUEUE}" in visible_text(window), "the chosen printer is ticked"
    jobs_before = set(cups.completed_jobs())
    tap(qtbot, find_button(window, "staff_test_print"))
    shown = visible_text(window)
    assert f"The test page (an invented patient) was sent to {QUEUE}." in shown
    assert NO_PRINTER not in shown

    def printed() -> None:
        assert set(cups.completed_jobs()) - jobs_before, cups.log()

    qtbot.waitUntil(printed, timeout=30_000)
