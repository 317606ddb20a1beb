"""The codes the exports use: standard ones where they exist, the kiosk's own elsewhere.

Standard codes (each checked against the published LOINC and SNOMED CT references):

| what | system | code | display |
|---|---|---|---|
| pain now, 0-10 (question, score) | LOINC | 72514-3 | (PAIN_NOW below) |
| date of birth | LOINC | 21112-8 | Birth date |
| smoking | LOINC | 72166-2 | Tobacco smoking status |
| smoking: never | SNOMED CT | 266919005 | Never smoked tobacco |
| smoking: past | SNOMED CT | 8517006 | Ex-smoker |
| smoking: current | SNOMED CT | 77176002 | Smoker |
| yes (a yes/no question) | LOINC | LA33-6 | Yes |
| no (a yes/no question) | LOINC | LA32-8 | No |

A standard coding carries its code system's own display. Everything else is in the kiosk's
CodeSystem (`Publication.codes_url`), one content version at a time: a question by its id
(display: the specialist's label), an option of its own as `<question>.<option>` (display: the
patient's words), the options the kiosk adds everywhere by their ids (`unsure`, `prefer-not`,
`none`), a red flag as `flag.<rule>` (display: its clinical label; property `level`: urgent or
review) and a score as `score.<instrument>.<score>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.content.wording import option_words
from kiosk.intake.questionnaire import CHOICE_TYPES, Item

if TYPE_CHECKING:
    from kiosk.content.model import Content, LanguageWords
    from kiosk.fhir.publication import Publication

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
Code = tuple[str, str, str]  # system, code, display

PAIN_NOW: Code = (LOINC, "72514-3",
                  "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
#: Questions with a standard code, by the kiosk's item id.
ITEM_CODES: dict[str, Code] = {
    "pain-now": PAIN_NOW,
    "birth-date": (LOINC, "21112-8", "Birth date"),
    "smoking": (LOINC, "72166-2", "Tobacco smoking status"),
}
#: Options with a standard code: (item id, option id); a yes/no question's yes and no.
OPTION_CODES: dict[tuple[str, str], Code] = {
    ("smoking", "never"): (SNOMED, "266919005", "Never smoked tobacco"),
    ("smoking", "past"): (SNOMED, "8517006", "Ex-smoker"),
    ("smoking", "current"): (SNOMED, "77176002", "Smoker"),
}
YES_NO_CODES: dict[str, Code] = {"yes": (LOINC, "LA33-6", "Yes"), "no": (LOINC, "LA32-8", "No")}
#: Scores with a standard code: (instrument id, score id).
SCORE_CODES: dict[tuple[str, str], Code] = {("pain-rating", "pain-now"): PAIN_NOW}
#: The options the kiosk adds to questions itself: one code each, the same everywhere.
KIOSK_OPTIONS = ("unsure", "prefer-not", "none")


def standard_option(item: Item, choice: str) -> Code | None:
    """The standard code of one option of `item`, or None."""
    if item.type == "yesno" and choice in YES_NO_CODES:
        return YES_NO_CODES[choice]
    return OPTION_CODES.get((item.id, choice))


def option_code(item: Item, choice: str) -> str:
    """The kiosk's own code of an option."""
    return choice if choice in KIOSK_OPTIONS else f"{item.id}.{choice}"


#: A scored option's value, on its Coding (FHIR R4 core extension).
ORDINAL_EXT = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


def option_coding(item: Item, choice: str, publication: Publication,
                  words: LanguageWords | None, weight: float | None = None) -> dict[str, Any]:
    """The Coding of one option (a display in `words`' language when words are given), with
    the value a scored measure gives it as its ordinal value."""
    standard = standard_option(item, choice)
    coding: dict[str, Any]
    if standard is not None:
        system, code, display = standard
        coding = {"system": system, "code": code, **({"display": display} if words else {})}
    else:
        coding = {"system": publication.codes_url, "code": option_code(item, choice)}
        if words is not None:
            coding["display"] = option_words(item, choice, words)
    if weight is not None:
        coding["extension"] = [{"url": ORDINAL_EXT, "valueDecimal": weight}]
    return coding


def item_coding(item: Item, publication: Publication, words: LanguageWords) -> dict[str, Any]:
    """The Coding of a question: its standard code, else its id with the specialist's label."""
    if item.id in ITEM_CODES:
        system, code, display = ITEM_CODES[item.id]
        return {"system": system, "code": code, "display": display}
    return {"system": publication.codes_url, "code": item.id,
            "display": words.questionnaire.clinical(item.id)}


def score_coding(instrument: str, score: str, publication: Publication,
                 words: LanguageWords) -> dict[str, Any]:
    """The Coding of a score: standard where one is, else `score.<instrument>.<score>`."""
    if (instrument, score) in SCORE_CODES:
        system, code, display = SCORE_CODES[(instrument, score)]
        return {"system": system, "code": code, "display": display}
    return {"system": publication.codes_url, "code": f"score.{instrument}.{score}",
            "display": score_label(instrument, score, words)}


def score_label(instrument: str, score: str, words: LanguageWords) -> str:
    """A score's name for the specialist, e.g. "PEG: Mean"."""
    named = words.questionnaire.instruments.get(instrument)
    if named is None:
        return f"{instrument}: {score}"
    return f"{named.name}: {named.scores.get(score, score)}"


def flag_coding(rule_id: str, publication: Publication, words: LanguageWords) -> dict[str, Any]:
    """The Coding of a red flag: `flag.<rule>` with its clinical label."""
    return {"system": publication.codes_url, "code": f"flag.{rule_id}",
            "display": words.rules.rules.get(rule_id, rule_id)}


# -- the CodeSystem ------------------------------------------------------------------------


def _concept(code: str, texts: dict[str, str], language: str,
             **extra: Any) -> dict[str, Any]:
    """A concept with its display in `language` and a designation in each other language."""
    concept: dict[str, Any] = {"code": code, "display": texts[language]}
    others = [{"language": other, "value": text} for other, text in texts.items()
              if other != language]
    if others:
        concept["designation"] = others
    concept.update(extra)
    return concept


def code_system(content: Content, publication: Publication, language: str,
                header: dict[str, Any]) -> dict[str, Any]:
    """The kiosk's own codes as a FHIR R4 CodeSystem, displays in `language`.

    `header` holds what the Questionnaire and the CodeSystem share (date, publisher, status).
    Raises ValueError when two concepts would share a code."""
    languages = content.languages
    concepts: list[dict[str, Any]] = []
    used_kiosk_options: list[str] = []
    for item in content.questionnaire.items():
        if not item.asks:
            continue
        children = []
        for choice in item.choices() if item.type in CHOICE_TYPES else ():
            if standard_option(item, choice) is not None:
                continue
            if choice in KIOSK_OPTIONS:
                if choice not in used_kiosk_options:
                    used_kiosk_options.append(choice)
                continue
            children.append(_concept(option_code(item, choice), {
                code: option_words(item, choice, words) for code, words in languages.items()},
                language))
        label = {code: words.questionnaire.clinical(item.id) for code, words in languages.items()}
        concepts.append(_concept(item.id, label, language,
                                 **({"concept": children} if children else {})))
    for choice in used_kiosk_options:
        concepts.append(_concept(choice, {code: option_words(Item("any", "single"), choice, w)
                                          for code, w in languages.items()}, language))
    for flag in content.rules.red_flags:
        concepts.append(_concept(f"flag.{flag.id}", {
            code: words.rules.rules.get(flag.id, flag.id) for code, words in languages.items()},
            language, property=[{"code": "level", "valueCode": flag.level}]))
    for instrument in content.questionnaire.scoring:
        for rule in instrument.scores:
            if (instrument.id, rule.id) not in SCORE_CODES:
                concepts.append(_concept(f"score.{instrument.id}.{rule.id}", {
                    code: score_label(instrument.id, rule.id, words)
                    for code, words in languages.items()}, language))
    _check_unique(concepts)
    return {
        "resourceType": "CodeSystem",
        "language": language,
        "url": publication.codes_url,
        "version": publication.version,
        "name": header["name"] + "Codes",
        "title": header["title"] + ": codes",
        **{key: header[key] for key in ("status", "date", "publisher") if key in header},
        "caseSensitive": True,
        "hierarchyMeaning": "grouped-by",
        "content": "complete",
        "property": [{"code": "level", "type": "code",
                      "description": "A red flag's level: urgent or review"}],
        "concept": concepts,
    }


def _check_unique(concepts: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for concept in concepts:
        for found in (concept, *concept.get("concept", [])):
            if found["code"] in seen:
                raise ValueError(f"two of the kiosk's codes would be {found['code']!r}: an item"
                                 " id may not be one of unsure, prefer-not, none")
            seen.add(found["code"])
