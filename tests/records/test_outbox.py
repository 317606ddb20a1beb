"""The outbox in the visit store: each visit gets its way to the clinic's FHIR server in the same
transaction as the visit itself, urgent visits go first, a refusal keeps the server's reason
for staff, and an interrupted delivery waits again."""

from __future__ import annotations

import datetime
from pathlib import Path

from kiosk.content.model import Loaded
from kiosk.records.store import VisitStore
from tests.records.test_store import submitted

LATER = datetime.timedelta(minutes=5)


def delivering(tmp_path: Path) -> VisitStore:
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.delivers = True
    return store


def test_a_sent_visit_waits_in_the_outbox_with_its_print_job(
        shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    visit = submitted(shipped, "likely-candidate")
    store.save_submitted(visit)
    [entry] = store.outbox()
    assert (entry.visit_id, entry.state, entry.attempts) == (visit.visit_id, "waiting", 0)
    assert store.undelivered(visit.visit_id)


def test_without_a_fhir_server_nothing_waits(shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(submitted(shipped, "likely-candidate"))
    assert store.outbox() == []


def test_an_urgent_visit_waits_from_its_flag_and_goes_first(
        shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    calm = submitted(shipped, "likely-candidate")
    store.save_submitted(calm)
    urgent = submitted(shipped, "urgent")
    store.save_urgent(urgent)
    assert [e.visit_id for e in store.outbox("waiting")] == [calm.visit_id, urgent.visit_id]
    first = store.next_delivery()
    assert first is not None and first.visit_id == urgent.visit_id, "red flags go first"
    store.save_submitted(urgent)  # still waiting: it is sent once, as it stands then
    assert len(store.outbox()) == 2


def test_a_visit_delivered_while_open_goes_again_when_it_is_sent(
        shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    urgent = submitted(shipped, "urgent")
    store.save_urgent(urgent)
    entry = store.next_delivery()
    assert entry is not None
    store.mark_delivering(entry)
    store.mark_delivered(entry, 200)
    assert not store.undelivered(urgent.visit_id)
    store.save_submitted(urgent)
    assert [e.state for e in store.outbox()] == ["delivered", "waiting"]
    assert ("delivered to the FHIR server", urgent.visit_id) in [
        (action, visit_id) for _, action, visit_id in store.audit_trail()]


def test_a_refusal_keeps_the_servers_reason_until_staff_try_again(
        shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    store.save_submitted(submitted(shipped, "likely-candidate"))
    entry = store.next_delivery()
    assert entry is not None
    store.mark_delivering(entry)
    store.mark_refused(entry, 422, "QuestionnaireResponse.item[3]: unknown linkId")
    assert store.next_delivery() is None, "a refusal is not retried blindly"
    [refused] = store.outbox("refused")
    assert (refused.last_status, refused.last_error, refused.attempts) == (
        422, "QuestionnaireResponse.item[3]: unknown linkId", 1)
    assert store.deliver_again() == 1
    again = store.next_delivery()
    assert again is not None and again.id == entry.id


def test_a_retry_waits_until_its_time_and_the_visits_behind_it_wait_too(
        shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    first = submitted(shipped, "likely-candidate")
    store.save_submitted(first)
    entry = store.next_delivery()
    assert entry is not None
    store.mark_delivering(entry)
    now = datetime.datetime.now(datetime.UTC)
    store.mark_retry(entry, 503, "busy", now + LATER)
    store.save_submitted(submitted(shipped, "review"))
    assert store.next_delivery(now) is None, "the record system gets visits in their order"
    due = store.next_delivery(now + LATER)
    assert due is not None and (due.last_status, due.last_error) == (503, "busy")
    assert due.visit_id == first.visit_id


def test_a_delivery_cut_off_by_a_stop_waits_again(shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    store.save_submitted(submitted(shipped, "likely-candidate"))
    entry = store.next_delivery()
    assert entry is not None
    store.mark_delivering(entry)
    store.close()
    reopened = delivering(tmp_path)
    assert reopened.requeue_sending() == 1
    assert [e.state for e in reopened.outbox()] == ["waiting"]


def test_retention_keeps_a_visit_until_it_is_delivered_up_to_the_longest_wait(
        shipped: Loaded, tmp_path: Path) -> None:
    store = delivering(tmp_path)
    day = datetime.timedelta(hours=24)
    sent_at = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    waiting = submitted(shipped, "likely-candidate", sent_at)
    store.save_submitted(waiting)
    delivered = submitted(shipped, "review", sent_at)
    store.save_submitted(delivered)
    entry = next(e for e in store.outbox() if e.visit_id == delivered.visit_id)
    store.mark_delivering(entry)
    store.mark_delivered(entry, 200)
    assert store.purge_expired(24, sent_at + 2 * day, undelivered_hours=72) == 1
    assert [v.visit_id for v in store.visits()] == [waiting.visit_id], "kept: not delivered"
    assert store.purge_expired(24, sent_at + 4 * day, undelivered_hours=72) == 1
    assert store.visits() == [] and store.outbox() == []
