"""One question per screen: progress, the question, its answer widget, Next (and Back in the bar).

The screen holds no rules: it tells the intake session each answer as it changes and asks it
what comes next, whether the answer was required or cannot be kept as typed (the message under
the answers says which), and whether a red flag needs the desk now.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Content, LanguageWords
from kiosk.intake.answers import AnswerInvalid
from kiosk.intake.questionnaire import Item
from kiosk.intake.session import IntakeSession
from kiosk.intake.typed_date import DateOrder
from kiosk.ui import key_moves
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.next_answers import NextAnswers
from kiosk.ui.parts import Screen, let_go, text
from kiosk.ui.progress_line import ProgressLine
from kiosk.ui.question_nav import QuestionNav
from kiosk.ui.question_steps import QuestionSteps
from kiosk.ui.question_words import QuestionWords

#: Gaps between the progress, the words and the answers, in pixels.
GAP = 12
#: Steps of the progress bar.
PROGRESS_STEPS = 1000


class QuestionScreen(QuestionSteps, Screen):
    """Shows the session's current item; emits where the patient goes next.

    The answers stand in the same place from one question of a kind to the next: the words
    above them get the room the longest question of that kind needs, so a patient tapping
    "No" down a run of yes/no questions finds it where it was. A one-tap answer (yes/no,
    one of several, 0 to 10) moves on by itself after a short pause that shows the choice.
    """

    finished = Signal()   # past the last question, or back to the review list
    left = Signal()       # Back before the first question
    urgent = Signal()     # an answer raised an urgent red flag: the desk, now
    moved_on = Signal()   # the patient went past a question with Next (answers to keep)
    ahead_wanted = Signal()  # the next question's answers could be got ready (`prepare_next`)

    def __init__(self, session: IntakeSession, content: Content,
                 today: datetime.date | None = None, date_order: DateOrder = "mdy",
                 auto_advance_seconds: float = 0.0) -> None:
        super().__init__("question")
        self._session = session
        self._content = content
        self._words: LanguageWords | None = None
        self._answer: AnswerWidget | None = None
        self.reviewing = False
        self._body_px = 26
        nav = self._nav = QuestionNav(auto_advance_seconds)
        self._advance = nav.pause
        self._advance.timeout.connect(self._advance_now)
        self._progress_text = text("", "muted", "question_progress")
        self._progress = ProgressLine("question_progress_bar", PROGRESS_STEPS)
        self._question_words = QuestionWords()
        self._next = nav.next
        self._next.clicked.connect(self.go_next)
        # The words scroll on their own above the answers; the answers, with Next right
        # under them, start where the words' room ends.
        self._words_scroll = touch_scroll("question_words_scroll", self._question_words)
        self._holder = QWidget()
        self._holder.setObjectName("question_holder")
        self._holder_layout = QVBoxLayout(self._holder)
        self._next_answers = NextAnswers(self._holder, today, date_order)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        self._holder_layout.addWidget(nav)
        self._holder_layout.addStretch(1)
        scroll = self._scroll = touch_scroll("question_scroll", self._holder)
        self._column = QWidget()
        self._column.setObjectName("question_column")
        self._column.installEventFilter(self)  # narrower beside a picture: the words' room
        column = self._column_layout = QVBoxLayout(self._column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._progress_text)
        column.addWidget(self._progress)
        column.addSpacing(GAP)
        column.addWidget(self._words_scroll)
        column.addSpacing(GAP)
        column.addWidget(scroll, 1)
        layout = self._centre = QHBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 16)
        layout.addStretch(1)
        layout.addWidget(self._column, 100)  # up to its widest; the rest either side
        layout.addStretch(1)

    @property
    def item(self) -> Item | None:
        return self._session.current

    def open(self, item_id: str | None = None, reviewing: bool = False) -> None:
        """Show an item (the current one by default); from the review list, Next returns there."""
        self._advance.stop()
        self.reviewing = reviewing
        if item_id is not None:
            self._session.go_to(item_id)
        elif self._session.current is None:
            self._session.start()
        self._show_item()

    def _show_item(self) -> None:
        self._advance.stop()
        item = self._session.current
        if item is None:
            return
        answer = self._answer
        if answer is not None and answer.can_answer(item):
            answer.answer_for(item)  # a run of yes/no questions keeps its buttons
            answer.set_value(self._session.answers.get(item.id))
        else:
            answer = self._new_answer(item)
        answer.apply_metrics(self._body_px)  # before the room beside the words is weighed
        self._place_beside()
        self._scroll.verticalScrollBar().setValue(0)
        self._nav.problem.clear()
        if self._words is not None:
            answer.show_words(self._words)
            self._show_texts()
        key_moves.settle(self)  # the keys start at the new question's answers
        self.ahead_wanted.emit()

    def _new_answer(self, item: Item) -> AnswerWidget:
        if self._answer is not None:
            self._answer.part_beside(QSize())  # a part beside the words goes with it
            let_go(self._answer)
        answer = self._answer = self._next_answers.take(item)
        answer.set_value(self._session.answers.get(item.id))
        answer.changed.connect(self._record)
        answer.picked.connect(self._picked)
        answer.submitted.connect(self.go_next)
        self._holder_layout.insertWidget(0, answer)  # first, with Next under it
        answer.show()
        answer.take_focus()
        return answer

    def prepare_next(self) -> None:
        """Make the answers of the question Next leads to (as the answers stand now) while the
        patient reads this one (kiosk/ui/next_answers.py); nothing where this question's
        answers will serve the next."""
        current, following, words = self._answer, self._session.following(), self._words
        if (self.isVisible() and current is not None and following is not None
                and words is not None and not current.can_answer(following)):
            self._next_answers.make_ahead(following, self._body_px, words)

    def drop_sized(self, body_px: int) -> None:
        """The next question's answers made ahead were sized and styled for the old size."""
        self._next_answers.drop()

    def _record(self) -> None:
        """Tell the session at once, so branching and progress follow every touch."""
        item, widget = self._session.current, self._answer
        if item is None or widget is None:
            return
        try:
            self._session.answer(item.id, widget.value())
        except AnswerInvalid:
            self._session.answer(item.id, None)
        self._nav.problem.clear()
        self._nav.show_note(item)
        self._show_progress()
        self.ahead_wanted.emit()  # the answer may change where Next leads

    def key_stops(self) -> list[Stop]:
        """The words, when they are too long for their room and scroll; the answers; Next."""
        words = [self._words_scroll] if self._words_scroll.verticalScrollBar().maximum() else []
        answers = self._answer.key_stops() if self._answer is not None else []
        return [*words, *answers, self._next]

    def rest_focus(self) -> None:
        """A text box or a number pad takes the keys; otherwise no answer looks picked."""
        if self._answer is None or not self._answer.take_focus():
            super().rest_focus()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._advance.stop()  # the idle warning, the urgent screen or a wipe took over
        super().hideEvent(event)

    def _show_progress(self) -> None:
        words = self._words
        if words is None or self._session.current is None:
            return
        where = self._session.part_progress()
        value = round(where.done * PROGRESS_STEPS)
        self._progress.set_value(value)
        shown = words.ui.question_progress.format(
            number=where.number, total=where.total,
            title=words.questionnaire.pages[where.page_id].title)
        if shown != self._progress_text.text():
            self._progress_text.setText(shown)

    def _show_texts(self) -> None:
        item, words = self._session.current, self._words
        if item is None or words is None:
            return
        question, note = self._question_words.show_item(item, words)
        if self._answer is not None:
            self._nav.problem.describe(self._answer, question, note)
        self._nav.show_words(item, words, self.reviewing, self._session.before())
        self._show_progress()
        self._keep_answers_in_place()

    def _keep_answers_in_place(self) -> None:
        """Give the words above the answers the room the longest question of this kind
        needs at this width and text size, so the answers start at the same place on every
        question of the kind; where the screen is too short for that and the answers, the
        words get what the answers leave and scroll."""
        item, words, answer = self._session.current, self._words, self._answer
        width = self._column.width()
        if item is None or words is None or answer is None or width <= 0:
            return
        kind = [other for other in self._content.questionnaire.items() if other.type == item.type]
        answer_height = answer.height_for_kind(kind, width)
        own_answer = max(answer.sizeHint().height(), answer.heightForWidth(width))
        layout = self._centre.contentsMargins()
        spacing = max(0, self._column_layout.spacing())
        taken = (layout.top() + layout.bottom() + 2 * GAP + 4 * spacing
                 + self._progress_text.heightForWidth(width)
                 + self._progress.sizeHint().height()
                 + self._next.sizeHint().height() + self._holder_layout.spacing())
        # Measured beside the scroll bar, which room for them only without it would bring.
        narrower = width - self._words_scroll.verticalScrollBar().sizeHint().width()
        words_room = self._question_words.room_for(
            item, kind, words, narrower, self.height() - taken - answer_height,
            answer_height - own_answer)
        self._words_scroll.setFixedHeight(words_room)
        answer.fit_in(self.height() - taken - words_room)

    def _place_beside(self) -> None:
        """A part of the answer to stand beside the question (the pain map's body on a landscape
        screen) goes left of the column, laid out at once: the words' room follows."""
        room = self.contentsRect().marginsRemoved(self._centre.contentsMargins()).size()
        part = self._answer.part_beside(room) if self._answer is not None else None
        if part is not None and self._centre.indexOf(part) < 0:
            self._centre.insertWidget(1, part)
            part.show()
        self._centre.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_beside()
        self._keep_answers_in_place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._column and event.type() == QEvent.Type.Resize:
            self._keep_answers_in_place()
        return super().eventFilter(watched, event)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        if self._answer is not None:
            self._answer.show_words(words)
        self._show_texts()

    def apply_metrics(self, body_px: int) -> None:
        """A column at a comfortable reading width, centred; the answers' sizes."""
        self._body_px = body_px
        self._column.setMaximumWidth(body_px * 50)
        self._progress.set_height(round(body_px * 0.6))
        if self._answer is not None:
            self._answer.apply_metrics(body_px)
        self._keep_answers_in_place()

