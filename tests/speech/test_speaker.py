"""What a patient hears from the kiosk's voice, written to WAV files by the real espeak-ng:
parts in order and in the language's voice, silence at once on stop, pause and going on,
hearing it again, louder, slower, and the clinic's levels again for the next visit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from kiosk.content.settings import SpeechSettings
from kiosk.speech.speaker import Speaker
from kiosk.speech.voices import Engine
from tests.speech.conftest import espeak_children, listen, synthesise

QUESTION = ["Do you have new numbness between your legs?",
            "We mean the part that would touch a bicycle seat.", "New means it started lately."]
PREGUNTA = ["¿Tiene problemas nuevos para orinar?", "Nuevo quiere decir que empezó hace poco."]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "heard"


@pytest.fixture
def speaker(engine: Engine, folder: Path) -> Iterator[Speaker]:
    voice = Speaker(SpeechSettings(volume=3, rate=3), folder, engine=engine)
    yield voice
    voice.close()
    assert espeak_children() == [], "a closed speaker left espeak-ng behind"


def heard(folder: Path) -> list[bytes]:
    """Every part the patient heard, in the order heard."""
    return [wav.read_bytes() for wav in sorted(folder.glob("*.wav"))]


def said(engine: Engine, folder: Path, parts: list[str], language: str = "en",
         volume: int = 3, rate: int = 3) -> list[bytes]:
    """`parts` as the voice for `language` says them, made by hand beside the speaker's."""
    voice = engine.voice_for(language)
    assert voice is not None
    made = folder.parent / "by-hand"
    made.mkdir(exist_ok=True)
    return [synthesise(engine, part, voice, made / f"{i}.wav", volume, rate)
            for i, part in enumerate(parts)]


def until_quiet(qtbot: QtBot, speaker: Speaker) -> SignalBlocker:
    return qtbot.waitSignal(speaker.state_changed, check_params_cb=lambda s: s == "quiet")


def test_each_part_is_said_in_order_in_the_voice_of_the_language(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    assert speaker.available and speaker.state == "quiet"
    with until_quiet(qtbot, speaker):
        speaker.say(PREGUNTA, "es")
    assert heard(folder) == said(engine, folder, PREGUNTA, "es")
    assert heard(folder)[0] != said(engine, folder, PREGUNTA[:1], "en")[0]
    for wav in sorted(folder.glob("*.wav")):
        assert listen(wav).rms > 0.02


def test_stop_silences_at_once_and_leaves_no_process(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    started: list[int] = []
    speaker.part_started.connect(started.append)
    speaker.say(QUESTION, "en")
    assert speaker.speaking and espeak_children() != []
    speaker.stop()
    assert speaker.state == "quiet" and espeak_children() == []
    with until_quiet(qtbot, speaker):
        speaker.say(["Thank you."], "en")
    assert heard(folder) == said(engine, folder, ["Thank you."]), \
        "the stopped question went on, or half of it was kept"
    assert started == [0, 0]


def test_a_part_cut_off_half_way_is_not_kept(
        qtbot: QtBot, speaker: Speaker, folder: Path) -> None:
    long_page = " ".join(QUESTION * 400)  # some 7,000 words: seconds to write
    speaker.say([long_page], "en")

    def half_written() -> None:
        assert any(wav.stat().st_size > 0 for wav in folder.glob("*.wav"))

    qtbot.waitUntil(half_written)
    assert speaker.speaking, "the long page was written before it could be cut off"
    speaker.stop()
    assert heard(folder) == [] and espeak_children() == []


def test_a_touch_in_the_middle_stops_the_rest(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    speaker.part_started.connect(lambda index: speaker.stop() if index == 1 else None)
    with until_quiet(qtbot, speaker):
        speaker.say(QUESTION, "en")
    assert heard(folder) == said(engine, folder, QUESTION[:1])
    assert espeak_children() == []


def test_pause_stops_in_a_part_and_going_on_says_that_part_again(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    def pause_once(index: int) -> None:
        if index == 1 and not paused:
            paused.append(index)
            speaker.pause()

    paused: list[int] = []
    speaker.part_started.connect(pause_once)
    with qtbot.waitSignal(speaker.state_changed, check_params_cb=lambda s: s == "paused"):
        speaker.say(QUESTION, "en")
    assert speaker.paused and espeak_children() == []
    assert heard(folder) == said(engine, folder, QUESTION[:1])
    with until_quiet(qtbot, speaker):
        speaker.resume()
    assert heard(folder) == said(engine, folder, QUESTION)


def test_repeat_says_the_last_parts_again_from_the_first(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    with until_quiet(qtbot, speaker):
        speaker.say(PREGUNTA, "es")
    with until_quiet(qtbot, speaker):
        speaker.repeat()
    assert heard(folder) == said(engine, folder, PREGUNTA, "es") * 2


def test_a_message_said_after_waits_for_the_question(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    with until_quiet(qtbot, speaker):
        speaker.say(QUESTION[:2], "en")
        speaker.say(["Please choose an answer."], "en", after=True)
    assert heard(folder) == said(engine, folder, [*QUESTION[:2], "Please choose an answer."])


def test_louder_is_louder_and_slower_is_longer(
        qtbot: QtBot, speaker: Speaker, folder: Path) -> None:
    with until_quiet(qtbot, speaker):
        speaker.say(QUESTION[:1], "en")
    assert speaker.louder() and speaker.louder()
    assert not speaker.louder(), "there is no step above the loudest"
    assert speaker.volume_level == (5, 5)
    with until_quiet(qtbot, speaker):
        speaker.say(QUESTION[:1], "en")
    assert speaker.slower() and speaker.slower() and not speaker.slower()
    assert speaker.rate_level == (1, 5)
    with until_quiet(qtbot, speaker):
        speaker.say(QUESTION[:1], "en")
    usual, loud, slow = (listen(wav) for wav in sorted(folder.glob("*.wav")))
    assert loud.rms > 1.3 * usual.rms and loud.flat == 0
    assert loud.seconds == pytest.approx(usual.seconds, rel=0.02)
    assert slow.seconds > 1.2 * usual.seconds


def test_a_new_level_is_heard_at_once(
        qtbot: QtBot, engine: Engine, speaker: Speaker, folder: Path) -> None:
    def louder_once(index: int) -> None:
        if not changed:
            changed.append(index)
            speaker.louder()

    changed: list[int] = []
    speaker.part_started.connect(louder_once)
    with until_quiet(qtbot, speaker):
        speaker.say(QUESTION[:2], "en")
    assert heard(folder) == said(engine, folder, QUESTION[:2], volume=4), \
        "the part being said did not start again at the new volume"


def test_reset_brings_back_the_clinics_levels_and_forgets_the_visit(
        qtbot: QtBot, engine: Engine, folder: Path) -> None:
    speaker = Speaker(SpeechSettings(volume=2, rate=4), folder, engine=engine)
    levels: list[tuple[int, int]] = []
    speaker.levels_changed.connect(lambda: levels.append((speaker.volume_level[0],
                                                          speaker.rate_level[0])))
    with until_quiet(qtbot, speaker):
        speaker.say(["Your pain, from 0 to 10."], "en")
    speaker.louder()
    speaker.faster()
    speaker.reset()
    assert (speaker.volume_level, speaker.rate_level) == ((2, 5), (4, 5))
    assert levels[-1] == (2, 4)
    speaker.repeat()
    assert speaker.state == "quiet", "the last patient's words were said again"
    with until_quiet(qtbot, speaker):
        speaker.say(["Welcome."], "en")
    assert heard(folder)[-1] == said(engine, folder, ["Welcome."], volume=2, rate=4)[0]
    speaker.close()


def test_closing_kills_the_voice_and_says_nothing_more(
        qtbot: QtBot, speaker: Speaker, folder: Path) -> None:
    speaker.say(QUESTION, "en")
    speaker.close()
    assert espeak_children() == [] and speaker.state == "quiet"
    speaker.say(QUESTION, "en")
    assert speaker.state == "quiet" and heard(folder) == []


def test_without_espeak_ng_there_is_no_voice(qtbot: QtBot, folder: Path) -> None:
    speaker = Speaker(SpeechSettings(), folder, engine=None)
    assert not speaker.available and not speaker.can_speak("en")
    speaker.say(QUESTION, "en")
    assert speaker.state == "quiet" and heard(folder) == []


def test_a_language_without_a_voice_is_not_spoken(
        qtbot: QtBot, engine: Engine, folder: Path) -> None:
    english_only = Engine(engine.program, engine.version, ("en-us",))
    speaker = Speaker(SpeechSettings(), folder, engine=english_only)
    assert speaker.can_speak("en") and not speaker.can_speak("es")
    speaker.say(PREGUNTA, "es")
    assert speaker.state == "quiet" and heard(folder) == []


def test_a_speaker_deleted_with_its_window_leaves_no_voice_behind(
        qtbot: QtBot, engine: Engine, folder: Path) -> None:
    window = QObject()
    speaker = Speaker(SpeechSettings(), folder, window, engine=engine)
    speaker.say(QUESTION, "en")
    assert speaker.speaking and espeak_children() != []
    shiboken6.delete(window)
    assert espeak_children() == []
