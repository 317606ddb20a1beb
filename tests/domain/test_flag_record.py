"""An urgent flag, once fired, stays on the record with when it fired and what its answer
became; the specialist reads both."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from kiosk.content.model import Loaded
from kiosk.content.wording import fired_history
from kiosk.intake.session import IntakeSession

START = datetime.datetime(2026, 5, 4, 10, 42, tzinfo=datetime.UTC)


def ticking() -> Iterator[datetime.datetime]:
    """A clock that moves on one minute each time it is read."""
    minute = 0
    while True:
        yield START + datetime.timedelta(minutes=minute)
        minute += 1


def session_of(shipped: Loaded) -> IntakeSession:
    clock = ticking()
    content = shipped.content
    return IntakeSession(content.questionnaire, content.rules, clock=lambda: next(clock))


def test_a_flag_fires_once_with_its_time_and_answer(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("saddle-numbness", "yes")
    [fired] = session.fire_flags()
    assert fired.flag_id == "saddle-numbness" and fired.answers == (("saddle-numbness", "yes"),)
    assert fired.fired_at == START, "the time the flag fired, from the kiosk clock"
    assert session.fire_flags() == [], "the same flag does not fire twice"
    session.answer("bowel-control", "yes")
    assert [flag.flag_id for flag in session.fire_flags()] == ["bowel-control"]
    assert [flag.flag_id for flag in session.fired] == ["saddle-numbness", "bowel-control"]


def test_a_flag_answer_changed_back_keeps_the_visit_urgent_and_tells_both(
        shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("saddle-numbness", "yes")
    session.fire_flags()
    session.answer("saddle-numbness", "no")
    assert session.urgent_flags() == [], "no flag holds on the answers now"
    outcome = session.outcome()
    assert outcome.category == "urgent"
    assert outcome.reasons[0].rule_id == "saddle-numbness"
    assert outcome.reasons[0].item_ids == ("saddle-numbness",)
    [flag] = session.fired
    items = {item.id: item for item in shipped.content.questionnaire.items()}
    fired_at = f"{flag.fired_at.astimezone():%H:%M}"
    changed_at = f"{flag.changes[-1].at.astimezone():%H:%M}"
    assert fired_history(flag, items, shipped.content.words("en")) == (
        f"answered Yes at {fired_at}, changed to No at {changed_at}")
    assert fired_history(flag, items, shipped.content.words("es")) == (
        f"respondió Sí a las {fired_at}, cambió a No a las {changed_at}")


def test_a_changed_answer_that_comes_back_reads_as_the_first(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("bladder-problems", "yes")
    session.fire_flags()
    session.answer("bladder-problems", "unsure")
    session.answer("bladder-problems", "yes")
    [flag] = session.fired
    assert len(flag.changes) == 2
    items = {item.id: item for item in shipped.content.questionnaire.items()}
    assert "changed" not in fired_history(flag, items, shipped.content.words("en"))


def test_a_visit_saved_before_it_was_sent_lists_no_unasked_candidate_signal(
        shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("saddle-numbness", "yes")
    session.fire_flags()
    kinds = {reason.kind for reason in session.snapshot("en", "open").outcome.reasons}
    assert kinds == {"urgent"}
    assert "missing-inclusion" in {r.kind for r in session.outcome().reasons}


def test_the_visit_keeps_one_id_from_its_first_save_to_its_send(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("saddle-numbness", "yes")
    session.fire_flags()
    first = session.snapshot("en", "open")
    assert session.snapshot("en", "unfinished").visit_id == first.visit_id
    assert first.visit_id.startswith("V-0504-")
