"""Logging: to standard error and to a rotating file in the data folder.

Log lines name visits by id only; patient names and answers never go into a log. The log
folder is private to the kiosk's user (0700) and every log file in it, the current one and
each rotated one, is 0600 from the moment it exists.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from io import TextIOWrapper
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILES = 5  # rotated files kept beside the current one


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log file whose files are private to the kiosk's user: each is opened with
    mode 0600 whatever the umask, always appending (a rotated file keeps its mode)."""

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(descriptor, 0o600)  # a log written by an older kiosk
            return open(descriptor, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(descriptor)
            raise


def setup(data: Path | None, verbose: bool = False) -> Path | None:
    """Send log records to stderr and, when a data folder is given, to logs/kiosk.log there."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(console)
    if data is None:
        return None
    folder = data / "logs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    path = folder / "kiosk.log"
    for rotated in folder.glob("kiosk.log.*"):  # rotated by an older kiosk
        rotated.chmod(0o600)
    rotating = PrivateLogFile(path, maxBytes=1_000_000, backupCount=LOG_FILES,
                              encoding="utf-8")
    rotating.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(rotating)
    return path
