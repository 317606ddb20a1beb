"""The questionnaire as a FHIR R4 Questionnaire, and a submitted visit as a QuestionnaireResponse.

Plain dictionaries ready for `json.dumps`; no FHIR library is needed to build them.

- Each page is a `group` item (linkId = page id, text = its title) holding its items; an item's
  id is its linkId, so an answer in a response is found by the same id in the questionnaire.
- Choices (yes/no, single, multiple, and the kiosk's own unsure / prefer-not / none) are
  `answerOption.valueCoding`: system = the questionnaire's URL, code = the option id, display =
  its words. Other form engines match choices by Coding (DESIGN.md).
- A show-if is `enableWhen` (+ `enableBehavior` for all/any). FHIR has one level of all/any, so
  a condition mixing them raises ValueError naming the item. Because FHIR's `!=` also holds for
  an unanswered question and the kiosk's does not, `q != v` is exported as `q exists` and
  `q != v` under `all`.
- A response holds only the visit's answers: the session already dropped every answer branching
  hid, and nothing is added. The outcome is not a patient answer and is not exported.
- A visit front-desk staff set up for the patient carries a `meta.tag`: system = the
  questionnaire's URL, code `completed-with-staff-help`, display = the summary's words for it.
  A tag names the visit's circumstances without touching its answers, and a FHIR server can
  search by it (`_tag`), which it cannot do with an extension of the kiosk's own.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kiosk.content.wording import option_words
from kiosk.intake.conditions import holds
from kiosk.intake.questionnaire import (
    CHOICE_TYPES,
    SCALE_MAX,
    SET_TYPES,
    Answer,
    Condition,
    Item,
    Questionnaire,
)

if TYPE_CHECKING:
    from kiosk.content.model import Content, LanguageWords
    from kiosk.intake.session import SubmittedVisit

EXT = "http://hl7.org/fhir/StructureDefinition/"
UNIT_EXT = EXT + "questionnaire-unit"
MIN_EXT = EXT + "minValue"
MAX_EXT = EXT + "maxValue"
DECIMALS_EXT = EXT + "maxDecimalPlaces"
REGEX_EXT = EXT + "regex"
EXCLUSIVE_EXT = EXT + "questionnaire-optionExclusive"
ITEM_CONTROL_EXT = EXT + "questionnaire-itemControl"
LANGUAGE_EXT = EXT + "language"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
UCUM = "http://unitsofmeasure.org"
#: The kiosk's limits that FHIR can state (the date must also not be in the future: it cannot).
MAX_DURATION_MONTHS = 960
OLDEST_BIRTH_DATE = "1900-01-01"
#: The tag code of a visit completed with staff help (system: the questionnaire's URL).
ASSISTED_TAG = "completed-with-staff-help"

FHIR_TYPES: dict[str, str] = {
    "text": "string", "yesno": "choice", "single": "choice", "multiple": "choice",
    "number": "decimal", "scale": "integer", "duration": "integer", "date": "date",
    "bodymap": "choice", "display": "display",
}
#: Where a pain map's body-region codes live, after the questionnaire's URL.
BODY_REGION_PATH = "/body-region"


def fhir_type(item: Item) -> str:
    """The FHIR item type of a kiosk item (a number without decimals is an integer)."""
    if item.type == "number" and item.decimals == 0:
        return "integer"
    return FHIR_TYPES[item.type]


def canonical(questionnaire: Questionnaire) -> str:
    """`url|version`: how a QuestionnaireResponse names the questionnaire it answers."""
    return f"{questionnaire.url}|{questionnaire.version}"


# -- the Questionnaire -------------------------------------------------------------------


def questionnaire_resource(content: Content, language: str) -> dict[str, Any]:
    """The questionnaire as a FHIR R4 Questionnaire, with its words in `language`.

    Raises ValueError when something cannot be said in FHIR: a page id that is also an item
    id (linkIds must be unique), or a show-if FHIR's enableWhen cannot express."""
    questionnaire = content.questionnaire
    words = content.words(language)
    item_ids = {item.id for item in questionnaire.items()}
    for page in questionnaire.pages:
        if page.id in item_ids:
            raise ValueError(f"page {page.id!r} has the id of an item; FHIR linkIds must be"
                             " unique")
    segment = questionnaire.url.rstrip("/").rsplit("/", 1)[-1]
    parts = [part for part in re.split(r"[^A-Za-z0-9]+", segment) if part]
    name = "".join(part[:1].upper() + part[1:] for part in parts)
    if not name or not name[0].isalpha():
        name = "Questionnaire" + name
    return {
        "resourceType": "Questionnaire",
        "language": language,
        "url": questionnaire.url,
        "version": questionnaire.version,
        "name": name,
        "title": " ".join(parts).capitalize() or name,
        "status": "active",
        "subjectType": ["Patient"],
        "item": [
            {"linkId": page.id, "type": "group",
             "text": words.questionnaire.pages[page.id].title,
             "item": [_question(item, questionnaire, words) for item in page.items]}
            for page in questionnaire.pages
        ],
    }


def _question(item: Item, questionnaire: Questionnaire, words: LanguageWords) -> dict[str, Any]:
    item_words = words.questionnaire.items[item.id]
    node: dict[str, Any] = {"linkId": item.id, "type": fhir_type(item),
                            "text": item_text(item, words)}
    extensions = _extensions(item, words)
    if extensions:
        node["extension"] = extensions
    if item.show_if is not None:
        node.update(enable_when(item, questionnaire))
    if item.required:
        node["required"] = True
    if item.type in SET_TYPES:
        node["repeats"] = True
    if item.type == "text":
        node["maxLength"] = item.max_length
    if item.pattern is not None:  # e.g. the clinic's record-number format
        node.setdefault("extension", []).append({"url": REGEX_EXT, "valueString": item.pattern})
    if item.type in CHOICE_TYPES:
        node["answerOption"] = [_option(item, choice, questionnaire, words)
                                for choice in item.choices()]
    if item_words.help and item.type == "display":
        node["text"] += "\n\n" + item_words.help  # a display item cannot have child items
    elif item_words.help:
        node["item"] = [{
            "linkId": f"{item.id}.help", "type": "display", "text": item_words.help,
            "extension": [{"url": ITEM_CONTROL_EXT, "valueCodeableConcept": {"coding": [
                {"system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}]}}],
        }]
    return node


def item_text(item: Item, words: LanguageWords) -> str:
    """The question in `words`' language; a scale also says what its ends mean."""
    item_words = words.questionnaire.items[item.id]
    if item.type == "scale":
        return (f"{item_words.text} (0 = {item_words.low}, {SCALE_MAX} = {item_words.high})")
    return item_words.text


def _extensions(item: Item, words: LanguageWords) -> list[dict[str, Any]]:
    if item.type == "scale":
        return [{"url": MIN_EXT, "valueInteger": 0}, {"url": MAX_EXT, "valueInteger": SCALE_MAX}]
    if item.type == "duration":
        return [{"url": UNIT_EXT, "valueCoding": {"system": UCUM, "code": "mo",
                                                  "display": words.ui.duration_in_months}},
                {"url": MIN_EXT, "valueInteger": 0},
                {"url": MAX_EXT, "valueInteger": MAX_DURATION_MONTHS}]
    if item.type == "date":
        return [{"url": MIN_EXT, "valueDate": OLDEST_BIRTH_DATE}]
    if item.type == "number":
        found: list[dict[str, Any]] = []
        unit = words.questionnaire.items[item.id].unit
        if unit:
            found.append({"url": UNIT_EXT, "valueCoding": {"display": unit}})
        key = "valueInteger" if item.decimals == 0 else "valueDecimal"
        if item.min is not None:
            found.append({"url": MIN_EXT,
                          key: math.ceil(item.min) if item.decimals == 0 else item.min})
        if item.max is not None:
            found.append({"url": MAX_EXT,
                          key: math.floor(item.max) if item.decimals == 0 else item.max})
        if item.decimals:
            found.append({"url": DECIMALS_EXT, "valueInteger": item.decimals})
        return found
    return []


def _coding(item: Item, code: str, questionnaire: Questionnaire,
            words: LanguageWords | None) -> dict[str, Any]:
    system = questionnaire.url + (BODY_REGION_PATH if item.type == "bodymap" else "")
    coding = {"system": system, "code": code}
    if words is not None:
        coding["display"] = option_words(item, code, words)
    return coding


def _option(item: Item, choice: str, questionnaire: Questionnaire,
            words: LanguageWords) -> dict[str, Any]:
    option: dict[str, Any] = {"valueCoding": _coding(item, choice, questionnaire, words)}
    if item.type == "multiple" and choice == "none":
        option["extension"] = [{"url": EXCLUSIVE_EXT, "valueBoolean": True}]
    return option


# -- show-if as enableWhen ---------------------------------------------------------------


def enable_when(item: Item, questionnaire: Questionnaire) -> dict[str, Any]:
    """`enableWhen` (and `enableBehavior` when there is more than one) for the item's show-if.

    Raises ValueError, naming the item, for a show-if FHIR cannot express."""
    assert item.show_if is not None
    behaviour, simple = _flatten(item.show_if, item)
    entries: list[dict[str, Any]] = []
    for condition in simple:
        if condition.op == "!=":
            if behaviour == "any" and len(simple) > 1:
                raise ValueError(
                    f"{item.id}: its show-if {item.show_if.describe()} uses != under 'any';"
                    " FHIR's != also holds when the question is unanswered, which the kiosk's"
                    " does not, and 'any' leaves no room to add 'is answered'")
            behaviour = "all"
            exists = _enable_entry(Condition(condition.question, "exists"), questionnaire)
            if exists not in entries:
                entries.append(exists)
        entries.append(_enable_entry(condition, questionnaire))
    found: dict[str, Any] = {"enableWhen": entries}
    if len(entries) > 1:
        found["enableBehavior"] = behaviour or "all"
    return found


def _flatten(condition: Condition, item: Item) -> tuple[str | None, list[Condition]]:
    """(all/any or None for a single condition, the simple conditions), or ValueError when
    all and any are mixed (FHIR has a single enableBehavior per item)."""
    if condition.question is not None:
        return None, [condition]
    behaviour = "all" if condition.all else "any"
    simple: list[Condition] = []
    for part in condition.all or condition.any:
        inner, conditions = _flatten(part, item)
        if inner is not None and inner != behaviour and len(conditions) > 1:
            assert item.show_if is not None
            raise ValueError(
                f"{item.id}: its show-if {item.show_if.describe()} mixes 'all' and 'any';"
                " FHIR enableWhen has one enableBehavior per item, so it cannot express that")
        simple.extend(conditions)
    return (behaviour if len(simple) > 1 else None), simple


def _enable_entry(condition: Condition, questionnaire: Questionnaire) -> dict[str, Any]:
    assert condition.question is not None
    entry: dict[str, Any] = {"question": condition.question, "operator": condition.op}
    if condition.op == "exists":
        entry["answerBoolean"] = True
        return entry
    asked = questionnaire.item(condition.question)
    value = condition.value
    kind = fhir_type(asked)
    if kind == "choice":
        entry["answerCoding"] = _coding(asked, str(value), questionnaire, None)
    elif kind == "integer":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise ValueError(f"{condition.describe()}: {asked.id} takes whole numbers, so FHIR"
                             f" cannot compare it with {value!r}")
        entry["answerInteger"] = int(value)
    elif kind == "decimal":
        entry["answerDecimal"] = value
    elif kind == "date":
        entry["answerDate"] = value.isoformat() if isinstance(value, datetime.date) \
            else str(value)
    else:
        entry["answerString"] = str(value)
    return entry


# -- the QuestionnaireResponse -----------------------------------------------------------


def questionnaire_response(visit: SubmittedVisit, content: Content,
                           language: str) -> dict[str, Any]:
    """The visit's answers as a FHIR R4 QuestionnaireResponse to `questionnaire_resource`.

    Choice displays and question texts are in `language`; the patient's own words stay as
    typed, tagged with the language the patient used. Only the visit's answers are exported
    (never an answer to a question branching hid); the outcome is not. Raises ValueError when
    the visit was answered on another version of the questionnaire, or names a question this
    questionnaire does not have or hides."""
    questionnaire = content.questionnaire
    if visit.questionnaire_version != questionnaire.version:
        raise ValueError(f"visit {visit.visit_id} answered version"
                         f" {visit.questionnaire_version} of the questionnaire; the content is"
                         f" version {questionnaire.version}")
    _check_visible(visit, questionnaire)
    words = content.words(language)
    groups: list[dict[str, Any]] = []
    for page in questionnaire.pages:
        answered = [
            {"linkId": item.id, "text": item_text(item, words),
             "answer": answer_values(item, visit.answers[item.id], questionnaire, words,
                                     visit.language)}
            for item in page.items if item.id in visit.answers]
        if answered:
            groups.append({"linkId": page.id, "text": words.questionnaire.pages[page.id].title,
                           "item": answered})
    moment = visit.submitted_at.astimezone(datetime.UTC)
    tagged: dict[str, Any] = {}
    if visit.assisted:
        tagged["meta"] = {"tag": [{"system": questionnaire.url, "code": ASSISTED_TAG,
                                   "display": words.summary.assisted}]}
    return {
        "resourceType": "QuestionnaireResponse",
        "id": visit.visit_id,
        **tagged,
        "language": language,
        "questionnaire": canonical(questionnaire),
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


def answer_values(item: Item, answer: Answer, questionnaire: Questionnaire,
                  words: LanguageWords, patient_language: str) -> list[dict[str, Any]]:
    """The FHIR `answer` list of one item: one entry, or one per pick of a multiple choice."""
    if item.type in ("yesno", "single"):
        return [{"valueCoding": _coding(item, str(answer), questionnaire, words)}]
    if item.type in SET_TYPES:
        assert isinstance(answer, tuple)
        return [{"valueCoding": _coding(item, pick, questionnaire, words)} for pick in answer]
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
