"""Read a clinic's YAML file only if it is plain, small and safe to walk.

Content is written by hand and has no need of YAML's power tools, which can hang or crash a
loader: an alias repeated inside itself grows without bound, a nesting hundreds deep exhausts
the stack, a tag asks for a type the kiosk does not know, a named pipe in place of a file
blocks for ever. Each of these becomes a content error with its file and line, like any other
mistake, so a broken edit shows the out-of-order screen instead of a crash loop.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

import yaml

from kiosk.decoding.errors import ContentError

#: Far above any real content file (the largest shipped one is about 30 KiB).
MAX_FILE_BYTES = 1024 * 1024
#: Far above any real value (the longest shipped paragraph is under 1,000 characters).
MAX_VALUE_CHARS = 20_000
#: Far above any real nesting (the shipped files go 6 deep).
MAX_DEPTH = 40
#: Characters an editor may type besides printable ones.
ALLOWED_CONTROLS = frozenset("\t\n\r")


def is_regular_file(path: Path) -> bool:
    """Whether `path` is a regular file; False for a name too long, a symlink loop or any
    other name the system cannot look up (never an exception)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _problem(label: str, line: int, message: str) -> ContentError:
    return ContentError(label, line, "", message)


def read_text(path: Path, label: str, errors: list[ContentError]) -> str | None:
    """The file's text, if it is a regular file of reasonable size in UTF-8."""
    try:
        info = path.stat()
    except FileNotFoundError:
        errors.append(_problem(label, 0, "file is missing"))
        return None
    except OSError as exc:  # a symlink loop, a name too long, no permission
        errors.append(_problem(label, 0, f"cannot be read: {exc.strerror or exc}"))
        return None
    if not stat.S_ISREG(info.st_mode):
        errors.append(_problem(label, 0, "is not a regular file (a folder, pipe or device)"))
        return None
    if info.st_size > MAX_FILE_BYTES:
        errors.append(_problem(label, 0, f"is {info.st_size} bytes; a content file may be at"
                                         f" most {MAX_FILE_BYTES} bytes"))
        return None
    try:
        # Non-blocking, so that a pipe put in place of the file after the check cannot hang.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                errors.append(_problem(label, 0, "is not a regular file"))
                return None
            data = file.read(MAX_FILE_BYTES + 1)
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.append(_problem(label, line, "is not UTF-8 text (save it as UTF-8)"))
    except OSError as exc:
        errors.append(_problem(label, 0, f"cannot be read: {exc.strerror or exc}"))
    return None


def control_characters(text: str, label: str, errors: list[ContentError]) -> bool:
    """Report every invisible control character (a form feed pasted from a word processor, a
    NUL, a right-to-left override…) with its line and column; True when there were none."""
    clean = True
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            category = unicodedata.category(char)
            if char in ALLOWED_CONTROLS or category not in ("Cc", "Cf", "Co", "Cs", "Cn"):
                continue
            if category == "Cf" and char == "\ufeff" and number == 1 and column == 1:
                continue  # a byte-order mark some editors write first
            name = unicodedata.name(char, "a control character")
            errors.append(_problem(label, number, f"column {column}: invisible character"
                                                  f" U+{ord(char):04X} ({name.lower()});"
                                                  " delete it and type the text again"))
            clean = False
    return clean


def plain_structure(text: str, label: str, errors: list[ContentError]) -> bool:
    """Refuse tags, anchors, aliases, merge keys, very deep nesting and very long values;
    True when the file uses none of them. Bad syntax is left for the parser to report."""
    depth = 0
    found = len(errors)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            line = event.start_mark.line + 1 if event.start_mark else 0
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                errors.append(_problem(label, line, "anchors and aliases (& and *) are not"
                                                    " used in content; write the value out"))
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) \
                    and event.tag is not None:
                errors.append(_problem(label, line, f"YAML tags ({event.tag}) are not used in"
                                                    " content; remove the tag"))
            if isinstance(event, yaml.ScalarEvent):
                if event.value == "<<" and event.implicit[0]:  # plain, not quoted
                    errors.append(_problem(label, line, "merge keys (<<) are not used in"
                                                        " content; write the keys out"))
                if len(event.value) > MAX_VALUE_CHARS:
                    errors.append(_problem(label, line, f"a value of {len(event.value)}"
                                                        f" characters; at most"
                                                        f" {MAX_VALUE_CHARS} are allowed"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    errors.append(_problem(label, line, f"nested more than {MAX_DEPTH} deep"))
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(errors) - found > 50:
                return False
    except yaml.YAMLError:
        return True
    return len(errors) == found
