"""The patient's pass through the questionnaire, as the kiosk window runs it.

A mix-in of the window: it builds the questionnaire screens on first use, keeps the visit's
intake session, and moves the patient between question, review (where they send), urgent and
thanks. The rules live in the session; this only decides which screen comes next.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QRect

from kiosk.content.model import Loaded
from kiosk.intake.session import IntakeSession
from kiosk.ui.laid_out_ahead import lay_out_ahead
from kiosk.ui.parts import Screen, let_go
from kiosk.ui.place import PATIENT_SCREENS, Place

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from kiosk.intake.session import SubmittedVisit
    from kiosk.records.keeper import VisitKeeper
    from kiosk.ui.ahead import ReadyAhead
    from kiosk.ui.bottom_bar import BottomBar
    from kiosk.ui.screens.question import QuestionScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.staff_urgent import StaffUrgentScreen
    from kiosk.ui.screens.visit_end import ThanksScreen

log = logging.getLogger(__name__)


class QuestionnaireFlow:
    """The questionnaire part of the kiosk window (see KioskWindow)."""

    visit: IntakeSession | None
    language: str
    visit_submitted: Any
    urgent_raised: Any
    visit_progressed: Any
    _loaded: Loaded
    _place: Place
    _history: list[Place]
    _screens: dict[str, Screen]
    _stack: QStackedWidget
    ahead: ReadyAhead
    bar: BottomBar

    store: Any
    print_queue: Any
    courier: Any
    #: Where visits are kept (the store, or the fallback file); None without a data folder.
    keeper: VisitKeeper | None = None

    if TYPE_CHECKING:
        def open_staff_mode(self) -> None: ...
        def page(self, name: str) -> Screen: ...
        def go(self, place: Place, remember: bool = True) -> None: ...
        def wipe(self) -> None: ...
        def prepare_keyboard(self, keys_now: bool = True) -> None: ...
        def screen_changed(self) -> None: ...
        def height(self) -> int: ...

    def questionnaire_screens(self) -> dict[str, Any]:
        """The factories of the questionnaire's screens, by name."""
        return {"question": self._make_question, "review": self._make_review,
                "urgent": self._make_urgent, "thanks": self._make_thanks}

    #: The visit the question screen was made ready for, before a patient began it.
    _unbegun: IntakeSession | None = None

    def _session(self) -> IntakeSession:
        """The patient's visit, begun now if it was not (the one the question screen made
        ahead was built for, so the screen and the visit are one)."""
        if self.visit is None:
            self.visit, self._unbegun = self._session_for_screens(), None
        return self.visit

    def kept_answers(self) -> tuple[bool, bool]:
        """Whether a patient's answers are kept for them to go on with, and whether they may
        delete them from home (not a visit a red flag saved: that one is the staff's now)."""
        visit = self.visit
        if visit is None or not visit.answers:
            return False, False
        return True, not visit.fired

    def _session_for_screens(self) -> IntakeSession:
        """The visit a screen built now serves: the patient's, or else the one the next
        patient will begin (empty, no visit until then: `visit` stays None)."""
        if self.visit is not None:
            return self.visit
        if self._unbegun is None:
            content = self._loaded.content
            self._unbegun = IntakeSession(content.questionnaire, content.rules,
                                          id_taken=self._id_taken)
        return self._unbegun

    def _make_question(self) -> Screen:
        from kiosk.ui.screens.question import QuestionScreen

        self.prepare_keyboard()
        kiosk = self._loaded.settings.kiosk
        question = QuestionScreen(self._session_for_screens(), self._loaded.content,
                                  date_order=kiosk.date_order,
                                  auto_advance_seconds=kiosk.auto_advance_seconds)
        question.finished.connect(self._open_review)
        question.left.connect(lambda: self.go(Place("home"), remember=False))
        question.urgent.connect(self._urgent_flag_raised)
        question.moved_on.connect(self._keep_progress)
        question.moved_on.connect(self.screen_changed)
        prepare = functools.partial(self._prepare_next_answers, question)
        question.ahead_wanted.connect(lambda: self.ahead.add([prepare]))  # once till it runs
        return question

    def _prepare_next_answers(self, question: QuestionScreen) -> None:
        """The answers Next leads to, and the review list as the answers stand, got ready
        while the patient reads (opening the list then changes only what changed since)."""
        if self._screens.get("question") is question:  # not one a wipe has let go since
            question.prepare_next()
            review = self._screens.get("review")
            if review is not None:
                cast("ReviewScreen", review).refresh()
                self._lay_out_review()

    def _lay_out_review(self) -> None:
        """The review list laid out at the size it opens at (see kiosk/ui/laid_out_ahead.py):
        the screens' place, with the keys closed (the list takes no typing)."""
        review = self._screens.get("review")
        if review is None:
            return
        # Down to the bar, which the open keys push the screens away from.
        stack = self._stack.geometry()
        bottom = self.bar.geometry().top() if self.bar.isVisible() else self.height()
        lay_out_ahead(review, QRect(0, 0, stack.width(), bottom - stack.top()))

    def _make_review(self) -> Screen:
        from kiosk.ui.screens.review import ReviewScreen

        review = ReviewScreen(self._session())
        review.change_requested.connect(self._change_answer)
        review.send_requested.connect(self._send_requested)
        return review

    def _make_urgent(self) -> Screen:
        from kiosk.ui.screens.urgent import UrgentScreen

        urgent = UrgentScreen(self._loaded.settings.clinic.emergency_number)
        urgent.acknowledged.connect(self._staff_acknowledges_urgent)
        return urgent

    def _make_thanks(self) -> Screen:
        from kiosk.ui.screens.visit_end import ThanksScreen

        thanks = ThanksScreen(self._loaded.settings.kiosk.thanks_seconds)
        thanks.done.connect(self.wipe)
        return thanks

    def _question(self) -> QuestionScreen:
        return cast("QuestionScreen", self.page("question"))

    def start_questionnaire(self) -> None:
        """Open the questions where this patient left them (the first one to begin with, the
        review list if they had reached it)."""
        session = self._session()
        if session.current is None and session.answers:
            self._open_review(remember=True)
            return
        self._question().open()
        self.go(Place("question"))
        # The visit's other screens, ready (the review a part at a time) while the patient
        # reads: building one holds nothing of the patient until it is shown.
        self.ahead.add([*(self.ahead.build(name) for name in ("review", "thanks", "urgent")
                          if name not in self._screens), self._lay_out_review])

    def _open_review(self, remember: bool = False) -> None:
        """The review as the answers stand now."""
        review = cast("ReviewScreen", self.page("review"))
        review.refresh()
        self.go(Place("review"), remember=remember)

    def _change_answer(self, item_id: str) -> None:
        self._question().open(item_id, reviewing=True)
        self.go(Place("question"), remember=False)

    def _send_requested(self) -> None:
        """Send from the review list: the answers go at once, or the first required question
        left blank opens and says why it cannot go yet."""
        if self._place.screen != "review":
            return  # a second tap of a quick double tap, after the answers went
        missing = self._session().missing_required()
        if missing:
            self._question().open(missing[0].id, reviewing=True)
            self.go(Place("question"), remember=False)
            self._question().go_next()  # shows why it cannot go on yet
            return
        self._submit()

    def _urgent_flag_raised(self) -> None:
        """Saved at once with its urgent slip (the store listens), then the desk screen:
        nothing waits on the patient, on staff or on the idle timer."""
        visit = self._session().snapshot(self.language, "open")
        log.warning("urgent red flag in visit %s", visit.visit_id)
        self._keep(visit, "urgent")
        self.urgent_raised.emit(visit)
        self.go(Place("urgent"), remember=False)
        # Staff's screens, ready while the desk comes (the PIN pad usually is already), and
        # the visit laid out on theirs, hidden until their PIN opens it.
        self.ahead.add([*(self.ahead.build(name) for name in ("staff_pin", "staff_urgent")
                          if name not in self._screens),
                        functools.partial(self._urgent_visit_for_staff, visit)])

    def _urgent_visit_for_staff(self, visit: SubmittedVisit) -> None:
        staff = self._screens.get("staff_urgent")
        if staff is not None and self.visit is not None:  # not one a wipe has ended since
            cast("StaffUrgentScreen", staff).show_visit(visit)

    def _keep_progress(self) -> None:
        """A visit an urgent flag saved keeps its answers as the patient goes on."""
        session = self._session()
        if session.fired:
            visit = session.snapshot(self.language, "open")
            self._keep(visit, "progress")
            self.visit_progressed.emit(visit)

    def _staff_acknowledges_urgent(self) -> None:
        """Staff take over with their PIN; without a visit store (no data folder) the button
        simply goes on."""
        if self.store is None:
            self.after_urgent()
        else:
            self.open_staff_mode()

    def after_urgent(self) -> None:
        """Staff have seen the patient; the questions go on where they were."""
        if self._session().current is None:
            self._open_review()
        else:
            self._question().open()
            self.go(Place("question"), remember=False)

    def _submit(self) -> None:
        visit = self._session().submit(self.language)
        log.info("visit %s submitted", visit.visit_id)
        self.visit = None  # sent: nothing left to end
        kept = self._keep(visit, "submitted")
        self.visit_submitted.emit(visit)
        # Made ahead and showing no answers: the thank-you screen, the urgent message and the
        # PIN pad (each dropped at the wipe like every other screen of the visit).
        self._forget_patient(keep=("thanks", "urgent", "staff_pin"))
        cast("ThanksScreen", self.page("thanks")).set_kept(kept)
        self.go(Place("thanks"), remember=False)

    def _id_taken(self, visit_id: str) -> bool:
        return self.keeper is not None and self.keeper.knows(visit_id)

    def _keep(self, visit: SubmittedVisit, kind: str) -> bool:
        """Keep the visit durably (the store, or else the fallback file) and let the printer
        know; False when it could be kept nowhere, so the patient is not thanked for it."""
        if self.keeper is None:
            return True
        keep = {"urgent": self.keeper.urgent, "progress": self.keeper.progress,
                "submitted": self.keeper.submitted}[kind]
        kept = keep(visit)
        for worker in (self.print_queue, self.courier):
            if worker is not None:
                worker.kick()
        return kept

    def has_patient_answers(self) -> bool:
        """Whether a patient's answers are in memory (and would be lost by a wipe)."""
        return self.visit is not None and bool(self.visit.answers or self.visit.fired)

    def end_flagged_visit(self) -> None:
        """A visit an urgent flag saved is ended as unfinished, its summary of the answers so
        far queued, before anything forgets it; any other visit is simply let go."""
        session, self.visit = self.visit, None
        if session is not None and session.fired:
            ended = session.snapshot(self.language, "unfinished")
            log.warning("urgent visit %s ended before it was sent", ended.visit_id)
            self._keep(ended, "submitted")
            self.visit_submitted.emit(ended)

    def _forget_patient(self, keep: tuple[str, ...] = ()) -> None:
        """Drop the answers and every screen that showed them (but the one in view, and those
        in `keep`, which show none of them); Back has nowhere to go."""
        self.end_flagged_visit()
        self._history.clear()
        for name in [n for n in self._screens
                     if n in PATIENT_SCREENS and n != self._place.screen and n not in keep]:
            screen = self._screens.pop(name)
            self._stack.removeWidget(screen)
            let_go(screen)
