"""The review list: every answer, part by part, to check at a glance and send from here.

Each part of the questionnaire has a heading; under it, one compact row per question with
the question in small words and the answer in bold. A row is one touch target: a tap opens
that question. The parts flow into columns on a wide screen (one column in portrait), so a
typical visit fits in about one screen. Send is at the bottom, beside the sentence that says
where the answers go and that they cannot be changed here once sent.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import answer_words
from kiosk.intake.questionnaire import Answer, Item
from kiosk.intake.session import IntakeSession
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.parts import (
    Screen,
    button,
    let_go,
    set_button_text,
    text,
)
from kiosk.ui.screens.review_list import AnswerRow, Part, PartColumns


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
