"""Read-aloud benchmark, Qt TextToSpeech part: the engines PySide6 holds, and speech-dispatcher.

`qt_engines` lists the TextToSpeech plugins in the PySide6 wheel and the libraries they miss,
then runs this module as a child process with a private speech-dispatcher (started by the
library itself, ended here): the time until the engine is ready, the voices for English,
Spanish (Spain) and Spanish (Latin America), the time from say() to Speaking, and whether it
comes back to Ready (a machine without a sound card may never). Used by benchmarks/speech.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script: the project's root holds the benchmarks package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.figures import Figure, Figures

READY_WAIT_SECONDS = 5.0


def qt_engines(found: Figures) -> None:
    from PySide6 import QtCore

    plugins = Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.PluginsPath))
    found_plugins = sorted(p.name for p in (plugins / "texttospeech").glob("*.so"))
    print(f"Qt TextToSpeech (PySide6 {QtCore.qVersion()}): plugins in the wheel:"
          f" {', '.join(found_plugins) or 'none'}")
    missing = []
    for plugin in found_plugins:
        ldd = subprocess.run(["ldd", str(plugins / "texttospeech" / plugin)],
                             capture_output=True, text=True).stdout
        missing += [f"{plugin}: {line.split()[0]}" for line in ldd.splitlines()
                    if "not found" in line]
    found["Qt TextToSpeech plugins"] = Figure(", ".join(found_plugins) or "none")
    found["libraries the plugins miss"] = Figure(", ".join(missing) or "none")
    print(f"  libraries the plugins miss: {', '.join(missing) or 'none'}")
    _adopt_orphans()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_RUNTIME_DIR": home, "XDG_CACHE_HOME": home}
        start = time.perf_counter()
        try:
            child = subprocess.run([sys.executable, __file__], env=env,
                                   capture_output=True, text=True, timeout=60)
            lines = child.stdout.splitlines()
        except subprocess.TimeoutExpired as hung:
            out = hung.stdout or b""
            lines = (out.decode() if isinstance(out, bytes) else out).splitlines()
        finally:
            ended = _end_daemons(home)
        took = time.perf_counter() - start
        for line in lines:
            key, value = json.loads(line)
            if key != "child":
                found[f"speechd {key}"] = Figure(value if isinstance(value, (int, float, str))
                                                 else json.dumps(value))
                print(f"  speechd {key}: {value}")
        if not lines or json.loads(lines[-1]) != ["child", "done"]:
            found["speechd child"] = Figure(f"hung, stopped after {took:.0f} s")
            print(f"  speechd: the child hung, stopped after {took:.0f} s")
        else:
            found["speechd child"] = Figure(round(took, 1), "s")
            print(f"  speechd: the child's whole run took {took:.0f} s")
        found["speech-dispatcher processes left running (ended here)"] = Figure(ended)
        print(f"  speech-dispatcher processes still running after the child ended: {ended}"
              " (ended here)")


def _adopt_orphans() -> None:
    """Become the parent of processes our children leave behind (speech-dispatcher detaches
    itself), so that once ended they can be reaped here."""
    import ctypes

    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def _end_daemons(home: str) -> int:
    """End the speech-dispatcher the child's library started, and its output module: the
    processes that name `home` in their command line or environment. How many there were."""
    ours = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if b"speech" in command and home.encode() in command + environment:
            ours.append(int(entry.name))
    for pid in ours:
        try:
            os.kill(pid, signal.SIGKILL)  # a daemon without a sound device ignores TERM
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    while True:  # modules that had ended before the daemon did (no command line to match)
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except ChildProcessError:
            break
    return len(ours)


class _Figures(dict[str, object]):
    """Figures printed as they come, one JSON line each (a hang later loses none)."""

    def __setitem__(self, key: str, value: object) -> None:
        print(json.dumps([key, value]), flush=True)


def speechd_child() -> None:
    """In the child: Qt TextToSpeech over speech-dispatcher, one JSON line of figures."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QLocale, QTimer
    from PySide6.QtTextToSpeech import QTextToSpeech

    from benchmarks.speech import question_text

    app = QCoreApplication(sys.argv[:1])
    figures = _Figures()
    figures["engines"] = QTextToSpeech.availableEngines()
    clock = QElapsedTimer()
    clock.start()
    tts = QTextToSpeech("speechd")
    loop = QEventLoop()
    timer = QTimer(singleShot=True)
    timer.timeout.connect(loop.quit)

    def wait_for(state: QTextToSpeech.State, seconds: float) -> float | None:
        if tts.state() == state:
            return 0.0
        start = clock.elapsed()
        tts.stateChanged.connect(loop.quit)
        timer.start(int(seconds * 1000))
        while tts.state() != state and timer.isActive():
            loop.exec()
        tts.stateChanged.disconnect(loop.quit)
        return (clock.elapsed() - start) / 1000 if tts.state() == state else None

    ready = wait_for(QTextToSpeech.State.Ready, READY_WAIT_SECONDS)
    figures["engine made and ready (speech-dispatcher started)"] = (
        f"{clock.elapsed()} ms" if ready is not None else "never")
    figures["state"] = f"{tts.state().name} {tts.errorString()!r}".strip()
    caps = tts.engineCapabilities()
    figures["can synthesise to memory (needed for a WAV)"] = bool(
        caps & QTextToSpeech.Capability.Synthesize)
    figures["locales"] = len(tts.availableLocales())
    for name, locale in (("en_US", QLocale("en_US")), ("es_ES", QLocale("es_ES")),
                         ("es_419", QLocale("es_419"))):
        tts.setLocale(locale)
        voices = [v.name() for v in tts.availableVoices()]
        figures[f"voices {name}"] = (f"{len(voices)} ({', '.join(voices[:2])}, …); locale now"
                                     f" {tts.locale().name()}, {tts.errorString() or 'no error'}")
    for language, locale_name in (("en", "en_US"), ("es", "es_419")):
        tts.setLocale(QLocale(locale_name))
        if wait_for(QTextToSpeech.State.Ready, 2.0) is None:
            figures[f"{language}: say()"] = f"not tried: the engine is still {tts.state().name}"
            break
        start = clock.elapsed()
        tts.say(question_text(language))
        speaking = wait_for(QTextToSpeech.State.Speaking, READY_WAIT_SECONDS)
        figures[f"{language}: say() to Speaking"] = (
            f"{clock.elapsed() - start} ms" if speaking is not None else "never")
        done = wait_for(QTextToSpeech.State.Ready, READY_WAIT_SECONDS)
        figures[f"{language}: Speaking back to Ready"] = (
            f"{done * 1000:.0f} ms" if done is not None
            else f"not within {READY_WAIT_SECONDS:.0f} s")
        start = clock.elapsed()
        tts.stop()
        stopped = wait_for(QTextToSpeech.State.Ready, READY_WAIT_SECONDS)
        figures[f"{language}: stop() to Ready"] = (
            f"{clock.elapsed() - start} ms" if stopped is not None else "never")
    figures["child"] = "done"
    del app
    os._exit(0)  # the library's connection may hang on a daemon that lost its module


if __name__ == "__main__":
    speechd_child()
