"""Logging: to standard error and to a rotating file in the data folder.

Log lines name visits by id only; patient names and answers never go into a log.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
    path = folder / "kiosk.log"
    rotating = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                    encoding="utf-8")
    rotating.setFormatter(logging.Formatter(FORMAT))
    path.chmod(0o600)
    root.addHandler(rotating)
    return path
