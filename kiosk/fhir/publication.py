"""Where the clinic publishes the questionnaire: its canonical addresses, version and publisher.

A FHIR server tells one questionnaire from another by `url|version`. The url is built on the
clinic's `fhir.canonical_base` (settings.yaml); the version is a short hash of everything a
patient or a specialist could find changed: the questionnaire's structure, its rules, and
every language's words. It is the same on every machine and every run for the same content,
and changes when a word, an option or a rule does, so no edit can forget to bump it.

Without `fhir.canonical_base` the content's own (placeholder) address is used, and
`unpublished_reason` says why that must not reach a clinic's server.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Content
    from kiosk.content.settings import Settings
    from kiosk.intake.session import SubmittedVisit

#: Hex digits of the content hash kept as the version: 48 bits, a clash once in trillions.
VERSION_DIGITS = 12
#: Hosts no clinic owns: an address under one was invented and must be changed.
INVENTED_HOSTS = ("example.org", "example.com", "example.net")


def content_version(content: Content) -> str:
    """A short hash of the questionnaire's structure, its rules and every language's words."""
    parts = [repr(content.questionnaire), repr(content.rules)]
    for code in sorted(content.languages):
        words = content.languages[code]
        ui = words.ui
        parts += [code, repr(words.questionnaire), repr(words.rules),
                  repr((ui.answer_yes, ui.answer_no, ui.answer_unsure, ui.answer_prefer_not,
                        ui.answer_none, ui.duration_in_months)),
                  repr(words.summary.assisted)]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return digest[:VERSION_DIGITS]


def _slug(address: str) -> str:
    """The questionnaire's name in its address: `.../Questionnaire/spine-intake` -> spine-intake."""
    return address.rstrip("/").rsplit("/", 1)[-1] or "questionnaire"


@dataclass(frozen=True, slots=True)
class Publication:
    """The addresses and names every exported resource of one content version uses."""

    base: str
    slug: str
    version: str
    publisher: str | None = None
    identifier_system: str | None = None
    record_number_system: str | None = None
    kiosk_name: str | None = None
    configured: bool = True
    front_desk_tasks: bool = False

    @classmethod
    def of(cls, content: Content, settings: Settings | None = None) -> Publication:
        """The publication the clinic's settings give (the content's address without them)."""
        slug = _slug(content.questionnaire.url)
        fhir = settings.fhir if settings is not None else None
        if fhir is not None and fhir.canonical_base:
            base, configured = fhir.canonical_base.rstrip("/"), True
        else:
            url = content.questionnaire.url.rstrip("/")
            base = url.rsplit("/Questionnaire/", 1)[0] if "/Questionnaire/" in url \
                else url.rsplit("/", 1)[0]
            configured = False
        return cls(
            base=base, slug=slug, version=content_version(content),
            publisher=(fhir.publisher if fhir is not None and fhir.publisher
                       else settings.clinic.name if settings is not None else None),
            identifier_system=fhir.identifier_system if fhir is not None else None,
            record_number_system=fhir.record_number_system if fhir is not None else None,
            kiosk_name=fhir.kiosk_name if fhir is not None else None,
            configured=configured,
            front_desk_tasks=fhir is not None and fhir.front_desk_tasks)

    @property
    def url(self) -> str:
        """The Questionnaire's canonical url."""
        return f"{self.base}/Questionnaire/{self.slug}"

    @property
    def canonical(self) -> str:
        """`url|version`: how a QuestionnaireResponse names the questionnaire it answers."""
        return f"{self.url}|{self.version}"

    @property
    def codes_url(self) -> str:
        """The url of the CodeSystem of the kiosk's own codes."""
        return f"{self.base}/CodeSystem/{self.slug}"

    @property
    def visit_system(self) -> str:
        """The clinic's identifier system for visits."""
        return self.identifier_system or f"{self.base}/visit"

    @property
    def record_system(self) -> str:
        """The clinic's identifier system for its record numbers."""
        return self.record_number_system or f"{self.base}/record-number"

    def system(self, what: str) -> str:
        """The identifier system of the kiosk's own `what` (kiosk-patient, flag, task, score)."""
        return f"{self.base}/{what}"

    def visit_key(self, visit: SubmittedVisit) -> str:
        """The visit's identifier value: its id with the year (a visit id names a month and
        day only) and, for a clinic group, the kiosk's name."""
        parts = [self.kiosk_name] if self.kiosk_name else []
        return "/".join([*parts, f"{visit.submitted_at:%Y}", visit.visit_id])

    def full_url(self, visit: SubmittedVisit, what: str) -> str:
        """A `urn:uuid:` for one resource of a visit, the same each time it is made."""
        space = uuid.uuid5(uuid.NAMESPACE_URL, self.visit_system)
        return f"urn:uuid:{uuid.uuid5(space, f'{self.visit_key(visit)}#{what}')}"

    def unpublished_reason(self) -> str | None:
        """Why these resources must not go to a clinic's server yet, or None."""
        if not self.configured:
            return ("settings.yaml has no fhir.canonical_base: the resources name the"
                    f" content's placeholder address {self.url}")
        host = re.sub(r"^[a-z]+://", "", self.base).split("/", 1)[0].split(":", 1)[0]
        if host.endswith(".example") or host in INVENTED_HOSTS \
                or host.endswith(tuple("." + name for name in INVENTED_HOSTS)):
            return (f"fhir.canonical_base {self.base} is an invented address: set the"
                    " clinic's own in settings.yaml")
        return None


def today() -> datetime.date:
    """The date an export is made (a Questionnaire's `date`)."""
    return datetime.datetime.now(datetime.UTC).date()
