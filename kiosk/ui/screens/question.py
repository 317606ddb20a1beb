"""One question per screen: progress, the question, its answer widget, Next (and Back in the bar).

The screen holds no rules: it tells the intake session each answer as it changes and asks it
what comes next, whether the answer was required, and whether a red flag needs the desk now.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.content.model import Content, LanguageWords
from kiosk.content.settings import DateOrder
from kiosk.intake.answers import AnswerInvalid
from kiosk.intake.questionnaire import Item
from kiosk.intake.session import AnswerRequired, IntakeSession
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.answers import answer_widget
from kiosk.ui.parts import Screen, button, set_button_text, text, touch_scroll


class QuestionScreen(Screen):
    """Shows the session's current item; emits where the patient goes next."""

    finished = Signal()   # past the last question, or back to the review list
    left = Signal()       # Back before the first question
    urgent = Signal()     # an answer raised an urgent red flag: the desk, now
    moved_on = Signal()   # the patient went past a question with Next (answers to keep)

    def __init__(self, session: IntakeSession, content: Content,
                 today: datetime.date | None = None, date_order: DateOrder = "mdy") -> None:
        super().__init__("question")
        self._date_order = date_order
        self._session = session
        self._content = content
        self._today = today
        self._words: LanguageWords | None = None
        self._answer: AnswerWidget | None = None
        self.reviewing = False
        self._body_px = 26

        self._page = text("", "muted", "question_page")
        self._progress_text = text("", "muted", "question_progress")
        # Both wrap: at a large text size on a narrow screen they share the line, not widen it.
        self._progress_text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._progress = QProgressBar()
        self._progress.setObjectName("question_progress_bar")
        self._progress.setTextVisible(False)
        self._title = text("", "title", "question_text")
        self._help = text("", "muted", "question_help")
        self._hint = text("", "muted", "question_hint")
        self._required = text("", "warning", "question_required")
        self._required.hide()
        self._holder = QWidget()
        self._holder.setObjectName("question_holder")
        self._holder_layout = QVBoxLayout(self._holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        for label in (self._title, self._help, self._hint):
            self._holder_layout.addWidget(label)
        self._holder_layout.addSpacing(12)
        self._holder_layout.addStretch(1)
        scroll = self._scroll = touch_scroll("question_scroll", self._holder)
        self._next = button("question_next", "primary")
        self._next.clicked.connect(self.go_next)

        top = QHBoxLayout()
        top.addWidget(self._page, 1)
        top.addWidget(self._progress_text, 0, Qt.AlignmentFlag.AlignTop)
        nav = QHBoxLayout()
        nav.addWidget(self._required, 1)
        nav.addStretch(0)
        nav.addWidget(self._next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 24, 64, 16)
        layout.addLayout(top)
        layout.addWidget(self._progress)
        layout.addSpacing(12)
        layout.addWidget(scroll, 1)
        layout.addLayout(nav)

    @property
    def item(self) -> Item | None:
        return self._session.current

    def open(self, item_id: str | None = None, reviewing: bool = False) -> None:
        """Show an item (the current one by default); from the review list, Next returns there."""
        self.reviewing = reviewing
        if item_id is not None:
            self._session.go_to(item_id)
        elif self._session.current is None:
            self._session.start()
        self._show_item()

    def _show_item(self) -> None:
        item = self._session.current
        if item is None:
            return
        if self._answer is not None:
            self._answer.hide()
            self._answer.setParent(None)
            self._answer.deleteLater()
        self._answer = answer_widget(item, self._today, self._date_order)
        self._answer.set_value(self._session.answers.get(item.id))
        self._answer.changed.connect(self._record)
        self._answer.submitted.connect(self.go_next)
        self._holder_layout.insertWidget(self._holder_layout.count() - 1, self._answer)
        self._answer.show()
        self._answer.take_focus()
        self._scroll.verticalScrollBar().setValue(0)
        self._answer.apply_metrics(self._body_px)
        self._required.hide()
        if self._words is not None:
            self._answer.show_words(self._words)
            self._show_texts()

    def _record(self) -> None:
        """Tell the session at once, so branching and progress follow every touch."""
        item, widget = self._session.current, self._answer
        if item is None or widget is None:
            return
        try:
            self._session.answer(item.id, widget.value())
        except AnswerInvalid:
            self._session.answer(item.id, None)
        self._required.hide()
        self._show_progress()

    def go_next(self) -> None:
        try:
            following = self._session.go_next()
        except AnswerRequired:
            self._required.show()
            return
        fired = self._session.fire_flags()
        self._after_urgent(following)
        if fired:
            self.urgent.emit()
        else:
            self.moved_on.emit()

    def _after_urgent(self, following: Item | None) -> None:
        if following is None or self.reviewing:
            self.finished.emit()
        else:
            self._show_item()

    def handle_back(self) -> bool:
        previous = self._session.go_back()
        if previous is None:
            self._session.start()
            self.left.emit()
        else:
            self._show_item()
        return True

    def _show_progress(self) -> None:
        if self._words is None:
            return
        item = self._session.current
        if item is None:
            return
        pages = self._content.questionnaire.pages
        page = self._content.questionnaire.page_of(item.id)
        number = pages.index(page) + 1
        number_q, total_q = self._session.progress()
        self._progress.setRange(0, max(1, total_q))
        self._progress.setValue(number_q)
        self._progress_text.setText(self._words.ui.question_progress.format(
            number=number, total=len(pages),
            title=self._words.questionnaire.pages[page.id].title))

    def _show_texts(self) -> None:
        item, words = self._session.current, self._words
        if item is None or words is None:
            return
        item_words = words.questionnaire.items[item.id]
        page = self._content.questionnaire.page_of(item.id)
        self._page.setText(words.questionnaire.pages[page.id].title)
        self._title.setText(item_words.text)
        self._help.setText(item_words.help or "")
        self._help.setVisible(bool(item_words.help))
        self._hint.setText(words.ui.question_pick_any)
        self._hint.setVisible(item.type == "multiple" and not item_words.help)
        self._required.setText(words.ui.question_required)
        set_button_text(self._next, words.ui.review_back_to if self.reviewing
                        else words.ui.question_next)
        self._show_progress()

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        if self._answer is not None:
            self._answer.show_words(words)
        self._show_texts()

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        self._holder.setMaximumWidth(body_px * 44)
        if self._answer is not None:
            self._answer.apply_metrics(body_px)
