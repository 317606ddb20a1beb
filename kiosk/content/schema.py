"""JSON Schemas (draft 2020-12) for the YAML files a clinic edits, generated from the dataclasses.

An editor with a YAML language server reads them (each YAML file names its schema in its first
line) to offer completion and mark mistakes while typing. The schemas follow the same type hints
the decoder walks, so they say what decoding accepts: unknown keys, missing keys, wrong types,
empty text and empty lists. Checks across files (section ids, picture files, colour contrast)
stay with `python main.py check-content`.

Regenerate the files in resources/schema/ after changing a content dataclass:
    python -m kiosk.content.schema
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal, Union

from kiosk.content.loader import RESOURCES
from kiosk.content.model import Block, EducationWords, Structure
from kiosk.content.screen_words import SummaryWords, UiWords
from kiosk.content.settings import Settings
from kiosk.content.staff_words import StaffWords
from kiosk.content.theme import Theme
from kiosk.intake.questionnaire import OPS, Condition, Questionnaire, QuestionnaireWords
from kiosk.intake.rules import Rules, RulesWords

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = RESOURCES / "schema"
CHECK_HINT = "Run `python main.py check-content` for the full check across files."


@dataclasses.dataclass(frozen=True, slots=True)
class _Document:
    """One schema file: the type it describes and the words an editor shows for it."""

    name: str
    tp: type
    title: str
    description: str


_DOCUMENTS = (
    _Document("structure", Structure, "Content structure",
              "resources/content/structure.yaml: the languages, and the education sections in"
              " reading order with their pictures. Written once for every language."),
    _Document("education", EducationWords, "Education words",
              "resources/content/<language>/education.yaml: the disclaimer and the words of"
              " every education section, under the section ids of structure.yaml."),
    _Document("ui", UiWords, "Screen words",
              "resources/content/<language>/ui.yaml: the words of buttons, titles and messages."
              " Words in {braces} are filled in by the kiosk and must stay as they are."),
    _Document("staff", StaffWords, "Staff mode words",
              "resources/content/<language>/staff.yaml: the words of the front desk's screens."
              " Words in {braces} are filled in by the kiosk and must stay as they are."),
    _Document("summary", SummaryWords, "Summary words",
              "resources/content/<language>/summary.yaml: the headings and labels of the"
              " summary printed for the specialist (always in the language of the printing"
              " settings)."),
    _Document("settings", Settings, "Clinic settings",
              "resources/settings.yaml: the clinic's name, logo and colour, and how the kiosk"
              " behaves (language, text size, idle times, animations)."),
    _Document("questionnaire", Questionnaire, "Questionnaire structure",
              "resources/content/questionnaire.yaml: pages and items (ids, types, options,"
              " show-if conditions). Written once for every language."),
    _Document("questionnaire-words", QuestionnaireWords, "Questionnaire words",
              "resources/content/<language>/questionnaire.yaml: page titles, question text,"
              " help, option words, scale anchors and units."),
    _Document("rules", Rules, "Rules",
              "resources/content/rules.yaml: red flags, and the signals for and against"
              " candidacy, as conditions on the answers."),
    _Document("rules-words", RulesWords, "Rule words",
              "resources/content/<language>/rules.yaml: the label of every rule and outcome, as"
              " printed for the specialist."),
    _Document("theme", Theme, "Theme",
              "resources/theme/theme.yaml: font, colours and body text sizes. Text colours"
              " must keep a contrast of at least 4.5:1."),
)


def placeholder_pattern(names: Iterable[str]) -> str:
    """A regular expression (ECMA 262 and Python alike) matching text that has every {name}."""
    wanted = [re.escape("{" + name + "}") for name in sorted(names)]
    if len(wanted) == 1:
        return wanted[0]
    return "^" + "".join(f"(?=[\\s\\S]*{w})" for w in wanted) + "[\\s\\S]*$"


def _placeholder_field(schema: Schema, names: frozenset[str]) -> Schema:
    listed = " and ".join("{" + name + "}" for name in sorted(names))
    return {
        **schema,
        "pattern": placeholder_pattern(names),
        "description": f"Must keep {listed} as written; the kiosk puts the real value there.",
    }


def _block_schema() -> Schema:
    """A body block is a one-key mapping: `text`, `heading` or `bullets` (a list of points)."""
    choices = []
    for kind in Block.KINDS:
        value = type_schema(tuple[str, ...] if kind == "bullets" else str)
        choices.append({
            "type": "object",
            "properties": {kind: value},
            "required": [kind],
            "additionalProperties": False,
        })
    return {"oneOf": choices}


CONDITION_REF = "#/$defs/condition"


def _condition_schema() -> Schema:
    """A condition: question/op/value, or all/any of conditions (nested, so by reference)."""
    return {"$ref": CONDITION_REF}


def _condition_definition() -> Schema:
    value = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"},
                       {"type": "boolean"}]}
    nested = {"type": "array", "items": {"$ref": CONDITION_REF}, "minItems": 1}
    return {"oneOf": [
        {"type": "object", "properties": {"question": {"type": "string", "minLength": 1},
                                          "op": {"enum": list(OPS)}, "value": value},
         "required": ["question", "op"], "additionalProperties": False},
        {"type": "object", "properties": {"all": nested}, "required": ["all"],
         "additionalProperties": False},
        {"type": "object", "properties": {"any": nested}, "required": ["any"],
         "additionalProperties": False},
    ]}


_SELF_DECODING: dict[type, Callable[[], Schema]] = {Block: _block_schema,
                                                    Condition: _condition_schema}

_SCALARS: dict[Any, Schema] = {
    str: {"type": "string", "minLength": 1},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}


def _default(field: dataclasses.Field[Any]) -> tuple[bool, Any]:
    """(True, value) when the field's default is text, a number or true/false to offer."""
    value = field.default
    if isinstance(value, (str, int, float, bool)):
        return True, value
    return False, None


def _dataclass_schema(cls: type) -> Schema:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Schema] = {}
    required: list[str] = []
    for field in dataclasses.fields(cls):
        prop = type_schema(hints[field.name])
        placeholders = getattr(cls, "PLACEHOLDERS", {})
        if cls in (UiWords, StaffWords) and field.name in placeholders:
            prop = _placeholder_field(prop, placeholders[field.name])
        has_default, default = _default(field)
        if has_default:
            prop = {**prop, "default": default}
        properties[field.name] = prop
        if (field.default is dataclasses.MISSING
                and field.default_factory is dataclasses.MISSING):
            required.append(field.name)
    schema: Schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def type_schema(tp: Any) -> Schema:
    """The schema of one type hint, following the rules the decoder applies to it."""
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and hasattr(tp, "from_node"):
        if tp not in _SELF_DECODING:
            raise TypeError(f"{tp.__name__} decodes itself; schema.py needs a schema for it")
        return _SELF_DECODING[tp]()
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_schema(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"only `X | None` unions are decoded, not {tp}")
        return {"anyOf": [type_schema(args[0]), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": type_schema(typing.get_args(tp)[0]), "minItems": 1}
    if origin is dict:
        key_type, value_type = typing.get_args(tp)
        if key_type is not str:
            raise TypeError(f"mapping keys are text, not {key_type}")
        return {"type": "object", "additionalProperties": type_schema(value_type),
                "minProperties": 1}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    raise TypeError(f"no schema for type {tp!r}")


def file_name(name: str) -> str:
    """The schema file's name for a schema name: `settings` -> `settings.schema.json`."""
    return f"{name}.schema.json"


def schemas() -> dict[str, Schema]:
    """Every schema, by file name, in the order of the documents."""
    result: dict[str, Schema] = {}
    for doc in _DOCUMENTS:
        name = file_name(doc.name)
        body = type_schema(doc.tp)
        result[name] = {
            "$schema": DRAFT,
            "$id": name,
            "title": doc.title,
            "description": f"{doc.description} {CHECK_HINT}",
            **body,
        }
        if CONDITION_REF in json.dumps(body):
            result[name]["$defs"] = {"condition": _condition_definition()}
    return result


def render(schema: Schema) -> str:
    """A schema as the text of its file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    """Regenerate resources/schema/ from the content dataclasses."""
    for path in write():
        print(f"wrote {path.relative_to(RESOURCES.parent)}")


if __name__ == "__main__":
    main()
