"""The stamp of the files a start-up depends on: any change to any of them changes it.

Kept apart from the content cache (and free of the content model) so that the first frame can
check its stored picture against the clinic's files before anything heavy is imported.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from kiosk import __version__


def stamp(paths: Iterable[Path]) -> str:
    """A digest of the name, size and modification time of every file under `paths` (and of
    the kiosk's and Python's versions)."""
    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                info = file.stat()
            except OSError:
                digest.update(f"{file} missing".encode())
                continue
            digest.update(f"{file} {info.st_size} {info.st_mtime_ns}".encode())
    return digest.hexdigest()
