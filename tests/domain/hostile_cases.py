"""Hostile files a clinic folder may end up holding (pasted from a word processor, copied from
the web, made by a faulty sync tool), each with the content error it must give.

Every case breaks a different file, so that the tests can put one case alone in a copy of the
content, or all of them at once in one copy; the kiosk must report each with its file and line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.domain.editing import edit, line_of

#: A 50 MB value, far past the size of any content file.
HUGE_VALUE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Hostile:
    """One hostile file: `make` breaks `file` (under the folder holding content/ and
    settings.yaml) and returns the line the error must name (0 when it names none)."""

    name: str
    file: str
    says: str
    make: Callable[[Path], int]


@dataclass(frozen=True, slots=True)
class Expected:
    """The error a hostile case must give: how its line starts, and what it says."""

    case: str
    start: str
    says: str


def _first_value(path: Path, value: str) -> int:
    """Make the first top-level `key: value` line of `path` say `key: <value>`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if re.match(r"^[a-z_]+: \S", line))
    key = lines[number].split(":", 1)[0]
    lines[number] = f"{key}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def _append(path: Path, text: str) -> int:
    with path.open("a", encoding="utf-8") as file:
        file.write(text + "\n")
    return len(path.read_text(encoding="utf-8").split("\n")) - 1


def _form_feed(path: Path) -> int:
    edit(path, "home: Home", "home: Ho\fme")
    lines = path.read_text(encoding="utf-8").split("\n")  # a form feed is no line break in YAML
    return next(n for n, line in enumerate(lines, start=1) if "\f" in line)


def _deep_show_if(path: Path) -> int:
    old = '{question: treatments-tried, op: "=", value: physio}'
    edit(path, old, "{all: [" * 300 + old + "]}" * 300)
    return line_of(path, "{all: [{all: [")


def _symlink_loop(path: Path) -> int:
    path.unlink()
    path.symlink_to(path)
    return 0


def _named_pipe(path: Path) -> int:
    path.unlink()
    os.mkfifo(path)  # reading it would wait for ever for someone to write
    return 0


def _long_picture_name(path: Path) -> int:
    edit(path, "home_illustration: spine-and-disc.svg", f"home_illustration: {'p' * 5000}.svg")
    return line_of(path, "home_illustration:")


def _huge_value(path: Path) -> int:
    with path.open("a", encoding="utf-8") as file:
        file.write("disclaimer_extra: " + "x" * HUGE_VALUE_BYTES + "\n")
    return 0


def _long_value(path: Path) -> int:
    edit(path, "    title: Sus datos", "    title: " + "y" * 50_000)
    return line_of(path, "    title: yyy")


def _impossible_date(path: Path) -> int:
    edit(path, "value: arthritis}", "value: 2025-02-30}")
    return line_of(path, "2025-02-30")


CASES: tuple[Hostile, ...] = (
    Hostile("form feed", "content/en/ui.yaml", "column 9: invisible character U+000C (form feed)",
            _form_feed),
    Hostile("a YAML tag", "content/en/summary.yaml", "YAML tags (!foo) are not used",
            lambda path: _first_value(path, "!foo Intake summary")),
    Hostile("a typed YAML tag", "content/es/summary.yaml",
            "YAML tags (tag:yaml.org,2002:int) are not used",
            lambda path: _first_value(path, "!!int abc")),
    Hostile("a merge key", "content/en/staff.yaml", "merge keys (<<) are not used",
            lambda path: _append(path, "<<: {pin_ok: OK}")),
    Hostile("a self-referencing alias", "content/en/rules.yaml",
            "anchors and aliases (& and *) are not used",
            lambda path: _append(path, "loop: &loop [*loop]")),
    Hostile("all: nested 300 deep in a show-if", "content/questionnaire.yaml",
            "nested more than 40 deep", _deep_show_if),
    Hostile("a symlink loop", "content/es/ui.yaml",
            "cannot be read: Too many levels of symbolic links", _symlink_loop),
    Hostile("a named pipe", "content/en/education.yaml",
            "is not a regular file (a folder, pipe or device)", _named_pipe),
    Hostile("a very long picture name", "content/structure.yaml",
            f"home_illustration: no file '{'p' * 80}…' (5004 characters) in illustrations/",
            _long_picture_name),
    Hostile("a 50 MB value", "content/es/education.yaml",
            "a content file may be at most 1048576 bytes", _huge_value),
    Hostile("a value too long for any screen", "content/es/questionnaire.yaml",
            "a value of 50000 characters; at most 20000 are allowed", _long_value),
    Hostile("a date that does not exist", "content/rules.yaml",
            "'2025-02-30' cannot be read as a date (day is out of range for month)",
            _impossible_date),
    Hostile("a named pipe for the settings", "settings.yaml",
            "is not a regular file (a folder, pipe or device)", _named_pipe),
)


def make(folder: Path, cases: Iterable[Hostile]) -> list[Expected]:
    """Break the copy of the content and settings under `folder` in every way of `cases`;
    returns the error each must give."""
    expected = []
    for case in cases:
        path = folder / case.file
        line = case.make(path)
        expected.append(Expected(case.name, f"{path}:{line}: ", case.says))
    return expected


def missing(expected: Iterable[Expected], report: Iterable[str]) -> list[str]:
    """The expected errors not among the lines of `report`."""
    lines = [line.replace("\u200b", "") for line in report]  # as a reader sees them
    return [f"{error.case}: no line {error.start}…{error.says}" for error in expected
            if not any(line.startswith(error.start) and error.says in line for line in lines)]
