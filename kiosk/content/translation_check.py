"""Cross-checks of each language's words for the questionnaire and rules against their structure.

Every id of the structure needs words, and words for an id the structure does not have are an
error; the second is only reported when every id of the structure could be read (an item of an
unknown type still has its id, but an item without one may be the id the words are for).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

from kiosk.content.questionnaire_check import (
    Ids,
    Report,
    ids_of,
    known_items,
    reporter,
    rule_ids,
)
from kiosk.decoding.decode import Decoder, entries, is_valid, is_whole
from kiosk.decoding.errors import ContentError, did_you_mean
from kiosk.intake.instruments import Instrument, InstrumentWords
from kiosk.intake.questionnaire import (
    BUILT_IN_OPTIONS,
    ItemWords,
    Questionnaire,
    QuestionnaireWords,
)
from kiosk.intake.rules import CATEGORIES, Rules, RulesWords


def check_questionnaire_words(words: QuestionnaireWords, questionnaire: Questionnaire,
                              decoder: Decoder, errors: list[ContentError]) -> None:
    report = reporter(decoder, errors)
    _same_ids("pages", words.pages, ids_of(questionnaire.pages), report)
    known = known_items(questionnaire)
    _same_ids("items", words.items, Ids(tuple(known.items), known.complete), report)
    _same_ids("clinical_answers", words.clinical_answers, Ids(BUILT_IN_OPTIONS, True), report)
    _same_ids("instruments", words.instruments, ids_of(questionnaire.scoring), report)
    if is_valid(words.instruments) and is_valid(words.items):
        for _, instrument in entries(questionnaire.scoring):
            said = words.instruments.get(instrument.id) if isinstance(instrument.id, str) else None
            if said is not None and is_valid(said):
                _check_instrument_words(said, instrument, questionnaire, words.items, report)
    if not is_valid(words.items):
        return
    for item_id, item_words in words.items.items():
        item = known.items.get(item_id)
        if item is None or not is_valid(item_words) or not is_valid(item.type):
            continue
        path = f"items.{item_id}"
        if item_words.clinical is None:
            report(path, "needs 'clinical': the short label the specialist reads")
        for key in ("options", "clinical_options"):
            named = getattr(item_words, key)
            if item.type in ("single", "multiple", "bodymap"):
                options = Ids(tuple(o for _, o in entries(item.options)), is_whole(item.options))
                if item.type == "bodymap":  # the words name every region of the pain map
                    options = Ids(item.choices(), True)
                if named is None:
                    report(path, f"needs {key!r}: words for {', '.join(options.ids)}")
                else:
                    _same_ids(f"{path}.{key}", named, options, report)
            elif named is not None:
                report(f"{path}.{key}", f"a {item.type} question has no options to name")
        needs = {"scale": ("low", "high"), "number": ("unit",)}.get(item.type, ())
        for key in ("low", "high", "unit"):
            present = getattr(item_words, key) is not None
            if key in needs and not present:
                report(path, f"needs {key!r} for this {item.type} question")
            if key not in needs and present:
                report(f"{path}.{key}", f"only {'scale' if key != 'unit' else 'number'}"
                       " questions have this")


def _check_instrument_words(said: InstrumentWords, instrument: Instrument,
                            questionnaire: Questionnaire, items: Mapping[str, ItemWords],
                            report: Report) -> None:
    """Words for each score and band, a stand-in only where the clinic must turn the
    instrument on, and a notice the patient reads on the instrument's page."""
    path = f"instruments.{instrument.id}"
    _same_ids(f"{path}.scores", said.scores, ids_of(instrument.scores), report)
    rules = [rule for _, rule in entries(instrument.scores)]
    bands = [band for rule in rules for _, band in entries(rule.bands or ())]
    whole = is_whole(instrument.scores) and all(r.bands is None or is_whole(r.bands)
                                                for r in rules)
    band_ids = Ids(tuple(dict.fromkeys(b.id for b in bands if isinstance(b.id, str))),
                   whole and all(isinstance(b.id, str) for b in bands))
    if said.bands is None and band_ids.ids:
        report(path, f"needs 'bands': words for {', '.join(band_ids.ids)}")
    elif said.bands is not None and not band_ids.ids and band_ids.complete:
        report(f"{path}.bands", "this instrument's scores have no bands")
    elif said.bands is not None:
        _same_ids(f"{path}.bands", said.bands, band_ids, report)
    if said.wording == "stand-in" and instrument.opt_in is False:
        report(f"{path}.wording", "an instrument asked at every visit needs its published"
               " wording in every language (or opt_in: true in questionnaire.yaml)")
    notice = said.notice
    if isinstance(notice, str):
        shown = _patient_words(instrument, questionnaire, items)
        if shown is not None and not any(notice in text for text in shown):
            where = (f"page {instrument.page!r}" if instrument.page is not None
                     else "one of its questions")
            report(f"{path}.notice", "the patient must see the notice too: give it as the"
                   f" help of a note (type: display) on {where}")


def _patient_words(instrument: Instrument, questionnaire: Questionnaire,
                   items: Mapping[str, ItemWords]) -> list[str] | None:
    """Every text and help the patient reads on the instrument's page or questions (None when
    they cannot all be known)."""
    if isinstance(instrument.page, str):
        page = next((p for _, p in entries(questionnaire.pages) if p.id == instrument.page),
                    None)
        if page is None or not is_whole(page.items):
            return None
        ids = [item.id for item in page.items]
    elif instrument.items is not None and is_whole(instrument.items):
        ids = list(instrument.items)
    else:
        return None
    said = [items.get(item_id) for item_id in ids if isinstance(item_id, str)]
    return [text for words in said if words is not None and is_valid(words)
            for text in (words.text, words.help) if isinstance(text, str)]


def check_rules_words(words: RulesWords, rules: Rules, decoder: Decoder,
                      errors: list[ContentError]) -> None:
    report = reporter(decoder, errors)
    _same_ids("rules", words.rules, rule_ids(rules), report)
    _same_ids("outcomes", words.outcomes, Ids(CATEGORIES, True), report)
    for key, needed in (("missing_inclusion", "rule"), ("too_many_unsure", "count")):
        text = getattr(words, key)
        if not isinstance(text, str):
            continue
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        except ValueError:
            used = set()
        if used != {needed}:
            report(key, f"must contain the placeholder {{{needed}}} and no other")


def _same_ids(path: str, words: Mapping[str, object], expected: Ids, report: Report) -> None:
    """Words for every id, and (when every id is known) for no other."""
    if not is_valid(words) or words is None:
        return
    if expected.complete:
        for key in words:
            if key not in expected.ids:
                report(f"{path}.{key}", "no such id in the structure"
                       + did_you_mean(key, expected.ids))
    for key in _unique(expected.ids):
        if key not in words:
            report(path, f"translation missing for {key!r}")


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))
