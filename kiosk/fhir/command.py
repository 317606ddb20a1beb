"""`export-fhir`: write the questionnaire, or one visit's answers, as FHIR R4 JSON.

`--questionnaire OUT.json` writes the Questionnaire; `--visit VISIT_ID OUT.json` a stored
visit's QuestionnaireResponse, and `--answers FILE OUT.json` that of a `simulate`-style answer
file run through the same session as the kiosk. Each prints one line saying what it wrote, or
says why it could not (exit status 1).
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kiosk.fhir.resources import answer_count, questionnaire_resource, questionnaire_response
from kiosk.paths import write_private

if TYPE_CHECKING:
    from kiosk.content.model import Content
    from kiosk.intake.session import SubmittedVisit


def _write(resource: dict[str, Any], out: Path) -> str | None:
    """Write `resource` as pretty JSON; the reason when it could not be written."""
    try:
        write_private(out, json.dumps(resource, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        return f"cannot write {out}: {error.strerror or error}"
    return None


def export_questionnaire(content: Content, language: str, out: Path,
                         report: TextIO | None = None) -> int:
    """Write the questionnaire, with its words in `language`, to `out`; 0 when written."""
    report = report or sys.stdout
    try:
        resource = questionnaire_resource(content, language)
    except ValueError as error:
        print(f"cannot export the questionnaire: {error}", file=report)
        return 1
    problem = _write(resource, out)
    if problem:
        print(problem, file=report)
        return 1
    count = len(content.questionnaire.items())
    print(f"wrote {out}: Questionnaire ({count} items)", file=report)
    return 0


def export_response(visit: SubmittedVisit, content: Content, language: str, out: Path,
                    report: TextIO | None = None) -> int:
    """Write the visit's answers as a QuestionnaireResponse (choice words in `language`)."""
    report = report or sys.stdout
    try:
        resource = questionnaire_response(visit, content, language)
    except ValueError as error:
        print(f"cannot export visit {visit.visit_id}: {error}", file=report)
        return 1
    problem = _write(resource, out)
    if problem:
        print(problem, file=report)
        return 1
    print(f"wrote {out}: QuestionnaireResponse {visit.visit_id}"
          f" ({answer_count(resource)} answers)", file=report)
    return 0


def export_answers_response(answers: Path, content: Content, language: str, out: Path, *,
                            patient_language: str | None = None,
                            now: datetime.datetime | None = None,
                            report: TextIO | None = None) -> int:
    """Run an answer file through the kiosk's session, submit it, and export that visit.

    Errors in the file are listed as `file:line: …` (as `simulate` lists them) and nothing is
    written; an answer branching hides is dropped, said so, and not exported."""
    from kiosk.content.simulate import visit_from_file

    report = report or sys.stdout
    visit = visit_from_file(answers, content, patient_language or language, report,
                            now or datetime.datetime.now(datetime.UTC))
    if visit is None:
        return 1
    return export_response(visit, content, language, out, report)
