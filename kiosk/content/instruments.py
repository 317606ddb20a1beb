"""The clinic's opt-in scored measures applied to its content, and the setting checked against it.

An instrument marked `opt_in: true` in questionnaire.yaml (one whose licence a clinic must check
before using it) is asked only when settings.yaml lists its id under `kiosk.instruments`;
otherwise its page or questions are left out, so no visit, summary or export names them. An
instrument is never turned on while any of the content's languages has only stand-in words for
it (`wording: stand-in`): a validated instrument must be asked in its published wording.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kiosk.content.model import Content, LanguageWords
from kiosk.content.settings import KioskSettings
from kiosk.decoding.decode import entries, is_valid, is_whole
from kiosk.decoding.errors import did_you_mean, quoted
from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.scoring import asked_with_instruments


@dataclass(frozen=True, slots=True)
class InstrumentPlan:
    """What the settings check needs to know of the content's instruments."""

    ids: tuple[str, ...]
    opt_in: frozenset[str]
    complete: bool  # every instrument's id (and whether it is opt-in) could be read
    stand_in: Mapping[str, tuple[str, ...]]  # id -> languages with only stand-in words


def instrument_plan(questionnaire: Questionnaire | None,
                    languages: Mapping[str, LanguageWords | None]) -> InstrumentPlan | None:
    """The plan from what could be read of the questionnaire and each language's words."""
    if questionnaire is None or not is_valid(questionnaire.scoring):
        return None
    found = [instrument for _, instrument in entries(questionnaire.scoring)]
    ids = tuple(i.id for i in found if isinstance(i.id, str))
    complete = is_whole(questionnaire.scoring) and len(ids) == len(found) and all(
        isinstance(i.opt_in, bool) for i in found)
    stand_in = {instrument_id: tuple(
        code for code, words in languages.items() if words is not None
        and (said := words.questionnaire.instruments.get(instrument_id)) is not None
        and said.wording == "stand-in") for instrument_id in ids}
    return InstrumentPlan(ids, frozenset(i.id for i in found if i.opt_in is True), complete,
                          stand_in)


def check_instruments_setting(kiosk: KioskSettings, plan: InstrumentPlan | None,
                              report: Callable[[str, str], None]) -> None:
    """Each instrument listed is one of the content's opt-in instruments, listed once, with
    its published wording in every language."""
    listed = kiosk.instruments
    if plan is None or not is_valid(listed):
        return
    seen: set[str] = set()
    for n, instrument_id in entries(listed):
        key = f"kiosk.instruments[{n}]"
        if instrument_id in seen:
            report(key, f"{instrument_id!r} is listed twice")
        elif instrument_id not in plan.ids:
            if plan.complete:
                report(key, f"no instrument {quoted(instrument_id)} in questionnaire.yaml"
                       + did_you_mean(instrument_id, sorted(plan.opt_in)))
        elif instrument_id not in plan.opt_in:
            if plan.complete:
                report(key, f"{instrument_id!r} is asked at every visit; list only opt-in"
                       f" instruments ({', '.join(sorted(plan.opt_in)) or 'there are none'})")
        elif plan.stand_in.get(instrument_id):
            files = ", ".join(f"{code}/questionnaire.yaml" for code in
                              plan.stand_in[instrument_id])
            report(key, f"{instrument_id!r} cannot be asked yet: its questions have stand-in"
                   f" words in {files} (instruments.{instrument_id}.wording: stand-in); put in"
                   " its published wording there first")
        seen.add(instrument_id)


def with_instruments(content: Content, kiosk: KioskSettings) -> Content:
    """`content` as this kiosk asks it: the opt-in instruments it does not list left out."""
    questionnaire = asked_with_instruments(content.questionnaire, kiosk.instruments)
    if questionnaire == content.questionnaire:
        return content
    return dataclasses.replace(content, questionnaire=questionnaire)
