"""`check-content`: validate content, theme and settings, and report every error at once."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from kiosk.content.loader import Loaded, load_all
from kiosk.decoding.errors import ContentInvalid


def summary_line(loaded: Loaded) -> str:
    """One line an editor can read at a glance when everything is valid."""
    structure = loaded.content.structure
    questions = sum(1 for item in loaded.content.questionnaire.items() if item.asks)
    return (f"content OK: {len(structure.sections)} sections, {questions} questions, "
            f"{len(structure.languages)} languages ({', '.join(structure.languages)})")


def check(content: Path, settings: Path, theme: Path, out: TextIO) -> int:
    """Print every error as file:line: key.path: message and return 1, or the count and 0."""
    try:
        loaded = load_all(content, settings, theme)
    except ContentInvalid as invalid:
        for error in invalid.errors:
            print(error, file=out)
        print(f"{len(invalid.errors)} error(s) found", file=out)
        return 1
    print(summary_line(loaded), file=out)
    return 0
