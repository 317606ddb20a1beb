"""Read-aloud benchmark: espeak-ng run per part against Qt TextToSpeech over speech-dispatcher.

For one question of the shipped questionnaire, with its help, in English and in Spanish:
- espeak-ng run directly (what the kiosk does): the time to its first audio byte on standard
  output, to a finished WAV file, and the kiosk's Speaker from say() to its WAV written;
  the voices it has for each language;
- Qt TextToSpeech (the PySide6 wheel's plugins): which engines the wheel holds, and over
  speech-dispatcher, in a child process with a private speech-dispatcher (started by the
  library itself, ended here): the time until the engine is ready, the voices for English,
  Spanish (Spain) and Spanish (Latin America), the time from say() to Speaking, and whether it
  comes back to Ready (a machine without a sound card may never): benchmarks/speech_qt.py.
Prints figures; decides nothing. `measure` returns them too; a part that cannot run here
(espeak-ng or speech-dispatcher missing, a child that fails) is reported as a figure, never
raised.
Usage: .venv/bin/python benchmarks/speech.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __name__ == "__main__":  # run as a script: the project's root holds the benchmarks package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.figures import Figure, Figures
from benchmarks.speech_qt import qt_engines

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "bladder-problems"


def question_text(language: str) -> str:
    """The words read aloud: the question and its help, in `language`."""
    from kiosk.content.loader import load_all

    words = load_all().content.words(language).questionnaire.items[QUESTION]
    return f"{words.text} {words.help or ''}".strip()


def _ms(seconds: list[float]) -> str:
    return f"median {1000 * statistics.median(seconds):.1f} ms (min {1000 * min(seconds):.1f})"


def _median_ms(seconds: list[float]) -> Figure:
    return Figure(round(1000 * statistics.median(seconds), 1), "ms",
                  detail={"min": round(1000 * min(seconds), 1), "runs": len(seconds)})


def espeak(runs: int, found: Figures) -> None:
    from kiosk.speech.voices import PREFERRED, find_engine, words_per_minute

    engine = find_engine()
    found["espeak-ng"] = Figure("installed" if engine is not None else "not installed")
    if engine is None:
        print("espeak-ng: not installed")
        return
    print(f"espeak-ng {engine.version} at {engine.program}: {len(engine.voices)} voices")
    for language in ("en", "es"):
        own = [v for v in engine.voices if v == language or v.startswith(f"{language}-")]
        found[f"espeak-ng voice {language}"] = Figure(engine.voice_for(language) or "none")
        print(f"  {language} voices: {', '.join(own)}; chosen {engine.voice_for(language)}"
              f" (preferred order {', '.join(PREFERRED[language])})")
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "part.wav"
        for language in ("en", "es"):
            text = question_text(language)
            voice = engine.voice_for(language) or language
            first, whole = [], []
            for _ in range(runs):
                argv = engine.command(voice, 3, 3)
                start = time.perf_counter()
                child = subprocess.Popen([*argv, "--stdout"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                assert child.stdin is not None and child.stdout is not None
                child.stdin.write(text.encode("utf-8"))
                child.stdin.close()
                child.stdout.read(1)
                first.append(time.perf_counter() - start)
                child.stdout.read()
                child.wait()
                start = time.perf_counter()
                subprocess.run(engine.command(voice, 3, 3, wav), input=text.encode("utf-8"),
                               check=True, stderr=subprocess.DEVNULL)
                whole.append(time.perf_counter() - start)
            seconds = _wav_seconds(wav)
            found[f"espeak-ng {language} first audio byte"] = _median_ms(first)
            found[f"espeak-ng {language} WAV written"] = _median_ms(whole)
            print(f"  {language} ({len(text.split())} words, {seconds:.1f} s of speech at"
                  f" {words_per_minute(3)} words a minute): first audio byte {_ms(first)};"
                  f" WAV written {_ms(whole)}")
    speaker(runs, found)


def _wav_seconds(wav: Path) -> float:
    """How long the WAV plays, by sox's soxi (not a number where sox is missing)."""
    try:
        result = subprocess.run(["soxi", "-D", str(wav)], capture_output=True, text=True)
    except OSError:
        return float("nan")
    return float(result.stdout) if result.returncode == 0 else float("nan")


def speaker(runs: int, found: Figures) -> None:
    """The kiosk's own path: Speaker.say() to the WAV written, through QProcess."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from kiosk.content.settings import SpeechSettings
    from kiosk.speech.speaker import Speaker

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        voice = Speaker(SpeechSettings(), Path(folder))
        loop = QEventLoop()
        voice.state_changed.connect(lambda state: loop.quit() if state == "quiet" else None)
        for language in ("en", "es"):
            text = question_text(language)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                voice.say([text], language)
                loop.exec()
                times.append(time.perf_counter() - start)
            found[f"kiosk Speaker {language} say() to WAV written"] = _median_ms(times)
            print(f"  kiosk Speaker, {language}: say() to WAV written {_ms(times)}")
        voice.close()
    del app


RUNS = 10


def measure(runs: int = RUNS, say: bool = True) -> Figures:
    """Every figure of the read-aloud benchmark; a part that fails is a figure saying why."""
    found: Figures = {}
    parts: list[tuple[str, Callable[[], None]]] = [
        ("espeak-ng", lambda: espeak(runs, found)), ("Qt TextToSpeech", lambda: qt_engines(found))]
    for name, part in parts:
        try:
            if say:
                part()
            else:
                with open(os.devnull, "w", encoding="utf-8") as quiet:
                    saved, sys.stdout = sys.stdout, quiet
                    try:
                        part()
                    finally:
                        sys.stdout = saved
        except Exception as failure:
            found[f"{name} could not run"] = Figure(f"{type(failure).__name__}: {failure}")
            if say:
                print(f"{name}: could not run: {failure}", flush=True)
    return found


def main() -> None:
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)


if __name__ == "__main__":
    main()
