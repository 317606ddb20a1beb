"""Privacy on a shared screen: warn when the patient goes quiet, then wipe everything."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.screens.idle_warning import countdown_words
from kiosk.ui.screens.reader import SectionReaderScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text

#: A quiet time short enough for tests, set once the patient's taps are done.
QUIET = 0.05


def visit_in_spanish_at_large_text(qtbot: QtBot, window: KioskWindow) -> None:
    """A patient reads in Spanish at the largest size, then walks away: the quiet time is
    made short only now, so a slow machine cannot run out of it between the taps."""
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_risks"))
    tap(qtbot, find_button(window, "bar_language_es"))
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    window.idle.set_seconds(QUIET)


def test_warning_shows_a_countdown_of_the_full_warning_time(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, animations=False))
    visit_in_spanish_at_large_text(qtbot, window)
    qtbot.waitUntil(lambda: window.place.screen == "idle_warning")
    shown = visible_text(window)
    assert "¿Sigue ahí?" in shown
    assert "Se borrará en 30 segundos" in shown, "the shipped 30 s countdown is visible"
    assert find_button(window, "idle_continue").text() == "Sigo aquí"
    assert not window.bar.isVisible()


def test_no_answer_wipes_the_visit_and_returns_to_the_attract_loop(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, animations=False, warning_seconds=0.1))
    with qtbot.waitSignal(window.wiped, timeout=5000):
        visit_in_spanish_at_large_text(qtbot, window)
    assert window.place.screen == "attract"
    assert window.language == "en" and window.text_size == "normal"
    tap(qtbot, window.page("attract"))
    assert window.place.screen == "home"
    assert not find_button(window, "bar_back").isEnabled(), "Back cannot reveal the last visit"
    assert find_button(window, "bar_language_en").text().startswith("\u2713")
    assert find_button(window, "bar_text_size_normal").text().startswith("\u2713")
    assert "Learn about the treatment" in visible_text(window)
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_risks"))
    assert "Risks to know about" in visible_text(window) and "Riesgos" not in visible_text(window)
    reader = window.page("reader")
    assert isinstance(reader, SectionReaderScreen) and reader.reading_position() == 0.0


def test_continue_keeps_the_visit_where_it_was(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, animations=False, warning_seconds=30.0))
    visit_in_spanish_at_large_text(qtbot, window)
    qtbot.waitUntil(lambda: window.place.screen == "idle_warning")
    tap(qtbot, find_button(window, "idle_continue"))
    assert window.place.screen == "reader" and window.place.section_id == "risks"
    assert window.language == "es" and window.text_size == "largest"
    assert "Riesgos" in visible_text(window)
    assert find_button(window, "bar_back").isEnabled()


def test_touching_the_screen_starts_the_quiet_time_again(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, animations=False, idle_seconds=2.0))
    tap(qtbot, window.page("attract"))
    for _ in range(3):
        qtbot.waitUntil(lambda: window.idle.seconds_left < 1.0)  # the patient reads a while
        tap(qtbot, find_button(window, "home_learn") if window.place.screen == "home"
            else find_button(window, "bar_home"))
        assert window.idle.seconds_left > 1.5, "a touch gives the patient the full time again"
    assert window.place.screen in ("home", "sections")


def test_attract_loop_never_warns(qtbot: QtBot, make_window: WindowFactory,
                                  shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, animations=False, idle_seconds=0.01))
    assert window.place.screen == "attract"
    assert not window.idle.active


def test_the_last_second_of_the_countdown_reads_in_the_singular(shipped: Loaded) -> None:
    english, spanish = shipped.content.words("en"), shipped.content.words("es")
    assert countdown_words(english, 12) == "Clearing in 12 seconds"
    assert countdown_words(english, 1) == "Clearing in 1 second"
    assert countdown_words(spanish, 1) == "Se borrará en 1 segundo"
