"""A submitted visit as a FHIR R4 QuestionnaireResponse to the published Questionnaire.

- It names the questionnaire by `url|version` (kiosk.fhir.publication) and answers with the
  same codings the Questionnaire's options have (kiosk.fhir.codes).
- A response holds only the visit's answers: the session already dropped every answer
  branching hid, and nothing is added. The outcome is not a patient answer and is not here
  (a visit's Bundle carries its red flags and scores as resources of their own).
- A visit front-desk staff set up for the patient carries a `meta.tag`: system = the
  questionnaire's url, code `completed-with-staff-help`, display = the summary's words for it.
  A server can search by a tag (`_tag`), which it cannot do with an extension of the kiosk's.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kiosk.fhir.codes import option_coding
from kiosk.fhir.enable_when import fhir_type
from kiosk.fhir.publication import Publication
from kiosk.fhir.questionnaire import item_text
from kiosk.intake.conditions import holds
from kiosk.intake.questionnaire import SET_TYPES, Answer, Item, Questionnaire
from kiosk.intake.scoring import option_weights

if TYPE_CHECKING:
    from kiosk.content.model import Content, LanguageWords
    from kiosk.intake.session import SubmittedVisit

LANGUAGE_EXT = "http://hl7.org/fhir/StructureDefinition/language"
#: The tag code of a visit completed with staff help (system: the questionnaire's url).
ASSISTED_TAG = "completed-with-staff-help"


def questionnaire_response(visit: SubmittedVisit, content: Content, language: str,
                           publication: Publication | None = None) -> dict[str, Any]:
    """The visit's answers as a FHIR R4 QuestionnaireResponse to `questionnaire_resource`.

    Choice displays and question texts are in `language`; the patient's own words stay as
    typed, tagged with the language the patient used. Only the visit's answers are exported
    (never an answer to a question branching hid); the outcome is not. Raises ValueError when
    the visit was answered on another version of the questionnaire, or names a question this
    questionnaire does not have or hides."""
    questionnaire = content.questionnaire
    publication = publication or Publication.of(content)
    if visit.questionnaire_version != questionnaire.version:
        raise ValueError(f"visit {visit.visit_id} answered version"
                         f" {visit.questionnaire_version} of the questionnaire; the content is"
                         f" version {questionnaire.version}")
    _check_visible(visit, questionnaire)
    words = content.words(language)
    weights = option_weights(questionnaire)
    groups: list[dict[str, Any]] = []
    for page in questionnaire.pages:
        answered = [
            {"linkId": item.id, "text": item_text(item, words),
             "answer": answer_values(item, visit.answers[item.id], publication, words,
                                     visit.language, weights)}
            for item in page.items if item.id in visit.answers]
        if answered:
            groups.append({"linkId": page.id, "text": words.questionnaire.pages[page.id].title,
                           "item": answered})
    moment = visit.submitted_at.astimezone(datetime.UTC)
    tagged: dict[str, Any] = {}
    if visit.assisted:
        tagged["meta"] = {"tag": [{"system": publication.url, "code": ASSISTED_TAG,
                                   "display": words.summary.assisted}]}
    return {
        "resourceType": "QuestionnaireResponse",
        "id": visit.visit_id,
        **tagged,
        "language": language,
        "questionnaire": publication.canonical,
        # FHIR's words for sent, still being answered, and ended before it was sent.
        "status": {"complete": "completed", "open": "in-progress",
                   "unfinished": "stopped"}[visit.status],
        "authored": moment.isoformat(timespec="seconds"),
        "item": groups,
    }


def _check_visible(visit: SubmittedVisit, questionnaire: Questionnaire) -> None:
    """A visit holds answers of visible items only; one that does not is not exported."""
    items = {item.id: item for item in questionnaire.items()}
    unknown = [item_id for item_id in visit.answers if item_id not in items]
    if unknown:
        raise ValueError(f"visit {visit.visit_id} answers {unknown[0]!r}, which is not a"
                         f" question of version {questionnaire.version}")
    seen: dict[str, Answer] = {}
    for item in questionnaire.items():
        if item.show_if is None or holds(item.show_if, seen, items):
            if item.id in visit.answers:
                seen[item.id] = visit.answers[item.id]
        elif item.id in visit.answers:
            raise ValueError(f"visit {visit.visit_id} answers {item.id!r}, which its other"
                             f" answers hide (shown only if {item.show_if.describe()})")


def answer_values(item: Item, answer: Answer, publication: Publication,
                  words: LanguageWords, patient_language: str,
                  weights: Mapping[tuple[str, str], float] | None = None
                  ) -> list[dict[str, Any]]:
    """The FHIR `answer` list of one item: one entry, or one per pick of a multiple choice;
    a scored option carries its ordinal value (`weights`, from kiosk.intake.scoring)."""
    weights = weights or {}
    if item.type in ("yesno", "single"):
        return [{"valueCoding": option_coding(item, str(answer), publication, words,
                                              weights.get((item.id, str(answer))))}]
    if item.type in SET_TYPES:
        assert isinstance(answer, tuple)
        return [{"valueCoding": option_coding(item, pick, publication, words,
                                              weights.get((item.id, pick)))}
                for pick in answer]
    if item.type == "date":
        assert isinstance(answer, datetime.date)
        return [{"valueDate": answer.isoformat()}]
    if item.type == "text":
        return [{"valueString": str(answer), "_valueString": {"extension": [
            {"url": LANGUAGE_EXT, "valueCode": patient_language}]}}]
    assert isinstance(answer, (int, float))
    if fhir_type(item) == "integer":
        return [{"valueInteger": int(answer)}]
    return [{"valueDecimal": answer}]


def answer_count(response: Mapping[str, Any]) -> int:
    """How many questions a QuestionnaireResponse answers."""
    return sum(len(group["item"]) for group in response["item"])
