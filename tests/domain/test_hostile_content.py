"""No file a clinic (or a careless copy and paste) puts in the content folder crashes the
kiosk: every one of these becomes a content error with its file and line, and the kiosk shows
the out-of-order screen instead of a traceback or a crash loop."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import (
    DEFAULT_CONTENT,
    DEFAULT_SETTINGS,
    DEFAULT_THEME,
    load_all,
    load_content,
)
from kiosk.decoding.errors import ContentInvalid
from kiosk.decoding.safe_yaml import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUE_CHARS
from tests.domain import hostile_cases
from tests.domain.editing import edit

#: What a report says when a check met a part it was not written for (a fault of the kiosk).
NOT_CHECKED = "could not be checked to the end"


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_content(content)
    return [str(error) for error in caught.value.errors]


def all_errors_of(content: Path, settings: Path, theme: Path = DEFAULT_THEME) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_all(content, settings, theme)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("case", hostile_cases.CASES, ids=lambda case: case.name)
def test_each_hostile_file_is_a_content_error_with_its_file_and_line(
        content_copy: Path, settings_copy: Path, case: hostile_cases.Hostile) -> None:
    expected = hostile_cases.make(content_copy.parent, [case])
    errors = all_errors_of(content_copy, settings_copy)
    assert hostile_cases.missing(expected, errors) == []
    assert not any(NOT_CHECKED in error for error in errors)


def test_every_hostile_file_at_once_is_reported_in_one_load(
        content_copy: Path, settings_copy: Path) -> None:
    expected = hostile_cases.make(content_copy.parent, hostile_cases.CASES)
    errors = all_errors_of(content_copy, settings_copy)
    assert hostile_cases.missing(expected, errors) == []
    assert not any(NOT_CHECKED in error for error in errors)


def test_a_form_feed_pasted_from_a_word_processor_is_named_with_its_place(
        content_copy: Path) -> None:
    path = content_copy / "en" / "ui.yaml"
    edit(path, "home: Home", "home: Ho\fme")
    line = next(n for n, text in enumerate(path.read_text().split("\n"), 1) if "\f" in text)
    assert any(e.startswith(f"{path}:{line}: ") and "column 9: invisible character U+000C"
               in e for e in errors_of(content_copy))


@pytest.mark.parametrize(("yaml_text", "says"), [
    ("home: !foo Home", "YAML tags (!foo) are not used"),
    ("home: !!int abc", "YAML tags (tag:yaml.org,2002:int) are not used"),
    ("<<: {home: Home}", "merge keys (<<) are not used"),
    ("home: &home Home\nback: *home", "anchors and aliases (& and *) are not used"),
])
def test_yaml_power_tools_are_refused(content_copy: Path, yaml_text: str, says: str) -> None:
    path = content_copy / "en" / "ui.yaml"
    path.write_text(yaml_text + "\n", encoding="utf-8")
    assert any(e.startswith(f"{path}:") and says in e for e in errors_of(content_copy))


def test_a_self_referencing_alias_and_an_alias_bomb_are_refused_quickly(
        content_copy: Path) -> None:
    path = content_copy / "questionnaire.yaml"
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)]
    path.write_text("\n".join(bomb) + "\nloop: &loop [*loop]\n", encoding="utf-8")
    assert any("anchors and aliases" in e for e in errors_of(content_copy))


def test_nesting_past_the_limit_is_refused(content_copy: Path) -> None:
    path = content_copy / "rules.yaml"
    path.write_text("red_flags: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    assert f"{path}:1: nested more than {MAX_DEPTH} deep" in errors_of(content_copy)


def test_a_huge_value_and_a_huge_file_are_refused(content_copy: Path) -> None:
    path = content_copy / "en" / "ui.yaml"
    edit(path, "home: Home", "home: " + "x" * (MAX_VALUE_CHARS + 1))
    assert any(f"at most {MAX_VALUE_CHARS} are allowed" in e for e in errors_of(content_copy))
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    assert any(f"a content file may be at most {MAX_FILE_BYTES} bytes" in e
               for e in errors_of(content_copy))


def test_a_pipe_a_folder_or_a_symlink_loop_in_place_of_a_file_is_an_error(
        content_copy: Path) -> None:
    path = content_copy / "en" / "ui.yaml"
    path.unlink()
    os.mkfifo(path)  # reading it would block for ever
    assert f"{path}:0: is not a regular file (a folder, pipe or device)" in errors_of(
        content_copy)
    path.unlink()
    loop = content_copy / "es" / "ui.yaml"
    loop.unlink()
    loop.symlink_to(loop)
    assert any(e.startswith(f"{loop}:0: cannot be read") for e in errors_of(content_copy))


def test_a_picture_name_too_long_for_the_system_is_a_plain_error(content_copy: Path) -> None:
    structure = content_copy / "structure.yaml"
    edit(structure, "home_illustration: spine-and-disc.svg",
         f"home_illustration: {'p' * 400}.svg")
    assert any("no file 'ppp" in e for e in errors_of(content_copy))


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """One copy of the content for every generated file (each example overwrites one file)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-hostile-"))
    shutil.copytree(DEFAULT_CONTENT, folder / "content")
    yield folder / "content"
    shutil.rmtree(folder)


HOSTILE_PIECES = st.sampled_from([
    "!foo ", "!!int ", "&a ", "*a ", "<<: ", "[", "]", "{", "}", ": ", "- ", "\n", "\n  ",
    "\f", "\x00", "\u202e", "\t", "'", '"', "#", "|", ">", "? ", "%YAML 1.1\n", "---\n",
    "...\n", "pages:", "items:", "id: x", "type: frobnicate", "show_if:", "all:", "any:",
    "question: q", "op: '='", "value: 1", "1e999", ".nan", "~", "yes", "2025-02-30",
])
HOSTILE_YAML = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=8)), max_size=60).map(
    "".join)


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_YAML, name=st.sampled_from(
    ["questionnaire.yaml", "rules.yaml", "structure.yaml", "en/ui.yaml", "es/questionnaire.yaml"]))
def test_whatever_is_in_a_content_file_only_content_errors_come_out(
        scratch: Path, text: str, name: str) -> None:
    target = scratch / name
    original = (DEFAULT_CONTENT / name).read_bytes()
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_content(scratch)
    except ContentInvalid as invalid:
        assert invalid.errors and all(str(error) for error in invalid.errors)
        assert not any(NOT_CHECKED in str(error) for error in invalid.errors)
    finally:
        target.write_bytes(original)


#: Lines of the shipped files, to splice hostile pieces into (so most of a file still decodes
#: and the checks that look across files run on what is left).
SPLICE_SOURCES = {name: (DEFAULT_CONTENT / name).read_text(encoding="utf-8").split("\n")
                  for name in ("questionnaire.yaml", "rules.yaml", "es/questionnaire.yaml")}


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(SPLICE_SOURCES)), data=st.data())
def test_a_hostile_line_inside_a_real_file_only_gives_content_errors(
        scratch: Path, name: str, data: st.DataObject) -> None:
    lines = SPLICE_SOURCES[name]
    at = data.draw(st.integers(0, len(lines) - 1), label="line")
    keep = data.draw(st.integers(0, 3), label="lines replaced")
    piece = data.draw(HOSTILE_YAML, label="piece")
    target = scratch / name
    target.write_text("\n".join([*lines[:at], piece, *lines[at + keep:]]), encoding="utf-8",
                      errors="surrogatepass")
    try:
        load_content(scratch)
    except ContentInvalid as invalid:
        assert invalid.errors and not any(NOT_CHECKED in str(e) for e in invalid.errors)
    finally:
        target.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def scratch_files() -> Iterator[tuple[Path, Path]]:
    """One copy of the settings and the theme for every generated file."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-hostile-settings-"))
    shutil.copy(DEFAULT_SETTINGS, folder / "settings.yaml")
    shutil.copy(DEFAULT_THEME, folder / "theme.yaml")
    yield folder / "settings.yaml", folder / "theme.yaml"
    shutil.rmtree(folder)


SETTINGS_PIECES = st.sampled_from([
    "clinic:", "kiosk:", "printing:", "staff:", "colours:", "body_px:", "  name: x",
    "  accent_color: '#12345'", "  text: red", "  normal: 200", "  largest: 1",
    "  idle_seconds: -1", "  warning_seconds: .inf", "  language: de", "  logo: ../../x",
    "  pin_hash: scrypt$1$1$1$00$00", "  corner_px: 1e999", "  taps: yes", "  on_accent: ~",
])


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["settings", "theme"]),
       lines=st.lists(st.one_of(SETTINGS_PIECES, HOSTILE_YAML), max_size=12))
def test_whatever_is_in_the_settings_or_theme_only_content_errors_come_out(
        scratch_files: tuple[Path, Path], which: str, lines: list[str]) -> None:
    settings_path, theme_path = scratch_files
    target = settings_path if which == "settings" else theme_path
    original = (DEFAULT_SETTINGS if which == "settings" else DEFAULT_THEME).read_bytes()
    target.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        load_all(DEFAULT_CONTENT, settings_path, theme_path)
    except ContentInvalid as invalid:
        assert invalid.errors and not any(NOT_CHECKED in str(e) for e in invalid.errors)
    finally:
        target.write_bytes(original)
