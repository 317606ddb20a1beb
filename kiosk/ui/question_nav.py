"""The row under a question's answers: Next, and beside it the message that holds the patient on
the question (`kiosk.ui.answer_problem`), or else, on a one-tap question, how one-tap answers
move on."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.content.model import LanguageWords
from kiosk.intake.questionnaire import Item
from kiosk.ui.answer_problem import AnswerProblem
from kiosk.ui.parts import button, set_button_text, text

#: Kinds of question that move on by themselves: one tap answers them (a duration, once its
#: number is typed, by the touch on its unit).
MOVES_ON = frozenset({"yesno", "single", "scale", "duration"})


class QuestionNav(QWidget):
    """Next, the message line, the one-tap note, and the pause after a one-tap answer (the
    choice shows, then the next question opens; no pause, no moving on by itself)."""

    def __init__(self, pause_seconds: float) -> None:
        super().__init__()
        self.setObjectName("question_nav")
        self.auto = pause_seconds > 0
        self.pause = QTimer(self)
        self.pause.setObjectName("question_auto_advance")
        self.pause.setSingleShot(True)
        self.pause.setInterval(round(pause_seconds * 1000))
        self.problem = AnswerProblem()
        self.note = text("", "muted", "question_moves_on")
        self.next = button("question_next", "primary")
        self.next.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.problem.label, 1)
        row.addWidget(self.note, 1)
        row.addStretch(0)
        row.addWidget(self.next, 0, Qt.AlignmentFlag.AlignTop)

    def hold(self, reason: str, item: Item, words: LanguageWords | None) -> None:
        """The patient stays on the question, and is told why."""
        self.note.hide()
        self.problem.say(reason, item, words)

    def show_note(self, item: Item) -> None:
        """How one-tap answers work is told on each one-tap question, beside its answers,
        before the patient touches one (WCAG 3.2.2: a change of screen on a choice is
        announced before it happens), unless a message stands there."""
        self.note.setVisible(self.auto and item.type in MOVES_ON and not self.problem.shown)

    def show_words(self, item: Item, words: LanguageWords, reviewing: bool) -> None:
        self.problem.show_words(item, words)
        self.note.setText(words.ui.question_moves_back if reviewing
                          else words.ui.question_moves_on)
        self.show_note(item)
        set_button_text(self.next, words.ui.review_back_to if reviewing
                        else words.ui.question_next)
