"""The JSON Schemas an editor uses are current, fit every shipped file and mark real mistakes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, RESOURCES
from kiosk.content.schema import SCHEMA_DIR, file_name, placeholder_pattern, render, schemas

SHIPPED = sorted([*DEFAULT_CONTENT.glob("**/*.yaml"), DEFAULT_SETTINGS, DEFAULT_THEME])
SCHEMA_OF = {"structure.yaml": "structure", "education.yaml": "education", "ui.yaml": "ui",
             "settings.yaml": "settings", "theme.yaml": "theme",
             "questionnaire.yaml": "questionnaire", "rules.yaml": "rules",
             "summary.yaml": "summary", "staff.yaml": "staff"}


def schema_of(path: Path) -> str:
    """Words files of the same name as a structure file (in a language folder) have their own."""
    name = SCHEMA_OF[path.name]
    in_language_folder = path.parent.parent == DEFAULT_CONTENT
    return f"{name}-words" if in_language_folder and name in ("questionnaire", "rules") else name
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _problems(document: Any, name: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schemas()[file_name(name)])
    return [f"{'.'.join(map(str, e.absolute_path)) or '<top>'}: {e.message}"
            for e in validator.iter_errors(document)]


def test_schema_files_in_resources_are_up_to_date_with_the_content_types() -> None:
    expected = {name: render(schema) for name, schema in schemas().items()}
    present = {path.name: path.read_text(encoding="utf-8")
               for path in SCHEMA_DIR.glob("*.schema.json")}
    stale = sorted(name for name in expected.keys() | present.keys()
                   if expected.get(name) != present.get(name))
    assert not stale, (f"resources/schema/ is out of date ({', '.join(stale)});"
                       " run `python -m kiosk.content.schema`")


@pytest.mark.parametrize("name", sorted(schemas()))
def test_every_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schemas()[name])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(RESOURCES)))
def test_every_shipped_file_names_its_schema_on_the_first_line_and_fits_it(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    modeline = MODELINE.match(first_line)
    assert modeline, f"first line is not a yaml-language-server $schema comment: {first_line!r}"
    name = schema_of(path)
    assert (path.parent / modeline[1]).resolve() == SCHEMA_DIR / file_name(name)
    assert _problems(_load(path), name) == []


def test_a_misspelt_settings_key_is_marked_in_the_editor(settings_copy: Path) -> None:
    text = settings_copy.read_text(encoding="utf-8")
    assert "  idle_seconds:" in text
    settings_copy.write_text(text.replace("  idle_seconds:", "  idle_secnds:", 1), encoding="utf-8")
    problems = _problems(_load(settings_copy), "settings")
    assert len(problems) == 1
    assert problems[0].startswith("kiosk:") and "'idle_secnds'" in problems[0]


def test_a_screen_word_that_loses_its_placeholder_is_marked_in_the_editor() -> None:
    ui = _load(DEFAULT_CONTENT / "en" / "ui.yaml")
    ui["idle_countdown"] = "Clearing in a few seconds"
    ui["section_position"] = "Topic {number}"
    marked = {problem.split(":")[0] for problem in _problems(ui, "ui")}
    assert marked == {"idle_countdown", "section_position"}


@pytest.mark.parametrize("text", ["{total} topics, this is {number}", "Topic {number}\nof {total}"])
def test_placeholders_in_any_order_or_across_lines_are_accepted(text: str) -> None:
    assert re.search(placeholder_pattern({"number", "total"}), text)
    assert not re.search(placeholder_pattern({"number", "total"}), text.replace("{total}", "all"))
