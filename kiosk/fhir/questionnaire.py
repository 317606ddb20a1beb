"""The questionnaire as ONE FHIR R4 Questionnaire for every language, and its CodeSystem.

- `url` and `version` come from the Publication: the clinic's canonical address and a hash of
  the content, so each content version is one resource a server can hold beside the others.
- Texts are in the published (printing) language; every other language's words ride along in
  the FHIR translation extension on `_text` and `_display`, where they differ.
- Each page is a `group` item (linkId = page id, text = its title) holding its items; an
  item's id is its linkId. A question has `code`: its standard code (kiosk.fhir.codes) or its
  id in the kiosk's CodeSystem.
- Choices are `answerOption.valueCoding`: a standard coding, or the kiosk's own code in its
  CodeSystem with the patient's words as display. Other form engines match choices by Coding.
- A show-if is `enableWhen` (kiosk.fhir.enable_when).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kiosk.fhir.codes import code_system, item_coding, option_coding
from kiosk.fhir.enable_when import enable_when, fhir_type
from kiosk.intake.questionnaire import CHOICE_TYPES, SCALE_MAX, SET_TYPES, Item, Questionnaire
from kiosk.intake.scoring import option_weights

if TYPE_CHECKING:
    from kiosk.content.model import Content, LanguageWords
    from kiosk.fhir.publication import Publication

EXT = "http://hl7.org/fhir/StructureDefinition/"
UNIT_EXT = EXT + "questionnaire-unit"
MIN_EXT = EXT + "minValue"
MAX_EXT = EXT + "maxValue"
DECIMALS_EXT = EXT + "maxDecimalPlaces"
REGEX_EXT = EXT + "regex"
EXCLUSIVE_EXT = EXT + "questionnaire-optionExclusive"
ITEM_CONTROL_EXT = EXT + "questionnaire-itemControl"
TRANSLATION_EXT = EXT + "translation"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
UCUM = "http://unitsofmeasure.org"
#: The kiosk's limits that FHIR can state (the date must also not be in the future: it cannot).
MAX_DURATION_MONTHS = 960
OLDEST_BIRTH_DATE = "1900-01-01"
#: The words that are translated: a question's or a group's text, an option's display.
TRANSLATED = ("text", "display")


def header(content: Content, publication: Publication,
           date: datetime.date | None = None) -> dict[str, Any]:
    """What the Questionnaire and its CodeSystem share: name, title, status, date, publisher."""
    parts = [part for part in publication.slug.replace("_", "-").split("-") if part]
    name = "".join(part[:1].upper() + part[1:] for part in parts if part.isalnum())
    if not name or not name[0].isalpha():
        name = "Questionnaire" + name
    found: dict[str, Any] = {"name": name, "title": " ".join(parts).capitalize() or name,
                             "status": "active"}
    if date is not None:
        found["date"] = date.isoformat()
    if publication.publisher:
        found["publisher"] = publication.publisher
    return found


def questionnaire(content: Content, publication: Publication, language: str,
                  date: datetime.date | None = None) -> dict[str, Any]:
    """The questionnaire in `language`, with every other language as translations.

    Raises ValueError when something cannot be said in FHIR: a page id that is also an item
    id (linkIds must be unique), or a show-if FHIR's enableWhen cannot express."""
    item_ids = {item.id for item in content.questionnaire.items()}
    for page in content.questionnaire.pages:
        if page.id in item_ids:
            raise ValueError(f"page {page.id!r} has the id of an item; FHIR linkIds must be"
                             " unique")
    items = _items(content, publication, language)
    for other in content.languages:
        if other != language:
            _translate(items, _items(content, publication, other), other)
    return {
        "resourceType": "Questionnaire",
        "language": language,
        "url": publication.url,
        "version": publication.version,
        **header(content, publication, date),
        "subjectType": ["Patient"],
        "item": items,
    }


def questionnaire_and_codes(content: Content, publication: Publication, language: str,
                            date: datetime.date | None = None) -> list[dict[str, Any]]:
    """The Questionnaire and the CodeSystem of its own codes, published together."""
    return [questionnaire(content, publication, language, date),
            code_system(content, publication, language, header(content, publication, date))]


def _items(content: Content, publication: Publication, language: str) -> list[dict[str, Any]]:
    words = content.words(language)
    weights = option_weights(content.questionnaire)
    return [{"linkId": page.id, "type": "group",
             "text": words.questionnaire.pages[page.id].title,
             "item": [_question(item, content.questionnaire, publication, words, weights)
                      for item in page.items]}
            for page in content.questionnaire.pages]


def _translate(node: Any, other: Any, language: str) -> None:
    """Add `other`'s words (the same tree in `language`) as translations of `node`'s."""
    if isinstance(node, list):
        for mine, theirs in zip(node, other, strict=True):
            _translate(mine, theirs, language)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key in TRANSLATED and isinstance(value, str):
            continue
        _translate(value, other[key], language)
    for key in TRANSLATED:
        if isinstance(node.get(key), str) and node[key] != other[key]:
            node.setdefault(f"_{key}", {"extension": []})["extension"].append({
                "url": TRANSLATION_EXT, "extension": [
                    {"url": "lang", "valueCode": language},
                    {"url": "content", "valueString": other[key]}]})


def item_text(item: Item, words: LanguageWords) -> str:
    """The question in `words`' language; a scale also says what its ends mean."""
    item_words = words.questionnaire.items[item.id]
    if item.type == "scale":
        return f"{item_words.text} (0 = {item_words.low}, {SCALE_MAX} = {item_words.high})"
    return item_words.text


def _question(item: Item, asked: Questionnaire, publication: Publication,
              words: LanguageWords, weights: Mapping[tuple[str, str], float]
              ) -> dict[str, Any]:
    item_words = words.questionnaire.items[item.id]
    node: dict[str, Any] = {"linkId": item.id}
    if item.asks:
        node["code"] = [item_coding(item, publication, words)]
    node.update({"type": fhir_type(item), "text": item_text(item, words)})
    extensions = _extensions(item, words)
    if extensions:
        node["extension"] = extensions
    if item.show_if is not None:
        node.update(enable_when(item, asked, publication))
    if item.required:
        node["required"] = True
    if item.type in SET_TYPES:
        node["repeats"] = True
    if item.type == "text":
        node["maxLength"] = item.max_length
    if item.pattern is not None:  # e.g. the clinic's record-number format
        node.setdefault("extension", []).append({"url": REGEX_EXT, "valueString": item.pattern})
    if item.type in CHOICE_TYPES:
        node["answerOption"] = [_option(item, choice, publication, words,
                                        weights.get((item.id, choice)))
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


def _option(item: Item, choice: str, publication: Publication,
            words: LanguageWords, weight: float | None) -> dict[str, Any]:
    option: dict[str, Any] = {"valueCoding": option_coding(item, choice, publication, words,
                                                           weight)}
    if item.type == "multiple" and choice == "none":
        option["extension"] = [{"url": EXCLUSIVE_EXT, "valueBoolean": True}]
    return option
