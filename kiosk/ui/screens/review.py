"""The review list: every question shown to the patient with their answer, each one tappable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.content.wording import answer_words
from kiosk.intake.session import IntakeSession
from kiosk.ui.parts import (
    CardButton,
    Screen,
    button,
    clear_rows,
    set_button_text,
    text,
    touch_scroll,
)


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
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        self._rows.setSpacing(10)
        self._scroll = touch_scroll("review_scroll", self._list)
        self._send = button("review_send", "primary")
        self._send.clicked.connect(self.send_requested)
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self._send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 32, 64, 16)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(nav)

    def refresh(self) -> None:
        """List the answers as they are now (branching may have changed what is asked)."""
        clear_rows(self._rows)
        words = self._words
        if words is None:
            return
        for item, answer in self._session.review():
            row = CardButton(f"review_{item.id}", "tile")
            shown = answer_words(item, answer, words) if answer is not None \
                else words.ui.review_not_answered
            row.set_words(words.questionnaire.items[item.id].text, shown)
            row.clicked.connect(lambda _=False, i=item.id: self.change_requested.emit(i))
            self._rows.addWidget(row)
            row.show()
        self._rows.addStretch(1)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        self._title.setText(words.ui.review_title)
        self._intro.setText(words.ui.review_intro)
        set_button_text(self._send, words.ui.review_send)
        self.refresh()
