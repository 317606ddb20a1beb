"""Content errors: each names file, line and key path; all are collected before reporting."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: Longest value quoted whole in an error message; a longer one is cut, so that one absurd
#: value (a picture name thousands of letters long) cannot bury the rest of the report.
QUOTE_CHARS = 80


@dataclass(frozen=True, slots=True)
class ContentError:
    """One thing wrong in a content or settings file, in the form an editor can act on."""

    file: str
    line: int
    key_path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.key_path}: " if self.key_path else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class ContentInvalid(Exception):
    """Raised once, after loading, with every error found."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = tuple(errors)
        super().__init__(f"{len(self.errors)} content error(s)")

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class LoadingTooSlow(Exception):
    """Loading passed its time limit; `error` names the file being read at that moment.

    Raised from deep inside a file's checks and caught by the loader, which reports it with
    every error found before it."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


def quoted(value: object) -> str:
    """`value` as an error message quotes it, cut to QUOTE_CHARS characters."""
    text = repr(value)
    if len(text) <= QUOTE_CHARS + 2:
        return text
    if isinstance(value, str):
        return f"{value[:QUOTE_CHARS] + '…'!r} ({len(value)} characters)"
    return text[:QUOTE_CHARS] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean …?)' hint for a misspelt key or id, or '' when nothing is close."""
    if len(word) > QUOTE_CHARS:  # nothing real is that long, and comparing it is slow
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def checked(label: str, errors: list[ContentError], check: Callable[[], None]) -> None:
    """Run one file's cross-checks. Checks are written to skip what could not be decoded;
    should one still trip over a part it did not expect, the file is reported as not checked
    to the end (so the kiosk shows its out-of-order screen, not a traceback) and loading goes
    on with the next file."""
    try:
        check()
    except LoadingTooSlow:
        raise
    except Exception as exc:
        errors.append(ContentError(label, 0, "", "could not be checked to the end"
                                   f" ({type(exc).__name__}: {exc}); fix the errors reported"
                                   " for this file and check again"))
