"""Every contrast mode keeps every pair of colours the screens draw readable, computed from the
theme file itself; a clinic's edit that breaks a pair is named with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content.colour import contrast_ratio
from kiosk.content.contrast import PAIRS, lowest, measure_palette
from kiosk.content.contrast_modes import CONTRAST_MODES
from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, Loaded, load_all
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of


@pytest.fixture
def theme_copy(tmp_path: Path) -> Path:
    target = tmp_path / "theme.yaml"
    shutil.copy(DEFAULT_THEME, target)
    return target


def theme_errors(theme: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_all(DEFAULT_CONTENT, DEFAULT_SETTINGS, theme)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(("ink", "ground", "published"), [
    ("#000000", "#ffffff", 21.0), ("#767676", "#ffffff", 4.54), ("#777777", "#ffffff", 4.48),
    ("#ffff00", "#000000", 19.56), ("#0000ff", "#ffffff", 8.59)])
def test_contrast_is_computed_as_wcag_publishes_it(ink: str, ground: str,
                                                   published: float) -> None:
    assert round(contrast_ratio(ink, ground), 2) == published
    assert contrast_ratio(ground, ink) == contrast_ratio(ink, ground)


def test_the_clinic_look_and_three_high_contrast_modes_are_offered() -> None:
    assert CONTRAST_MODES == ("clinic", "black-on-white", "white-on-black", "yellow-on-black")


@pytest.mark.parametrize("mode", CONTRAST_MODES)
def test_every_pair_the_screens_draw_meets_its_minimum_in_every_mode(
        shipped: Loaded, mode: str) -> None:
    palette = shipped.theme.palette(mode, shipped.settings.clinic.accent_color)
    measured = measure_palette(palette)
    assert [m.pair for m in measured] == list(PAIRS), "every pair is measured"
    short = [f"{m.pair.ink} on {m.pair.ground} ({m.pair.seen_as}): {m.ratio:.2f}:1,"
             f" needs {m.pair.minimum}:1" for m in measured if not m.enough]
    assert not short, f"{mode}: {short}"
    assert lowest(measured).enough


def test_words_need_four_and_a_half_to_one_and_controls_three() -> None:
    kinds = {(pair.ink, pair.ground): pair.minimum for pair in PAIRS}
    assert kinds["text", "background"] == kinds["muted", "surface"] == 4.5
    assert kinds["on_chosen", "chosen"] == kinds["urgent", "background"] == 4.5
    assert kinds["border", "background"] == kinds["focus", "chosen"] == 3.0
    assert kinds["chosen", "surface"] == kinds["accent", "surface"] == 3.0


@pytest.mark.parametrize("mode", CONTRAST_MODES[1:])
def test_a_high_contrast_mode_has_its_own_accent_and_the_clinic_look_the_clinics(
        shipped: Loaded, mode: str) -> None:
    clinic_accent = shipped.settings.clinic.accent_color
    assert shipped.theme.palette("clinic", clinic_accent).accent == clinic_accent
    own = shipped.theme.palette(mode, clinic_accent).accent
    assert own != clinic_accent and own == shipped.theme.palette(mode, "#123456").accent


def test_an_unknown_mode_is_refused(shipped: Loaded) -> None:
    with pytest.raises(ValueError, match="no contrast mode 'pink-on-green'"):
        shipped.theme.palette("pink-on-green", "#1f6f8b")


def test_a_focus_ring_lost_on_a_chosen_answer_is_named_with_file_and_line(
        theme_copy: Path) -> None:
    edit(theme_copy, 'focus: "#e000e0"', 'focus: "#ffff80"')  # yellow on a yellow answer
    line = line_of(theme_copy, '"#ffff80"')
    assert theme_errors(theme_copy) == [
        f"{theme_copy}:{line}: contrast_modes.yellow_on_black.focus: contrast on chosen is"
        " 1.0:1; at least 3:1 is needed"]


def test_faint_words_in_a_mode_are_named_for_every_ground_they_stand_on(
        theme_copy: Path) -> None:
    edit(theme_copy, 'muted: "#cccccc"', 'muted: "#555555"')
    line = line_of(theme_copy, 'muted: "#555555"')
    key = "contrast_modes.white_on_black.muted"
    assert theme_errors(theme_copy) == [
        f"{theme_copy}:{line}: {key}: contrast on background is 2.8:1; at least 4.5:1 is needed",
        f"{theme_copy}:{line}: {key}: contrast on surface is 2.8:1; at least 4.5:1 is needed",
        f"{theme_copy}:{line}: {key}: contrast on pressed is 1.7:1; at least 4.5:1 is needed"]


def test_a_missing_colour_a_misspelt_mode_and_a_word_for_a_colour_are_all_reported(
        theme_copy: Path) -> None:
    edit(theme_copy, '    accent: "#7fd4ff"\n', "")
    edit(theme_copy, "yellow_on_black:", "yelow_on_black:")
    edit(theme_copy, 'chosen: "#000000"', "chosen: black")
    t = theme_copy
    errors = theme_errors(t)
    assert errors == [
        f"{t}:{line_of(t, 'white_on_black:') + 1}: contrast_modes.white_on_black.accent:"
        " required key is missing",
        f"{t}:{line_of(t, 'yelow_on_black:')}: contrast_modes.yelow_on_black: unknown key"
        " (did you mean 'yellow_on_black'?)",
        f"{t}:{line_of(t, 'contrast_modes:') + 1}: contrast_modes.yellow_on_black: required key"
        " is missing",
        f"{t}:{line_of(t, 'chosen: black')}: contrast_modes.black_on_white.chosen: 'black' is"
        " not a colour like '#1f6f8b'",
    ]
