"""A private cache of validated content, so the kiosk starts without reading YAML again.

The cache holds the loaded content, settings and theme together with a stamp of every file
they came from (and of the content code itself). Any change to any of those files, or to the
kiosk, makes the stamp differ and the content is loaded and checked from the files again.
The cache file is private to the kiosk's user (0600), as every file the kiosk writes is.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path

from kiosk.content.model import Loaded
from kiosk.content.stamp import stamp

log = logging.getLogger(__name__)
CODE = Path(__file__).resolve().parent


def load_cached(content: Path, settings: Path, theme: Path, cache_file: Path) -> Loaded:
    """Content from the cache when its stamp still matches, else from the files (then cached).

    Raises ContentInvalid, as loading from the files does, when the files are broken.
    """
    key = stamp([content, settings, theme, CODE])
    try:
        with cache_file.open("rb") as stored:
            stored_key, loaded = pickle.load(stored)
        if stored_key == key and isinstance(loaded, Loaded):
            _private(cache_file)
            return loaded
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or outdated cache is simply rebuilt
        log.warning("content cache unreadable (%s); reading the files", type(exc).__name__)
    from kiosk.content.loader import load_all

    loaded = load_all(content, settings, theme)
    temporary = cache_file.with_suffix(".tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # a leftover from an interrupted write keeps its mode
        with open(descriptor, "wb") as out:
            pickle.dump((key, loaded), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache_file)
    except OSError as exc:
        log.warning("content cache not written: %s", exc)
    return loaded


def _private(cache_file: Path) -> None:
    """A cache written by an older kiosk becomes 0600 too."""
    try:
        if cache_file.stat().st_mode & 0o777 != 0o600:
            cache_file.chmod(0o600)
    except OSError as exc:
        log.warning("content cache mode not set: %s", exc)


def load_last_good(cache_file: Path) -> Loaded | None:
    """The content, settings and theme the kiosk last checked and used, whatever has changed
    since (None when there is no readable cache): what prints the visits already queued while a
    broken edit keeps the patients' screens out of order."""
    try:
        with cache_file.open("rb") as stored:
            _, loaded = pickle.load(stored)
    except FileNotFoundError:
        return None
    except Exception as exc:
        log.warning("content cache unreadable (%s)", type(exc).__name__)
        return None
    return loaded if isinstance(loaded, Loaded) else None
