"""One patient's pass through the questionnaire: answers, branching, navigation, review, submit.

The session is the only place that decides what is visible. After every change it drops the
answer of any item that branching now hides, so a hidden answer can never reach the rules,
the review list, the summary or the store.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from kiosk.intake.answers import AnswerInvalid, checked
from kiosk.intake.conditions import holds
from kiosk.intake.flag_record import FiredFlag, fire, keep_fired, unfinished
from kiosk.intake.progress import PartProgress, part_progress
from kiosk.intake.questionnaire import Answer, Item, Questionnaire
from kiosk.intake.rules import Outcome, RedFlag, Rules, assess, urgent_flags

#: complete: the patient sent it; open: an urgent flag saved it and the patient is still
#: answering; unfinished: an urgent visit that ended before the patient sent it.
VisitStatus = Literal["complete", "open", "unfinished"]
VISIT_STATUSES: tuple[VisitStatus, ...] = ("complete", "open", "unfinished")


class AnswerRequired(Exception):
    """Next was asked for on a required item without an answer."""

    def __init__(self, item: Item) -> None:
        super().__init__(f"{item.id} needs an answer")
        self.item = item


VISIT_ID_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud at the desk


def new_visit_id(when: datetime.datetime) -> str:
    """A short id staff can read out, e.g. `V-1124-7F3K`: month and day, then four letters."""
    suffix = "".join(secrets.choice(VISIT_ID_LETTERS) for _ in range(4))
    return f"V-{when:%m%d}-{suffix}"


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


@dataclass(frozen=True, slots=True)
class SubmittedVisit:
    """What is kept of a visit: visible answers only, the outcome for the specialist, and
    the urgent flags that fired. Sent by the patient (complete), or saved by an urgent flag
    while the questions go on (open) or after they stopped (unfinished)."""

    visit_id: str
    answers: Mapping[str, Answer]
    outcome: Outcome
    language: str
    questionnaire_version: str
    submitted_at: datetime.datetime
    status: VisitStatus = "complete"
    fired: tuple[FiredFlag, ...] = ()
    #: Front-desk staff set the kiosk up for this patient (language, size, speech, colours)
    #: and handed it over or filled it in with them: the summary says "with staff help".
    assisted: bool = False


class IntakeSession:
    """The answers of one visit and where the patient is in the questionnaire."""

    def __init__(self, questionnaire: Questionnaire, rules: Rules,
                 today: datetime.date | None = None,
                 clock: Callable[[], datetime.datetime] = _utc_now,
                 id_taken: Callable[[str], bool] = lambda visit_id: False) -> None:
        """`id_taken` says whether a visit id is already kept (so no two visits share one)."""
        self.questionnaire = questionnaire
        self._id_taken = id_taken
        self.rules = rules
        self._today = today
        self._clock = clock
        self._items = {item.id: item for item in questionnaire.items()}
        self._order = {item_id: n for n, item_id in enumerate(self._items)}
        self._answers: dict[str, Answer] = {}
        self._current: str | None = None
        self._furthest = 0.0  # the share of the questionnaire reached, for progress
        self._fired: dict[str, FiredFlag] = {}
        self._visit_id: str | None = None
        self._assisted = False

    @property
    def visit_id(self) -> str:
        """The visit's id, given the first time it is asked for (its first save) and kept."""
        if self._visit_id is None:
            self._visit_id = self._unused_id(self._clock())
        return self._visit_id

    def _unused_id(self, when: datetime.datetime) -> str:
        """A new id no kept visit has: a day's ids are few enough to read out, so two
        visits could otherwise draw the same one."""
        while True:
            visit_id = new_visit_id(when)
            if not self._id_taken(visit_id):
                return visit_id

    @property
    def assisted(self) -> bool:
        """Whether staff helped with this visit (see `mark_assisted`)."""
        return self._assisted

    def mark_assisted(self) -> None:
        """Staff started this visit for the patient: it is kept, and summarised, as completed
        with staff help. The mark lasts as long as the visit; a new visit starts without it."""
        self._assisted = True

    # -- answers -------------------------------------------------------------------------

    @property
    def answers(self) -> Mapping[str, Answer]:
        """The current answers, of visible items only."""
        return MappingProxyType(self._answers)

    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def answer(self, item_id: str, value: Any) -> list[str]:
        """Record (or with None, clear) an answer. Returns the ids of answers dropped because
        branching now hides their items. Raises AnswerInvalid, or KeyError for an unknown id."""
        item = self._items[item_id]
        if value is None:
            self._answers.pop(item_id, None)
        else:
            if not self.is_visible(item_id):
                raise AnswerInvalid(item, "hidden", "this question is not asked now")
            self._answers[item_id] = checked(item, value, self._today)
        dropped = self._drop_hidden()
        self._note_changes()
        return dropped

    def _note_changes(self) -> None:
        if self._fired:
            now = self._clock()
            self._fired = {key: flag.noting(self._answers, now)
                           for key, flag in self._fired.items()}

    def _drop_hidden(self) -> list[str]:
        visible = {item.id for item in self.visible_items()}
        dropped = [item_id for item_id in self._answers if item_id not in visible]
        for item_id in dropped:
            del self._answers[item_id]
        return dropped

    def visible_items(self) -> list[Item]:
        """Items shown now, in order. A show-if only looks at earlier items, so one pass in
        order, seeing only the answers of items already found visible, settles it."""
        visible: list[Item] = []
        seen: dict[str, Answer] = {}
        for item in self.questionnaire.items():
            if item.show_if is None or holds(item.show_if, seen, self._items):
                visible.append(item)
                if item.id in self._answers:
                    seen[item.id] = self._answers[item.id]
        return visible

    def is_visible(self, item_id: str) -> bool:
        return any(item.id == item_id for item in self.visible_items())

    # -- navigation ----------------------------------------------------------------------

    @property
    def current(self) -> Item | None:
        return self._items[self._current] if self._current else None

    def start(self) -> Item:
        first = self.visible_items()[0]
        self._current = first.id
        return first

    def go_to(self, item_id: str) -> Item:
        if not self.is_visible(item_id):
            raise KeyError(f"{item_id} is not shown now")
        self._current = item_id
        return self._items[item_id]

    def go_next(self) -> Item | None:
        """The next visible item, or None at the end (time for the review)."""
        current = self.current
        visible = self.visible_items()
        if current in visible and current.required and current.id not in self._answers:
            raise AnswerRequired(current)
        following = self._after(current, visible)
        self._current = following.id if following is not None else None
        return following

    def following(self) -> Item | None:
        """Where Next leads as the answers stand now (None: the end), without going there."""
        return self._after(self.current, self.visible_items())

    def _after(self, current: Item | None, visible: list[Item]) -> Item | None:
        # By place in the questionnaire, so that from an item branching has just hidden the
        # patient moves on (not back to the start, nor stuck on a question they cannot answer).
        after = self._order[current.id] if current is not None else -1
        return next((item for item in visible if self._order[item.id] > after), None)

    def go_back(self) -> Item | None:
        """The previous visible item, or None before the first."""
        earlier = self.before()
        if earlier is not None:
            self._current = earlier.id
        return earlier

    def before(self) -> Item | None:
        """Where Back leads (the visible item before the current one; None before the first),
        without going there."""
        current = self.current
        place = self._order[current.id] if current is not None else len(self._order)
        earlier = [item for item in self.visible_items() if self._order[item.id] < place]
        return earlier[-1] if earlier else None

    def part_progress(self) -> PartProgress:
        """The current question's part, and the furthest share of the questionnaire reached
        in this visit (it never shrinks: an answer that opens more questions, or Back,
        leaves it where it was)."""
        where = part_progress(self.questionnaire, self.visible_items(), self._current)
        self._furthest = max(self._furthest, where.done)
        return PartProgress(where.number, where.total, where.page_id, self._furthest)

    def progress(self) -> tuple[int, int]:
        """(position of the current question, questions shown now): "question 5 of about 14"."""
        asked = [item.id for item in self.visible_items() if item.asks]
        current = self._current
        position = asked.index(current) + 1 if current in asked else len(asked)
        return position, len(asked)

    # -- review and submit ---------------------------------------------------------------

    def review(self) -> list[tuple[Item, Answer | None]]:
        """Every visible question with its answer (None when left blank)."""
        return [(item, self._answers.get(item.id)) for item in self.visible_items() if item.asks]

    def missing_required(self) -> list[Item]:
        return [item for item in self.visible_items()
                if item.required and item.id not in self._answers]

    def urgent_flags(self) -> list[RedFlag]:
        return urgent_flags(self.rules, self._answers, self._items)

    def fire_flags(self, now: datetime.datetime | None = None) -> list[FiredFlag]:
        """Urgent flags the answers raise now and had not raised before: recorded with the
        time, and returned (the visit must be saved and the desk told at once)."""
        at = now or self._clock()
        new = [fire(flag, self._answers, at) for flag in self.urgent_flags()
               if flag.id not in self._fired]
        self._fired.update((flag.flag_id, flag) for flag in new)
        return new

    @property
    def fired(self) -> tuple[FiredFlag, ...]:
        """Every urgent flag that fired in this visit, in the order it fired."""
        return tuple(self._fired.values())

    def outcome(self) -> Outcome:
        return keep_fired(assess(self.rules, self._answers, self._items,
                                 self.questionnaire.unsure_for_review), self._fired.values(),
                          self._answers)

    def snapshot(self, language: str, status: VisitStatus = "open",
                 now: datetime.datetime | None = None) -> SubmittedVisit:
        """The visit as it stands now, required answers or not (an urgent visit is kept
        whether or not the patient finishes)."""
        when = now or self._clock()
        if self._visit_id is None:
            self._visit_id = self._unused_id(when)
        return SubmittedVisit(
            visit_id=self._visit_id,
            answers=MappingProxyType(dict(self._answers)),
            outcome=self.outcome() if status == "complete" else unfinished(self.outcome()),
            language=language,
            questionnaire_version=self.questionnaire.version,
            submitted_at=when,
            status=status,
            fired=self.fired,
            assisted=self._assisted,
        )

    def submit(self, language: str, now: datetime.datetime | None = None) -> SubmittedVisit:
        """The patient sends the visit: every required answer must be there."""
        missing = self.missing_required()
        if missing:
            raise AnswerRequired(missing[0])
        self.fire_flags(now)
        return self.snapshot(language, "complete", now)
