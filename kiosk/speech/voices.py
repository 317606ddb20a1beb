"""The read-aloud voice: the espeak-ng on this machine, its voices, and how one part is spoken.

espeak-ng is the Debian package of the same name; it speaks through the sound device itself or
writes a WAV file, one process per part, so nothing runs between visits. The voices it lists are
read once; the kiosk's language picks one of them (English as spoken in the US, Spanish as
spoken in Latin America where the machine has it, for a US waiting room). Nothing is downloaded:
a machine without espeak-ng, or without a voice for a language, has no voice for it.

No Qt here: the Qt side (kiosk/speech/speaker.py) runs the commands this module builds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.settings import SPEECH_STEPS

#: What to install where there is no engine.
DEBIAN_PACKAGES = "espeak-ng"
INSTALL_HINT = f"apt-get install -y --no-install-recommends {DEBIAN_PACKAGES}"

#: The speed of each step, in words per minute (espeak-ng's own default is 175). Step 3, the
#: clinic's usual default, is a little slower than everyday talk: many patients are older,
#: in pain or hear less well.
WORDS_PER_MINUTE: tuple[int, ...] = (110, 130, 150, 170, 195)
#: The loudness of each step, as espeak-ng's amplitude (0-200, its default 100); the loudest
#: step stays clear of clipping on long vowels.
AMPLITUDES: tuple[int, ...] = (40, 65, 100, 130, 160)

#: The voices a kiosk language prefers, best first; then the language's own voice, then any of
#: its regional voices.
PREFERRED: dict[str, tuple[str, ...]] = {
    "en": ("en-us", "en", "en-gb"),
    "es": ("es-419", "es-mx", "es"),
}

_VERSION = re.compile(r"text-to-speech:\s*(\S+)")
_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Engine:
    """An espeak-ng that answered: where it is, its version and the voices it has."""

    program: str
    version: str
    voices: tuple[str, ...]  # voice names as `-v` takes them, e.g. "en-us", "es-419"

    def voice_for(self, language: str) -> str | None:
        """The voice for a kiosk language ("en", "es"), or None when there is none."""
        wanted = [*PREFERRED.get(language, ()), language, f"{language}-{language}"]
        for name in wanted:
            if name in self.voices:
                return name
        regional = sorted(v for v in self.voices if v.startswith(f"{language}-"))
        return regional[0] if regional else None

    def command(self, voice: str, volume: int, rate: int, wav: Path | None = None) -> list[str]:
        """The command that speaks text given on its standard input, at a volume and rate
        step (1 to SPEECH_STEPS): through the sound device, or into `wav` when given."""
        argv = [self.program, "-v", voice, "-s", str(words_per_minute(rate)),
                "-a", str(amplitude(volume)), "-b", "1", "--stdin"]
        if wav is not None:
            argv += ["-w", str(wav)]
        return argv

    def phonemes(self, text: str, language: str) -> str:
        """How the voice for `language` pronounces `text`, in the International Phonetic
        Alphabet (what a listener would hear, written down); empty without a voice."""
        voice = self.voice_for(language)
        if voice is None:
            return ""
        result = subprocess.run([self.program, "-v", voice, "-q", "--ipa", "-b", "1", "--stdin"],
                                input=text, capture_output=True, text=True, check=True,
                                timeout=_TIMEOUT_SECONDS)
        return result.stdout.strip()


    def sound_problem(self) -> str | None:
        """Why the sound device cannot be used (espeak-ng's own last words on it), or None
        when a silent utterance went through it."""
        try:
            result = subprocess.run([self.program, "-a", "0", "-z", ""], capture_output=True,
                                    text=True, timeout=_TIMEOUT_SECONDS)
        except (OSError, subprocess.SubprocessError) as failed:
            return str(failed) or type(failed).__name__
        said = [line for line in result.stderr.splitlines() if line.strip()]
        if result.returncode != 0 or any(line.startswith("error") for line in said):
            return said[-1] if said else f"espeak-ng ended with code {result.returncode}"
        return None


def words_per_minute(rate: int) -> int:
    """The speed of a rate step, kept within the steps there are."""
    return WORDS_PER_MINUTE[_index(rate)]


def amplitude(volume: int) -> int:
    """The loudness of a volume step, kept within the steps there are."""
    return AMPLITUDES[_index(volume)]


def _index(step: int) -> int:
    return min(max(step, 1), SPEECH_STEPS) - 1


def parse_voices(listing: str) -> tuple[str, ...]:
    """The voice names in `espeak-ng --voices` output (its second column), in its order."""
    names = []
    for line in listing.splitlines()[1:]:
        columns = line.split()
        if len(columns) >= 2 and columns[0].isdigit():
            names.append(columns[1])
    return tuple(dict.fromkeys(names))


def find_engine(program: str = "espeak-ng") -> Engine | None:
    """The espeak-ng on this machine, or None when it is missing, broken or has no voices."""
    found = shutil.which(program)
    if found is None:
        return None
    try:
        version = subprocess.run([found, "--version"], capture_output=True, text=True,
                                 check=True, timeout=_TIMEOUT_SECONDS).stdout
        listing = subprocess.run([found, "--voices"], capture_output=True, text=True,
                                 check=True, timeout=_TIMEOUT_SECONDS).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION.search(version)
    voices = parse_voices(listing)
    if match is None or not voices:
        return None
    return Engine(found, match.group(1), voices)
