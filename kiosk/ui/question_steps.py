"""Moving through the questions: Next, Back, and the short pause after a one-tap answer.

Next asks the intake session whether the answer can be kept and what comes next; an answer
that cannot go on holds the patient on the question with the message why (the question's
navigation row shows it). A red flag raised by the answers goes to the desk at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.intake.questionnaire import Item
from kiosk.intake.session import AnswerRequired, IntakeSession
from kiosk.ui.answer_problem import REQUIRED, refusal

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance

    from kiosk.content.model import LanguageWords
    from kiosk.ui.answer_base import AnswerWidget
    from kiosk.ui.question_nav import QuestionNav


class QuestionSteps:
    """The steps of the question screen (kiosk/ui/screens/question.py) from one question to
    the next or back."""

    _session: IntakeSession
    _answer: AnswerWidget | None
    _words: LanguageWords | None
    _nav: QuestionNav
    _advance: QTimer
    reviewing: bool

    if TYPE_CHECKING:
        finished: SignalInstance
        left: SignalInstance
        urgent: SignalInstance
        moved_on: SignalInstance

        def isVisible(self) -> bool: ...  # noqa: N802 - Qt's name
        def _show_item(self) -> None: ...

    def _picked(self) -> None:
        """A one-tap answer: shown chosen for a moment, then the next question (a tap on
        another answer starts the pause again; Back or Next stop it). A question that waits
        for Next (kiosk/ui/question_nav.py `one_tap`) just shows the choice."""
        if self._nav.one_tap:
            self._advance.start()

    def _advance_now(self) -> None:
        if self.isVisible() and self._answer is not None and self._answer.value() is not None:
            self.go_next()

    @property
    def advancing(self) -> bool:
        """Whether a chosen answer is about to move on by itself."""
        return self._advance.isActive()

    @property
    def pause(self) -> QTimer:
        """The short pause after a one-tap answer; the next question opens at its end."""
        return self._advance

    def go_next(self) -> None:
        self._advance.stop()
        item, answer, following = self._session.current, self._answer, None
        reason = (refusal(self._session, item, answer.value())
                  if item is not None and answer is not None else None)
        if reason is None:
            try:
                following = self._session.go_next()
            except AnswerRequired:
                reason = REQUIRED
        if reason is not None and item is not None:
            self._nav.hold(reason, item, self._words)
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
        self._advance.stop()
        previous = self._session.go_back()
        if previous is None:
            self._session.start()
            self.left.emit()
        else:
            self._show_item()
        return True
