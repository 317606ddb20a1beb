"""A patient finds their way by touch: attract loop, home, topics, reading, back and home."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.reader import SectionReaderScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text


def test_kiosk_opens_on_the_attract_loop_and_a_touch_goes_home(
        qtbot: QtBot, window: KioskWindow) -> None:
    assert "Touch the screen to begin" in visible_text(window)
    assert not window.bar.isVisible()
    tap(qtbot, window.page("attract"))
    assert window.place.screen == "home"
    shown = visible_text(window)
    assert "Welcome to Riverside Spine Center" in shown
    assert "Learn about the treatment" in shown and "See if it may be right for me" in shown
    assert window.bar.isVisible()


def test_attract_loop_rotates_highlights_in_both_languages(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, attract_seconds=0.01, animations=False))
    first = visible_text(window)
    qtbot.waitUntil(lambda: "Toque la pantalla para comenzar" in visible_text(window))
    assert first != visible_text(window)


def test_a_touch_during_a_spanish_highlight_starts_in_spanish(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded) -> None:
    window = make_window(with_kiosk(shipped, attract_seconds=600.0, animations=False))
    attract = window.page("attract")
    assert isinstance(attract, AttractScreen)
    attract.show_frame(1)  # the first highlight, in its second language
    assert "Toque la pantalla para comenzar" in visible_text(window)
    tap(qtbot, window.page("attract"))
    assert window.language == "es", "a touch during a Spanish frame starts in Spanish"
    assert "Le damos la bienvenida" in visible_text(window)
    ticked = [code for code in ("en", "es")
              if find_button(window, f"bar_language_{code}").text().startswith("\u2713")]
    assert ticked == ["es"], "the bar ticks the language on screen, and only it"


def test_reading_a_topic_then_the_next_and_back_to_the_list(
        qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    assert window.place.screen == "sections"
    tiles = [b for b in window.findChildren(QPushButton)
             if b.objectName().startswith("tile_") and b.isVisible()]
    assert len(tiles) == 13
    tap(qtbot, find_button(window, "tile_procedure"))
    shown = visible_text(window)
    assert "Topic 7 of 13" in shown and "The procedure, step by step" in shown
    assert "not medical advice" in shown, "the disclaimer is in the footer of every topic"
    tap(qtbot, find_button(window, "reader_next"))
    assert window.place.section_id == "risks" and "Topic 8 of 13" in visible_text(window)
    tap(qtbot, find_button(window, "reader_previous"))
    assert window.place.section_id == "procedure"
    tap(qtbot, find_button(window, "bar_back"))
    assert window.place.section_id == "risks", "Back retraces the patient's steps"
    tap(qtbot, find_button(window, "reader_all"))
    assert window.place.screen == "sections"
    tap(qtbot, find_button(window, "bar_home"))
    assert window.place.screen == "home"


def test_first_and_last_topics_offer_only_the_ways_that_exist(
        qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_back-pain"))
    assert not find_button(window, "reader_previous").isVisible()
    tap(qtbot, find_button(window, "reader_all"))
    tap(qtbot, find_button(window, "tile_evidence"))
    assert not find_button(window, "reader_next").isVisible()
    assert find_button(window, "reader_all").isVisible()


def test_questionnaire_button_leads_to_its_placeholder(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    assert "About you" in visible_text(window)


def test_language_switch_keeps_the_section_and_changes_every_word(
        qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_cost"))
    tap(qtbot, find_button(window, "bar_language_es"))
    assert window.place.section_id == "cost"
    shown = visible_text(window)
    assert "Tema 10 de 13" in shown and "Siguiente tema" in shown and "Inicio" in shown
    assert "Topic" not in shown and "Next topic" not in shown
    assert find_button(window, "bar_language_es").text().startswith("\u2713")
    assert not find_button(window, "bar_language_en").text().startswith("\u2713"), (
        "one language ticked, the one chosen")
    tap(qtbot, find_button(window, "bar_back"))
    assert "Conozca el tratamiento" in visible_text(window), "screens built earlier switch too"


def test_text_size_makes_the_words_bigger(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    title = window.page("home").findChild(type(window.bar.size_label), "home_welcome")
    assert title is not None
    normal = title.fontInfo().pixelSize()
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    assert title.fontInfo().pixelSize() >= normal * 1.4
    assert find_button(window, "bar_text_size_largest").text().startswith("\u2713")
    assert [size for size in ("normal", "large", "largest") if find_button(
        window, f"bar_text_size_{size}").text().startswith("\u2713")] == ["largest"], (
        "one size ticked, the one chosen")


def test_every_control_is_big_enough_and_named(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_faqs"))
    for screen in ("home", "sections", "reader"):
        window.go(window.place.__class__(screen, "faqs" if screen == "reader" else None))
        for control in window.findChildren(QPushButton):
            if not control.isVisible():
                continue
            assert control.height() >= 48 and control.width() >= 48, control.objectName()
            assert control.objectName(), control.text()
            assert control.accessibleName(), control.objectName()


def test_language_and_text_size_keep_the_place_in_a_long_section(
        qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    tap(qtbot, find_button(window, "tile_evidence"))
    reader = window.page("reader")
    assert isinstance(reader, SectionReaderScreen)
    scroll = reader.findChild(QScrollArea, "reader_scroll")
    assert scroll is not None
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the evidence section is longer than the screen"
    bar.setValue(bar.maximum() // 2)  # the patient has read half of it

    def halfway_down() -> None:
        assert bar.maximum() > 0 and abs(bar.value() / bar.maximum() - 0.5) < 0.05

    tap(qtbot, find_button(window, "bar_language_es"))
    qtbot.waitUntil(halfway_down)
    assert "Lo que dice la evidencia" in visible_text(window)
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    qtbot.waitUntil(halfway_down)
    tap(qtbot, find_button(window, "reader_previous"))
    assert bar.value() == 0, "another section opens at its top"


def test_a_size_and_language_set_for_the_patient_are_the_only_ones_ticked(
        qtbot: QtBot, window: KioskWindow) -> None:
    """As staff's assisted visit and the preview set them, not by a tap on the bar."""
    tap(qtbot, window.page("attract"))
    window.set_text_size("largest")
    window.set_language("es")

    def ticked(names: tuple[str, ...]) -> list[str]:
        return [name for name in names if find_button(window, name).text().startswith("\u2713")]

    sizes = tuple(f"bar_text_size_{size}" for size in ("normal", "large", "largest"))
    assert ticked(sizes) == ["bar_text_size_largest"]
    assert ticked(("bar_language_en", "bar_language_es")) == ["bar_language_es"]
