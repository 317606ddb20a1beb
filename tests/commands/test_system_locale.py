"""A machine that names a locale it does not have still gets UTF-8 text, and says so."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = ("from kiosk.system_locale import ensure_usable_locale; import locale; "
          "print(ensure_usable_locale()); print(locale.getpreferredencoding().upper())")


def run_with(**environment: str) -> list[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.update(environment)
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_a_locale_that_is_not_installed_falls_back_to_c_utf8() -> None:
    assert run_with(LC_ALL="xx_XX.UTF-8") == ["xx_XX.UTF-8", "UTF-8"]


def test_a_working_locale_is_left_alone() -> None:
    assert run_with(LANG="C.UTF-8") == ["None", "UTF-8"]
