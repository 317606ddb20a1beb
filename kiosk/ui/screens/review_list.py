"""The review list's pieces: one row per answer, a heading per part of the questionnaire, and
the columns they flow into.

A row is one touch target (the question in small words, the answer in bold, and "Change");
it keeps its words from one opening of the list to the next and changes only what changed.
The parts flow into as many columns as the width allows, read down one column then the next,
balanced so that the tallest column is as short as it can be; the same pieces keep their
columns unless their new words call for another balance.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.nesting import discard, nest
from kiosk.ui.parts import LaidOutButton, breakable, take_in_hidden, text
from kiosk.ui.style import restyle_by

#: Narrowest a column of answers may be, in body-text ems (about 40 characters).
COLUMN_EMS = 20
MOST_COLUMNS = 3


class AnswerRow(LaidOutButton):
    """One question and its answer; the whole row is the touch target that opens it."""

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.setObjectName(f"review_{item_id}")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.question = text("", "small")
        self.answer = text("", "answer")
        self.change = text("", "small")
        self._grid = QGridLayout(self)
        self._grid.setSpacing(0)
        self._grid.addWidget(self.question, 0, 0, 1, 2)
        self._grid.addWidget(self.answer, 1, 0)
        self._grid.addWidget(self.change, 1, 1,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self._grid.setColumnStretch(0, 1)
        self._body_px = 0
        self._words: tuple[str, ...] = ()
        for child in (self.question, self.answer, self.change):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_words(self, question: str, answer: str, role: str, change: str) -> None:
        """`role`: "answer", or for a question left blank "warning" (required) or "muted"."""
        if (question, answer, role, change) == self._words:
            return  # the list got ready ahead already says it
        self._words = (question, answer, role, change)
        self.question.setText(breakable(question))
        self.answer.setText(breakable(answer))
        self.change.setText(change)
        restyle_by(self.answer, "role", role)
        self.setAccessibleName(question)
        self.setAccessibleDescription(f"{answer}. {change}")

    def apply_metrics(self, body_px: int) -> None:
        if body_px == self._body_px:
            return
        self._body_px = body_px
        side, edge = round(body_px * 0.45), max(3, round(body_px * 0.2))
        self._grid.setContentsMargins(side, edge, side, edge)
        self._grid.setHorizontalSpacing(side)


class Part:
    """A part of the questionnaire on the review list: its heading and its answer rows."""

    def __init__(self, page_id: str, title: str) -> None:
        self.page_id = page_id
        self.heading = text(title, "subtitle", f"review_part_{page_id}")
        self.rows: list[AnswerRow] = []

    def pieces(self) -> list[QWidget]:
        return [self.heading, *self.rows]


def balanced(heights: list[int], kinds: list[str], columns: int, penalty: int) -> list[int]:
    """Where each column starts in a run of pieces (in reading order: down the first column,
    then the next), so that the tallest column is as short as it can be. `kinds` says what
    each piece is: a column may start at a "heading", never at a part's "first" row (it stays
    under its heading), and at any other "row" only for `penalty` more height, so parts stay
    whole unless splitting one saves more than that."""
    count = len(heights)
    allowed = [i for i in range(1, count) if kinds[i] != "first"]
    columns = max(1, min(columns, len(allowed) + 1))
    best: tuple[int, ...] = ()
    cost = -1
    above = [0, *itertools.accumulate(heights)]  # the height of the pieces before each
    for cuts in itertools.combinations(allowed, columns - 1):
        edges = (0, *cuts, count)
        tallest = max(above[end] - above[start] for start, end in itertools.pairwise(edges))
        total = tallest + penalty * sum(kinds[cut] == "row" for cut in cuts)
        if cost < 0 or total < cost:
            best, cost = cuts, total
    return [0, *best]


def _pieces(parts: list[Part]) -> list[QWidget]:
    return [piece for part in parts for piece in part.pieces()]


class PartColumns(QWidget):
    """The parts in as many columns as the width allows, read down one column then the next."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("review_list")
        self.parts: list[Part] = []
        self._body_px = 26
        self._shape: tuple[int, ...] = ()
        #: The pieces in the columns now, in reading order.
        self._placed: list[QWidget] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)

    def adopt(self, piece: QWidget) -> None:
        """Take `piece` in, hidden and styled, ready to be placed on the list later."""
        take_in_hidden(self, piece)

    def show_parts(self, parts: list[Part]) -> None:
        """Place `parts` on the list; the same pieces as before keep their columns unless
        their new words call for another balance."""
        if _pieces(parts) != self._placed:
            self._empty()
            self._shape = ()
        self.parts = parts
        for part in parts:
            for piece in part.pieces():
                if piece.parentWidget() is not self:  # a piece shown before keeps its place
                    self.adopt(piece)
            for row in part.rows:
                row.apply_metrics(self._body_px)
        self._flow()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        self._row.setSpacing(round(body_px * 0.8))
        for part in self.parts:
            for row in part.rows:
                row.apply_metrics(body_px)
        self._shape = ()
        self._flow()

    def column_count(self) -> int:
        room = max(1, self.width())
        return max(1, min(MOST_COLUMNS, room // (self._body_px * COLUMN_EMS)))

    def _empty(self) -> None:
        """Take the columns apart; the headings and rows stay, to be placed again."""
        self._placed = []
        while (entry := self._row.takeAt(0)) is not None:
            column = entry.layout()
            if column is not None:
                while (taken := column.takeAt(0)) is not None:
                    discard(taken)
                column.deleteLater()
            else:
                discard(entry)

    def _flow(self) -> None:
        """Lay the pieces into columns when the number of columns or the pieces change."""
        pieces = _pieces(self.parts)
        if not pieces:
            return
        kinds = [kind for part in self.parts
                 for kind in ("heading", *(["first"] if part.rows else []),
                              *(["row"] * (len(part.rows) - 1)))]
        count = self.column_count()
        spacing = self._row.spacing()
        width = max(1, (self.width() - spacing * (count - 1)) // count)
        gap, step = round(self._body_px * 0.4), max(2, round(self._body_px * 0.12))
        heights = [max(piece.heightForWidth(width), piece.minimumSizeHint().height())
                   + (gap if kind == "heading" else step)
                   for piece, kind in zip(pieces, kinds, strict=True)]
        starts = balanced(heights, kinds, count, penalty=self._body_px)
        if (count, *starts) == self._shape:
            return
        self._shape = (count, *starts)
        self._empty()
        self._placed = pieces
        for start, end in itertools.pairwise([*starts, len(pieces)]):
            column = QVBoxLayout()
            column.setSpacing(step)
            for index in range(start, end):
                if kinds[index] == "heading" and index != start:
                    column.addSpacing(gap)
                column.addWidget(pieces[index])
                pieces[index].show()
            column.addStretch(1)
            nest(self._row, column, 1)
        for _ in range(count - len(starts)):
            self._row.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        if event.size().width() != event.oldSize().width():
            self._flow()
