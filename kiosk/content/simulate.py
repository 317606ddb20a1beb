"""`simulate`: run an answer file through the same session and rules as the kiosk.

Clinic editors use it to try a rule or branching change without a touchscreen. Answers are
applied in questionnaire order, as a patient would give them; an answer to a question that
branching hides at that point is dropped, and the report says which condition hid it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml

from kiosk.content.model import Content, LanguageWords
from kiosk.content.wording import answer_words, outcome_words, reason_words
from kiosk.decoding.decode import INVALID, Decoder, read_yaml
from kiosk.decoding.errors import ContentError, did_you_mean
from kiosk.intake.answers import AnswerInvalid
from kiosk.intake.scoring import Score, scores
from kiosk.intake.session import IntakeSession, SubmittedVisit


@dataclass(frozen=True, slots=True)
class Dropped:
    item_id: str
    why: str


#: An answer file's own key for the language the patient answered in (`language: es`).
ANSWERED_IN = "language"


def read_answers(path: Path, content: Content, errors: list[ContentError]
                 ) -> tuple[dict[str, Any], dict[str, int]]:
    """The file's `id: answer` pairs and the line of each; unknown ids are errors. A
    `language:` line, when there is one, is kept under ANSWERED_IN."""
    node = read_yaml(path, str(path), errors)
    decoder = Decoder(str(path), errors)
    if node is None:
        return {}, {}
    pairs = decoder.pairs(node, "")
    if pairs is None:
        return {}, {}
    ids = [item.id for item in content.questionnaire.items()]
    found: dict[str, Any] = {}
    languages = content.structure.languages
    for key, key_node, value_node in pairs:
        if key == ANSWERED_IN and key not in ids:
            said = decoder.scalar(value_node, key)
            if said in languages:
                found[key] = said
            elif said is not INVALID:
                decoder.error(value_node, key, f"{said!r} is not one of the content's languages"
                              f" ({', '.join(languages)})")
            continue
        if key not in ids:
            decoder.error(key_node, key, "no such question" + did_you_mean(key, ids))
            continue
        if isinstance(value_node, yaml.SequenceNode):
            values = [decoder.scalar(n, f"{key}[{i}]") for i, n in enumerate(value_node.value)]
            value: Any = tuple(values)
        else:
            value = decoder.scalar(value_node, key)
        # A value that could not be read is already an error; answering with it would add a
        # second, confusing one ("INVALID is not a number").
        parts = value if isinstance(value, tuple) else (value,)
        if all(part is not INVALID for part in parts):
            found[key] = value
    return found, decoder.lines


def run(answers: dict[str, Any], content: Content, path: Path, lines: dict[str, int],
        errors: list[ContentError], today: datetime.date | None = None
        ) -> tuple[IntakeSession, list[Dropped]]:
    """Apply the answers in questionnaire order; returns the session and what was dropped."""
    session = IntakeSession(content.questionnaire, content.rules, today)
    dropped: list[Dropped] = []
    for item in content.questionnaire.items():
        if item.id not in answers:
            continue
        if not session.is_visible(item.id):
            assert item.show_if is not None
            dropped.append(Dropped(item.id, f"shown only if {item.show_if.describe()}"))
            continue
        try:
            session.answer(item.id, answers[item.id])
        except AnswerInvalid as invalid:
            errors.append(ContentError(str(path), lines.get(item.id, 0), item.id,
                                       str(invalid).split(": ", 1)[1]))
    return session, dropped


def simulate(path: Path, content: Content, language: str, out: TextIO,
             today: datetime.date | None = None) -> int:
    """Print what the kiosk would make of the answers; exit status 1 on any error."""
    errors: list[ContentError] = []
    answers, lines = read_answers(path, content, errors)
    session, dropped = run(answers, content, path, lines, errors, today)
    if errors:
        for error in errors:
            print(error, file=out)
        print(f"{len(errors)} error(s) found", file=out)
        return 1
    words = content.words(language)
    items = {item.id: item for item in content.questionnaire.items()}
    print(f"Answers shown to the patient ({language}):", file=out)
    for item, answer in session.review():
        shown = answer_words(item, answer, words) if answer is not None else "-"
        if item.type == "bodymap" and isinstance(answer, tuple):  # the regions' ids too
            shown += f" [{', '.join(answer)}]"
        print(f"  {item.id}: {shown}", file=out)
    if dropped:
        print("Dropped (hidden by branching, so never stored or used):", file=out)
        for drop in dropped:
            print(f"  {drop.item_id}: {drop.why}", file=out)
    missing = session.missing_required()
    if missing:
        print("Required but not answered: " + ", ".join(item.id for item in missing), file=out)
    outcome = session.outcome()
    print(f"Outcome: {outcome.category} ({outcome_words(outcome, words)})", file=out)
    for reason in outcome.reasons:
        described = reason_words(reason, session.answers, items, words)
        print(f"  [{reason.kind}] {described.label}", file=out)
        for question, answer_text in described.answers:
            print(f"      {question} -> {answer_text}", file=out)
    found = scores(content.questionnaire, session.answers)
    if found:
        print("Scores:", file=out)
        for score in found:
            print(f"  {score_line(score, words)}", file=out)
    return 0


def score_line(score: Score, words: LanguageWords) -> str:
    """One score as an editor checks it, with its range, its band and how many of its
    questions were answered: `Keele STarT Back Tool, Total score: 5 (0-9), Medium risk;
    answered 9 of 9`, or `...: not scored: 2 of 3 answered` when too many were left blank."""
    said = words.questionnaire.instruments[score.instrument]
    name = f"{said.name}, {said.scores[score.score]}"
    if score.value is None:
        return f"{name}: not scored: {score.answered} of {score.items} answered"
    band = f", {(said.bands or {})[score.band]}" if score.band is not None else ""
    return (f"{name}: {score.shown()} ({score.lowest:g}-{score.highest:g}){band};"
            f" answered {score.answered} of {score.items}")



def visit_from_file(path: Path, content: Content, language: str | None, report: TextIO,
                    now: datetime.datetime | None = None, fallback: str | None = None
                    ) -> SubmittedVisit | None:
    """An answer file submitted as the kiosk would, or None after listing every error as
    `file:line: …` (a required question left unanswered is an error too). Answers that
    branching hides are dropped, and each drop is said. The patient's language is `language`
    when given, else the file's own `language:`, else `fallback`, else the content's first."""
    errors: list[ContentError] = []
    answers, lines = read_answers(path, content, errors)
    session, dropped = run(answers, content, path, lines, errors)
    errors.extend(ContentError(str(path), 0, item.id, "required but not answered")
                  for item in session.missing_required())
    if errors:
        for error in errors:
            print(error, file=report)
        print(f"{len(errors)} error(s) found", file=report)
        return None
    for drop in dropped:
        print(f"{drop.item_id}: dropped, {drop.why}", file=report)
    answered_in = (language or answers.get(ANSWERED_IN) or fallback
                   or content.structure.default_language)
    return session.submit(answered_in, now)
