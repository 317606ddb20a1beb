"""The height a capital H must have to be read from the kiosk's stated viewing distance
(EN 301 549 5.1.4: at least 0.7 degrees), and the screen settings that state it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, load_all
from kiosk.content.settings import ScreenSettings
from kiosk.content.settings_check import SCREEN_LIMITS
from kiosk.content.viewing import pixel_pitch_mm, smallest_capital_mm, smallest_capital_px
from tests.domain.test_limits import IMPOSSIBLE, errors, set_value


def test_a_21_5_inch_full_hd_screen_read_from_500_mm_needs_a_capital_h_of_24_6_pixels() -> None:
    assert pixel_pitch_mm(1920, 1080, 21.5) == pytest.approx(0.2479, abs=0.0001)
    assert smallest_capital_mm(500) == pytest.approx(6.109, abs=0.001)
    assert smallest_capital_px(ScreenSettings(21.5, 500), 1920, 1080) == pytest.approx(
        24.64, abs=0.01)


def test_turning_the_screen_to_portrait_keeps_the_same_pixels_and_so_the_same_minimum() -> None:
    screen = ScreenSettings(21.5, 500)
    assert smallest_capital_px(screen, 1080, 1920) == smallest_capital_px(screen, 1920, 1080)


def test_fewer_pixels_on_the_same_glass_need_fewer_of_them() -> None:
    # 1280 x 800 on 21.5 inches: pixels 0.362 mm apart, so 6.11 mm is 16.9 pixels.
    assert smallest_capital_px(ScreenSettings(21.5, 500), 1280, 800) == pytest.approx(
        16.88, abs=0.01)


def test_a_patient_twice_as_far_away_needs_letters_twice_as_tall() -> None:
    near = smallest_capital_px(ScreenSettings(21.5, 500), 1920, 1080)
    far = smallest_capital_px(ScreenSettings(21.5, 1000), 1920, 1080)
    assert far == pytest.approx(2 * near)


def test_the_shipped_settings_state_a_21_5_inch_screen_read_from_400_mm() -> None:
    settings = load_all(DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME).settings
    assert settings.screen == ScreenSettings(diagonal_inches=21.5, viewing_distance_mm=400)


@pytest.mark.parametrize("key", sorted(SCREEN_LIMITS))
@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_screen_size_or_distance_is_reported_with_its_line_and_range(
        settings_copy: Path, key: str, value: str) -> None:
    line = set_value(settings_copy, key, value)
    limit = SCREEN_LIMITS[key]
    [reported] = errors(settings_copy)
    assert reported.startswith(f"{settings_copy}:{line}: {key}: ")
    assert f"from {limit.low:g} to {limit.high:g} {limit.unit}" in reported, reported


def test_both_ends_of_the_screen_ranges_are_accepted(settings_copy: Path) -> None:
    for key, limit in SCREEN_LIMITS.items():
        for value in (limit.low, limit.high):
            set_value(settings_copy, key, f"{value:g}")
            screen = load_all(DEFAULT_CONTENT, settings_copy, DEFAULT_THEME).settings.screen
            assert getattr(screen, key.split(".")[1]) == value


def test_a_misspelt_screen_setting_is_reported_with_a_suggestion(settings_copy: Path) -> None:
    line = set_value(settings_copy, "screen.viewing_distance_mm", "500")
    lines = settings_copy.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = "  viewing_distance: 500"
    settings_copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [reported] = errors(settings_copy)
    assert reported.startswith(f"{settings_copy}:{line}: screen.viewing_distance: ")
    assert "viewing_distance_mm" in reported, reported
