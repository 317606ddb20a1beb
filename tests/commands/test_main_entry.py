"""`python main.py` with a Python that lacks the kiosk's packages: it starts again with the
project's .venv when there is one, and otherwise says in one line how to set up (no traceback)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def run_without_packages(main: Path) -> subprocess.CompletedProcess[str]:
    # -S: no site-packages, as for a system Python the kiosk was never installed into
    return subprocess.run([sys.executable, "-S", str(main), "--help"], capture_output=True,
                          text=True, timeout=60)


def test_without_the_packages_or_a_venv_it_says_how_to_set_up(tmp_path: Path) -> None:
    main = tmp_path / "main.py"
    shutil.copy(MAIN, main)
    done = run_without_packages(main)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"kiosk: PySide6 is not installed for {sys.executable}; set the kiosk up with"
        f" `bash {tmp_path / 'deploy' / 'kiosk.sh'}`, then run .venv/bin/kiosk"]


def test_with_a_venv_beside_it_starts_again_there(tmp_path: Path) -> None:
    main = tmp_path / "main.py"
    shutil.copy(MAIN, main)
    venv_python = tmp_path / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text('#!/bin/sh\necho "the project\'s python: $*"\n', encoding="utf-8")
    venv_python.chmod(0o755)
    done = run_without_packages(main)
    assert done.returncode == 0
    assert done.stdout == f"the project's python: {main} --help\n"
