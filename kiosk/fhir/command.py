"""`export-fhir`: write the questionnaire, or one visit, as FHIR R4 JSON a server takes.

`--questionnaire OUT.json` writes one transaction Bundle holding the Questionnaire (every
language in it) and the CodeSystem of the kiosk's own codes, each created only when the server
has no resource of that url and version yet. `--bundle VISIT_ID OUT.json` writes a stored
visit's transaction Bundle (Patient, QuestionnaireResponse, Flags, score Observations), the
very one the courier sends, and `--bundle FILE OUT.json` that of a `simulate`-style answer file
run through the same session as the kiosk. Each prints one line saying what it wrote, or
says why it could not (exit status 1); a line before it says when the settings give no clinic
address to publish under.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kiosk.fhir.bundle import visit_bundle
from kiosk.fhir.publication import Publication, today
from kiosk.fhir.questionnaire import questionnaire_and_codes
from kiosk.fhir.response import answer_count
from kiosk.paths import write_private

if TYPE_CHECKING:
    from kiosk.app import Options
    from kiosk.content.model import Content
    from kiosk.content.settings import Settings
    from kiosk.intake.session import SubmittedVisit


def publication_of(content: Content, settings: Settings | None, report: TextIO) -> Publication:
    """The clinic's publication; says so first when it is not fit for a clinic's server."""
    publication = Publication.of(content, settings)
    reason = publication.unpublished_reason()
    if reason is not None:
        print(f"note: {reason}", file=report)
    return publication


def definitions_bundle(content: Content, publication: Publication, language: str,
                       date: datetime.date | None = None) -> dict[str, Any]:
    """The Questionnaire and its CodeSystem as a transaction Bundle, each created only when
    the server holds no resource of its url and version."""
    return {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": f"{resource['url']}|{resource['version']}", "resource": resource,
         "request": {"method": "POST", "url": resource["resourceType"],
                     "ifNoneExist": f"url={resource['url']}&version={resource['version']}"}}
        for resource in questionnaire_and_codes(content, publication, language, date)]}


def _write(resource: dict[str, Any], out: Path) -> str | None:
    """Write `resource` as pretty JSON; the reason when it could not be written."""
    try:
        write_private(out, json.dumps(resource, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        return f"cannot write {out}: {error.strerror or error}"
    return None


def export_questionnaire(content: Content, language: str, out: Path,
                         report: TextIO | None = None, settings: Settings | None = None,
                         date: datetime.date | None = None) -> int:
    """Write the Questionnaire and its CodeSystem (texts in `language`, the others as
    translations) to `out` as one transaction Bundle; 0 when written."""
    report = report or sys.stdout
    publication = publication_of(content, settings, report)
    try:
        resource = definitions_bundle(content, publication, language, date or today())
    except ValueError as error:
        print(f"cannot export the questionnaire: {error}", file=report)
        return 1
    problem = _write(resource, out)
    if problem:
        print(problem, file=report)
        return 1
    count = len(content.questionnaire.items())
    print(f"wrote {out}: Questionnaire {publication.canonical} ({count} items,"
          f" {len(content.languages)} languages) and its CodeSystem", file=report)
    return 0


def export_response(visit: SubmittedVisit, content: Content, language: str, out: Path,
                    report: TextIO | None = None, settings: Settings | None = None) -> int:
    """Write the visit as a transaction Bundle (texts and choice words in `language`)."""
    report = report or sys.stdout
    publication = publication_of(content, settings, report)
    try:
        resource = visit_bundle(visit, content, publication, language)
    except ValueError as error:
        print(f"cannot export visit {visit.visit_id}: {error}", file=report)
        return 1
    problem = _write(resource, out)
    if problem:
        print(problem, file=report)
        return 1
    entries = [entry["resource"] for entry in resource["entry"]]
    kinds = [entry["resourceType"] for entry in entries]
    print(f"wrote {out}: visit {visit.visit_id} as a transaction Bundle (Patient,"
          f" QuestionnaireResponse with {answer_count(entries[1])} answers,"
          f" {kinds.count('Flag')} Flags, {kinds.count('Observation')} Observations)",
          file=report)
    return 0


def export_answers_response(answers: Path, content: Content, language: str, out: Path, *,
                            patient_language: str | None = None,
                            now: datetime.datetime | None = None,
                            report: TextIO | None = None,
                            settings: Settings | None = None) -> int:
    """Run an answer file through the kiosk's session, submit it, and export that visit.

    Errors in the file are listed as `file:line: …` (as `simulate` lists them) and nothing is
    written; an answer branching hides is dropped, said so, and not exported."""
    from kiosk.content.simulate import visit_from_file

    report = report or sys.stdout
    visit = visit_from_file(answers, content, patient_language, report,
                            now or datetime.datetime.now(datetime.UTC), fallback=language)
    if visit is None:
        return 1
    return export_response(visit, content, language, out, report, settings)


def export_fhir(options: Options, questionnaire: bool, visit_or_file: str | None, out: Path,
                language: str | None) -> int:
    """The `export-fhir` command: the questionnaire, or one visit (a stored visit's id, or an
    answer file when a file of that name exists)."""
    from kiosk import paths
    from kiosk.app import load_or_say
    from kiosk.records.sealing import KEY_FILE_NAME
    from kiosk.records.store import VisitStore

    loaded = load_or_say(options)
    if loaded is None:
        return 1
    language = language or loaded.settings.printing.language
    if questionnaire or visit_or_file is None:
        return export_questionnaire(loaded.content, language, out, settings=loaded.settings)
    if Path(visit_or_file).is_file():
        return export_answers_response(Path(visit_or_file), loaded.content, language, out,
                                       settings=loaded.settings)
    store_path = paths.data_folder(options.data) / "visits.sqlite3"
    key_file = paths.config_folder(options.data) / KEY_FILE_NAME
    stored = VisitStore(store_path, key_file, beside_kiosk=True).visit(
        visit_or_file, loaded.content.questionnaire) if store_path.exists() else None
    if stored is None:
        print(f"no stored visit {visit_or_file!r} (and no answer file of that name)",
              file=sys.stderr)
        return 1
    return export_response(stored, loaded.content, language, out, settings=loaded.settings)
