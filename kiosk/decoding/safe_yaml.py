"""Read a clinic's YAML file only if it is plain, small and safe to walk.

Content is written by hand and has no need of YAML's power tools, which can hang or crash a
loader: an alias repeated inside itself grows without bound, a nesting hundreds deep exhausts
the stack, a tag asks for a type the kiosk does not know, a named pipe in place of a file
blocks for ever. Each of these becomes a content error with its file and line, like any other
mistake, so a broken edit shows the out-of-order screen instead of a crash loop.

A mistake that leaves the file safe to read (an invisible character, a very long value) is
reported and the file is still read, so that its other mistakes are reported in the same pass.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

import yaml

from kiosk.decoding.deadline import Deadline, step
from kiosk.decoding.errors import ContentError

#: Far above any real content file (the largest shipped one is about 30 KiB).
MAX_FILE_BYTES = 1024 * 1024
#: Far above any real value (the longest shipped paragraph is under 1,000 characters).
MAX_VALUE_CHARS = 20_000
#: Far above any real nesting (the shipped files go 6 deep).
MAX_DEPTH = 40
#: Characters an editor may type besides printable ones.
ALLOWED_CONTROLS = frozenset("\t\n\r")
#: Names for the invisible characters Unicode gives no name of their own.
CONTROL_NAMES = {"\x00": "null", "\x08": "backspace", "\x0b": "vertical tab",
                 "\x0c": "form feed", "\x1b": "escape", "\x7f": "delete", "\x85": "next line"}
#: Problems found before any is reported: past this, the file is not read further.
MAX_PROBLEMS = 50


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
    except (OSError, ValueError) as exc:  # a symlink loop, a name too long, no permission
        errors.append(_problem(label, 0, f"cannot be read: {_reason(exc)}"))
        return None
    if not stat.S_ISREG(info.st_mode):
        errors.append(_problem(label, 0, "is not a regular file (a folder, pipe or device)"))
        return None
    too_big = f"a content file may be at most {MAX_FILE_BYTES} bytes"
    if info.st_size > MAX_FILE_BYTES:
        errors.append(_problem(label, 0, f"is {info.st_size} bytes; {too_big}"))
        return None
    data = b""
    try:
        # Non-blocking, so that a pipe put in place of the file after the check cannot hang.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                errors.append(_problem(label, 0, "is not a regular file"))
                return None
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # grew after the check
            errors.append(_problem(label, 0, f"is over {MAX_FILE_BYTES} bytes; {too_big}"))
            return None
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.append(_problem(label, line, "is not UTF-8 text (save it as UTF-8)"))
    except (OSError, ValueError) as exc:
        errors.append(_problem(label, 0, f"cannot be read: {_reason(exc)}"))
    return None


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "strerror", None) or exc)


def _hidden(char: str, number: int, column: int) -> bool:
    """Whether `char` is an invisible character no editor means to type."""
    category = unicodedata.category(char)
    if char in ALLOWED_CONTROLS or category not in ("Cc", "Cf", "Co", "Cs", "Cn"):
        return False
    # A byte-order mark some editors write first.
    return not (char == "\ufeff" and number == 1 and column == 1)


def control_characters(text: str, label: str, errors: list[ContentError],
                       deadline: Deadline | None = None) -> bool:
    """Report every invisible control character (a form feed pasted from a word processor, a
    NUL, a right-to-left override…) with its line and column; True when there were none."""
    clean = True
    for number, line in enumerate(text.split("\n"), start=1):
        step(deadline)
        if line.isprintable():  # the usual line: nothing hidden in it
            continue
        for column, char in enumerate(line, start=1):
            if not _hidden(char, number, column):
                continue
            name = CONTROL_NAMES.get(char, unicodedata.name(char, "a control character"))
            errors.append(_problem(label, number, f"column {column}: invisible character"
                                                  f" U+{ord(char):04X} ({name.lower()});"
                                                  " delete it and type the text again"))
            clean = False
    return clean


def blank_controls(text: str) -> str:
    """`text` with every invisible character made a space, so that the rest of a file with one
    can still be checked (a space keeps every line and column where it was)."""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.isprintable():
            lines[number - 1] = "".join(
                " " if _hidden(char, number, column) else char
                for column, char in enumerate(line, start=1))
    return "\n".join(lines)


def plain_structure(text: str, label: str, errors: list[ContentError],
                    deadline: Deadline | None = None) -> bool:
    """Report tags, anchors, aliases, merge keys, very deep nesting and very long values. True
    when the file is safe to read on (a long value is only reported); False when it uses a
    power tool or nests too deep. Bad syntax is left for the parser to report."""
    depth = 0
    safe = True
    found = len(errors)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            step(deadline)
            line = event.start_mark.line + 1 if event.start_mark else 0
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                errors.append(_problem(label, line, "anchors and aliases (& and *) are not"
                                                    " used in content; write the value out"))
                safe = False
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) \
                    and event.tag is not None:
                errors.append(_problem(label, line, f"YAML tags ({event.tag}) are not used in"
                                                    " content; remove the tag"))
                safe = False
            if isinstance(event, yaml.ScalarEvent):
                if event.value == "<<" and event.implicit[0]:  # plain, not quoted
                    errors.append(_problem(label, line, "merge keys (<<) are not used in"
                                                        " content; write the keys out"))
                    safe = False
                if len(event.value) > MAX_VALUE_CHARS:
                    errors.append(_problem(label, line, f"a value of {len(event.value)}"
                                                        f" characters; at most"
                                                        f" {MAX_VALUE_CHARS} are allowed"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth == MAX_DEPTH + 1:  # once for each dive past the limit
                    errors.append(_problem(label, line, f"nested more than {MAX_DEPTH} deep"))
                    safe = False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(errors) - found > MAX_PROBLEMS:
                return False
    except yaml.YAMLError:
        return safe
    return safe


def read_yaml(path: Path, label: str, errors: list[ContentError],
              deadline: Deadline | None = None) -> yaml.Node | None:
    """Parse one YAML file into a node tree; a missing, unsafe or unreadable file, bad syntax,
    or YAML the content never needs becomes an error. None when there is nothing to decode."""
    if deadline is not None:
        deadline.start(label)
    text = read_text(path, label, errors)
    if text is None:
        return None
    if not control_characters(text, label, errors, deadline):
        text = blank_controls(text)
    if not plain_structure(text, label, errors, deadline):
        return None
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        errors.append(ContentError(label, line, "", f"not valid YAML: {exc.problem}"))
        return None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        errors.append(ContentError(label, 0, "", f"not valid YAML: {exc}"))
        return None
    if node is None:
        errors.append(ContentError(label, 1, "", "file is empty"))
    return node
