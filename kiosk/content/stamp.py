"""The stamp of the files a start-up depends on: any change to any of them changes it.

Kept apart from the content cache (and free of the content model) so that the first frame can
check its stored picture against the clinic's files before anything heavy is imported. The
stamp tells a changed file from an unchanged one, it guards against no adversary: a CRC of
the listing serves, and spares the first frame hashlib's ~5 ms of loading.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kiosk import __version__


def stamp(paths: Iterable[Path]) -> str:
    """A checksum of the name, size and modification time of every file under `paths` (and of
    the kiosk's and Python's versions), with the listing's length."""
    listing = [f"{__version__} {sys.version}"]
    for path in paths:
        for name in sorted(_files(str(path))) if path.is_dir() else [str(path)]:
            try:
                info = os.stat(name)
            except OSError:
                listing.append(f"{name} missing")
                continue
            listing.append(f"{name} {info.st_size} {info.st_mtime_ns}")
    text = "\n".join(listing).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}-{len(text)}"


def _files(folder: str) -> Iterator[str]:
    """Every file under `folder`, at any depth."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                yield from _files(entry.path)
            elif entry.is_file():
                yield entry.path
