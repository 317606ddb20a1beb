"""The review list: every answer, part by part, to check at a glance and send from here.

Each part of the questionnaire has a heading; under it, one compact row per question with
the question in small words and the answer in bold. A row is one touch target: a tap opens
that question. The parts flow into columns on a wide screen (one column in portrait), so a
typical visit fits in about one screen. Send is at the bottom, beside the sentence that says
where the answers go and that they cannot be changed here once sent.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import answer_words
from kiosk.intake.questionnaire import Answer, Item
from kiosk.intake.session import IntakeSession
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import discard, nest
from kiosk.ui.parts import (
    LaidOutButton,
    Screen,
    breakable,
    button,
    let_go,
    set_button_text,
    take_in_hidden,
    text,
)

#: The answers in bold, at the body size (the kiosk's style sheet sizes and colours them).
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
        if self.answer.property("role") != role:
            self.answer.setProperty("role", role)
            self.answer.style().unpolish(self.answer)  # the style sheet styles by role
            self.answer.style().polish(self.answer)
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


class ReviewScreen(Screen):
    """Emits `change_requested(item id)` for a tapped answer and `send_requested` for Send."""

    change_requested = Signal(str)
    send_requested = Signal()

    def __init__(self, session: IntakeSession) -> None:
        super().__init__("review")
        self._session = session
        self._words: LanguageWords | None = None
        self._title = text("", "title", "review_title")
        self._intro = text("", "muted", "review_intro")
        self._list = PartColumns()
        self._head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._head.addWidget(self._title)
        self._head.addWidget(self._intro, 1, Qt.AlignmentFlag.AlignBottom)
        page = QWidget()  # the title scrolls away with the list, leaving it the room
        self._page = QVBoxLayout(page)
        self._page.setContentsMargins(0, 0, 0, 0)
        nest(self._page, self._head)
        self._page.addWidget(self._list, 1)
        self._scroll = touch_scroll("review_scroll", page)
        self._note = text("", "", "review_send_note")
        self._send = button("review_send", "primary")
        self._send.clicked.connect(self.send_requested)
        self._foot = QHBoxLayout()
        self._foot.addWidget(self._note, 1)
        self._foot.addWidget(self._send, 0, Qt.AlignmentFlag.AlignBottom)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._scroll, 1)
        nest(self._layout, self._foot)
        #: Headings and rows got ready ahead (`work_ahead`), not yet on the list.
        self._spare_parts: dict[str, Part] = {}
        self._spare_rows: dict[str, AnswerRow] = {}
        self.apply_metrics(26)  # until the window gives its sizes

    def work_ahead(self) -> list[Callable[[], object]]:
        """Steps that make the list's headings and rows ahead, a part of the questionnaire at
        a time (while the patient answers), so that opening the list only fills in words."""
        return [*(functools.partial(self._prepare, page.id, [item.id for item in page.items
                                                             if item.asks])
                  for page in self._session.questionnaire.pages),
                self.refresh]  # the list laid out with the answers so far

    def _prepare(self, page_id: str, item_ids: list[str]) -> None:
        listed = {part.page_id for part in self._list.parts}
        if page_id not in listed and page_id not in self._spare_parts:
            part = Part(page_id, "")
            self._spare_parts[page_id] = part
            self._list.adopt(part.heading)
        on_list = {row.item_id for part in self._list.parts for row in part.rows}
        for item_id in item_ids:
            if item_id not in on_list and item_id not in self._spare_rows:
                row = self._new_row(item_id)
                self._spare_rows[item_id] = row
                self._list.adopt(row)

    def rows(self) -> list[AnswerRow]:
        return [row for part in self._list.parts for row in part.rows]

    def key_stops(self) -> list[Stop]:
        """Each answer, down one column and on to the next as they are read, then Send."""
        return [*self.rows(), self._send]

    def refresh(self) -> None:
        """List the answers as they are now (branching may have changed what is asked)."""
        words = self._words
        if words is None:
            return
        review = self._session.review()
        kept_parts = {**self._spare_parts, **{part.page_id: part for part in self._list.parts}}
        kept_rows = {**self._spare_rows,
                     **{row.item_id: row for part in self._list.parts for row in part.rows}}
        self._spare_parts, self._spare_rows = {}, {}
        parts: list[Part] = []
        for page in self._session.questionnaire.pages:
            ids = {item.id for item in page.items}
            shown = [(item, answer) for item, answer in review if item.id in ids]
            if shown:
                title = words.questionnaire.pages[page.id].title
                part = kept_parts.pop(page.id, None) or Part(page.id, title)
                part.heading.setText(title)
                part.rows = [self._row(kept_rows.pop(item.id, None), item, answer, words)
                             for item, answer in shown]
                parts.append(part)
        self._list.show_parts(parts)  # rows and headings already there are used again
        gone = [*kept_rows.values(), *(part.heading for part in kept_parts.values())]
        for piece in gone:
            let_go(piece)

    def _row(self, row: AnswerRow | None, item: Item, answer: Answer | None,
             words: LanguageWords) -> AnswerRow:
        """`row` (the item's row from the last opening) or a new one, with `answer`."""
        if row is None:
            row = self._new_row(item.id)
        shown = answer_words(item, answer, words) if answer is not None \
            else words.ui.review_not_answered
        role = "answer" if answer is not None else "warning" if item.required else "muted"
        row.set_words(words.questionnaire.items[item.id].text, shown, role,
                      words.ui.review_change)
        return row

    def _new_row(self, item_id: str) -> AnswerRow:
        row = AnswerRow(item_id)
        row.clicked.connect(lambda _=False, i=item_id: self.change_requested.emit(i))
        return row

    def _fit_head(self) -> None:
        """The intro beside the title when it fits on one line there, else under it."""
        margins = self._layout.contentsMargins()
        room = (self.width() - margins.left() - margins.right()
                - self._scroll.verticalScrollBar().sizeHint().width())
        wanted = (self._title.sizeHint().width() + self._head.spacing()
                  + QFontMetrics(self._intro.font()).horizontalAdvance(self._intro.text()))
        self._head.setDirection(QBoxLayout.Direction.LeftToRight if wanted <= room
                                else QBoxLayout.Direction.TopToBottom)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_head()

    def apply_metrics(self, body_px: int) -> None:
        side = round(body_px * 0.9)
        self._layout.setContentsMargins(side, round(body_px * 0.6), side, round(body_px * 0.4))
        self._layout.setSpacing(round(body_px * 0.3))
        self._page.setSpacing(round(body_px * 0.3))
        self._head.setSpacing(body_px)
        self._foot.setSpacing(body_px)
        self._list.apply_metrics(body_px)
        self._fit_head()

    def show_words(self, words: LanguageWords) -> None:
        """The words of `words`' language; the list is filled in again at once only while it
        is in view (opening the list fills it in as the answers stand then)."""
        if words is self._words:
            return
        self._words = words
        self._title.setText(words.ui.review_title)
        self._intro.setText(words.ui.review_intro)
        self._note.setText(words.ui.confirm_body)
        set_button_text(self._send, words.ui.review_send, words.ui.confirm_body)
        self._fit_head()
        if self.isVisible():
            self.refresh()
