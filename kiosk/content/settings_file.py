"""Change one value in the clinic's settings file, keeping its comments and layout."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kiosk.paths import write_private

SECTION = re.compile(r"^(?P<name>[A-Za-z_]+):\s*(#.*)?$")


#: Where a value's comment starts, as in the shipped settings file.
COMMENT_COLUMN = 30


def _line(key: str, value: str, comment: str) -> str:
    """`key: "value"`, its comment kept after at least two spaces (YAML needs one)."""
    line = f"  {key}: {json.dumps(value, ensure_ascii=False)}"
    if not comment:
        return line
    return f"{line.ljust(COMMENT_COLUMN - 2)}  {comment}"


def set_value(path: Path, section: str, key: str, value: str) -> None:
    """Set `section.key` to the text `value`; other lines stay exactly as they were.

    The file is replaced in one step (a new file renamed over the old), so a crash never
    leaves half a settings file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines)
                  if (m := SECTION.match(line)) and m["name"] == section), None)
    if start is None:
        lines += ["", f"{section}:", _line(key, value, "")]
    else:
        end = next((i for i in range(start + 1, len(lines))
                    if lines[i] and not lines[i].startswith((" ", "#"))), len(lines))
        pattern = re.compile(rf"^\s+{re.escape(key)}:[^#]*(?P<comment>#.*)?$")
        for i in range(start + 1, end):
            if (m := pattern.match(lines[i])):
                lines[i] = _line(key, value, m["comment"] or "")
                break
        else:
            lines.insert(start + 1, _line(key, value, ""))
    write_private(path, "\n".join(lines) + "\n")
