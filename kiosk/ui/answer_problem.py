"""The message under a question's answers when Next cannot go on, in the patient's language.

Two things hold a patient on a question: a required question left without an answer, and an
answer the question cannot take (a record number in another format than the clinic's). The
intake session decides both (`kiosk.intake.session`, `kiosk.intake.answers`); this line only
says which, in words. What the patient typed stays where it is, so they can correct it.

Like every message a patient must see, it is a warning label: it appears afresh each time Next
is refused (so read aloud says it again), and while it shows, the answer's controls carry it in
their description, so assistive technology reads it with the box it is about. The on-screen
keyboard goes down as it appears (at the largest text the keys would cover it; the box keeps
the keys of a hardware keyboard, and a tap on it brings the on-screen one back), and the
message scrolls into sight.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from kiosk.content.model import LanguageWords
from kiosk.intake.answers import AnswerInvalid
from kiosk.intake.questionnaire import Answer, Item
from kiosk.intake.session import IntakeSession
from kiosk.ui.answer_base import AnswerWidget
from kiosk.ui.input_method import keep_in_view

#: A required question left without an answer.
REQUIRED = "required"
#: Refusals of an answer the patient can put right, and so is told about (an answer refused
#: for another reason, such as a question branching has just hidden, is let go silently).
TOLD = frozenset({"wrong-format"})


def refusal(session: IntakeSession, item: Item, value: Answer | None) -> str | None:
    """Why the session cannot keep `value` as the answer to `item` (one of TOLD), or None
    when it can or when nothing is given."""
    if value is None or session.answers.get(item.id) == value:
        return None  # nothing given, or kept already
    try:
        session.answer(item.id, value)
    except AnswerInvalid as refused:
        return refused.reason if refused.reason in TOLD else None
    return None


def message(reason: str, item: Item, words: LanguageWords) -> str:
    """The words for `reason`: a wrong format names the format the clinic expects, in the
    clinic's own words (the question's help)."""
    if reason == "wrong-format":
        expected = words.questionnaire.items[item.id].help or ""
        return " ".join(words.ui.record_number_wrong.format(format=expected).split())
    return words.ui.question_required


class _Message(QLabel):
    """A wrapped warning label that keeps itself in sight while it is laid out."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("question_problem")
        self.setProperty("role", "warning")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize):
            keep_in_view(self)
        return super().event(event)


class AnswerProblem:
    """The question screen's message line, and the description of the answer it is about."""

    def __init__(self) -> None:
        self.label: QLabel = _Message()
        self.label.hide()
        self.reason: str | None = None
        self._about: tuple[AnswerWidget, str, str] | None = None

    @property
    def shown(self) -> bool:
        return self.reason is not None

    def say(self, reason: str, item: Item, words: LanguageWords | None) -> None:
        """Show the message for `reason` (REQUIRED, or one of TOLD)."""
        self.reason = reason
        self.label.hide()  # a message appears afresh, and is read aloud afresh
        self.show_words(item, words)
        # Once the key that went on (the keyboard's own Return) is done: during it the
        # keyboard stays up whatever it is told.
        QTimer.singleShot(0, QGuiApplication.inputMethod().hide)
        self.label.show()

    def clear(self) -> None:
        """The patient changed the answer, or another question opened: no message."""
        if self.reason is None:
            return
        self.reason = None
        self.label.hide()
        self._describe()

    def show_words(self, item: Item, words: LanguageWords | None) -> None:
        """The message in `words`' language (a language chosen while it shows)."""
        if words is not None and self.reason is not None:
            self.label.setText(message(self.reason, item, words))
            self.label.setAccessibleName(self.label.text())
        self._describe()

    def describe(self, answer: AnswerWidget, question: str, note: str) -> None:
        """Name `answer` for assistive technology by its question and note, and by the
        message while one shows."""
        self._about = (answer, question, note)
        self._describe()

    def _describe(self) -> None:
        if self._about is None or not shiboken6.isValid(self._about[0]):
            return  # no answer described yet, or one already replaced
        answer, question, note = self._about
        said = self.label.text() if self.reason is not None else ""
        answer.describe(question, " ".join(part for part in (note, said) if part))
