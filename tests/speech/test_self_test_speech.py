"""`self-test` tells the installer whether Read aloud will be offered, and if not, why and
what to install."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Options
from kiosk.self_test import self_test
from kiosk.speech.voices import Engine
from tests.domain.editing import edit


def speech_line(options: Options) -> str:
    out = io.StringIO()
    self_test(options, out)
    lines = [line for line in out.getvalue().splitlines() if line[6:].startswith("speech:")]
    assert len(lines) == 1, out.getvalue()
    return lines[0]


def test_self_test_names_the_engine_and_the_voice_of_each_language(
        qapp: QApplication, data_dir: Path, engine: Engine) -> None:
    line = speech_line(Options(data=data_dir))
    found = f"speech: espeak-ng {engine.version}, voices en-us, es-419"
    problem = engine.sound_problem()
    if problem is None:
        assert line == f"ok    {found}"
    else:
        assert line == (f"note  {found}; no sound device it can use (espeak-ng: {problem}):"
                        " Read aloud is hidden until speakers or headphones work")


def test_without_espeak_ng_self_test_says_read_aloud_is_hidden_and_what_to_install(
        qapp: QApplication, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert speech_line(Options(data=data_dir)) == (
        "FAIL  speech: no espeak-ng: Read aloud will be hidden; install it with:"
        " apt-get install -y --no-install-recommends espeak-ng")


def test_a_clinic_that_turned_read_aloud_off_is_told_so(
        qapp: QApplication, data_dir: Path, settings_copy: Path) -> None:
    edit(settings_copy, "  enabled: true", "  enabled: false")
    assert speech_line(Options(data=data_dir, settings=settings_copy)) == (
        "ok    speech: Read aloud is turned off in the settings (speech: enabled: false)")
