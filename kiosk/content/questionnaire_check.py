"""Cross-checks of the questionnaire and rules: ids, option lists, conditions and their words.

Each check reports an error with the file, line and key path of the thing an editor must fix.
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Callable, Iterable, Mapping

from kiosk.decoding.decode import Decoder
from kiosk.decoding.errors import ContentError, did_you_mean
from kiosk.intake.questionnaire import (
    CHOICE_TYPES,
    ORDERED_TYPES,
    Condition,
    Item,
    Questionnaire,
    QuestionnaireWords,
)
from kiosk.intake.rules import CATEGORIES, Rules, RulesWords

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: Options the kiosk adds itself (unsure: true, prefer_not: true, none: true).
RESERVED_OPTIONS = frozenset({"unsure", "prefer-not", "none"})
Report = Callable[[str, str], None]


def _reporter(decoder: Decoder, errors: list[ContentError]) -> Report:
    def report(path: str, message: str) -> None:
        line = decoder.lines.get(path, 0)
        while not line and "." in path:
            path_up = path.rsplit(".", 1)[0]
            line = decoder.lines.get(path_up, 0)
            path = path_up if not line else path
        errors.append(ContentError(decoder.label, line, path, message))
    return report


def check_questionnaire(questionnaire: Questionnaire, decoder: Decoder,
                        errors: list[ContentError]) -> None:
    report = _reporter(decoder, errors)
    seen: dict[str, str] = {}
    for p, page in enumerate(questionnaire.pages):
        if not ID.match(page.id):
            report(f"pages[{p}].id", f"{page.id!r} must be lower-case words joined by '-'")
        for i, item in enumerate(page.items):
            path = f"pages[{p}].items[{i}]"
            if not ID.match(item.id):
                report(f"{path}.id", f"{item.id!r} must be lower-case words joined by '-'")
            if item.id in seen:
                report(f"{path}.id", f"item {item.id!r} is already used at {seen[item.id]}")
            _check_item_shape(item, path, report)
            if item.show_if is not None:
                check_condition(item.show_if, f"{path}.show_if", seen_items(questionnaire,
                                item.id), report, earlier_only=True,
                                all_items=all_items(questionnaire))
            seen[item.id] = path
    if questionnaire.unsure_for_review < 1:
        report("unsure_for_review", "must be 1 or more")


def all_items(questionnaire: Questionnaire) -> dict[str, Item]:
    return {item.id: item for item in questionnaire.items()}


def seen_items(questionnaire: Questionnaire, before: str) -> dict[str, Item]:
    """The items that come before `before`."""
    earlier: dict[str, Item] = {}
    for item in questionnaire.items():
        if item.id == before:
            break
        earlier[item.id] = item
    return earlier


def _check_item_shape(item: Item, path: str, report: Report) -> None:
    kind = item.type
    if kind in ("single", "multiple"):
        if not item.options:
            report(f"{path}.options", f"a {kind} question needs options")
        for o, option in enumerate(item.options):
            if not ID.match(option):
                report(f"{path}.options[{o}]", f"{option!r} must be lower-case words joined by '-'")
            if option in RESERVED_OPTIONS:
                report(f"{path}.options[{o}]", f"{option!r} is added by the kiosk; use "
                       f"{'none: true' if option == 'none' else 'unsure/prefer_not: true'}")
        if len(set(item.options)) != len(item.options):
            report(f"{path}.options", "an option is listed twice")
    elif item.options:
        report(f"{path}.options", f"only single and multiple questions have options, not {kind}")
    rules = (("unsure", ("yesno", "single")), ("prefer_not", ("yesno", "single")),
             ("none", ("multiple",)), ("min", ("number",)), ("max", ("number",)))
    for key, kinds in rules:
        value = getattr(item, key)
        if value not in (None, False) and kind not in kinds:
            report(f"{path}.{key}", f"only for {' and '.join(kinds)} questions, not {kind}")
    if item.decimals and kind != "number":
        report(f"{path}.decimals", f"only for number questions, not {kind}")
    if item.max_length != 200 and kind != "text":
        report(f"{path}.max_length", f"only for text questions, not {kind}")
    if kind == "display" and item.required:
        report(f"{path}.required", "a note takes no answer, so it cannot be required")
    if item.min is not None and item.max is not None and item.min > item.max:
        report(f"{path}.min", "min is larger than max")


def check_condition(condition: Condition, path: str, items: dict[str, Item], report: Report,
                    earlier_only: bool = False, all_items: dict[str, Item] | None = None) -> None:
    """Every question named exists (earlier, for show-if) and every value fits its question."""
    for key in ("all", "any"):
        for n, part in enumerate(getattr(condition, key)):
            check_condition(part, f"{path}.{key}[{n}]", items, report, earlier_only, all_items)
    if condition.question is None:
        return
    item = items.get(condition.question)
    if item is None:
        later = all_items or {}
        if earlier_only and condition.question in later:
            report(f"{path}.question", f"{condition.question!r} comes later; a question can only "
                   "depend on earlier ones")
        else:
            report(f"{path}.question", f"no question {condition.question!r}"
                   + did_you_mean(condition.question, list(items) + list(later)))
        return
    op, value, kind = condition.op, condition.value, item.type
    if kind == "display" or (kind == "text" and op not in ("exists", "=", "!=")):
        report(f"{path}.op", f"{op!r} cannot be used with a {kind} question")
        return
    if op in (">", "<", ">=", "<=") and kind not in ORDERED_TYPES:
        report(f"{path}.op", f"{op!r} needs a number, scale, duration or date question;"
               f" {condition.question!r} is {kind}")
        return
    if op == "exists":
        return
    if kind in CHOICE_TYPES and value not in item.choices():
        report(f"{path}.value", f"{value!r} is not an option of {condition.question!r}"
               + did_you_mean(str(value), item.choices()))
    elif kind in ("number", "scale", "duration") and (
            isinstance(value, bool) or not isinstance(value, (int, float))):
        report(f"{path}.value", f"{value!r} is not a number")
    elif kind == "date" and not _is_date(value):
        report(f"{path}.value", f"{value!r} is not a date like 2020-01-31")


def _is_date(value: object) -> bool:
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def check_rules(rules: Rules, questionnaire: Questionnaire, decoder: Decoder,
                errors: list[ContentError]) -> None:
    report = _reporter(decoder, errors)
    items = all_items(questionnaire)
    seen: set[str] = set()
    for group in ("red_flags", "inclusion", "exclusion"):
        for n, rule in enumerate(getattr(rules, group)):
            path = f"{group}[{n}]"
            if not ID.match(rule.id):
                report(f"{path}.id", f"{rule.id!r} must be lower-case words joined by '-'")
            if rule.id in seen:
                report(f"{path}.id", f"rule {rule.id!r} is listed twice")
            seen.add(rule.id)
            check_condition(rule.when, f"{path}.when", items, report)


def check_questionnaire_words(words: QuestionnaireWords, questionnaire: Questionnaire,
                              decoder: Decoder, errors: list[ContentError]) -> None:
    report = _reporter(decoder, errors)
    _same_ids("pages", words.pages, [p.id for p in questionnaire.pages], report)
    items = all_items(questionnaire)
    _same_ids("items", words.items, list(items), report)
    for item_id, item_words in words.items.items():
        item = items.get(item_id)
        if item is None:
            continue
        path = f"items.{item_id}"
        if item.type in ("single", "multiple"):
            if item_words.options is None:
                report(path, f"needs 'options': words for {', '.join(item.options)}")
            else:
                _same_ids(f"{path}.options", item_words.options, list(item.options), report)
        elif item_words.options is not None:
            report(f"{path}.options", f"a {item.type} question has no options to name")
        needs = {"scale": ("low", "high"), "number": ("unit",)}.get(item.type, ())
        for key in ("low", "high", "unit"):
            present = getattr(item_words, key) is not None
            if key in needs and not present:
                report(path, f"needs {key!r} for this {item.type} question")
            if key not in needs and present:
                report(f"{path}.{key}", f"only {'scale' if key != 'unit' else 'number'}"
                       " questions have this")


def check_rules_words(words: RulesWords, rules: Rules, decoder: Decoder,
                      errors: list[ContentError]) -> None:
    report = _reporter(decoder, errors)
    _same_ids("rules", words.rules, [rule.id for rule in rules.all_rules()], report)
    _same_ids("outcomes", words.outcomes, list(CATEGORIES), report)
    for key, needed in (("missing_inclusion", "rule"), ("too_many_unsure", "count")):
        used = {name for _, name, _, _ in string.Formatter().parse(getattr(words, key)) if name}
        if used != {needed}:
            report(key, f"must contain the placeholder {{{needed}}} and no other")


def _same_ids(path: str, words: Mapping[str, object], expected: Iterable[str],
              report: Report) -> None:
    expected = list(expected)
    for key in words:
        if key not in expected:
            report(f"{path}.{key}", "no such id in the structure" + did_you_mean(key, expected))
    for key in expected:
        if key not in words:
            report(path, f"translation missing for {key!r}")
