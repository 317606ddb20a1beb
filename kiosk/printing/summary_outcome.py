"""The top of the specialist's page: the outcome with its red flags, then candidacy.

The outcome box holds the outcome and the red flags only: each urgent or review flag once,
named in clinical words (with when it was answered, for an urgent one), then the red-flag
questions the patient answered No to ("Denies …"), so the negatives are on record too.
Candidacy follows as two labelled lists, the clinic's criteria met and those not met or not
known, each criterion with the answers behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.wording import fired_history
from kiosk.intake.rules import Category, Reason
from kiosk.printing.summary_facts import MUTED, Facts, e

FLAG_KINDS = ("urgent", "review", "unsure")


@dataclass(frozen=True, slots=True)
class OutcomeLook:
    """How an outcome's box is drawn: its colour (border, heading) and a light fill."""

    colour: str
    fill: str
    border: int


OUTCOME_LOOKS: dict[Category, OutcomeLook] = {
    "urgent": OutcomeLook("#b3261e", "#fdecea", 4),
    "review": OutcomeLook("#8a4b00", "#fff4e0", 2),
    "may-not-be-suitable": OutcomeLook("#4a5963", "#f1f3f4", 2),
    "likely-candidate": OutcomeLook("#00695c", "#e3f2ef", 2),
}


def _flag(facts: Facts, reason: Reason) -> str:
    """One red flag: its level, its name, and the answer behind it where the name does not
    already say it (an urgent flag: when it was answered, and any change since)."""
    say, rules = facts.say, facts.words.rules
    level = say.urgent_flag if reason.kind == "urgent" else say.review_flag
    if reason.kind == "unsure":
        label = rules.too_many_unsure.format(count=reason.count)
        fresh = [item_id for item_id in reason.item_ids if item_id not in facts.shown]
        facts.shown.update(reason.item_ids)
        detail = "; ".join(facts.label(item_id) for item_id in fresh)
        return f"{e(level)}: <b>{e(label)}</b>" + (f" ({detail})" if detail else "")
    facts.shown.update(reason.item_ids)
    line = f"{e(level)}: <b>{e(rules.rules[reason.rule_id or ''])}</b>"
    fired = {flag.flag_id: flag for flag in facts.visit.fired}
    if reason.rule_id in fired:
        line += f" ({e(fired_history(fired[reason.rule_id], facts.items, facts.words))})"
    return line


def _denied(facts: Facts) -> str:
    """The red-flag questions answered No, in one line."""
    flag_items = [q for flag in facts.content.rules.red_flags for q in flag.when.questions()]
    denied = [item_id for item_id in dict.fromkeys(flag_items)
              if facts.answers.get(item_id) == "no" and item_id not in facts.shown]
    facts.shown.update(denied)
    if not denied:
        return ""
    return (f'<p style="font-size: 8.5pt; margin-top: 2px;"><span style="color: {MUTED};">'
            f"{e(facts.say.denied)}:</span> "
            + "; ".join(facts.label(item_id) for item_id in denied) + "</p>")


def outcome_box(facts: Facts) -> str:
    """The outcome in a coloured box with the red flags and the negatives."""
    visit, say = facts.visit, facts.say
    look = OUTCOME_LOOKS[visit.outcome.category]
    label = facts.words.rules.outcomes[visit.outcome.category]
    status = ""
    if visit.status != "complete":
        words = say.status_open if visit.status == "open" else say.status_unfinished
        status = (f'<p style="font-size: 11pt; font-weight: bold; color: {look.colour};">'
                  f"{e(words)}</p>")
    flags = [_flag(facts, reason) for reason in visit.outcome.reasons
             if reason.kind in FLAG_KINDS]
    if flags:
        listed = "".join(f'<p style="font-size: 10.5pt; color: {look.colour};">{flag}</p>'
                         for flag in flags)
    else:
        listed = (f'<p><span style="color: {MUTED};">{e(say.red_flags)}:</span> '
                  f"{e(say.flags_none)}</p>")
    # The border is the outer table's colour showing around the inner one: one even line
    # on every side (Qt draws table and cell borders separately).
    return (
        f'<table width="100%" cellspacing="0" cellpadding="{look.border}"'
        f' style="margin-top: 6px; background-color: {look.colour};"><tr><td>'
        '<table width="100%" cellspacing="0" cellpadding="5"'
        f' style="background-color: {look.fill};"><tr><td>'
        f'<span style="color: {MUTED}; font-size: 8.5pt;">{e(say.outcome)}</span>&nbsp; '
        f'<span style="font-size: 16pt; font-weight: bold; color: {look.colour};">'
        f"{e(label)}</span>{status}{listed}{_denied(facts)}"
        "</td></tr></table></td></tr></table>")


def _told_by_name(facts: Facts, reason: Reason) -> bool:
    """A rule on one yes-or-no question answered Yes: its name says the answer."""
    if len(reason.item_ids) != 1:
        return False
    item_id = reason.item_ids[0]
    return facts.items[item_id].type == "yesno" and facts.answers.get(item_id) == "yes"


def _criterion(facts: Facts, label: str, reason: Reason) -> str:
    """A criterion in bold on one line, the answers behind it after a dash."""
    rule = next((r for r in facts.content.rules.all_rules() if r.id == reason.rule_id), None)
    if _told_by_name(facts, reason):
        facts.shown.update(reason.item_ids)
        return f'<li style="margin-top: 1px;"><b>{e(label)}</b></li>'
    behind = facts.evidence(reason.item_ids)
    if not behind and rule is not None:
        behind = facts.evidence(facts.parents(rule.when.questions()))
    detail = ""
    if behind:
        detail = f' &nbsp;\u2014&nbsp; <span style="font-size: 8.5pt;">{behind}</span>'
    return f'<li style="margin-top: 1px;"><b>{e(label)}</b>{detail}</li>'


def candidacy(facts: Facts) -> str:
    """The clinic's criteria in two labelled lists, with the answers behind each."""
    say, rules = facts.say, facts.words.rules
    met, not_met = [], []
    for reason in facts.visit.outcome.reasons:
        name = rules.rules.get(reason.rule_id or "", "")
        if reason.kind == "inclusion":
            met.append(_criterion(facts, name, reason))
        elif reason.kind == "missing-inclusion":
            not_met.append(_criterion(facts, name, reason))
        elif reason.kind == "exclusion":
            not_met.append(_criterion(facts, say.exclusion_present.format(rule=name), reason))

    def group(title: str, entries: list[str]) -> str:
        heading = (f'<p style="font-weight: bold; color: {MUTED}; margin-top: 2px;">{e(title)}'
                   f" ({len(entries)})")
        if not entries:
            return f"{heading}: {e(say.none_listed)}</p>"
        return (f"{heading}</p>"
                '<ul style="margin: 0; -qt-list-indent: 1;">' + "".join(entries) + "</ul>")

    return (f'<p class="heading">{e(say.candidacy)}</p>'
            + group(say.criteria_met, met) + group(say.criteria_not_met, not_met))
