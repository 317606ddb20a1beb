"""Turn YAML files into typed, frozen dataclasses, collecting every error with file, line and path.

YAML is parsed with the C loader into a node tree (which keeps line numbers); the tree is then
walked against the dataclass's type hints. Nothing stops at the first error: every unknown key,
missing key, wrong type and empty string is recorded, and the caller raises once at the end.

What could not be decoded is left as INVALID inside what could: a questionnaire with one item
of an unknown type still comes back with its other items (and that item's id), so the checks
that look across files (show-if ids, rule options, translations) still run on everything else.
Such a salvaged value is only ever checked, never used: it comes with its errors.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar, Union

import yaml

from kiosk.decoding.deadline import Deadline, step
from kiosk.decoding.errors import ContentError, did_you_mean, quoted
from kiosk.decoding.safe_yaml import read_yaml

T = TypeVar("T")
E = TypeVar("E")


class _Invalid:
    """Marks a value that could not be decoded (its error is already recorded)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()
_constructor = yaml.constructor.SafeConstructor()


class YamlDecodable(Protocol):
    """A type that decodes itself from a node (for shapes type hints cannot say)."""

    @classmethod
    def from_node(cls, decoder: Decoder, node: yaml.Node, path: str) -> Any: ...


def is_valid(value: object) -> bool:
    """Whether `value` was decoded (it may still hold INVALID parts inside)."""
    return value is not INVALID


def entries(values: Iterable[E]) -> Iterator[tuple[int, E]]:
    """(index, value) for every decoded value of a salvaged list; none for an INVALID list."""
    if values is INVALID or values is None:
        return
    for index, value in enumerate(values):
        if value is not INVALID:
            yield index, value


def is_whole(values: Iterable[object]) -> bool:
    """Whether a salvaged list was decoded with every one of its values."""
    return values is not INVALID and all(value is not INVALID for value in values)


def line_of(node: yaml.Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Decoder:
    """Decodes the nodes of one file; records errors and the line of every key path it visits."""

    def __init__(self, label: str, errors: list[ContentError],
                 deadline: Deadline | None = None) -> None:
        self.label = label
        self.errors = errors
        self.deadline = deadline
        self.lines: dict[str, int] = {}

    def error(self, node: yaml.Node | None, path: str, message: str) -> None:
        line = line_of(node) if node is not None else self.lines.get(path, 0)
        self.errors.append(ContentError(self.label, line, path, message))

    def decode(self, node: yaml.Node, tp: Any, path: str = "") -> Any:
        """Decode `node` as type `tp`; returns INVALID (after recording why) when it cannot,
        and a value with INVALID parts when only those parts failed."""
        step(self.deadline)
        self.lines.setdefault(path, line_of(node))
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and hasattr(tp, "from_node"):
            return tp.from_node(self, node, path)
        if dataclasses.is_dataclass(tp):
            return self._dataclass(node, tp, path)
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if self.is_null(node):
                return None
            return self.decode(node, args[0], path)
        if origin is Literal:
            return self._literal(node, typing.get_args(tp), path)
        if origin is tuple:
            return self._sequence(node, typing.get_args(tp)[0], path)
        if origin is dict:
            return self._mapping(node, typing.get_args(tp)[1], path)
        return self._scalar(node, tp, path)

    @staticmethod
    def is_null(node: yaml.Node) -> bool:
        return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"

    def pairs(self, node: yaml.Node, path: str) -> list[tuple[str, yaml.Node, yaml.Node]] | None:
        """The (key, key node, value node) pairs of a mapping, or None (error recorded)."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, f"expected a mapping of keys, got {self.describe(node)}")
            return None
        seen: set[str] = set()
        result = []
        for key_node, value_node in node.value:
            key = self.construct(key_node, path)
            if key is INVALID:
                continue
            if not isinstance(key, str):
                self.error(key_node, path, f"key {quoted(key)} must be text")
                continue
            if key in seen:
                self.error(key_node, _join(path, key), "key is given twice")
                continue
            seen.add(key)
            self.lines[_join(path, key)] = line_of(key_node)
            result.append((key, key_node, value_node))
        return result

    def _dataclass(self, node: yaml.Node, cls: Any, path: str) -> Any:
        pairs = self.pairs(node, path)
        if pairs is None:
            return INVALID
        hints = _hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for key, key_node, value_node in pairs:
            if key not in fields:
                # Recorded, but the rest still decodes so later checks can report their errors.
                self.error(key_node, _join(path, key), "unknown key" + did_you_mean(key, fields))
                continue
            values[key] = self.decode(value_node, hints[key], _join(path, key))
        for name, field in fields.items():
            required = (
                field.default is dataclasses.MISSING
                and field.default_factory is dataclasses.MISSING
            )
            if required and name not in values:
                self.error(node, _join(path, name), "required key is missing")
                values[name] = INVALID
        return cls(**values)

    def _literal(self, node: yaml.Node, choices: tuple[Any, ...], path: str) -> Any:
        value = self._scalar(node, type(choices[0]), path)
        if value is INVALID or value in choices:
            return value
        hint = did_you_mean(str(value), [str(c) for c in choices])
        listed = ", ".join(str(c) for c in choices)
        self.error(node, path, f"{quoted(value)} is not one of: {listed}{hint}")
        return INVALID

    def _sequence(self, node: yaml.Node, item_type: Any, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, path, f"expected a list, got {self.describe(node)}")
            return INVALID
        if not node.value:
            self.error(node, path, "list is empty")
            return INVALID
        return tuple(self.decode(n, item_type, f"{path}[{i}]") for i, n in enumerate(node.value))

    def _mapping(self, node: yaml.Node, value_type: Any, path: str) -> Any:
        pairs = self.pairs(node, path)
        if pairs is None:
            return INVALID
        if not pairs:
            self.error(node, path, "mapping is empty")
            return INVALID
        return {key: self.decode(v, value_type, _join(path, key)) for key, _, v in pairs}

    def _scalar(self, node: yaml.Node, tp: Any, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, f"expected {_type_name(tp)}, got {self.describe(node)}")
            return INVALID
        if tp is str and self.is_null(node):
            self.error(node, path, "text is empty")
            return INVALID
        if tp is str and node.tag in _WRITTEN_AS_TEXT:
            value: Any = node.value  # a number or a date where text is meant: as written
        else:
            value = self.construct(node, path)
        if value is INVALID:
            return INVALID
        if tp is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, tp) or (tp is not bool and isinstance(value, bool)):
            self.error(node, path, f"expected {_type_name(tp)}, got {quoted(value)}")
            return INVALID
        if isinstance(value, str):
            value = value.strip()
            if not value:
                self.error(node, path, "text is empty")
                return INVALID
        return value

    def scalar(self, node: yaml.Node, path: str) -> Any:
        """Any single value: text, number or date. YAML 1.1 reads a bare yes/no as true/false;
        those come back as the words 'yes' and 'no', which is what an editor meant."""
        self.lines.setdefault(path, line_of(node))
        if not isinstance(node, yaml.ScalarNode) or self.is_null(node):
            self.error(node, path, f"expected a single value, got {self.describe(node)}")
            return INVALID
        value = self.construct(node, path)
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str) and not value.strip():
            self.error(node, path, "text is empty")
            return INVALID
        return value.strip() if isinstance(value, str) else value

    def construct(self, node: yaml.Node, path: str) -> Any:
        """The value of a single node (text, number, date, true/false), or INVALID after
        recording why: YAML reads 2025-02-30 as a date that does not exist."""
        try:
            return _constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            what = "a date" if node.tag == _DATE else "a value"
            self.error(node, path, f"{quoted(node.value)} cannot be read as {what} ({exc})")
            return INVALID

    @staticmethod
    def describe(node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        return "nothing" if Decoder.is_null(node) else quoted(node.value)


_DATE = "tag:yaml.org,2002:timestamp"
_WRITTEN_AS_TEXT = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", _DATE})
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _type_name(tp: Any) -> str:
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        tp, getattr(tp, "__name__", str(tp))
    )


@dataclass(frozen=True, slots=True)
class Decoded(Generic[T]):
    """One file, decoded: whole when it is correct, and what could be salvaged either way."""

    whole: T | None  # the file's value, when it has no error at all
    parts: T | None  # what could be decoded (INVALID where a part could not); None if nothing
    decoder: Decoder  # with the line of every key path, for the checks that follow


def decode_parts(path: Path, label: str, tp: type[T], errors: list[ContentError],
                 deadline: Deadline | None = None) -> Decoded[T]:
    """Read and decode one file, keeping what could be decoded for the checks that follow."""
    decoder = Decoder(label, errors, deadline)
    found = len(errors)
    node = read_yaml(path, label, errors, deadline)
    if node is None:
        return Decoded(None, None, decoder)
    value = decoder.decode(node, tp)
    parts = None if value is INVALID else value
    return Decoded(parts if len(errors) == found else None, parts, decoder)


def decode_file(path: Path, label: str, tp: type[T], errors: list[ContentError],
                deadline: Deadline | None = None) -> tuple[T | None, Decoder]:
    """Read and decode one file; returns (value or None, the decoder with its line map)."""
    decoded = decode_parts(path, label, tp, errors, deadline)
    return decoded.whole, decoded.decoder


__all__ = ["INVALID", "Decoded", "Decoder", "decode_file", "decode_parts", "entries",
           "is_valid", "is_whole", "line_of", "read_yaml"]
