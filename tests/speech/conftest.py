"""Read-aloud test set-up: the real espeak-ng and sox, found on this machine.

Without them the tests fail under CI (CI=true), where .ci/run installs them, and are skipped
elsewhere with the command that installs them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.speech.voices import Engine, find_engine

NEEDED = "apt-get install -y --no-install-recommends espeak-ng sox"


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The espeak-ng on this machine, with sox beside it to listen to what it says."""
    found = find_engine()
    missing = [name for name, there in (("espeak-ng", found is not None),
                                        ("sox", shutil.which("sox") is not None)) if not there]
    if missing:
        message = f"{' and '.join(missing)} not found; the read-aloud tests need: {NEEDED}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert found is not None
    return found


@dataclass(frozen=True, slots=True)
class Heard:
    """What sox measures in a WAV file."""

    seconds: float
    rms: float  # root mean square amplitude, 0 (silence) to 1 (full scale)
    peak: float
    flat: float  # sox's flat factor: above 0 where runs of samples sit at the peak (clipping)


def listen(wav: Path) -> Heard:
    """sox's figures for a WAV file."""
    said = "".join(subprocess.run(["sox", str(wav), "-n", effect], capture_output=True,
                                  text=True, check=True).stderr for effect in ("stat", "stats"))

    def figure(name: str) -> float:
        match = re.search(rf"^{name}:?\s+(\S+)", said, re.MULTILINE)
        assert match, f"sox said no {name!r}: {said}"
        return float(match.group(1))

    return Heard(figure(r"Length \(seconds\)"), figure(r"RMS\s+amplitude"),
                 figure(r"Maximum amplitude"), figure(r"Flat factor"))


def synthesise(engine: Engine, text: str, voice: str, wav: Path, volume: int = 3,
               rate: int = 3) -> bytes:
    """`text` as espeak-ng says it in `voice`, run here by hand: what a part should sound
    like."""
    subprocess.run(engine.command(voice, volume, rate, wav), input=text.encode("utf-8"),
                   check=True, capture_output=True)
    return wav.read_bytes()


def espeak_children() -> list[str]:
    """The espeak-ng processes this test run has started that are still there (running or
    waiting to be reaped), as "pid state"."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        state, parent = stat[stat.rindex(")") + 2:].split()[:2]
        if int(parent) == os.getpid() and name.startswith("espeak"):
            found.append(f"{entry.name} {state}")
    return found
