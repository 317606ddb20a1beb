"""Read aloud from the bar, with the real espeak-ng writing what a patient would hear to WAV
files: each screen read in the language on screen, a chosen answer said back, messages read,
a touch elsewhere stopping the voice, Pause, Repeat, volume and speed, and all of it gone
with the wipe."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.speech.speaker import Speaker
from kiosk.ui.place import Place
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.speech.conftest import engine, espeak_children, listen
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.key_driver import Key, at_the_kiosk, focused_name, move_to, press
from tests.ui.test_questionnaire import begin, question_screen
from tests.ui.test_touch_first import choices

__all__ = ["engine"]  # the real espeak-ng (and sox), or a clear failure under CI
pytestmark = pytest.mark.usefixtures("engine")


def read_aloud(qtbot: QtBot, window: KioskWindow, folder: Path) -> Speaker:
    """The patient turns Read aloud on from the bar (the voice goes to WAV files here)."""
    window.speech_folder = folder
    tap(qtbot, find_button(window, "bar_read_aloud"))
    assert window.read_aloud and window.speaker is not None
    return window.speaker


def said_through(qtbot: QtBot, speaker: Speaker, first: str) -> list[str]:
    """Everything said from `first` on, once it has all been said (the kiosk reads a screen
    once it is laid out, a moment after it opens)."""
    qtbot.waitUntil(lambda: speaker.parts[:1] == (first,) and speaker.state == "quiet")
    return list(speaker.parts)


def in_spanish(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, find_button(window, "bar_language_es"))
    assert window.language == "es"


def test_a_spanish_question_is_read_in_spanish_from_its_words_to_its_answers(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    tap(qtbot, window.page("attract"))
    in_spanish(qtbot, window)
    tap(qtbot, find_button(window, "home_questionnaire"))
    question_screen(window).open("smoking")
    speaker = read_aloud(qtbot, window, tmp_path)
    parts = said_through(qtbot, speaker, "Parte 7 de 8: Su salud en general")
    assert parts[1] == "¿Usted fuma?"
    answers = parts.index("Las respuestas son:")
    assert parts[answers + 1:answers + 4] == [
        "Nunca he fumado.", "Fumaba antes.", "Fumo ahora."]
    assert parts[-1] == "Botón: Siguiente."
    wavs = sorted(tmp_path.glob("*.wav"))
    assert len(wavs) == len(parts), "each sentence became its own stretch of speech"
    for wav, part in zip(wavs, parts, strict=True):
        heard = listen(wav)
        assert heard.rms > 0.01, f"{part!r} is silent"
        assert 0.2 < heard.seconds < 1.5 * len(part.split()) + 1, f"{part!r}: {heard.seconds} s"


def test_a_chosen_answer_is_said_back_and_the_next_question_is_read(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("saddle-numbness")
    speaker = read_aloud(qtbot, window, tmp_path)
    tap(qtbot, choices(window).buttons["no"])
    assert said_through(qtbot, speaker, "You chose: No.") == ["You chose: No."]
    tap(qtbot, find_button(window, "question_next"))
    next_one = said_through(qtbot, speaker, "Part 3 of 8: Important signs to check")
    assert next_one[1].startswith("Do you have new trouble passing urine")
    assert "You chose: No." not in next_one
    tap(qtbot, find_button(window, "bar_back"))
    numbness = "Do you have new numbness between your legs or around your bottom?"
    qtbot.waitUntil(lambda: speaker.parts[1:2] == (numbness,) and speaker.state == "quiet")
    again = list(speaker.parts)
    assert again[again.index("The answers are:"):] == [
        "The answers are:", "Yes.", "You chose: No.", "I'm not sure.", "Next, button."], \
        "back on the question, the answer given is read among the answers"


def test_a_touch_elsewhere_stops_the_voice_and_repeat_starts_the_screen_again(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_learn"))
    window.go(Place("reader", window._loaded.content.sections("en")[0].id))
    speaker = read_aloud(qtbot, window, tmp_path)
    assert speaker.speaking
    whole = list(speaker.parts)
    assert len(whole) > 5, "a topic is read sentence by sentence"
    title = window.page("reader").findChild(QLabel, "reader_title")
    assert title is not None
    tap(qtbot, title)
    assert speaker.state == "quiet", "a touch on the page stops the voice"
    assert espeak_children() == [], "and no espeak-ng is left running"
    tap(qtbot, find_button(window, "bar_speech_repeat"))
    assert speaker.speaking and list(speaker.parts) == whole, "Repeat reads it from its start"


def test_pause_go_on_volume_and_speed_from_the_bar_and_the_wipe_resets_them(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    tap(qtbot, window.page("attract"))
    speaker = read_aloud(qtbot, window, tmp_path)
    pause = find_button(window, "bar_speech_pause")
    assert pause.text() == "Pause" and speaker.speaking
    tap(qtbot, pause)
    assert speaker.paused and pause.text() == "Go on"
    tap(qtbot, pause)
    assert speaker.speaking and pause.text() == "Pause"
    level = window.bar.speech.volume_level
    assert level.text() == "3 of 5"
    tap(qtbot, find_button(window, "bar_speech_louder"))
    tap(qtbot, find_button(window, "bar_speech_slower"))
    assert level.text() == "4 of 5" and window.bar.speech.speed_level.text() == "2 of 5"
    assert said_through(qtbot, speaker, "Speed: 2 of 5") == ["Speed: 2 of 5"]
    window.wipe()
    assert not window.read_aloud and speaker.state == "quiet"
    assert speaker.volume_level == (3, 5) and speaker.rate_level == (3, 5)
    tap(qtbot, window.page("attract"))
    assert not find_button(window, "bar_read_aloud").isChecked()
    assert not window.bar.speech.isVisible()


def test_a_message_the_patient_must_see_is_read(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    begin(qtbot, window)
    question_screen(window).open("saddle-numbness")
    speaker = read_aloud(qtbot, window, tmp_path)
    tap(qtbot, find_button(window, "question_next"))
    message = "Please answer this question to go on."
    assert said_through(qtbot, speaker, message) == [
        message, "If you are not sure, ask at the front desk."]


def test_the_urgent_screen_and_the_idle_warning_are_read(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, tmp_path: Path) -> None:
    window = make_window(loaded)
    begin(qtbot, window)
    question_screen(window).open("saddle-numbness")
    speaker = read_aloud(qtbot, window, tmp_path)
    tap(qtbot, choices(window).buttons["yes"])
    tap(qtbot, find_button(window, "question_next"))
    assert window.place.screen == "urgent"
    urgent = said_through(qtbot, speaker, "Please go to the front desk now")
    assert "If no one is at the desk, call 911." in urgent
    window.go(Place("home"))
    window.idle.idle.emit()
    assert window.place.screen == "idle_warning"
    warning = said_through(qtbot, speaker, "Are you still there?")
    assert "For your privacy, this screen will clear soon and your answers will be erased." \
        in warning, warning


def test_the_clinic_can_leave_read_aloud_off_the_bar(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, tmp_path: Path) -> None:
    settings = dataclasses.replace(loaded.settings, speech=dataclasses.replace(
        loaded.settings.speech, enabled=False))
    window = make_window(dataclasses.replace(loaded, settings=settings))
    window.speech_folder = tmp_path
    tap(qtbot, window.page("attract"))
    assert not find_button(window, "bar_read_aloud").isVisible()
    assert find_button(window, "bar_contrast").isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_colours_step_through_the_contrast_modes_and_the_wipe_brings_the_clinic_s_back(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, language: str) -> None:
    window = make_window(loaded)
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    colours = find_button(window, "bar_contrast")
    accent = loaded.settings.clinic.accent_color
    seen = []
    for _ in range(4):
        tap(qtbot, colours)
        qtbot.waitUntil(lambda: window.grab().toImage().pixelColor(5, 5).name()
                        == loaded.theme.palette(window.contrast, accent).background)
        seen.append((window.contrast, colours.accessibleName()))
    names = {"en": ["Colours: Black on white", "Colours: White on black",
                    "Colours: Yellow on black", "Colours: Usual colours"],
             "es": ["Colores: Negro sobre blanco", "Colores: Blanco sobre negro",
                    "Colores: Amarillo sobre negro", "Colores: Colores habituales"]}[language]
    assert seen == list(zip(["black-on-white", "white-on-black", "yellow-on-black", "clinic"],
                            names, strict=True))
    tap(qtbot, colours)
    assert window.contrast == "black-on-white"
    window.wipe()
    assert window.contrast == "clinic"
    assert window.grab().toImage().pixelColor(5, 5).name() == loaded.theme.colours.background


@pytest.mark.parametrize(("language", "heard"), [
    ("en", {"yes": "Yes", "chose": "You chose: No.", "next": "Next, button.",
            "following": "Do you have new trouble passing urine"}),
    ("es", {"yes": "Sí", "chose": "Eligió: No.", "next": "Botón: Siguiente.",
            "following": "¿Tiene problemas nuevos para orinar"})])
def test_with_eyes_closed_a_keyboard_user_hears_where_focus_is_and_what_was_chosen(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path, language: str,
        heard: dict[str, str]) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    question_screen(window).open("saddle-numbness")
    window.speech_folder = tmp_path
    at_the_kiosk(qtbot, window)
    move_to(qtbot, "bar_read_aloud")
    press(qtbot, Key.Key_Return)
    speaker = window.speaker
    assert window.read_aloud and speaker is not None
    part = said_through(qtbot, speaker, question_screen(window)._progress_text.text())
    assert any(p.startswith("¿Tiene" if language == "es" else "Do you have") for p in part)
    move_to(qtbot, "choice_saddle-numbness_yes")
    assert said_through(qtbot, speaker, heard["yes"]) == [heard["yes"]]
    press(qtbot, Key.Key_Tab)  # until an arrow is used, Tab visits each answer
    assert focused_name() == "choice_saddle-numbness_no"
    press(qtbot, Key.Key_Space)
    assert said_through(qtbot, speaker, heard["chose"]) == [heard["chose"]]
    move_to(qtbot, "question_next")
    assert said_through(qtbot, speaker, heard["next"]) == [heard["next"]]
    press(qtbot, Key.Key_Return)
    following = said_through(qtbot, speaker,
                             question_screen(window)._progress_text.text())
    assert following[1].startswith(heard["following"]), following


def test_a_date_that_does_not_exist_is_said_as_it_is_typed(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    begin(qtbot, window)
    question_screen(window).open("birth-date")
    speaker = read_aloud(qtbot, window, tmp_path)
    for key in "0231":  # month 02, day 31
        tap(qtbot, find_button(window, f"date_key_{key}"))
    message = "That date does not exist."
    assert said_through(qtbot, speaker, message) == [
        message, "Please check the day and the month."]


def test_how_one_tap_answers_move_on_is_said_once_a_visit(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, tmp_path: Path) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=60.0))
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("bladder-problems")  # after a yes/no question: one tap moves on
    speaker = read_aloud(qtbot, window, tmp_path)
    note = "When you touch an answer, the next question opens by itself."
    assert note in said_through(qtbot, speaker, "Part 3 of 8: Important signs to check")
    screen.open("bowel-control")
    window.screen_changed()
    qtbot.waitUntil(lambda: speaker.parts[1:2] == (
        "Do you have new trouble controlling your bowels?",)
        and speaker.state == "quiet")
    assert note not in speaker.parts
    window.wipe()
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    question_screen(window).open("bladder-problems")
    tap(qtbot, find_button(window, "bar_read_aloud"))
    assert note in said_through(qtbot, speaker, "Part 3 of 8: Important signs to check"), \
        "the next patient hears it again"
