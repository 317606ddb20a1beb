"""Text as it is read aloud: one part per sentence or line, so speech can stop, pause and
start again at a sentence rather than at the start of a whole page."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A sentence ends at . ! ? or … (a closing quote or bracket may follow) before a space.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’)\]]))\s+")


def spoken_parts(texts: Iterable[str]) -> list[str]:
    """The parts to speak, in order, for the texts of a screen (a title, a paragraph, an
    answer, …): each line of each text split into its sentences; blank ones left out."""
    parts: list[str] = []
    for text in texts:
        for line in text.splitlines():
            parts += [" ".join(s.split()) for s in _SENTENCE_END.split(line) if s.strip()]
    return parts
