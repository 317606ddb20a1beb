"""The courier: works through the outbox, one visit at a time, without ever holding the screen.

The visit store is read and written on the kiosk's event loop (its only thread for SQLite);
the HTTP request runs on one worker thread, which touches nothing else: the event loop looks
for its answer every REPLY_MS and settles it there, so no Qt object or signal is used from the
worker. A visit the server cannot take now waits longer each time (30 s, 60 s, … up to 15
minutes); one it refuses keeps the server's reason for staff and waits for them (retry now).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.fhir.credentials import Credentials, NoCredentials, deliver
from kiosk.fhir.transport import Reply, reason_of
from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.session import SubmittedVisit
from kiosk.printing.queue import retry_delay
from kiosk.records import STORE_FAULTS
from kiosk.records.outbox import OutboxEntry
from kiosk.records.store import VisitStore

log = logging.getLogger(__name__)

#: While visits wait for a retry, look again this often.
POLL_MS = 15_000
#: While a visit is on its way, look for the server's answer this often.
REPLY_MS = 20

Bundler = Callable[[SubmittedVisit], dict[str, Any]]


class Courier(QObject):
    """Delivers the store's waiting visits to `server` (its base address), one at a time;
    `questionnaire` and `bundle_for` follow the content in use (staff may reload it)."""

    changed = Signal()

    def __init__(self, store: VisitStore, questionnaire: Callable[[], Questionnaire],
                 bundle_for: Bundler,
                 server: str, credentials: Credentials | None = None,
                 parent: QObject | None = None, first_retry: float = 30.0) -> None:
        super().__init__(parent)
        self._store = store
        self._questionnaire = questionnaire
        self._bundle_for = bundle_for
        self._server = server
        self._credentials = credentials or NoCredentials()
        self._first_retry = first_retry
        self._sending: OutboxEntry | None = None
        self._reply: Future[Reply] | None = None
        self._stopped = False
        worker = self._worker = ThreadPoolExecutor(max_workers=1,
                                                   thread_name_prefix="fhir-courier")
        self.destroyed.connect(lambda: worker.shutdown(wait=False, cancel_futures=True))
        self.last_error: str | None = None
        self._answer = QTimer(self)
        self._answer.setInterval(REPLY_MS)
        self._answer.timeout.connect(self._look_for_answer)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.kick)

    @property
    def busy(self) -> bool:
        """Whether a visit is on its way now."""
        return self._sending is not None

    def start(self) -> None:
        again = self._store.requeue_sending()
        if again:
            log.warning("%d deliveries were interrupted; they are sent again", again)
        self._poll.start()
        self.kick()

    def stop(self) -> None:
        """No new delivery starts; one on its way is let finish (its answer is dropped: the
        entry is sent again next time, and the server keeps one copy)."""
        self._stopped = True  # a look for work already on its way does nothing
        self._poll.stop()
        self._answer.stop()
        self._reply = None
        self._worker.shutdown(wait=False, cancel_futures=True)

    def kick(self) -> None:
        """Look for due work soon, after the screen in hand has been drawn."""
        QTimer.singleShot(0, self._work)

    def use_store(self, store: VisitStore) -> None:
        self._store = store
        self.kick()

    def _work(self) -> None:
        if self._sending is not None or self._stopped:
            return
        try:
            self._send_next()
        except STORE_FAULTS as failure:
            self.last_error = f"visit store: {failure}"
            log.error("courier: the visit store failed: %s", failure)
            self.changed.emit()

    def _send_next(self) -> None:
        entry = self._store.next_delivery()
        if entry is None:
            return
        visit = self._store.visit(entry.visit_id, self._questionnaire())
        if visit is None:  # deleted since, or sealed with a lost key: nothing to send
            self._store.mark_refused(entry, 0, "the visit can no longer be read")
            self.kick()
            return
        try:
            bundle = self._bundle_for(visit)
        except ValueError as unfit:  # answered on another questionnaire version
            self._store.mark_refused(entry, 0, f"the kiosk cannot make it FHIR: {unfit}")
            log.error("visit %s cannot be made FHIR: %s", entry.visit_id, unfit)
            self.changed.emit()
            self.kick()
            return
        self._store.mark_delivering(entry)
        self._sending = entry
        self._reply = self._worker.submit(deliver, self._server, bundle, self._credentials)
        self._answer.start()

    def _look_for_answer(self) -> None:
        reply, entry = self._reply, self._sending
        if reply is None or entry is None:
            self._answer.stop()
            return
        if reply.done():
            self._answer.stop()
            self._reply = None
            self._settle(entry, reply.result())

    def _settle(self, entry: OutboxEntry, reply: Reply) -> None:
        self._sending = None
        try:
            self._record(entry, reply)
        except STORE_FAULTS as failure:
            self.last_error = f"visit store: {failure}"
            log.error("courier: the visit store failed: %s", failure)
        self.changed.emit()
        self.kick()

    def _record(self, entry: OutboxEntry, reply: Reply) -> None:
        verdict = reply.verdict
        if verdict == "delivered":
            self._store.mark_delivered(entry, reply.status or 0)
            self.last_error = None
            log.info("visit %s delivered to the FHIR server (%s)", entry.visit_id, reply.status)
            return
        reason = reason_of(reply.text)
        self.last_error = reason
        if verdict == "refused":
            self._store.mark_refused(entry, reply.status or 0, reason)
            log.warning("visit %s refused by the FHIR server (%s)", entry.visit_id,
                        reply.status)
            return
        wait = retry_delay(entry.attempts + 1, self._first_retry)
        retry_at = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=wait)
        self._store.mark_retry(entry, reply.status, reason, retry_at)
        QTimer.singleShot(round(wait * 1000) + 1, self._work)  # due then, not at the next poll
        log.warning("visit %s not delivered (%s); next try in %.0f s", entry.visit_id,
                    reply.status or "no answer", wait)
