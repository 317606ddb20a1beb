"""The start-up cache never hides a clinic's edit: any change to a file is read again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.cache import load_cached
from kiosk.content.files import DEFAULT_THEME
from kiosk.decoding.errors import ContentInvalid


def touch_later(path: Path) -> None:
    """Make sure a file's modification time moves on, as an editor's save does."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def test_second_start_uses_the_cache_and_an_edit_is_seen(
        content_copy: Path, settings_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.pickle"
    first = load_cached(content_copy, settings_copy, DEFAULT_THEME, cache)
    assert cache.is_file() and (cache.stat().st_mode & 0o777) == 0o600
    again = load_cached(content_copy, settings_copy, DEFAULT_THEME, cache)
    assert again == first
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "Riverside Spine Center", "Lakeside Back Clinic"), encoding="utf-8")
    touch_later(settings_copy)
    edited = load_cached(content_copy, settings_copy, DEFAULT_THEME, cache)
    assert edited.settings.clinic.name == "Lakeside Back Clinic"


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(
        content_copy: Path, settings_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.pickle"
    load_cached(content_copy, settings_copy, DEFAULT_THEME, cache)
    ui = content_copy / "es" / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("back: Atrás", "back: "),
                  encoding="utf-8")
    touch_later(ui)
    with pytest.raises(ContentInvalid) as caught:
        load_cached(content_copy, settings_copy, DEFAULT_THEME, cache)
    assert any("back: text is empty" in str(e) for e in caught.value.errors)


def test_a_damaged_cache_is_rebuilt(content_copy: Path, settings_copy: Path,
                                    tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "cache.pickle"
    cache.write_bytes(b"not a pickle")
    loaded = load_cached(content_copy, settings_copy, DEFAULT_THEME, cache)
    assert loaded.settings.clinic.name == "Riverside Spine Center"
    assert "content cache unreadable" in caplog.text
