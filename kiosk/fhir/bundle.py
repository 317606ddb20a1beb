"""One visit as a FHIR R4 transaction Bundle a clinic's server stores in one step.

The Bundle holds, each under a `urn:uuid:` derived from the visit (the same every time):

- a Patient: the name and date of birth the patient typed, the clinic's record number when it
  was asked, and a kiosk identifier for this visit. The kiosk cannot know who a patient is in
  the clinic's records, so it never matches one by name or number: the front desk links the
  two (the record number is there for it).
- the QuestionnaireResponse, its `identifier` the visit's under the clinic's system, its
  `subject` and `source` the Patient.
- a Flag for each red flag the outcome holds (urgent or review), coded `flag.<rule>`, and,
  when the clinic asks for them (`fhir.front_desk_tasks`), a Task for the front desk for each
  urgent one: priority stat, its focus the Flag.
- an Observation for each score the visit has, derived from the response.

The Patient, the Flags and the Tasks are conditional creates (`ifNoneExist` on their
identifier); the response and the scores conditional updates (`PUT …?identifier=`), so an
urgent visit sent when its flag fired and again when the patient finished is stored once, as
finished. Pure: no
network, no clock, no Qt.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from kiosk.fhir.codes import flag_coding, score_coding
from kiosk.fhir.response import questionnaire_response
from kiosk.intake.scoring import scores

if TYPE_CHECKING:
    from kiosk.content.model import Content
    from kiosk.fhir.publication import Publication
    from kiosk.intake.scoring import Score
    from kiosk.intake.session import SubmittedVisit

FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
#: The identity questions a Patient is made from, by item id.
FIRST_NAME, LAST_NAME, BIRTH_DATE, RECORD_NUMBER = (
    "first-name", "last-name", "birth-date", "record-number")


def _identifier(system: str, value: str) -> dict[str, str]:
    return {"system": system, "value": value}


def _entry(full_url: str, resource: dict[str, Any], update: bool = False) -> dict[str, Any]:
    """A conditional create of `resource` on its first identifier, or (`update`) a
    conditional update: created the first time, replaced by a later sending of the visit."""
    identifier = resource["identifier"]
    first = identifier[0] if isinstance(identifier, list) else identifier
    search = f"identifier={first['system']}|{first['value']}"
    if update:
        return {"fullUrl": full_url, "resource": resource,
                "request": {"method": "PUT", "url": f"{resource['resourceType']}?{search}"}}
    return {"fullUrl": full_url, "resource": resource,
            "request": {"method": "POST", "url": resource["resourceType"],
                        "ifNoneExist": search}}


def visit_bundle(visit: SubmittedVisit, content: Content, publication: Publication,
                 language: str) -> dict[str, Any]:
    """The visit as a transaction Bundle, texts in `language` (the printing one).

    Raises ValueError as `questionnaire_response` does (another version, a hidden answer)."""
    key = publication.visit_key(visit)
    patient_url = publication.full_url(visit, "Patient")
    response_url = publication.full_url(visit, "QuestionnaireResponse")
    subject = {"reference": patient_url}
    authored = visit.submitted_at.astimezone(datetime.UTC).isoformat(timespec="seconds")
    response = questionnaire_response(visit, content, language, publication)
    del response["id"]  # the server gives it one; the identifier is the visit's
    response = {"resourceType": response.pop("resourceType"),
                "identifier": _identifier(publication.visit_system, key),
                **response, "subject": subject, "source": subject}
    entries = [_entry(patient_url, _patient(visit, publication, key)),
               _entry(response_url, response, update=True)]
    words = content.words(language)
    for reason in visit.outcome.reasons:
        if reason.kind in ("urgent", "review") and reason.rule_id is not None:
            flag = {
                "resourceType": "Flag",
                "identifier": [_identifier(publication.system("flag"),
                                           f"{key}/{reason.rule_id}")],
                "status": "active",
                "category": [{"coding": [{"system": FLAG_CATEGORY, "code": "clinical",
                                          "display": "Clinical"}]}],
                "code": {"coding": [flag_coding(reason.rule_id, publication, words)],
                         "text": words.rules.rules.get(reason.rule_id, reason.rule_id)},
                "subject": subject,
                "period": {"start": authored},
            }
            flag_url = publication.full_url(visit, f"Flag/{reason.rule_id}")
            entries.append(_entry(flag_url, flag))
            if reason.kind == "urgent" and publication.front_desk_tasks:
                task = _front_desk_task(flag, flag_url, words.summary.front_desk_task,
                                        publication.system("task"), authored)
                entries.append(_entry(publication.full_url(visit, f"Task/{reason.rule_id}"),
                                      task))
    for score in scores(content.questionnaire, visit.answers):
        if score.value is None:
            continue
        observation = _observation(score, publication, content, language, key)
        observation.update({"subject": subject, "effectiveDateTime": authored,
                            "derivedFrom": [{"reference": response_url}]})
        entries.append(_entry(
            publication.full_url(visit, f"Observation/{score.instrument}/{score.score}"),
            observation, update=True))
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def _front_desk_task(flag: dict[str, Any], flag_url: str, wording: str, system: str,
                     authored: str) -> dict[str, Any]:
    """A Task for the front desk: see the patient with this urgent flag now. Created once;
    the record system's work list then owns its status."""
    return {
        "resourceType": "Task",
        "identifier": [_identifier(system, flag["identifier"][0]["value"])],
        "status": "requested",
        "intent": "order",
        "priority": "stat",
        "code": {"coding": flag["code"]["coding"], "text": flag["code"]["text"]},
        "description": wording.format(flag=flag["code"]["text"]),
        "focus": {"reference": flag_url},
        "for": flag["subject"],
        "authoredOn": authored,
    }


def _patient(visit: SubmittedVisit, publication: Publication, key: str) -> dict[str, Any]:
    answers = visit.answers
    identifiers = [_identifier(publication.system("kiosk-patient"), key)]
    number = answers.get(RECORD_NUMBER)
    if isinstance(number, str) and number:
        identifiers.append({**_identifier(publication.record_system, number),
                            "use": "usual"})
    patient: dict[str, Any] = {"resourceType": "Patient", "identifier": identifiers}
    name: dict[str, Any] = {}
    if isinstance(answers.get(LAST_NAME), str):
        name["family"] = answers[LAST_NAME]
    if isinstance(answers.get(FIRST_NAME), str):
        name["given"] = [answers[FIRST_NAME]]
    if name:
        patient["name"] = [{"use": "usual", **name}]
    birth = answers.get(BIRTH_DATE)
    if isinstance(birth, datetime.date):
        patient["birthDate"] = birth.isoformat()
    return patient


def _observation(score: Score, publication: Publication, content: Content, language: str,
                 key: str) -> dict[str, Any]:
    words = content.words(language)
    coding = score_coding(score.instrument, score.score, publication, words)
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "identifier": [_identifier(publication.system("score"),
                                   f"{key}/{score.instrument}/{score.score}")],
        "status": "final",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey",
                                  "display": "Survey"}]}],
        "code": {"coding": [coding], "text": coding["display"]},
    }
    assert score.value is not None
    if score.decimals == 0:
        observation["valueInteger"] = int(score.value)
    else:
        observation["valueQuantity"] = {"value": score.value, "unit": "{score}",
                                        "system": UCUM, "code": "{score}"}
    named = words.questionnaire.instruments.get(score.instrument)
    if score.band is not None and named is not None and named.bands:
        observation["interpretation"] = [{"text": named.bands.get(score.band, score.band)}]
    return observation
