"""The answers of the question Next leads to, made while the patient reads the one on screen.

Building an answer widget and styling it is most of what showing the next question costs, so
the question screen has it done ahead (a step of the window's ReadyAhead, in a pause between
touches) and Next only shows it. At most one widget is kept ready, hidden in the screen, holding
no answer: it is given the patient's answer, if any, when it is shown.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from kiosk.intake.questionnaire import Item
from kiosk.intake.typed_date import DateOrder
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.answers import answer_widget
from kiosk.ui.parts import let_go, take_in_hidden

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.content.model import LanguageWords


class NextAnswers:
    """Makes answer widgets for a question screen, or hands over the one made ahead."""

    def __init__(self, holder: QWidget, today: datetime.date | None,
                 date_order: DateOrder) -> None:
        self._holder = holder
        self._today = today
        self._date_order = date_order
        self._ready: AnswerWidget | None = None

    def make_ahead(self, item: Item, body_px: int, words: LanguageWords) -> None:
        """Have `item`'s answers ready, sized, worded and styled, out of sight."""
        if self._ready is not None and self._ready.item.id == item.id:
            return
        self.drop()
        ready = self._ready = answer_widget(item, self._today, self._date_order)
        take_in_hidden(self._holder, ready)
        ready.apply_metrics(body_px)
        ready.show_words(words)

    def take(self, item: Item) -> AnswerWidget:
        """`item`'s answers: the ones made ahead if they are for it, else made now."""
        ready, self._ready = self._ready, None
        if ready is not None and ready.item.id == item.id:
            return ready
        if ready is not None:
            let_go(ready)
        return answer_widget(item, self._today, self._date_order)

    def drop(self) -> None:
        """Let go of the answers made ahead (made for another text size, or another question)."""
        if self._ready is not None:
            let_go(self._ready)
            self._ready = None
