"""Checks of a content folder's structure file, and each language's words against it.

Layout of a content folder (the shipped one is resources/content/):
    structure.yaml            languages and sections: ids, order, pictures (written once)
    questionnaire.yaml        the questionnaire's pages, items and show-if conditions
    rules.yaml                red flags and the signals for and against candidacy
    <lang>/ui.yaml            the words of buttons, titles and messages
    <lang>/education.yaml     the words of each education section and the disclaimer
    <lang>/questionnaire.yaml, <lang>/rules.yaml   the words of the questions and rules
    <lang>/summary.yaml       the headings and labels of the specialist's printed summary
    <lang>/staff.yaml         the words of staff mode
    illustrations/            SVG pictures named in structure.yaml

The checks run on whatever of a file could be decoded (see kiosk.decoding.decode), so each
file's mistakes are reported even when another file, or another part of the same file, is
broken; a check that needs a broken part is skipped.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from kiosk.content.model import EducationWords, LanguageWords, Structure
from kiosk.content.questionnaire_check import check_id
from kiosk.content.screen_words import SummaryWords, UiWords
from kiosk.content.staff_words import StaffWords
from kiosk.content.translation_check import check_questionnaire_words, check_rules_words
from kiosk.decoding.deadline import Deadline
from kiosk.decoding.decode import Decoder, decode_parts, entries, is_valid, is_whole
from kiosk.decoding.errors import ContentError, checked, did_you_mean, quoted
from kiosk.decoding.safe_yaml import is_regular_file
from kiosk.intake.questionnaire import Questionnaire, QuestionnaireWords
from kiosk.intake.rules import Rules, RulesWords

W = TypeVar("W")
S = TypeVar("S")
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
Report = Callable[[str, str], None]
Label = Callable[[Path], str]


def _reporter(decoder: Decoder, errors: list[ContentError]) -> Report:
    def report(path: str, message: str) -> None:
        errors.append(ContentError(decoder.label, decoder.lines.get(path, 0), path, message))
    return report


def check_structure(structure: Structure, decoder: Decoder, root: Path,
                    errors: list[ContentError]) -> None:
    err = _reporter(decoder, errors)
    codes = [code for _, code in entries(structure.languages)]
    for i, code in entries(structure.languages):
        if not LANGUAGE_CODE.match(code):
            err(f"languages[{i}]", f"{quoted(code)} is not a two-letter language code")
    if len(set(codes)) != len(codes):
        err("languages", "a language is listed twice")
    default = structure.default_language
    if isinstance(default, str) and is_whole(structure.languages) and default not in codes:
        err("default_language", f"{quoted(default)} is not in languages"
            + did_you_mean(default, codes))
    _check_picture(structure.home_illustration, "home_illustration", root, err)
    seen: set[str] = set()
    for i, plan in entries(structure.sections):
        if isinstance(plan.id, str):
            check_id(plan.id, f"sections[{i}].id", err)
            if plan.id in seen:
                err(f"sections[{i}].id", f"section {plan.id!r} is listed twice")
            seen.add(plan.id)
        for key in ("icon", "illustration"):
            _check_picture(getattr(plan, key), f"sections[{i}].{key}", root, err)


def _check_picture(name: object, path: str, root: Path, err: Report) -> None:
    if not isinstance(name, str):
        return
    if "/" in name or "\\" in name or name.startswith("."):
        err(path, f"{quoted(name)} must be the name of a file in illustrations/, without"
                  " folders")
        return
    folder = root / "illustrations"
    if not is_regular_file(folder / name):
        try:
            present = [p.name for p in folder.glob("*.svg")] if folder.is_dir() else []
        except OSError:
            present = []
        err(path, f"no file {quoted(name)} in illustrations/" + did_you_mean(name, present))


def check_education(words: EducationWords, structure: Structure, decoder: Decoder,
                    errors: list[ContentError]) -> None:
    err = _reporter(decoder, errors)
    planned = {plan.id: plan for _, plan in entries(structure.sections)
               if isinstance(plan.id, str)}
    every_plan = is_whole(structure.sections) and len(planned) == len(structure.sections)
    if not is_valid(words.sections):
        return
    for section_id, section in words.sections.items():
        path = f"sections.{section_id}"
        plan = planned.get(section_id)
        if plan is None:
            if every_plan:
                err(path, "no such section in structure.yaml" + did_you_mean(section_id, planned))
            continue
        if not (is_valid(section) and is_valid(plan.illustration)
                and is_valid(section.picture)):
            continue
        if plan.illustration and section.picture is None:
            err(path, f"needs 'picture': a caption for {plan.illustration}")
        if not plan.illustration and section.picture is not None:
            err(f"{path}.picture", "this section has no illustration in structure.yaml")
    for section_id in planned:
        if section_id not in words.sections:
            err("sections", f"translation missing for section {section_id!r}")


def check_placeholders(words: Any, placeholders: dict[str, frozenset[str]], decoder: Decoder,
                       errors: list[ContentError]) -> None:
    """Every {placeholder} the kiosk fills in is there, and no other."""
    err = _reporter(decoder, errors)
    formatter = string.Formatter()
    for field in dataclasses.fields(words):
        text = getattr(words, field.name)
        if not isinstance(text, str):
            continue
        try:
            used = {name for _, name, _, _ in formatter.parse(text) if name is not None}
        except ValueError as exc:
            used = set()
            err(field.name, f"braces are not balanced ({exc}); write {{{{ for a literal brace")
        expected = placeholders.get(field.name, frozenset())
        for name in sorted(used - expected):
            err(field.name, f"unknown placeholder {{{name}}}" + did_you_mean(name, expected))
        for name in sorted(expected - used):
            err(field.name, f"must contain the placeholder {{{name}}}")


@dataclass(frozen=True, slots=True)
class Plan:
    """What could be read of the structure files, to check each language's words against."""

    structure: Structure | None
    questionnaire: Questionnaire | None
    rules: Rules | None


def load_language(root: Path, code: str, plan: Plan, errors: list[ContentError],
                  label: Label, deadline: Deadline | None = None) -> LanguageWords | None:
    """One language's words, when every file is correct; each file is checked against the
    parts of the structure files that could be read."""
    folder = root / code

    def words(name: str, tp: type[W], against: S | None,
              check: Callable[[W, S, Decoder, list[ContentError]], None]) -> W | None:
        """The file's words when correct; checked against `against` when it could be read."""
        path = folder / name
        decoded = decode_parts(path, label(path), tp, errors, deadline)
        parts = decoded.parts
        if parts is not None and against is not None:
            checked(decoded.decoder.label, errors,
                    lambda: check(parts, against, decoded.decoder, errors))
        return decoded.whole

    ui = words("ui.yaml", UiWords, UiWords.PLACEHOLDERS, check_placeholders)
    education = words("education.yaml", EducationWords, plan.structure, check_education)
    questionnaire = words("questionnaire.yaml", QuestionnaireWords, plan.questionnaire,
                          check_questionnaire_words)
    rules = words("rules.yaml", RulesWords, plan.rules, check_rules_words)
    summary = words("summary.yaml", SummaryWords, SummaryWords.PLACEHOLDERS, check_placeholders)
    staff = words("staff.yaml", StaffWords, StaffWords.PLACEHOLDERS, check_placeholders)
    if (ui is None or education is None or questionnaire is None or rules is None
            or summary is None or staff is None):
        return None
    return LanguageWords(code, ui, education, questionnaire, rules, summary, staff)
