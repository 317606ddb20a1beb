"""Full screen holds on every screen the kiosk ships for, portrait included, at every text size.

A window whose layout asks for more than the screen leaves full-screen at once (the window
manager gives it the size it asks for). So on each screen of a patient's visit the window
keeps the size it was given, its layout's minimum fits the screen, nothing is cut off at the
side of a scrolling page, and every control is on screen: screens wrap and scroll instead.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.loader import Loaded
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.window import KioskWindow, Place
from tests.conftest import with_kiosk
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.layout_checks import problems
from tests.ui.test_questionnaire import CANDIDATE
from tests.ui.test_staff_mode import PIN, corner_taps, type_pin, with_pin

pytestmark = pytest.mark.walk

SIZES = [(800, 1280), (768, 1024), (1080, 1920), (1280, 800), (1920, 1080)]
TEXT_SIZES = ["normal", "large", "largest"]


def answer_everything(window: KioskWindow, loaded: Loaded) -> None:
    """The candidate's answers, in order, with typed text as long as each field allows and
    without a single space (a name, a note typed without spaces)."""
    values: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value
                              for key, value in CANDIDATE.items()}
    values.update({"birth-date": datetime.date(1970, 1, 1), "pain-duration": 24})
    session = window.visit
    assert session is not None
    for item in loaded.content.questionnaire.items():
        if item.type == "text":
            values[item.id] = "W" * item.max_length
        if item.id in values and session.is_visible(item.id):
            session.answer(item.id, values[item.id])


def every_question(window: KioskWindow, loaded: Loaded) -> Iterator[str]:
    """Answer everything (so every branch is open), then open each question shown, from the
    review list as a patient changing an answer does; yields each question's id."""
    assert window.visit is not None
    answer_everything(window, loaded)
    question = window.page("question")
    assert isinstance(question, QuestionScreen)
    for item in window.visit.visible_items():
        question.open(item.id, reviewing=True)
        yield item.id


def fits(qtbot: QtBot, window: KioskWindow, size: tuple[int, int], where: str) -> None:
    """Once the screen is laid out, nothing on it is cut, hidden or off screen."""
    def check() -> None:
        found = problems(window, size)
        assert not found, f"{where}: " + "; ".join(found)
    qtbot.waitUntil(check)


SIZES_CHECKED = [(1280, 800), (1920, 1080), (1080, 1920)]
CASES = [pytest.param(size, text_size, language,
                      id=f"{size[0]}x{size[1]}-{text_size}-{language}")
         for size in SIZES_CHECKED for text_size in TEXT_SIZES for language in ("en", "es")]
#: Smaller tablets, where space is shortest.
CASES += [pytest.param(size, "largest", "es", id=f"{size[0]}x{size[1]}-largest-es")
          for size in SIZES if size not in SIZES_CHECKED]


@pytest.mark.parametrize(("size", "text_size", "language"), CASES)
def test_nothing_on_any_patient_screen_is_cut_off_or_hidden(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str, tmp_path: Path) -> None:
    """Every screen of a visit, every question included, in both languages, at every text
    size, on the three screens the kiosk ships for; the bar as wide as it gets (Read aloud
    on it) and, at the largest size on those three, with the speech row open as well."""
    # The clinic's own text size, so the welcome loop is shown at it too.
    window = make_window(with_kiosk(loaded, text_size=text_size, language=language), size=size)
    window.speech_folder = tmp_path  # a voice, as on a kiosk with a sound device
    attract = window.page("attract")
    assert isinstance(attract, AttractScreen)
    for frame in range(attract.frame_count):
        attract.show_frame(frame)
        fits(qtbot, window, size, f"attract frame {frame}")
    tap(qtbot, window.page("attract"))
    if window.language != language:  # the welcome loop speaks both languages in turn
        tap(qtbot, find_button(window, f"bar_language_{language}"))
    assert find_button(window, "bar_read_aloud").isVisible()
    if text_size == "largest" and size in SIZES_CHECKED:
        tap(qtbot, find_button(window, "bar_read_aloud"))
        assert window.bar.speech.isVisible()
    fits(qtbot, window, size, "home")
    tap(qtbot, find_button(window, "home_learn"))
    fits(qtbot, window, size, "sections")
    for section in loaded.content.sections(language):
        window.go(Place("reader", section.id))
        fits(qtbot, window, size, f"reader {section.id}")
    tap(qtbot, find_button(window, "bar_home"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    fits(qtbot, window, size, "first question")
    for item_id in every_question(window, loaded):
        fits(qtbot, window, size, f"question {item_id}")
    tap(qtbot, find_button(window, "question_next"))
    assert window.place.screen == "review"
    fits(qtbot, window, size, "review")
    tap(qtbot, find_button(window, "bar_home"))
    fits(qtbot, window, size, "home with the answers kept")
    tap(qtbot, find_button(window, "home_kept_delete"))
    fits(qtbot, window, size, "home asking to delete the answers")
    tap(qtbot, find_button(window, "home_kept_no"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    assert window.place.screen == "review", "the answers were kept"
    window.go(Place("urgent"))
    fits(qtbot, window, size, "urgent")
    window.go(Place("review"))
    tap(qtbot, find_button(window, "review_send"))
    assert window.place.screen == "thanks"
    fits(qtbot, window, size, "thanks")
    tap(qtbot, find_button(window, "thanks_done"))
    tap(qtbot, window.page("attract"))
    window.idle.idle.emit()  # the patient went quiet
    assert window.place.screen == "idle_warning"
    fits(qtbot, window, size, "idle warning")
    tap(qtbot, find_button(window, "idle_continue"))
    fits(qtbot, window, size, "home again")


@pytest.mark.parametrize("size", SIZES_CHECKED, ids=[f"{w}x{h}" for w, h in SIZES_CHECKED])
def test_nothing_on_any_staff_screen_is_cut_off_or_hidden(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        size: tuple[int, int]) -> None:
    """The front desk's screens (always in the clinic's language, at the normal text size)
    on each screen the kiosk ships for, with a day's visits on the dashboard."""
    loaded = with_pin(with_kiosk(shipped, animations=False, idle_seconds=600.0))
    window = make_window(loaded, size=size)
    keep_visits(window, loaded, tmp_path / "visits.sqlite3")
    assert window.store is not None
    for example in ("urgent", "likely-candidate", "not-suitable", "spanish"):
        window.store.save_submitted(submitted(shipped, example))
    corner_taps(qtbot, window, 5)
    fits(qtbot, window, size, "staff PIN pad")
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    fits(qtbot, window, size, "dashboard")
    visit_id = window.store.visits()[0].visit_id
    tap(qtbot, find_button(window, f"staff_delete_{visit_id}"))
    fits(qtbot, window, size, "delete question")
    tap(qtbot, find_button(window, f"staff_delete_{visit_id}_no"))
    tap(qtbot, find_button(window, "staff_purge"))
    fits(qtbot, window, size, "delete-all question")
    tap(qtbot, find_button(window, "staff_purge_no"))
    tap(qtbot, find_button(window, "staff_exit"))
    fits(qtbot, window, size, "exit question")
    tap(qtbot, find_button(window, "staff_exit_no"))
    tap(qtbot, find_button(window, f"staff_view_{visit_id}"))
    fits(qtbot, window, size, "summary view")
    tap(qtbot, find_button(window, "staff_zoom_in"))
    fits(qtbot, window, size, "summary view, larger")
    tap(qtbot, find_button(window, "staff_summary_back"))
    tap(qtbot, find_button(window, "staff_help_patient"))
    fits(qtbot, window, size, "help a patient")
    tap(qtbot, find_button(window, "staff_assist_back"))
    tap(qtbot, find_button(window, "staff_tools"))
    fits(qtbot, window, size, "tools")
    tap(qtbot, find_button(window, "staff_check_content"))
    fits(qtbot, window, size, "tools after a content check")
