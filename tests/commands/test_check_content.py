"""`check-content` tells a clinic editor at once whether their edit is good, and what is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import ROOT


def test_shipped_content_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-content"]) == 0
    assert capsys.readouterr().out.strip() == (
        "content OK: 13 sections, 33 questions, 2 languages (en, es)")


def test_broken_copy_lists_every_error_and_exits_1(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ui = content_copy / "es" / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("back: Atrás", "bakc: Atrás"),
                  encoding="utf-8")
    structure = content_copy / "structure.yaml"
    structure.write_text(structure.read_text(encoding="utf-8").replace(
        "default_language: en", "default_language: es-mx"), encoding="utf-8")
    assert main(["check-content", str(content_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{ui}:") and "bakc: unknown key (did you mean 'back'?)" in line
               for line in out)
    assert any(line.startswith(f"{structure}:6: default_language: 'es-mx' is not in languages")
               for line in out)
    assert out[-1] == f"{len(out) - 1} error(s) found"


def test_main_py_runs_the_same_command() -> None:
    result = subprocess.run([sys.executable, "main.py", "check-content"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("content OK: 13 sections")
