"""Wiring delivery to the clinic's FHIR server, when its settings name one (`fhir.server`).

The store writes an outbox entry with every sent and every urgent-saved visit; the courier
sends them, with the credentials the settings ask for (kiosk/fhir/credentials.py): SMART
Backend Services (`fhir.client_id` and `fhir.private_key_file`), a bearer token in
`fhir.token_file`, or none. Their files are relative to the kiosk's config folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.content.model import Loaded
from kiosk.content.settings import TASK_SCOPE, FhirSettings
from kiosk.fhir.bundle import visit_bundle
from kiosk.fhir.credentials import Credentials, NoCredentials, TokenFile
from kiosk.fhir.publication import Publication

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from kiosk.fhir.courier import Courier
    from kiosk.intake.session import SubmittedVisit
    from kiosk.records.store import VisitStore

log = logging.getLogger(__name__)


def credentials_for(fhir: FhirSettings, config_folder: Path) -> Credentials:
    """How this kiosk shows the server who it is, as its settings say."""
    assert fhir.server is not None
    if fhir.client_id and fhir.private_key_file:
        from kiosk.fhir.smart_backend import SmartBackend

        scope = fhir.scope
        if fhir.front_desk_tasks and "Task." not in scope:
            scope = f"{scope} {TASK_SCOPE}"
        return SmartBackend(fhir.server, fhir.client_id, config_folder / fhir.private_key_file,
                            scope)
    if fhir.token_file:
        return TokenFile(config_folder / fhir.token_file)
    return NoCredentials()


def start_delivery(store: VisitStore, loaded: Loaded, config_folder: Path,
                   parent: QObject, current: Callable[[], Loaded] | None = None
                   ) -> Courier | None:
    """A running courier for the clinic's FHIR server, or None when the settings name none.
    Visits are read and made FHIR with `current()`, the content in use (staff may reload it);
    where they go and with which credentials stays as the kiosk started."""
    fhir = loaded.settings.fhir
    if not fhir.server:
        return None
    from kiosk.fhir.courier import Courier

    store.delivers = True
    publication = Publication.of(loaded.content, loaded.settings)
    now = current or (lambda: loaded)

    def bundle_for(visit: SubmittedVisit) -> dict[str, Any]:
        content = now()
        return visit_bundle(visit, content.content, Publication.of(content.content,
                                                                   content.settings),
                            content.settings.printing.language)

    courier = Courier(store, lambda: now().content.questionnaire, bundle_for, fhir.server,
                      credentials_for(fhir, config_folder), parent=parent)
    if not publication.configured:
        log.warning("fhir.canonical_base is not set: visits name the content's placeholder"
                    " questionnaire address")
    courier.start()
    log.info("visits are delivered to the FHIR server in the settings (%d waiting)",
             len(store.outbox("waiting")))
    return courier
