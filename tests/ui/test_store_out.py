"""With the visit store out, patients are thanked only for kept answers, staff mode opens and
names the problem, the urgent PIN is still asked, and the visits move back once it works."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.records.keeper import VisitKeeper
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import CANDIDATE, answer_until, begin
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin
from tests.ui.test_urgent_path import SADDLE, send


def window_with_store_out(make_window: WindowFactory, shipped: Loaded, tmp_path: Path
                          ) -> tuple[KioskWindow, VisitKeeper, Path]:
    """A kiosk whose store path holds a folder, not a database: it cannot be opened."""
    path = tmp_path / "visits.sqlite3"
    path.mkdir()
    window = staff_window(make_window, shipped, tmp_path)
    assert window.keeper is not None and window.keeper.degraded
    return window, window.keeper, path


def test_with_the_store_out_a_sent_visit_is_kept_in_the_fallback_and_thanked(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, keeper, _ = window_with_store_out(make_window, shipped, tmp_path)
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "review")
    send(qtbot, window)
    assert "Thank you" in visible_text(window)
    kept, _ = keeper.fallback.visits(shipped.content.questionnaire)
    assert [entry.visit.answers["first-name"] for entry in kept] == ["Ana"]
    assert [job.kind for job in keeper.store.jobs("queued")] == ["summary"], \
        "the summary prints from memory"


def test_staff_mode_opens_names_the_problem_and_moves_the_visits_back_once_it_works(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, keeper, path = window_with_store_out(make_window, shipped, tmp_path)
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "review")
    send(qtbot, window)
    visit_id = keeper.store.visits()[0].visit_id
    tap(qtbot, find_button(window, "thanks_done"))
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    shown = visible_text(window)
    assert "The visit store cannot be written" in shown
    assert visit_id in shown, "staff see the visit kept in memory"
    tap(qtbot, find_button(window, "staff_store_again"))
    assert "The visit store still cannot be used" in visible_text(window)
    shutil.rmtree(path)  # IT took the folder away: the store can be made again
    tap(qtbot, find_button(window, "staff_store_again"))
    shown = visible_text(window)
    assert "The visit store works again. Visits moved back from the fallback file: 1." in shown
    assert "cannot be written" not in shown and visit_id in shown
    assert not keeper.degraded and not keeper.fallback.path.exists()
    assert window.store is keeper.store and path.is_file()
    assert [v.visit_id for v in keeper.store.visits()] == [visit_id]


def test_when_nothing_can_keep_the_answers_the_patient_is_sent_to_the_desk(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, keeper, _ = window_with_store_out(make_window, shipped, tmp_path)
    keeper.fallback.path.mkdir(parents=True)  # the fallback file cannot be written either
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "review")
    send(qtbot, window)
    shown = visible_text(window)
    assert "Thank you" not in shown
    assert "Please go to the front desk" in shown
    assert "This kiosk could not save your answers." in shown
    assert [job.kind for job in keeper.store.jobs("queued")] == ["summary"], \
        "the summary still prints from memory for the desk"


def test_the_store_failing_mid_visit_loses_nothing(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "review")
    store.close()  # the file went away under the kiosk
    send(qtbot, window)
    assert "Thank you" in visible_text(window)
    assert window.keeper is not None and window.keeper.degraded
    assert window.store is window.keeper.store
    assert "stopped taking visits" in window.keeper.problems[0]
    kept, _ = window.keeper.fallback.visits(shipped.content.questionnaire)
    assert len(kept) == 1 and kept[0].visit.answers["first-name"] == "Ana"


def test_with_the_store_out_the_urgent_screen_still_asks_for_the_pin(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, keeper, _ = window_with_store_out(make_window, shipped, tmp_path)
    begin(qtbot, window)
    answer_until(qtbot, window, SADDLE, "urgent")
    assert [job.kind for job in keeper.store.jobs("queued")] == ["urgent-slip"]
    kept, _ = keeper.fallback.visits(shipped.content.questionnaire)
    assert kept[0].urgent_saved
    tap(qtbot, find_button(window, "urgent_staff"))
    assert window.place.screen == "staff_pin", "never skipped, whatever the store's state"
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_urgent"
