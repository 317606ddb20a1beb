"""The voice a patient hears: the words of a Spanish question come out as Spanish audio, in a
Latin-American voice, at a length that fits their words; each step is louder or faster."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kiosk.app import Options
from kiosk.content.loader import load_content
from kiosk.speech.parts import spoken_parts
from kiosk.speech.voices import AMPLITUDES, WORDS_PER_MINUTE, Engine, find_engine, parse_voices
from tests.conftest import ROOT
from tests.speech.conftest import listen, synthesise

#: A question whose words show the accent: "hace" and "infección" are said with an s in
#: Latin America and with a th (θ) in Spain.
QUESTION = "fever-or-infection"

LISTING = """\
Pty Language       Age/Gender VoiceName          File                 Other Languages
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 5  es              --/M      Spanish_(Spain)    roa/es
 5  es-419          --/M      Spanish_(Latin_America) roa/es-419           (es-mx 6)(es 6)
 5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)
 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
"""


@pytest.fixture(scope="module")
def spanish_question() -> str:
    """The Spanish words of a shipped question, as the kiosk loads them."""
    content = load_content(Options().content)
    return content.words("es").questionnaire.items[QUESTION].text


def test_the_spanish_question_comes_out_as_spanish_audio_of_a_plausible_length(
        engine: Engine, spanish_question: str, tmp_path: Path) -> None:
    voice = engine.voice_for("es")
    assert voice is not None, f"espeak-ng {engine.version} has no Spanish voice"
    spanish = synthesise(engine, spanish_question, voice, tmp_path / "question.wav")
    heard = listen(tmp_path / "question.wav")
    assert heard.rms > 0.02 and heard.peak > 0.2, f"the question is (nearly) silent: {heard}"
    words = len(spanish_question.split())
    expected = words / WORDS_PER_MINUTE[2] * 60
    assert 0.6 * expected < heard.seconds < 1.6 * expected, (
        f"{words} words at {WORDS_PER_MINUTE[2]} a minute should take about {expected:.1f} s,"
        f" not {heard.seconds:.1f} s")
    english = engine.voice_for("en")
    assert english is not None
    assert synthesise(engine, spanish_question, english, tmp_path / "en.wav") != spanish, \
        "the Spanish voice sounds like the English one"


def test_the_spanish_voice_pronounces_the_question_as_latin_american_spanish(
        engine: Engine, spanish_question: str) -> None:
    heard = engine.phonemes(spanish_question, "es")
    english = engine.phonemes(spanish_question, "en")
    assert "ɾ" in heard and "β" in heard and "ð" in heard, f"not Spanish sounds: {heard}"
    assert not {"ɹ", "ə", "ɚ", "ɪ"} & set(heard), f"English sounds in the Spanish voice: {heard}"
    assert {"ɹ", "ə"} <= set(english), f"the English voice is not English: {english}"
    assert "ˈase" in heard and "θ" not in heard, f"said with Spain's th, not an s: {heard}"


def test_the_english_voice_is_american_and_spanish_prefers_latin_america() -> None:
    voices = Engine("espeak-ng", "1.51", parse_voices(LISTING))
    assert voices.voices == ("en-gb", "en-us", "es", "es-419", "fr-be", "fr-fr")
    assert voices.voice_for("en") == "en-us"
    assert voices.voice_for("es") == "es-419"
    assert voices.voice_for("fr") == "fr-fr"
    assert voices.voice_for("de") is None
    spain_only = Engine("espeak-ng", "1.51", ("en-gb", "es"))
    assert (spain_only.voice_for("es"), spain_only.voice_for("en")) == ("es", "en-gb")


def test_each_step_is_louder_and_faster_than_the_one_before() -> None:
    assert list(AMPLITUDES) == sorted(set(AMPLITUDES)) and len(AMPLITUDES) == 5
    assert list(WORDS_PER_MINUTE) == sorted(set(WORDS_PER_MINUTE)) and len(WORDS_PER_MINUTE) == 5
    assert max(AMPLITUDES) <= 200 and min(WORDS_PER_MINUTE) >= 80  # what espeak-ng takes


def test_the_loudest_step_is_louder_without_clipping(engine: Engine, spanish_question: str,
                                                     tmp_path: Path) -> None:
    voice = engine.voice_for("es")
    assert voice is not None
    for step in (1, 5):
        synthesise(engine, spanish_question, voice, tmp_path / f"{step}.wav", volume=step)
    quietest, loudest = listen(tmp_path / "1.wav"), listen(tmp_path / "5.wav")
    assert loudest.rms > 3 * quietest.rms
    assert loudest.flat == 0, f"the loudest step clips: {loudest}"


def test_a_machine_without_espeak_ng_has_no_voice(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_engine() is None


def test_a_page_is_read_a_sentence_at_a_time() -> None:
    help_text = ("Por ejemplo, le cuesta empezar. ¿No siente cuándo necesita ir?\n"
                 "Nuevo quiere decir que empezó hace poco.")
    assert spoken_parts(["¿Tiene problemas nuevos para orinar?", help_text, "  "]) == [
        "¿Tiene problemas nuevos para orinar?", "Por ejemplo, le cuesta empezar.",
        "¿No siente cuándo necesita ir?", "Nuevo quiere decir que empezó hace poco."]
    assert spoken_parts(['He said "stop." Then he left']) == ['He said "stop."', "Then he left"]


def test_the_voice_side_runs_without_qt() -> None:
    for name in ("voices.py", "parts.py"):
        tree = ast.parse((ROOT / "kiosk" / "speech" / name).read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)}
        assert not {m for m in imported if m.startswith(("PySide6", "shiboken6"))}, name
