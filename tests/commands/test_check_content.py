"""`check-content` tells a clinic editor at once whether their edit is good, and what is wrong."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.check import check
from kiosk.content.loader import DEFAULT_THEME
from tests.conftest import ROOT
from tests.domain import hostile_cases
from tests.domain.test_content_errors_one_pass import make_mistakes_everywhere


def test_shipped_content_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-content"]) == 0
    assert capsys.readouterr().out.strip() == (
        "content OK: 13 sections, 43 questions, 2 languages (en, es)")


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


def check_content(content: Path, settings: Path) -> subprocess.CompletedProcess[str]:
    """`kiosk check-content` as a clinic editor runs it, in a process of its own."""
    return subprocess.run(
        [sys.executable, "main.py", "check-content", "--content", str(content), "--settings",
         str(settings)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_one_run_lists_every_mistake_of_every_file(
        content_copy: Path, settings_copy: Path, tmp_path: Path) -> None:
    theme = tmp_path / "theme.yaml"
    shutil.copy(DEFAULT_THEME, theme)
    expected = make_mistakes_everywhere(content_copy, settings_copy, theme)
    result = check_content(content_copy, settings_copy)  # with the shipped theme
    assert result.returncode == 1 and result.stderr == ""
    in_content_and_settings = [e for e in expected if not e.startswith(f"{theme}:")]
    assert result.stdout.splitlines() == [
        *in_content_and_settings, f"{len(in_content_and_settings)} error(s) found"]
    out = io.StringIO()
    assert check(content_copy, settings_copy, theme, out) == 1
    assert out.getvalue().splitlines() == [*expected, f"{len(expected)} error(s) found"]


def test_hostile_files_are_listed_with_file_and_line_never_a_traceback_or_a_hang(
        content_copy: Path, settings_copy: Path) -> None:
    expected = hostile_cases.make(content_copy.parent, hostile_cases.CASES)
    result = check_content(content_copy, settings_copy)
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert hostile_cases.missing(expected, lines) == []
    assert lines[-1] == f"{len(lines) - 1} error(s) found"
