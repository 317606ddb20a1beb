"""The optional record number on screen, at a clinic that asks for one: a number in another
format stays in the box with a message under it naming the clinic's format (in English and
Spanish, read aloud, and carried by the box for a screen reader); a number in the format, and
an empty box, go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, Loaded, load_all
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.domain.test_record_number import FORMAT, with_format
from tests.speech.conftest import engine, listen
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_keyboard import tap_key
from tests.ui.test_questionnaire import begin, question_screen
from tests.ui.test_read_aloud import read_aloud, said_through
from tests.ui.test_typing import keyboard_up

__all__ = ["engine"]

MESSAGE = {
    "en": "This does not look like a record number or appointment code. It starts with MRN"
          " and a dash, then 6 numbers, for example MRN-123456. Check it, or leave the box"
          " empty and tell the front desk.",
    "es": "Esto no parece un número de expediente ni un código de cita. Empieza con MRN y un"
          " guion, y luego 6 números, por ejemplo MRN-123456. Revíselo, o deje la casilla"
          " vacía y avise en la recepción.",
}


@pytest.fixture
def clinic(settings_copy: Path) -> Loaded:
    """A clinic whose record numbers look like MRN-123456 (the domain tests' clinic)."""
    loaded = load_all(DEFAULT_CONTENT, with_format(settings_copy, FORMAT), DEFAULT_THEME)
    return with_kiosk(loaded, animations=False, idle_seconds=600.0, auto_advance_seconds=0.0)


def at_record_number(qtbot: QtBot, make_window: WindowFactory, clinic: Loaded,
                     language: str = "en") -> tuple[KioskWindow, QLineEdit]:
    window = make_window(clinic)
    begin(qtbot, window)
    if language != "en":
        tap(qtbot, find_button(window, f"bar_language_{language}"))
    question_screen(window).open("record-number")
    box = window.findChild(QLineEdit, "text_record-number")
    assert box is not None and box.isVisible()
    return window, box


def type_in(qtbot: QtBot, box: QLineEdit, typed: str) -> None:
    tap(qtbot, box)
    qtbot.keyClicks(box, typed)
    assert box.text() == typed


def message_line(window: KioskWindow) -> QLabel:
    found = window.findChild(QLabel, "question_problem")
    assert found is not None
    return found


def under(window: KioskWindow, upper: QLineEdit, lower: QLabel) -> bool:
    """Whether `lower` stands below `upper` on the screen."""
    return (lower.mapTo(window, lower.rect().topLeft()).y()
            >= upper.mapTo(window, upper.rect().bottomLeft()).y())


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_number_in_another_format_stays_in_the_box_with_a_message_under_it(
        qtbot: QtBot, make_window: WindowFactory, clinic: Loaded, language: str) -> None:
    window, box = at_record_number(qtbot, make_window, clinic, language)
    type_in(qtbot, box, "4217")
    tap(qtbot, find_button(window, "question_next"))
    screen = question_screen(window)
    assert screen.item is not None and screen.item.id == "record-number", "the patient stays"
    assert box.isVisible() and box.text() == "4217", "what was typed is still there"
    line = message_line(window)
    assert line.isVisible() and line.text() == MESSAGE[language]
    assert under(window, box, line)
    assert MESSAGE[language] in box.accessibleDescription(), "a screen reader hears it in the box"
    assert "record-number" not in (window.visit.answers if window.visit else {})
    tap(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert not line.isVisible(), "the message goes once the patient puts the number right"
    assert MESSAGE[language] not in box.accessibleDescription()


def test_the_message_follows_the_language_chosen_while_it_shows(
        qtbot: QtBot, make_window: WindowFactory, clinic: Loaded) -> None:
    window, box = at_record_number(qtbot, make_window, clinic)
    type_in(qtbot, box, "MRN 4217")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert message_line(window).text() == MESSAGE["en"]
    tap(qtbot, find_button(window, "bar_language_es"))
    assert message_line(window).text() == MESSAGE["es"] and box.text() == "MRN 4217"


def test_a_number_in_the_clinic_s_format_goes_on_and_is_kept(
        qtbot: QtBot, make_window: WindowFactory, clinic: Loaded) -> None:
    window, box = at_record_number(qtbot, make_window, clinic)
    type_in(qtbot, box, "MRN-004217")
    tap(qtbot, find_button(window, "question_next"))
    screen = question_screen(window)
    assert screen.item is not None and screen.item.id == "pain-duration"
    assert not message_line(window).isVisible()
    assert window.visit is not None and window.visit.answers["record-number"] == "MRN-004217"


def test_an_empty_box_goes_on_without_a_message(
        qtbot: QtBot, make_window: WindowFactory, clinic: Loaded) -> None:
    window, box = at_record_number(qtbot, make_window, clinic)
    type_in(qtbot, box, "MRN")
    for _ in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    tap(qtbot, find_button(window, "question_next"))
    screen = question_screen(window)
    assert screen.item is not None and screen.item.id == "pain-duration"
    assert window.visit is not None and "record-number" not in window.visit.answers


@pytest.mark.usefixtures("engine")
def test_the_message_is_read_aloud_each_time_next_is_refused(
        qtbot: QtBot, make_window: WindowFactory, clinic: Loaded, tmp_path: Path) -> None:
    window, box = at_record_number(qtbot, make_window, clinic)
    type_in(qtbot, box, "4217")
    speaker = read_aloud(qtbot, window, tmp_path)
    tap(qtbot, find_button(window, "question_next"))
    first = "This does not look like a record number or appointment code."
    heard = said_through(qtbot, speaker, first)
    assert heard == [first, "It starts with MRN and a dash, then 6 numbers, for example"
                     " MRN-123456.", "Check it, or leave the box empty and tell the front desk."]
    for wav in sorted(tmp_path.glob("*.wav"))[-len(heard):]:
        assert listen(wav).rms > 0.01, f"{wav.name} is silent"
    tap(qtbot, find_button(window, "question_next"))
    assert said_through(qtbot, speaker, first) == heard, "said again on the next refusal"


def test_the_on_screen_keyboard_goes_down_for_the_message_and_a_tap_on_the_box_brings_it_back(
        qtbot: QtBot, make_window: WindowFactory, clinic: Loaded) -> None:
    window, box = at_record_number(qtbot, make_window, clinic, "es")
    window.set_text_size("largest")
    tap(qtbot, box)
    board = keyboard_up(qtbot, window)
    for key in "mrn\n":  # letters only, then the keyboard's Return to go on
        tap_key(qtbot, board, key)
    qtbot.waitUntil(lambda: not board.active and board.height() == 0)
    line = message_line(window)
    assert line.text() == MESSAGE["es"]
    # The screen lays itself out again once the keyboard is down: then all of it is in sight.
    qtbot.waitUntil(lambda: line.visibleRegion().boundingRect().size() == line.size())
    assert box.hasFocus() and box.text().lower() == "mrn", "a hardware keyboard types there"
    tap(qtbot, box)
    keyboard_up(qtbot, window)
