"""Answers in two columns of about the same height, each answer under its questionnaire page.

Qt's rich text has no flowing columns, so the list is cut in two by hand: at the answer that
makes the taller column as short as it can be. Heights come from a `Measure` (the real layout,
in points) when the caller has one, else from a count of characters per line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: The height in points of a column's table holding these table rows (HTML `<tr>`s).
Measure = Callable[[str], float]

#: Without a measure: about this many characters on a line of a column, and its height.
CHARACTERS_PER_LINE = 46
LINE_PT = 12.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One answer of the list: its page's title (escaped), its table rows, and their text."""

    title: str
    rows: str
    text: str


def title_row(title: str) -> str:
    return f'<tr><td colspan="2" class="group">{title}</td></tr>'


def estimate(rows: str, text: str) -> float:
    """A height in points from the text alone: its lines, at least one per table row."""
    lines = max(rows.count("<tr>"), -(-len(text) // CHARACTERS_PER_LINE))
    return lines * LINE_PT


def _starts_page(entries: list[Entry], n: int) -> bool:
    return n == 0 or entries[n - 1].title != entries[n].title


def two_columns(entries: list[Entry], measure: Measure | None = None
                ) -> tuple[list[Entry], list[Entry]]:
    """The entries cut into a left and a right column of about the same height. A page that
    runs on into the right column has its title there again."""
    if measure is None:
        heights = [estimate(entry.rows, entry.text) for entry in entries]
        titles = {entry.title: LINE_PT * 1.4 for entry in entries}
    else:
        heights = [measure(entry.rows) for entry in entries]
        titles = {entry.title: measure(title_row(entry.title)) for entry in entries}

    def height(first: int, end: int) -> float:
        part = entries[first:end]
        return sum(heights[first:end]) + sum(titles[entry.title] for n, entry in enumerate(part)
                                             if _starts_page(part, n))

    cut = min(range(len(entries) + 1),
              key=lambda n: (max(height(0, n), height(n, len(entries))), -n))
    return entries[:cut], entries[cut:]


def table(rows: str) -> str:
    """Table rows in a column's table, as a column shows them (and a measure lays them out)."""
    return f'<table width="100%" cellspacing="0" cellpadding="1">{rows}</table>'


def column_table(entries: list[Entry]) -> str:
    """One column: a table with each page's title where its answers start."""
    return table("".join((title_row(entry.title) if _starts_page(entries, n) else "")
                         + entry.rows for n, entry in enumerate(entries)))
