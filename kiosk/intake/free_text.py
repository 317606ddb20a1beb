"""Typed text as the kiosk keeps it: what a person can see, and nothing that hides or reorders it.

Whatever arrives (a touch on the on-screen keyboard, a pasted name, an answer file) is cleaned
the same way before it is checked or stored:

- Invisible format characters go: bidirectional controls (U+202A-U+202E, U+2066-U+2069,
  U+200E, U+200F, U+061C), zero-width characters (U+200B-U+200D, U+2060, U+FEFF), the soft
  hyphen U+00AD, U+180E and every other character of Unicode category Cf; so do the fillers
  that draw nothing (Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the combining grapheme
  joiner U+034F, Khmer U+17B4 and U+17B5) and lone surrogates.
- Control characters go (C0, DEL, C1), except that tab, line and page breaks become a space:
  every question takes a single line, so a line break only ever separates words.
- Every other kind of space (no-break, ideographic, line and paragraph separators, the blank
  braille cell) becomes an ordinary space; runs of spaces become one and the ends are trimmed.
- The text is put in Unicode's composed form (NFC), so 'Jose' + combining acute is 'José'.
- Text with nothing visible left (only spaces, or accents with no letter) is no text at all: ''.

Letters of every script, accents, apostrophes, hyphens, digits, punctuation and emoji (with
their variation selectors) are kept as they are. Lengths are checked on the cleaned text, by
the caller, against each question's `max_length`.
"""

from __future__ import annotations

import unicodedata

#: Characters that draw nothing although their category says letter or mark.
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5")
#: Controls that separate words: tab, line feed, vertical tab, form feed, return, next line.
BREAKS = frozenset("\t\n\v\f\r\x85")
#: A blank look-alike that Unicode files as a symbol: the empty braille cell.
BLANKS = frozenset("\u2800")
#: Unicode categories that are never kept: controls, format characters, surrogates.
DROPPED = frozenset({"Cc", "Cf", "Cs"})
#: Unicode categories turned into an ordinary space.
SPACES = frozenset({"Zs", "Zl", "Zp"})


def cleaned(text: str) -> str:
    """`text` as the kiosk keeps it (see the module's rules); '' when nothing visible is left."""
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char in BREAKS or char in BLANKS or category in SPACES:
            kept.append(" ")
        elif category not in DROPPED and char not in INVISIBLE:
            kept.append(char)
    # Normalised after the removals, which may bring a letter and its accent together.
    composed = unicodedata.normalize("NFC", "".join(kept))
    text = " ".join(composed.split())
    return text if any(_visible(char) for char in text) else ""


def _visible(char: str) -> bool:
    """A character that draws something on its own: not a space and not a combining mark."""
    return char != " " and unicodedata.category(char)[0] != "M"
