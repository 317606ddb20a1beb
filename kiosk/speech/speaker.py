"""The kiosk's voice: says a screen's words part by part, in the patient's language, without
ever holding up the screen.

Each part (a sentence or a line) is one espeak-ng process run by QProcess: the window keeps
answering touches while a part is spoken, and stopping is killing that one process. The
patient can pause (the part being said stops; going on says it again from its start), hear
the last words again, and make the voice louder, quieter, faster or slower in a few steps; a
new visit starts again at the clinic's volume and speed. Instead of the sound device the
voice can go into numbered WAV files in a folder (001.wav, 002.wav, …): the same voice, the
same command, for tests and previews. Nothing spoken is written to the log.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from kiosk.content.settings import SPEECH_STEPS, SpeechSettings
from kiosk.speech.voices import Engine, find_engine

log = logging.getLogger(__name__)

State = Literal["speaking", "paused", "quiet"]


class _Find:
    """Look for espeak-ng on this machine (the default of `Speaker(engine=...)`)."""


FIND = _Find()


@functools.cache
def machine_engine() -> Engine | None:
    """This machine's espeak-ng, looked for once per run of the kiosk."""
    return find_engine()


@functools.cache
def sound_problem(engine: Engine) -> str | None:
    """Why `engine` cannot be heard on this machine, found out once per run."""
    problem = engine.sound_problem()
    if problem is not None:
        log.warning("speech: the sound device cannot be used (%s); Read aloud is hidden",
                    problem)
    return problem


def can_read_aloud(folder: Path | None = None) -> bool:
    """Whether this machine can read aloud: espeak-ng with a voice, and a sound device it can
    use (a folder of WAV files needs none). What shows or hides the Read aloud control."""
    engine = machine_engine()
    return engine is not None and (folder is not None or sound_problem(engine) is None)


class Speaker(QObject):
    """Reads parts aloud one after another; `state_changed` says "speaking", "paused" or
    "quiet" whenever that changes, `levels_changed` when volume or speed change, and
    `part_started` the number (from 0) of each part as it begins."""

    state_changed = Signal(str)
    levels_changed = Signal()
    part_started = Signal(int)

    def __init__(self, settings: SpeechSettings, folder: Path | None = None,
                 parent: QObject | None = None, *, engine: Engine | _Find | None = FIND
                 ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._engine = machine_engine() if isinstance(engine, _Find) else engine
        self._folder = folder
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self._volume: int = settings.volume
        self._rate: int = settings.rate
        self._state: State = "quiet"
        self._parts: list[str] = []
        self._language = ""
        self._index = 0
        self._process = QProcess(self)  # one espeak-ng at a time, each part a new run
        self._process.started.connect(self._hand_over)
        self._process.finished.connect(self._part_done)
        self._process.errorOccurred.connect(self._failed)
        self._process.setObjectName("speech_process")
        # A speaker deleted with its window, without close(), still leaves no espeak-ng behind.
        self.destroyed.connect(functools.partial(_silence, self._process))
        self._words = b""  # what the running espeak-ng is given to say
        self._starts = 0
        self._wav: Path | None = None
        self._written = 0  # WAV files numbered so far
        self._sound_trouble_logged = False
        self._closed = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    # -- what the bar reads ------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether this speaker can be heard: espeak-ng with at least one voice, and a sound
        device it can use (a folder of WAV files needs none)."""
        engine = self._engine
        return engine is not None and (self._folder is not None or sound_problem(engine) is None)

    @property
    def engine(self) -> Engine | None:
        return self._engine

    def can_speak(self, language: str) -> bool:
        """Whether there is a voice for this kiosk language."""
        return self._engine is not None and self._engine.voice_for(language) is not None

    @property
    def state(self) -> State:
        return self._state

    @property
    def speaking(self) -> bool:
        return self._state == "speaking"

    @property
    def paused(self) -> bool:
        return self._state == "paused"

    @property
    def volume_level(self) -> tuple[int, int]:
        """(this step, how many steps): "Volume 3 of 5"."""
        return self._volume, SPEECH_STEPS

    @property
    def rate_level(self) -> tuple[int, int]:
        """(this step, how many steps): "Speed 3 of 5"."""
        return self._rate, SPEECH_STEPS

    @property
    def parts(self) -> tuple[str, ...]:
        """What is being said (or was said last), sentence by sentence."""
        return tuple(self._parts)

    @property
    def folder(self) -> Path | None:
        """Where the voice goes as WAV files; None for the sound device."""
        return self._folder

    # -- what the patient does ----------------------------------------------------------------

    def say(self, parts: Sequence[str], language: str, after: bool = False) -> None:
        """Say `parts` in `language`'s voice, instead of whatever is being said; with `after`,
        once what is being said has been said (in the voice of `language`)."""
        parts = [part for part in parts if part.strip()]
        if self._closed:
            return
        if after and self._state != "quiet":
            if parts and self.can_speak(language):
                self._parts += parts
                self._language = language
            return
        if not parts or not self.can_speak(language):
            self.stop()  # nothing to say in this language: not the last screen's words either
            return
        self._halt()
        self._parts, self._language, self._index = parts, language, 0
        self._speak()

    def stop(self) -> None:
        """Silence at once; the last parts can still be repeated."""
        self._halt()
        self._set_state("quiet")

    def pause(self) -> None:
        """Stop in the middle of a part; `resume` says that part again from its start."""
        if self._state == "speaking":
            self._halt()
            self._set_state("paused")

    def resume(self) -> None:
        if self._state == "paused":
            self._speak()

    def repeat(self) -> None:
        """Say the last parts again from the first."""
        if self._parts and not self._closed:
            self._halt()
            self._index = 0
            self._speak()

    def louder(self) -> bool:
        return self._change(volume=self._volume + 1)

    def quieter(self) -> bool:
        return self._change(volume=self._volume - 1)

    def faster(self) -> bool:
        return self._change(rate=self._rate + 1)

    def slower(self) -> bool:
        return self._change(rate=self._rate - 1)

    def reset(self) -> None:
        """For the next visit: silence, nothing left to repeat, the clinic's volume and
        speed."""
        self.stop()
        self._parts, self._index = [], 0
        self._change(volume=self._settings.volume, rate=self._settings.rate)

    def close(self) -> None:
        """Silence for good: no process is left behind and nothing more is said."""
        self.stop()
        self._closed = True

    # -- inside -----------------------------------------------------------------------------

    def _change(self, volume: int | None = None, rate: int | None = None) -> bool:
        """Set a level within its steps; the part being said starts again at the new level
        so the patient hears the difference at once. False when nothing changed."""
        new_volume = min(max(volume if volume is not None else self._volume, 1), SPEECH_STEPS)
        new_rate = min(max(rate if rate is not None else self._rate, 1), SPEECH_STEPS)
        if (new_volume, new_rate) == (self._volume, self._rate):
            return False
        self._volume, self._rate = new_volume, new_rate
        self.levels_changed.emit()
        if self._state == "speaking":
            self._halt()
            self._speak()
        return True

    def _speak(self) -> None:
        """Start the part at `_index`."""
        engine = self._engine
        voice = engine.voice_for(self._language) if engine is not None else None
        if engine is None or voice is None or self._index >= len(self._parts):
            self._set_state("quiet")
            return
        self._wav = None
        if self._folder is not None:
            self._written += 1
            self._wav = self._folder / f"{self._written:03d}.wav"
        program, *arguments = engine.command(voice, self._volume, self._rate, self._wav)
        process = self._process
        process.setProgram(program)
        process.setArguments(arguments)
        process.setStandardOutputFile(QProcess.nullDevice())
        self._words = self._parts[self._index].encode("utf-8")
        self._starts += 1
        started = self._starts
        process.start()
        self._set_state("speaking")
        if started == self._starts and process.state() != QProcess.ProcessState.NotRunning:
            self.part_started.emit(self._index)  # unless stopped by whoever heard the state

    def _hand_over(self) -> None:
        """Give the started espeak-ng its words on standard input, then end the input."""
        self._process.write(self._words)
        self._process.closeWriteChannel()

    def _part_done(self, code: int, status: QProcess.ExitStatus) -> None:
        self._wav = None  # written whole
        trouble = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            log.warning("speech: espeak-ng ended with code %s; speech stopped", code)
            self._set_state("quiet")
            return
        if self._folder is None and "error" in trouble and not self._sound_trouble_logged:
            self._sound_trouble_logged = True  # espeak-ng says so but still ends with 0
            log.warning("speech: the sound device could not be used: %s",
                        trouble.strip().splitlines()[-1])
        self._index += 1
        self._speak()

    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.warning("speech: espeak-ng could not be started; speech stopped")
            self._set_state("quiet")

    def _halt(self) -> None:
        """Kill the part being said and wait for its end (no zombie); drop its half-written
        WAV file."""
        if self._process.state() == QProcess.ProcessState.NotRunning:
            return
        _silence(self._process)
        self._process.blockSignals(False)
        if self._wav is not None:
            self._wav.unlink(missing_ok=True)
            self._wav = None

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)


def _silence(process: QProcess) -> None:
    """Kill a speaker's espeak-ng and wait for its end, which is not the end of a part (its
    signals stay blocked)."""
    if process.state() != QProcess.ProcessState.NotRunning:
        process.blockSignals(True)
        process.kill()
        process.waitForFinished(2000)
