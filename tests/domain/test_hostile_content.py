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

from kiosk.content.loader import DEFAULT_CONTENT, load_content
from kiosk.decoding.errors import ContentInvalid
from kiosk.decoding.safe_yaml import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUE_CHARS
from tests.domain.editing import edit


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_content(content)
    return [str(error) for error in caught.value.errors]


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
    finally:
        target.write_bytes(original)
