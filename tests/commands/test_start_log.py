"""The kiosk's first frame comes before its log file is open: what is logged in those moments
reaches standard error at once and the log file when it opens, before anything later."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import logs
from tests.logging_restored import root_logging_restored


@pytest.fixture
def root_logging() -> Iterator[None]:
    with root_logging_restored():
        yield


def test_lines_logged_before_the_log_file_opens_are_its_first_lines(
        root_logging: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logs.to_console()
    logs.hold_for_file()
    logging.getLogger("kiosk.test").warning("the display's input method is not installed")
    assert "WARNING kiosk.test: the display's input method is not installed" in (
        capsys.readouterr().err), "the IT person's terminal or journal has it at once"

    path = logs.to_file(tmp_path)
    logging.getLogger("kiosk.test").info("kiosk started")
    for handler in logging.getLogger().handlers:
        handler.flush()

    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "WARNING kiosk.test: the display's input method is not installed",
        "INFO kiosk.test: kiosk started"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "kiosk started" in capsys.readouterr().err
