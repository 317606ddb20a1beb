"""Where the kiosk keeps its files: the platform data folder, or the one given with --data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "spine-kiosk"


def data_folder(override: Path | None = None) -> Path:
    """The data folder (created, private to the kiosk's user)."""
    if override is not None:
        folder = override
    else:
        from platformdirs import user_data_path

        folder = user_data_path(APP_NAME, appauthor=False)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def config_folder(data_override: Path | None = None) -> Path:
    """The config folder (created, private): the platform's, or `config/` inside the data
    folder given with --data, so a kiosk run with --data keeps everything in one place."""
    if data_override is not None:
        folder = data_folder(data_override) / "config"  # the data folder private too
    else:
        from platformdirs import user_config_path

        folder = user_config_path(APP_NAME, appauthor=False)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


#: Why a secret file is not used, after its path.
READABLE_BY_OTHERS = "can be read by other users: not used (chmod 600 it)"


def readable_by_others(path: Path) -> bool:
    """Whether a secret file (a token, a key) could be read by anyone but the kiosk's user;
    raises OSError as stat does."""
    return bool(path.stat().st_mode & 0o077)


def write_private(path: Path, text: str | bytes) -> None:
    """Write `text` (a str or bytes) to `path` whole or not at all, readable by the kiosk's
    user only (0600): a temporary file made private before a byte is written, then put in
    place."""
    temporary = path.with_name(f".{path.name}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # a temporary left over from before keeps its mode
        with os.fdopen(descriptor, "wb") as file:
            file.write(text.encode() if isinstance(text, str) else text)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, path)
