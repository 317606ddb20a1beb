"""The kiosk's log file: rotating, and private to the kiosk's user.

Apart from kiosk/logs.py so that Python's rotating handlers (about 12 ms of imports) load after
the kiosk's first frame.
"""

from __future__ import annotations

import logging.handlers
import os
from io import TextIOWrapper


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
