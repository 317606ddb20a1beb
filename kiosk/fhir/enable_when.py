"""A show-if as FHIR `enableWhen` (+ `enableBehavior` for all/any).

FHIR has one level of all/any, so a condition mixing them raises ValueError naming the item.
Because FHIR's `!=` also holds for an unanswered question and the kiosk's does not, `q != v`
is exported as `q exists` and `q != v` under `all`. A choice is compared by its Coding.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from kiosk.fhir.codes import option_coding
from kiosk.intake.questionnaire import Condition, Item, Questionnaire

if TYPE_CHECKING:
    from kiosk.fhir.publication import Publication

FHIR_TYPES: dict[str, str] = {
    "text": "string", "yesno": "choice", "single": "choice", "multiple": "choice",
    "number": "decimal", "scale": "integer", "duration": "integer", "date": "date",
    "bodymap": "choice", "display": "display",
}


def fhir_type(item: Item) -> str:
    """The FHIR item type of a kiosk item (a number without decimals is an integer)."""
    if item.type == "number" and item.decimals == 0:
        return "integer"
    return FHIR_TYPES[item.type]



def enable_when(item: Item, questionnaire: Questionnaire,
                publication: Publication) -> dict[str, Any]:
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
            exists = _enable_entry(Condition(condition.question, "exists"), questionnaire,
                                   publication)
            if exists not in entries:
                entries.append(exists)
        entries.append(_enable_entry(condition, questionnaire, publication))
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


def _enable_entry(condition: Condition, questionnaire: Questionnaire,
                  publication: Publication) -> dict[str, Any]:
    assert condition.question is not None
    entry: dict[str, Any] = {"question": condition.question, "operator": condition.op}
    if condition.op == "exists":
        entry["answerBoolean"] = True
        return entry
    asked = questionnaire.item(condition.question)
    value = condition.value
    kind = fhir_type(asked)
    if kind == "choice":
        entry["answerCoding"] = option_coding(asked, str(value), publication, None)
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
