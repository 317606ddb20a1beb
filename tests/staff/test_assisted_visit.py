"""Front-desk staff help a patient: from staff mode they set the kiosk up (language, text size,
reading aloud, colours), then hand it over or fill it in together. Staff mode closes, the
specialist's summary says "Completed with staff help", and the next patient starts on the
clinic's own settings, without the mark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.model import Loaded
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.summary import summary_document, write_pdf
from kiosk.ui import style
from kiosk.ui.place import STAFF_SCREENS
from kiosk.ui.screens.staff_summary import StaffSummaryScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.printing.test_summary import read_pdf
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_idle import QUIET
from tests.ui.test_questionnaire import CANDIDATE, answer_until
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin, with_pin

HELPED = "Completed with staff help"


def open_assist(qtbot: QtBot, window: KioskWindow) -> None:
    """The corner gesture, the PIN, then "Help a patient" on today's visits."""
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, "staff_help_patient"))
    assert window.place.screen == "staff_assist"
    assert "Set up the kiosk for a patient" in visible_text(window)


def send(qtbot: QtBot, window: KioskWindow) -> SubmittedVisit:
    """Answer every question as the invented candidate does, then send from the review."""
    answer_until(qtbot, window, CANDIDATE, "review")
    with qtbot.waitSignal(window.visit_submitted) as submitted:
        tap(qtbot, find_button(window, "review_send"))
    visit = submitted.args[0]
    assert isinstance(visit, SubmittedVisit)
    return visit


def stored_summary(window: KioskWindow, loaded: Loaded, visit_id: str, out: Path) -> str:
    """The stored visit's summary as it prints: a PDF, read back."""
    assert window.store is not None
    stored = window.store.visit(visit_id, loaded.content.questionnaire)
    assert stored is not None
    write_pdf(summary_document(stored, loaded), out, loaded.settings.printing.paper)
    return " ".join(read_pdf(out))


def title_px(window: KioskWindow) -> int:
    welcome = window.page("home").findChild(QLabel, "home_welcome")
    assert welcome is not None and welcome.isVisible()
    return welcome.font().pixelSize()


def test_a_spanish_patient_handed_the_kiosk_at_the_largest_size_then_the_next_one_alone(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    loaded = window._loaded
    open_assist(qtbot, window)
    for choice in ("staff_assist_language_es", "staff_assist_size_largest",
                   "staff_assist_colours_yellow-on-black"):
        tap(qtbot, find_button(window, choice))
        assert find_button(window, choice).text().startswith("\u2713"), "chosen and ticked"
    tap(qtbot, find_button(window, "staff_assist_hand_over"))

    assert window.place.screen == "home", "staff mode closed on the patient's home screen"
    shown = visible_text(window)
    assert "Vea si podría ser para usted" in shown and "Today's visits" not in shown
    largest = style.metrics(loaded.theme, "largest", window.width(), window.height(),
                            loaded.settings.screen).title
    assert title_px(window) == largest
    assert find_button(window, "bar_text_size_largest").text().startswith("\u2713")
    assert find_button(window, "bar_language_es").text().startswith("\u2713")
    assert find_button(window, "bar_contrast").accessibleName() == "Colores: Amarillo sobre negro"

    tap(qtbot, find_button(window, "home_questionnaire"))
    assert "¿Cuál es su nombre?" in visible_text(window)
    visit = send(qtbot, window)
    assert visit.language == "es"
    assert HELPED in stored_summary(window, loaded, visit.visit_id, tmp_path / "helped.pdf")

    with qtbot.waitSignal(window.wiped):
        tap(qtbot, find_button(window, "thanks_done"))
    tap(qtbot, window.page("attract"))
    assert window.place.screen == "home"
    assert "See if it may be right for me" in visible_text(window), "English again"
    normal = style.metrics(loaded.theme, "normal", window.width(), window.height(),
                           loaded.settings.screen).title
    assert title_px(window) == normal
    assert find_button(window, "bar_contrast").accessibleName() == "Colours: Usual colours"
    tap(qtbot, find_button(window, "home_questionnaire"))
    alone = send(qtbot, window)
    assert "staff help" not in stored_summary(window, loaded, alone.visit_id,
                                              tmp_path / "alone.pdf")


def test_the_summary_on_the_staff_screen_says_staff_helped(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    open_assist(qtbot, window)
    tap(qtbot, find_button(window, "staff_assist_hand_over"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    visit = send(qtbot, window)
    tap(qtbot, find_button(window, "thanks_done"))
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, f"staff_view_{visit.visit_id}"))
    summary = window.page("staff_summary")
    assert isinstance(summary, StaffSummaryScreen)
    assert HELPED in summary.plain_text()


def test_fill_it_in_together_opens_the_first_question_with_staff_mode_closed(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    open_assist(qtbot, window)
    tap(qtbot, find_button(window, "staff_assist_together"))
    assert window.place.screen == "question"
    shown = visible_text(window)
    assert "What is your first name?" in shown and "Part 1 of 8: About you" in shown
    assert window.bar.isVisible() and not any(
        window.page(name).isVisible() for name in window.built_screens()
        if name in STAFF_SCREENS), "no staff screen is left open"
    visit = send(qtbot, window)
    assert visit.assisted


def test_an_idle_wipe_ends_the_assisted_visit_and_its_mark(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    loaded = with_pin(with_kiosk(shipped, animations=False, idle_seconds=600.0,
                                 auto_advance_seconds=0.0, warning_seconds=0.1))
    window = make_window(loaded)
    keep_visits(window, loaded, tmp_path / "visits.sqlite3")
    open_assist(qtbot, window)
    tap(qtbot, find_button(window, "staff_assist_language_es"))
    tap(qtbot, find_button(window, "staff_assist_size_large"))
    tap(qtbot, find_button(window, "staff_assist_together"))
    assert "¿Cuál es su nombre?" in visible_text(window)
    with qtbot.waitSignal(window.wiped, timeout=5000):
        window.idle.set_seconds(QUIET)  # the patient walks away
    assert window.place.screen == "attract"
    tap(qtbot, window.page("attract"))
    assert find_button(window, "bar_text_size_normal").text().startswith("\u2713")
    tap(qtbot, find_button(window, "home_questionnaire"))
    assert "What is your first name?" in visible_text(window)
    assert not send(qtbot, window).assisted


def test_back_leaves_the_kiosk_as_it_was(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    open_assist(qtbot, window)
    tap(qtbot, find_button(window, "staff_assist_language_es"))
    tap(qtbot, find_button(window, "staff_assist_back"))
    assert window.place.screen == "staff_dashboard"
    tap(qtbot, find_button(window, "staff_help_patient"))
    assert find_button(window, "staff_assist_language_en").text().startswith("\u2713"), \
        "each time from the clinic's own settings"
    tap(qtbot, find_button(window, "staff_assist_back"))
    tap(qtbot, find_button(window, "staff_close"))
    tap(qtbot, window.page("attract"))
    assert "See if it may be right for me" in visible_text(window)
    tap(qtbot, find_button(window, "home_questionnaire"))
    assert not send(qtbot, window).assisted


def test_read_aloud_is_offered_only_where_the_kiosk_has_a_voice_and_then_speaks(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    window.speech_folder = tmp_path / "spoken"  # speech as WAV files, not the sound device
    open_assist(qtbot, window)
    offered = window.findChild(QPushButton, "staff_assist_read_on")
    assert offered is not None and offered.isVisible() == window.can_read_aloud
    if not window.can_read_aloud:
        return  # no voice on this machine: nothing more to hear
    tap(qtbot, offered)
    tap(qtbot, find_button(window, "staff_assist_language_es"))
    tap(qtbot, find_button(window, "staff_assist_hand_over"))
    assert find_button(window, "bar_read_aloud").text() == "\u2713 Leer en voz alta"

    def spoken() -> None:
        assert any(path.stat().st_size > 1000 for path in (tmp_path / "spoken").glob("*.wav"))
    qtbot.waitUntil(spoken, timeout=10000)
    with qtbot.waitSignal(window.wiped):
        window.wipe()
    assert not find_button(window, "bar_read_aloud").isChecked()


def test_out_of_order_the_dashboard_offers_no_help_a_patient(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path) -> None:
    loaded = with_pin(with_kiosk(shipped, animations=False, idle_seconds=600.0))
    window = KioskWindow(loaded, kiosk_mode=False, out_of_order=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    keep_visits(window, loaded, tmp_path / "visits.sqlite3")
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    assert "Help a patient" not in visible_text(window)
    assert "Today's visits" in visible_text(window)
