"""Logging: to standard error and to a rotating file in the data folder (kiosk/log_file.py).

Log lines name visits by id only; patient names and answers never go into a log. The log
folder is private to the kiosk's user (0700) and every log file in it, the current one and
each rotated one, is 0600 from the moment it exists.
"""

from __future__ import annotations

import logging
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILES = 5  # rotated files kept beside the current one


#: Most records kept for the log file before it opens (the few of a start's first frame).
MOST_HELD = 1000


class _HeldForFile(logging.Handler):
    """Records kept until the log file opens, to be written to it then."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < MOST_HELD:
            self.records.append(record)


def to_console() -> None:
    """Send log records to stderr (and no longer anywhere else)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(console)


def hold_for_file() -> None:
    """Keep the records logged from now on for the log file, until `to_file` opens it (the
    kiosk shows its first frame before it loads the rotating file's code)."""
    logging.getLogger().addHandler(_HeldForFile())


def to_file(data: Path) -> Path:
    """Send log records to logs/kiosk.log in `data` too, first those held for it (OSError
    when the file cannot be opened; what was held is then let go)."""
    from kiosk.log_file import PrivateLogFile

    root = logging.getLogger()
    held = [handler for handler in root.handlers if isinstance(handler, _HeldForFile)]
    for holder in held:  # kept for this file only, whether it opens or not
        root.removeHandler(holder)
    folder = data / "logs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    path = folder / "kiosk.log"
    for rotated in folder.glob("kiosk.log.*"):  # rotated by an older kiosk
        rotated.chmod(0o600)
    rotating = PrivateLogFile(path, maxBytes=1_000_000, backupCount=LOG_FILES,
                              encoding="utf-8")
    rotating.setFormatter(logging.Formatter(FORMAT))
    for holder in held:
        for record in holder.records:
            rotating.handle(record)
    root.addHandler(rotating)
    return path
