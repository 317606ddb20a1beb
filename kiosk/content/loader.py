"""Load and cross-check content, theme and settings; every error is collected, then raised once.

Layout of a content folder (the shipped one is resources/content/):
    structure.yaml            languages and sections: ids, order, pictures (written once)
    <lang>/ui.yaml            the words of buttons, titles and messages
    <lang>/education.yaml     the words of each education section and the disclaimer
    <lang>/summary.yaml       the headings and labels of the specialist's printed summary
    illustrations/            SVG pictures named in structure.yaml
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from kiosk.content.colour import MIN_TEXT_CONTRAST, contrast_ratio, is_hex_colour
from kiosk.content.files import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, RESOURCES
from kiosk.content.limits import settings_problems, theme_problems
from kiosk.content.model import (
    Content,
    EducationWords,
    LanguageWords,
    Loaded,
    StaffWords,
    Structure,
    SummaryWords,
    UiWords,
)
from kiosk.content.questionnaire_check import (
    check_questionnaire,
    check_questionnaire_words,
    check_rules,
    check_rules_words,
)
from kiosk.content.settings import Settings, pin_hash_problem
from kiosk.content.theme import Theme
from kiosk.decoding.decode import Decoder, decode_file
from kiosk.decoding.errors import ContentError, ContentInvalid, did_you_mean
from kiosk.decoding.safe_yaml import is_regular_file
from kiosk.intake.questionnaire import Questionnaire, QuestionnaireWords
from kiosk.intake.rules import Rules, RulesWords

W = TypeVar("W")
S = TypeVar("S")
SECTION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


def _label(path: Path) -> str:
    """A path as an editor recognises it: relative to the working folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside, or a folder that cannot be looked up
        return str(path)


def _check_structure(
    structure: Structure, decoder: Decoder, root: Path, errors: list[ContentError]
) -> None:
    def err(path: str, message: str) -> None:
        errors.append(ContentError(decoder.label, decoder.lines.get(path, 0), path, message))

    for i, code in enumerate(structure.languages):
        if not LANGUAGE_CODE.match(code):
            err(f"languages[{i}]", f"{code!r} is not a two-letter language code")
    if len(set(structure.languages)) != len(structure.languages):
        err("languages", "a language is listed twice")
    if structure.default_language not in structure.languages:
        hint = did_you_mean(structure.default_language, structure.languages)
        err("default_language", f"{structure.default_language!r} is not in languages{hint}")
    _check_picture(structure.home_illustration, "home_illustration", root, err)
    seen: set[str] = set()
    for i, plan in enumerate(structure.sections):
        if not SECTION_ID.match(plan.id):
            err(f"sections[{i}].id", f"{plan.id!r} must be lower-case words joined by '-'")
        if plan.id in seen:
            err(f"sections[{i}].id", f"section {plan.id!r} is listed twice")
        seen.add(plan.id)
        for key in ("icon", "illustration"):
            _check_picture(getattr(plan, key), f"sections[{i}].{key}", root, err)


def _check_picture(name: str | None, path: str, root: Path,
                   err: Callable[[str, str], None]) -> None:
    if name is None:
        return
    folder = root / "illustrations"
    if not is_regular_file(folder / name):
        present = [p.name for p in folder.glob("*.svg")] if folder.is_dir() else []
        err(path, f"no file {name!r} in illustrations/" + did_you_mean(name, present))


def _check_education(
    words: EducationWords, decoder: Decoder, structure: Structure, errors: list[ContentError]
) -> None:
    def err(path: str, message: str) -> None:
        errors.append(ContentError(decoder.label, decoder.lines.get(path, 0), path, message))

    planned = {plan.id: plan for plan in structure.sections}
    for section_id, section in words.sections.items():
        path = f"sections.{section_id}"
        plan = planned.get(section_id)
        if plan is None:
            err(path, "no such section in structure.yaml" + did_you_mean(section_id, planned))
            continue
        if plan.illustration and section.picture is None:
            err(path, f"needs 'picture': a caption for {plan.illustration}")
        if not plan.illustration and section.picture is not None:
            err(f"{path}.picture", "this section has no illustration in structure.yaml")
    for section_id in planned:
        if section_id not in words.sections:
            err("sections", f"translation missing for section {section_id!r}")


def _check_ui(ui: UiWords, decoder: Decoder, errors: list[ContentError]) -> None:
    _check_placeholders(ui, UiWords.PLACEHOLDERS, decoder, errors)


def _check_placeholders(words: Any, placeholders: dict[str, frozenset[str]], decoder: Decoder,
                        errors: list[ContentError]) -> None:
    """Every {placeholder} the kiosk fills in is there, and no other."""
    formatter = string.Formatter()
    for field in dataclasses.fields(words):
        text = getattr(words, field.name)
        if not isinstance(text, str):
            continue
        try:
            used = {name for _, name, _, _ in formatter.parse(text) if name is not None}
        except ValueError as exc:
            used = set()
            message = f"braces are not balanced ({exc}); write {{{{ for a literal brace"
            errors.append(ContentError(decoder.label, decoder.lines.get(field.name, 0),
                                       field.name, message))
        expected = placeholders.get(field.name, frozenset())
        for name in sorted(used - expected):
            hint = did_you_mean(name, expected)
            errors.append(ContentError(decoder.label, decoder.lines.get(field.name, 0),
                                       field.name, f"unknown placeholder {{{name}}}{hint}"))
        for name in sorted(expected - used):
            errors.append(ContentError(decoder.label, decoder.lines.get(field.name, 0),
                                       field.name, f"must contain the placeholder {{{name}}}"))


@dataclass(frozen=True, slots=True)
class _Plan:
    """The structure files of a content folder, where each loaded."""

    structure: Structure | None
    questionnaire: Questionnaire | None
    rules: Rules | None


def _load_language(
    root: Path, code: str, plan: _Plan, errors: list[ContentError]
) -> LanguageWords | None:
    """One language's words; cross-checked against the structure files that loaded."""
    structure = plan.structure
    ui, ui_decoder = decode_file(root / code / "ui.yaml", _label(root / code / "ui.yaml"),
                                 UiWords, errors)
    if ui is not None:
        _check_ui(ui, ui_decoder, errors)
    education_path = root / code / "education.yaml"
    education, decoder = decode_file(education_path, _label(education_path), EducationWords,
                                     errors)
    if education is not None and structure is not None:
        _check_education(education, decoder, structure, errors)
    questionnaire = _words_file(root / code / "questionnaire.yaml", QuestionnaireWords, errors,
                                plan.questionnaire, check_questionnaire_words)
    rules = _words_file(root / code / "rules.yaml", RulesWords, errors, plan.rules,
                        check_rules_words)
    summary_path = root / code / "summary.yaml"
    summary, summary_decoder = decode_file(summary_path, _label(summary_path), SummaryWords,
                                           errors)
    if summary is not None:
        _check_placeholders(summary, SummaryWords.PLACEHOLDERS, summary_decoder, errors)
    staff_path = root / code / "staff.yaml"
    staff, staff_decoder = decode_file(staff_path, _label(staff_path), StaffWords, errors)
    if staff is not None:
        _check_placeholders(staff, StaffWords.PLACEHOLDERS, staff_decoder, errors)
    if (ui is None or education is None or questionnaire is None or rules is None
            or summary is None or staff is None):
        return None
    return LanguageWords(code, ui, education, questionnaire, rules, summary, staff)


def _words_file(path: Path, tp: type[W], errors: list[ContentError], against: S | None,
                check: Callable[[W, S, Decoder, list[ContentError]], None]) -> W | None:
    words, decoder = decode_file(path, _label(path), tp, errors)
    if words is not None and against is not None:
        check(words, against, decoder, errors)
    return words


def _collect_content(root: Path, errors: list[ContentError]) -> Content | None:
    if not root.is_dir():
        errors.append(ContentError(_label(root), 0, "", "content folder not found"))
        return None
    structure_path = root / "structure.yaml"
    structure, decoder = decode_file(structure_path, _label(structure_path), Structure, errors)
    if structure is not None:
        _check_structure(structure, decoder, root, errors)
    questionnaire_path = root / "questionnaire.yaml"
    questionnaire, q_decoder = decode_file(questionnaire_path, _label(questionnaire_path),
                                           Questionnaire, errors)
    if questionnaire is not None:
        check_questionnaire(questionnaire, q_decoder, errors)
    rules_path = root / "rules.yaml"
    rules, r_decoder = decode_file(rules_path, _label(rules_path), Rules, errors)
    if rules is not None and questionnaire is not None:
        check_rules(rules, questionnaire, r_decoder, errors)
    plan = _Plan(structure, questionnaire, rules)
    if structure is None:
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and
                             LANGUAGE_CODE.match(p.name)):
            _load_language(root, folder.name, plan, errors)
        return None
    languages = {code: _load_language(root, code, plan, errors)
                 for code in dict.fromkeys(structure.languages)}
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and LANGUAGE_CODE.match(p.name)):
        if folder.name not in languages:
            errors.append(ContentError(_label(folder), 0, "",
                                       "language folder not listed in structure.yaml languages"))
    if any(words is None for words in languages.values()) or questionnaire is None or (
            rules is None):
        return None
    return Content(root, structure, {k: v for k, v in languages.items() if v is not None},
                   questionnaire, rules)


def _collect_settings(path: Path, errors: list[ContentError],
                      content: Content | None, theme: Theme | None) -> Settings | None:
    settings, decoder = decode_file(path, _label(path), Settings, errors)
    if settings is None:
        return None

    def err(key: str, message: str) -> None:
        errors.append(ContentError(decoder.label, decoder.lines.get(key, 0), key, message))

    clinic, kiosk = settings.clinic, settings.kiosk
    if not is_hex_colour(clinic.accent_color):
        err("clinic.accent_color", f"{clinic.accent_color!r} is not a colour like '#1f6f8b'")
    elif theme is not None:
        ratio = contrast_ratio(clinic.accent_color, theme.colours.on_accent)
        if ratio < MIN_TEXT_CONTRAST:
            err("clinic.accent_color", f"button text on this colour has contrast {ratio:.1f}:1;"
                f" at least {MIN_TEXT_CONTRAST}:1 is needed (choose a darker colour)")
    if clinic.logo is not None:
        logo = path.parent / clinic.logo
        if is_regular_file(logo):
            logo = logo.resolve()  # a plain file: no loop to follow
        else:
            err("clinic.logo", f"no image file {clinic.logo!r} next to the settings file")
        settings = dataclasses.replace(
            settings, clinic=dataclasses.replace(clinic, logo=str(logo)))
    if content is not None and kiosk.language not in content.structure.languages:
        err("kiosk.language", f"{kiosk.language!r} is not one of the content's languages"
            + did_you_mean(kiosk.language, content.structure.languages))
    if content is not None and settings.printing.language not in content.structure.languages:
        err("printing.language", f"{settings.printing.language!r} is not one of the content's"
            " languages" + did_you_mean(settings.printing.language,
                                         content.structure.languages))
    for key, problem in settings_problems(settings):
        err(key, problem)
    pin_problem = pin_hash_problem(settings.staff.pin_hash)
    if pin_problem is not None:  # says what is weak, never the hash itself
        err("staff.pin_hash", pin_problem)
    return settings


def _collect_theme(path: Path, errors: list[ContentError]) -> Theme | None:
    theme, decoder = decode_file(path, _label(path), Theme, errors)
    if theme is None:
        return None
    colours = theme.colours
    for name in dataclasses.fields(colours):
        value = getattr(colours, name.name)
        if not is_hex_colour(value):
            errors.append(ContentError(decoder.label, decoder.lines.get(f"colours.{name.name}", 0),
                                       f"colours.{name.name}", f"{value!r} is not a colour"))
            return None
    for fg, bg in (("text", "background"), ("text", "surface"), ("muted", "background"),
                   ("muted", "surface"), ("urgent", "surface")):
        ratio = contrast_ratio(getattr(colours, fg), getattr(colours, bg))
        if ratio < MIN_TEXT_CONTRAST:
            errors.append(ContentError(decoder.label, decoder.lines.get(f"colours.{fg}", 0),
                                       f"colours.{fg}", f"contrast on {bg} is {ratio:.1f}:1;"
                                       f" at least {MIN_TEXT_CONTRAST}:1 is needed"))
    for key, problem in theme_problems(theme):
        errors.append(ContentError(decoder.label, decoder.lines.get(key, 0), key, problem))
    return theme


def load_content(root: Path = DEFAULT_CONTENT) -> Content:
    """Load one content folder on its own; raises ContentInvalid with every error."""
    errors: list[ContentError] = []
    content = _collect_content(root, errors)
    if errors or content is None:
        raise ContentInvalid(errors)
    return content


def load_all(content_root: Path = DEFAULT_CONTENT, settings_path: Path = DEFAULT_SETTINGS,
             theme_path: Path = DEFAULT_THEME) -> Loaded:
    """Load content, theme and settings together; raises ContentInvalid with every error."""
    errors: list[ContentError] = []
    content = _collect_content(content_root, errors)
    theme = _collect_theme(theme_path, errors)
    settings = _collect_settings(settings_path, errors, content, theme)
    if errors or content is None or settings is None or theme is None:
        raise ContentInvalid(errors)
    return Loaded(content, settings, theme)


__all__ = ["DEFAULT_CONTENT", "DEFAULT_SETTINGS", "DEFAULT_THEME", "RESOURCES", "Loaded",
           "load_all", "load_content"]
