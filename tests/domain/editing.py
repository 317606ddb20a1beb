"""Editing a copy of the content the way a clinic editor would, and finding the line edited."""

from __future__ import annotations

from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` with `new` in the file (which must contain it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, fragment: str, then: str | None = None) -> int:
    """The line number of `fragment`, or of the first `then` after it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if fragment in line:
            if then is None:
                return number
            return next(n for n, later in enumerate(lines[number:], start=number + 1)
                        if then in later)
    raise AssertionError(f"{fragment!r} not in {path}")
