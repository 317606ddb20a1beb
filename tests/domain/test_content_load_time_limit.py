"""Loading has a time limit: past it, the load stops with a content error naming the file being
read (after every error found until then), so the kiosk can never wait on its files for ever.

The clock is the test's own: it jumps past the limit at a chosen file, so nothing here waits
or depends on how fast the machine is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content.loader import DEFAULT_THEME, LOAD_SECONDS, Deadline, load_all, load_content
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of

LATE = f"loading took longer than {LOAD_SECONDS:g} s"


class LateClock:
    """A monotonic clock standing still until the file ending in `file_ends` is being read;
    then, after `after_looks` more looks at it, past the limit."""

    def __init__(self, file_ends: str, after_looks: int) -> None:
        self.file_ends = file_ends
        self.after_looks = after_looks
        self.deadline: Deadline | None = None

    def __call__(self) -> float:
        if self.deadline is None or not self.deadline.reading.endswith(self.file_ends):
            return 0.0
        self.after_looks -= 1
        return 0.0 if self.after_looks >= 0 else LOAD_SECONDS + 1


def late_at(file_ends: str, after_looks: int = 0) -> Deadline:
    """A deadline that passes while the file ending in `file_ends` is read."""
    clock = LateClock(file_ends, after_looks)
    clock.deadline = Deadline(clock=clock)
    return clock.deadline


def errors_of(load: Callable[[], object]) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load()
    return [str(error) for error in caught.value.errors]


def test_the_limit_passing_names_the_file_being_read_and_keeps_the_errors_before_it(
        content_copy: Path, settings_copy: Path) -> None:
    ui = content_copy / "en" / "ui.yaml"
    edit(ui, "home: Home", 'home: ""')  # read before the limit passes: reported
    edit(settings_copy, "warning_seconds: 30", "warning_seconds: 5")  # after: not reached
    deadline = late_at("es/rules.yaml")
    errors = errors_of(lambda: load_all(content_copy, settings_copy, DEFAULT_THEME, deadline))
    late = content_copy / "es" / "rules.yaml"
    assert errors == [
        f"{ui}:{line_of(ui, 'home: ')}: home: text is empty",
        f"{late}:0: {LATE}; stopped while reading this file and nothing after it was checked"
        " (is the content on a slow or failing drive?)"]


def test_the_limit_is_also_watched_inside_one_long_file(
        content_copy: Path, settings_copy: Path) -> None:
    """Between files the clock is looked at once; only the looks inside the file's own loops
    (its lines, its YAML, its values) can see the limit pass while it is read."""
    deadline = late_at("/questionnaire.yaml", after_looks=3)
    errors = errors_of(lambda: load_all(content_copy, settings_copy, DEFAULT_THEME, deadline))
    assert errors == [f"{content_copy / 'questionnaire.yaml'}:0: {LATE}; stopped while reading"
                      " this file and nothing after it was checked (is the content on a slow"
                      " or failing drive?)"]


@pytest.mark.parametrize("file_ends", ["theme.yaml", "settings.yaml"])
def test_the_theme_and_the_settings_are_under_the_same_limit(
        content_copy: Path, settings_copy: Path, file_ends: str) -> None:
    deadline = late_at(file_ends)
    errors = errors_of(lambda: load_all(content_copy, settings_copy, DEFAULT_THEME, deadline))
    assert len(errors) == 1
    assert errors[0].endswith(f"{file_ends}:0: {LATE}; stopped while reading this file and"
                              " nothing after it was checked (is the content on a slow or"
                              " failing drive?)")


def test_a_content_folder_loaded_on_its_own_has_the_limit_too(content_copy: Path) -> None:
    deadline = late_at("structure.yaml")
    errors = errors_of(lambda: load_content(content_copy, deadline))
    assert errors[0].startswith(f"{content_copy / 'structure.yaml'}:0: {LATE};")


def test_a_load_within_the_limit_is_not_stopped(content_copy: Path, settings_copy: Path) -> None:
    """The same clock, never passing the limit: the shipped files load."""
    loaded = load_all(content_copy, settings_copy, DEFAULT_THEME, Deadline(clock=lambda: 0.0))
    assert loaded.content.structure.languages == ("en", "es")
