"""Wiring delivery to the clinic's FHIR server, when its settings name one (`fhir.server`).

The store writes an outbox entry with every sent and every urgent-saved visit; the courier
sends them; the bearer token is read from `fhir.token_file` (relative to the kiosk's config
folder) at each sending, so IT can put a new token in place without a restart. A token file
others can read is not used: the kiosk logs why (never the token) and the server's refusal
shows on the staff dashboard.
"""

from __future__ import annotations

import logging
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.content.model import Loaded
from kiosk.fhir.bundle import visit_bundle
from kiosk.fhir.publication import Publication

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from kiosk.fhir.courier import Courier
    from kiosk.intake.session import SubmittedVisit
    from kiosk.records.store import VisitStore

log = logging.getLogger(__name__)


def read_token(path: Path) -> str | None:
    """The bearer token in `path`, or None (missing, empty, or readable by others)."""
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.error("fhir.token_file %s can be read by other users: not used (chmod 600 it)",
                      path)
            return None
        token = path.read_text(encoding="utf-8").strip()
    except OSError as failure:
        log.error("fhir.token_file %s cannot be read: %s", path, failure.strerror or failure)
        return None
    return token or None


def start_delivery(store: VisitStore, loaded: Loaded, config_folder: Path,
                   parent: QObject) -> Courier | None:
    """A running courier for the clinic's FHIR server, or None when the settings name none."""
    fhir = loaded.settings.fhir
    if not fhir.server:
        return None
    from kiosk.fhir.courier import Courier

    store.delivers = True
    publication = Publication.of(loaded.content, loaded.settings)
    language = loaded.settings.printing.language

    def bundle_for(visit: SubmittedVisit) -> dict[str, Any]:
        return visit_bundle(visit, loaded.content, publication, language)

    token_file = config_folder / fhir.token_file if fhir.token_file else None
    courier = Courier(store, loaded.content.questionnaire, bundle_for, fhir.server,
                      token=lambda: read_token(token_file) if token_file else None,
                      parent=parent)
    if not publication.configured:
        log.warning("fhir.canonical_base is not set: visits name the content's placeholder"
                    " questionnaire address")
    courier.start()
    log.info("visits are delivered to the FHIR server in the settings (%d waiting)",
             len(store.outbox("waiting")))
    return courier
