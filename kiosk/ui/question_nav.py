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


def alike(one: Item, other: Item) -> bool:
    """Whether a tap where one question's answer stood lands on the same answer of the other,
    or on none: the same kind (whose answers start in the same place), the same range, and
    one's answers the start of the other's ("I prefer not to say" after "I'm not sure")."""
    mine, theirs = one.choices(), other.choices()
    shared = min(len(mine), len(theirs))
    return (one.type, one.min, one.max, mine[:shared]) == (
        other.type, other.min, other.max, theirs[:shared])


def one_tap(item: Item, before: Item | None, reviewing: bool) -> bool:
    """Whether a tap on an answer to `item` moves on by itself. Not right after a one-tap
    question with other answers (`before`, the question Back leads to): a tap in the rhythm of
    that one would land on another answer here ("I smoke now" where "No" was), so this one
    waits for Next. From the review list, one tap always goes back to it."""
    if item.type not in MOVES_ON:
        return False
    return reviewing or before is None or before.type not in MOVES_ON or alike(before, item)


class QuestionNav(QWidget):
    """Next, the message line, the one-tap note, and the pause after a one-tap answer (the
    choice shows, then the next question opens; no pause, no moving on by itself)."""

    def __init__(self, pause_seconds: float) -> None:
        super().__init__()
        self.setObjectName("question_nav")
        self.auto = pause_seconds > 0
        #: Whether a tap on an answer to the question shown moves on by itself.
        self.one_tap = False
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
        announced before it happens), and on one that waits for Next that it does; unless a
        message stands there."""
        self.note.setVisible(self.auto and item.type in MOVES_ON and not self.problem.shown)

    def show_words(self, item: Item, words: LanguageWords, reviewing: bool,
                   before: Item | None) -> None:
        self.problem.show_words(item, words)
        self.one_tap = self.auto and one_tap(item, before, reviewing)
        self.note.setText(words.ui.question_moves_back if reviewing
                          else words.ui.question_moves_on if self.one_tap
                          else words.ui.question_different_answers)
        self.show_note(item)
        set_button_text(self.next, words.ui.review_back_to if reviewing
                        else words.ui.question_next)
