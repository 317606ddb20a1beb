"""No impossible number in the settings or the theme gets past check-content: each one is
reported with its file, line and the range it must fall in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content.limits import SETTINGS_LIMITS
from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, load_all
from kiosk.decoding.errors import ContentInvalid

IMPOSSIBLE = (".nan", ".inf", "-.inf", "-60", "0", "1000000000")


def set_value(path: Path, key: str, value: str) -> int:
    """Write `value` for `section.name` in a settings-like file; returns the line edited."""
    section, name = key.split(".")
    lines = path.read_text(encoding="utf-8").splitlines()
    current = None
    for number, line in enumerate(lines):
        if line and not line.startswith((" ", "#")):
            current = line.split(":")[0]
        elif current == section and line.strip().startswith(f"{name}:"):
            indent = line[: len(line) - len(line.lstrip())]
            lines[number] = f"{indent}{name}: {value}"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return number + 1
    raise AssertionError(f"{key} not in {path}")


def errors(settings: Path, theme: Path = DEFAULT_THEME) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_all(DEFAULT_CONTENT, settings, theme)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("key", sorted(SETTINGS_LIMITS))
@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_setting_is_reported_with_its_line_and_range(
        settings_copy: Path, key: str, value: str) -> None:
    line = set_value(settings_copy, key, value)
    limit = SETTINGS_LIMITS[key]
    [reported] = errors(settings_copy)
    assert reported.startswith(f"{settings_copy}:{line}: {key}: ")
    # A whole-number setting refuses a non-number by its type; every other value, by range.
    assert (f"from {limit.low:g} to {limit.high:g} {limit.unit}" in reported
            or "expected a whole number" in reported), reported


def test_the_shipped_values_and_both_ends_of_every_range_are_accepted(
        settings_copy: Path) -> None:
    for key, limit in SETTINGS_LIMITS.items():
        for value in (limit.low, limit.high):
            set_value(settings_copy, key, f"{value:g}")
            load_all(DEFAULT_CONTENT, settings_copy, DEFAULT_THEME)


@pytest.mark.parametrize(("size", "value"), [("normal", "0"), ("large", "100000"),
                                             ("largest", "-4"), ("normal", "40")])
def test_impossible_or_shrinking_theme_sizes_are_reported(
        tmp_path: Path, settings_copy: Path, size: str, value: str) -> None:
    theme = tmp_path / "theme.yaml"
    shutil.copy(DEFAULT_THEME, theme)
    line = set_value(theme, f"body_px.{size}", value)
    [reported] = errors(settings_copy, theme)
    if value == "40":  # normal bigger than large
        assert "body_px: the sizes must grow: normal <= large <= largest" in reported
    else:
        assert reported.startswith(f"{theme}:{line}: body_px.{size}: must be from 14 to ")
