"""The fallback file: where a visit goes when the visit store cannot take it.

A second, independent file in another folder (the config folder, not the data folder),
append-only: each line is one sealed record (the visit as it stands, and whether an urgent
flag saved it, it progressed, or it ended), written and fsynced before the patient is
thanked. Nothing here depends on SQLite, so a damaged, full or vanished database does not
take the fallback with it. Once the store works again the visits are moved back into it and
the file is removed.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from kiosk.intake.flag_record import decode_fired, encode_fired
from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.session import SubmittedVisit
from kiosk.records.coding import (
    decode_answers,
    decode_outcome,
    encode_answers,
    encode_outcome,
    plain,
    typer,
)
from kiosk.records.sealing import SealBroken, Sealer

RecordKind = Literal["urgent", "progress", "submitted"]
FALLBACK_FILE_NAME = "visits-fallback.log"
PURPOSE = "fallback record"


@dataclass(frozen=True, slots=True)
class FallbackVisit:
    """A visit as the fallback file last saw it, and whether it was ever saved as urgent
    (its urgent slip may not have printed)."""

    visit: SubmittedVisit
    kind: RecordKind
    urgent_saved: bool
    printed: frozenset[str] = frozenset()  # print job kinds that went out from memory


class FallbackFile:
    """Appends sealed visit records to one file and reads them back."""

    def __init__(self, path: Path, sealer: Sealer) -> None:
        self.path = path
        self._sealer = sealer

    def append(self, visit: SubmittedVisit, kind: RecordKind) -> None:
        """Write one record and make it durable (file and folder fsynced); raises OSError
        when the disk will not take it."""
        self._write({"kind": kind, "visit": visit_record(visit)})

    def _write(self, data: dict[str, Any]) -> None:
        record = json.dumps(data, ensure_ascii=False)
        line = base64.b64encode(self._sealer.seal_text(record, PURPOSE)) + b"\n"
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        created = not self.path.exists()
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            written = os.write(descriptor, line)
            if written != len(line):
                raise OSError(f"only {written} of {len(line)} bytes reached the fallback file")
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if created:
            folder = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    def append_printed(self, visit_id: str, job_kind: str) -> None:
        """Note that a job printed from memory, so moving the visit back does not print it
        again."""
        self._write({"printed": job_kind, "visit_id": visit_id})

    def visits(self, questionnaire: Questionnaire) -> tuple[list[FallbackVisit], int]:
        """Each visit's latest record, oldest first, and how many lines could not be read
        (a torn last line after a power cut, another key)."""
        if not self.path.exists():
            return [], 0
        latest: dict[str, FallbackVisit] = {}
        printed: dict[str, set[str]] = {}
        unreadable = 0
        for line in self.path.read_bytes().splitlines():
            try:
                data = json.loads(self._sealer.open_text(base64.b64decode(line, validate=True),
                                                         PURPOSE))
                if "printed" in data:
                    printed.setdefault(str(data["visit_id"]), set()).add(str(data["printed"]))
                    continue
                visit = visit_from_record(data["visit"], questionnaire)
                kind: RecordKind = data["kind"]
            except (SealBroken, binascii.Error, ValueError, KeyError, TypeError):
                unreadable += 1
                continue
            earlier = latest.pop(visit.visit_id, None)
            urgent = kind == "urgent" or (earlier is not None and earlier.urgent_saved)
            latest[visit.visit_id] = FallbackVisit(visit, kind, urgent)
        return [replace(entry, printed=frozenset(printed.get(visit_id, ())))
                for visit_id, entry in latest.items()], unreadable

    def count(self) -> int:
        """How many records the file holds (without opening them)."""
        if not self.path.exists():
            return 0
        return len(self.path.read_bytes().splitlines())

    def remove(self) -> None:
        """The visits are safe in the store again: the file goes."""
        self.path.unlink(missing_ok=True)


def visit_record(visit: SubmittedVisit) -> dict[str, Any]:
    """A visit as JSON-ready data, in the store's own encodings."""
    return {"visit_id": visit.visit_id, "answers": encode_answers(dict(visit.answers)),
            "outcome": encode_outcome(visit.outcome), "language": visit.language,
            "questionnaire_version": visit.questionnaire_version,
            "submitted_at": visit.submitted_at.isoformat(), "status": visit.status,
            "fired": encode_fired(visit.fired, plain), "assisted": visit.assisted}


def visit_from_record(data: dict[str, Any], questionnaire: Questionnaire) -> SubmittedVisit:
    return SubmittedVisit(
        visit_id=data["visit_id"], answers=decode_answers(data["answers"], questionnaire),
        outcome=decode_outcome(data["outcome"]), language=data["language"],
        questionnaire_version=data["questionnaire_version"],
        submitted_at=datetime.datetime.fromisoformat(data["submitted_at"]),
        status=data["status"], fired=decode_fired(data["fired"], typer(questionnaire)),
        assisted=bool(data.get("assisted", False)))  # records from before it: not assisted
