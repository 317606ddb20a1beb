"""Cross-checks of the questionnaire and rules: ids, option lists and conditions.

Each check reports an error with the file, line and key path of the thing an editor must fix.
The checks run on whatever could be decoded, so one broken item (an unknown type, say) does not
hide the mistakes elsewhere: a part left INVALID is skipped, and so is every check that needs
it. An id is only reported as unknown when every id it could be was read.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk.decoding.decode import Decoder, entries, is_valid, is_whole
from kiosk.decoding.errors import ContentError, did_you_mean, quoted
from kiosk.intake.questionnaire import (
    CHOICE_TYPES,
    ORDERED_TYPES,
    Condition,
    Item,
    Questionnaire,
)
from kiosk.intake.record_number import pattern_problem
from kiosk.intake.rules import Rules

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check_id(value: str, where: str, report: Callable[[str, str], None]) -> None:
    """Ids (of pages, items, options, rules, sections) are lower-case words joined by '-'."""
    if not ID.match(value):
        report(where, f"{quoted(value)} must be lower-case words joined by '-'")


#: Options the kiosk adds itself (unsure: true, prefer_not: true, none: true).
RESERVED_OPTIONS = frozenset({"unsure", "prefer-not", "none"})
RULE_GROUPS = ("red_flags", "inclusion", "exclusion")
Report = Callable[[str, str], None]


def check_new_id(value: object, where: str, what: str, seen: set[str],
                 report: Callable[[str, str], None]) -> None:
    """The id of an entry at key path `where` (a rule, an instrument, a score, a band): well
    formed, and not one already in `seen`, to which it is added."""
    if isinstance(value, str):
        check_id(value, f"{where}.id", report)
        if value in seen:
            report(f"{where}.id", f"{what} {value!r} is listed twice")
        seen.add(value)


@dataclass(frozen=True, slots=True)
class Ids:
    """The ids that could be read, in order, and whether they are all of them."""

    ids: tuple[str, ...]
    complete: bool


@dataclass(frozen=True, slots=True)
class KnownItems:
    """The questionnaire's items whose ids could be read, in order; `complete` when every
    item's could (then an id not among them is truly not in the questionnaire)."""

    items: dict[str, Item]
    complete: bool


def reporter(decoder: Decoder, errors: list[ContentError]) -> Report:
    def report(path: str, message: str) -> None:
        line = decoder.lines.get(path, 0)
        while not line and "." in path:
            path_up = path.rsplit(".", 1)[0]
            line = decoder.lines.get(path_up, 0)
            path = path_up if not line else path
        errors.append(ContentError(decoder.label, line, path, message))
    return report


def ids_of(values: Iterable[object]) -> Ids:
    """The id of every decoded value in a salvaged list."""
    found = [getattr(value, "id", None) for _, value in entries(values)]
    ids = tuple(i for i in found if isinstance(i, str))
    return Ids(ids, is_whole(values) and len(ids) == len(found))


def known_items(questionnaire: Questionnaire) -> KnownItems:
    items: dict[str, Item] = {}
    complete = is_whole(questionnaire.pages)
    for _, page in entries(questionnaire.pages):
        complete = complete and ids_of(page.items).complete
        for _, item in entries(page.items):
            if isinstance(item.id, str):
                items.setdefault(item.id, item)
    return KnownItems(items, complete)


def check_questionnaire(questionnaire: Questionnaire, decoder: Decoder,
                        errors: list[ContentError]) -> None:
    report = reporter(decoder, errors)
    known = known_items(questionnaire)
    seen: dict[str, str] = {}
    earlier: dict[str, Item] = {}
    for p, page in entries(questionnaire.pages):
        if isinstance(page.id, str):
            check_id(page.id, f"pages[{p}].id", report)
        for i, item in entries(page.items):
            path = f"pages[{p}].items[{i}]"
            if isinstance(item.id, str):
                check_id(item.id, f"{path}.id", report)
                if item.id in seen:
                    report(f"{path}.id", f"item {item.id!r} is already used at {seen[item.id]}")
            _check_item_shape(item, path, report)
            if item.show_if is not None and is_valid(item.show_if):
                check_condition(item.show_if, f"{path}.show_if", earlier, report,
                                later=known.items, complete=known.complete)
            if isinstance(item.id, str):
                seen.setdefault(item.id, path)
                earlier.setdefault(item.id, item)
    unsure = questionnaire.unsure_for_review
    if isinstance(unsure, int) and unsure < 1:
        report("unsure_for_review", "must be 1 or more")


def _check_item_shape(item: Item, path: str, report: Report) -> None:
    kind, options = item.type, item.options
    if not is_valid(kind) or kind in ("single", "multiple"):
        for o, option in entries(options):
            check_id(option, f"{path}.options[{o}]", report)
            if option in RESERVED_OPTIONS:
                report(f"{path}.options[{o}]", f"{option!r} is added by the kiosk; use "
                       f"{'none: true' if option == 'none' else 'unsure/prefer_not: true'}")
        named = [option for _, option in entries(options)]
        if len(set(named)) != len(named):
            report(f"{path}.options", "an option is listed twice")
    if not is_valid(kind):
        return  # every other rule depends on the type, which is reported already
    if kind in ("single", "multiple"):
        if options == ():
            report(f"{path}.options", f"a {kind} question needs options")
    elif is_valid(options) and options:
        report(f"{path}.options", f"only single and multiple questions have options, not {kind}")
    rules = (("unsure", ("yesno", "single")), ("prefer_not", ("yesno", "single")),
             ("none", ("multiple",)), ("min", ("number",)), ("max", ("number",)))
    for key, kinds in rules:
        value = getattr(item, key)
        if is_valid(value) and value not in (None, False) and kind not in kinds:
            report(f"{path}.{key}", f"only for {' and '.join(kinds)} questions, not {kind}")
    if is_valid(item.decimals) and item.decimals and kind != "number":
        report(f"{path}.decimals", f"only for number questions, not {kind}")
    if is_valid(item.max_length) and item.max_length != 200 and kind != "text":
        report(f"{path}.max_length", f"only for text questions, not {kind}")
    if isinstance(item.pattern, str):
        if kind != "text":
            report(f"{path}.pattern", f"only for text questions, not {kind}")
        problem = pattern_problem(item.pattern)
        if problem is not None:
            report(f"{path}.pattern", problem)
    if kind == "display" and item.required is True:
        report(f"{path}.required", "a note takes no answer, so it cannot be required")
    if (isinstance(item.min, (int, float)) and isinstance(item.max, (int, float))
            and item.min > item.max):
        report(f"{path}.min", "min is larger than max")


def choice_ids(item: Item) -> Ids:
    """The option ids a patient may pick, and whether all of them could be read."""
    if item.type == "bodymap":
        return Ids(item.choices(), True)
    if item.type != "yesno" and not is_valid(item.options):
        return Ids((), False)
    base = ("yes", "no") if item.type == "yesno" else item.options
    extra = (("unsure",) if item.unsure is True else ()) + (
        ("prefer-not",) if item.prefer_not is True else ()) + (
        ("none",) if item.none is True else ())
    choices = tuple(c for c in (*base, *extra) if isinstance(c, str))
    whole = all(is_valid(flag) for flag in (item.unsure, item.prefer_not, item.none))
    return Ids(choices, whole and len(choices) == len(base) + len(extra))


def check_condition(condition: Condition, path: str, items: dict[str, Item], report: Report,
                    earlier_only: bool = True, later: dict[str, Item] | None = None,
                    complete: bool = True) -> None:
    """Every question named exists (earlier, for a show-if: `later` holds the rest) and every
    value fits its question. `complete` says whether every item's id is known."""
    for key in ("all", "any"):
        for n, part in entries(getattr(condition, key)):
            check_condition(part, f"{path}.{key}[{n}]", items, report, earlier_only, later,
                            complete)
    question = condition.question
    if not isinstance(question, str):
        return
    item = items.get(question)
    if item is None:
        if earlier_only and later is not None and question in later:
            report(f"{path}.question", f"{question!r} comes later; a question can only "
                   "depend on earlier ones")
        elif complete:
            report(f"{path}.question", f"no question {quoted(question)}"
                   + did_you_mean(question, list(items) + list(later or {})))
        return
    op, value, kind = condition.op, condition.value, item.type
    if not (is_valid(op) and is_valid(value) and is_valid(kind)):
        return  # each is reported where it is written
    if kind == "display" or (kind == "text" and op not in ("exists", "=", "!=")):
        report(f"{path}.op", f"{op!r} cannot be used with a {kind} question")
        return
    if op in (">", "<", ">=", "<=") and kind not in ORDERED_TYPES:
        report(f"{path}.op", f"{op!r} needs a number, scale, duration or date question;"
               f" {question!r} is {kind}")
        return
    if op == "exists":
        return
    if kind in CHOICE_TYPES:
        choices = choice_ids(item)
        if value not in choices.ids and choices.complete:
            report(f"{path}.value", f"{quoted(value)} is not an option of {question!r}"
                   + did_you_mean(str(value), choices.ids))
    elif kind in ("number", "scale", "duration") and (
            isinstance(value, bool) or not isinstance(value, (int, float))):
        report(f"{path}.value", f"{quoted(value)} is not a number")
    elif kind == "date" and not _is_date(value):
        report(f"{path}.value", f"{quoted(value)} is not a date like 2020-01-31")


def _is_date(value: object) -> bool:
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def check_rules(rules: Rules, questionnaire: Questionnaire | None, decoder: Decoder,
                errors: list[ContentError]) -> None:
    """Rule ids, and (when the questionnaire could be read) every question and value named."""
    report = reporter(decoder, errors)
    known = known_items(questionnaire) if questionnaire is not None else None
    seen: set[str] = set()
    for group in RULE_GROUPS:
        for n, rule in entries(getattr(rules, group)):
            path = f"{group}[{n}]"
            check_new_id(rule.id, path, "rule", seen, report)
            if known is not None and is_valid(rule.when):
                check_condition(rule.when, f"{path}.when", known.items, report,
                                earlier_only=False, complete=known.complete)


def rule_ids(rules: Rules) -> Ids:
    found = [ids_of(getattr(rules, group)) for group in RULE_GROUPS]
    return Ids(tuple(i for ids in found for i in ids.ids), all(ids.complete for ids in found))
