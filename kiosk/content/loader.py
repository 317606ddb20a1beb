"""Load and cross-check content, theme and settings; every error is collected, then raised once.

One pass reads every file (the content folder's, then the theme, then the settings), decodes
what can be decoded and checks it against what could be read of the others, so an editor sees
every mistake at once: an unknown question type in questionnaire.yaml never hides a misspelt
id in rules.yaml, a missing translation or a number out of range in settings.yaml. Each
failure of any kind is a content error with its file (and line, where there is one), and the
whole load has a time limit (kiosk.decoding.deadline) so that it can never hang the kiosk.
The folder's layout is described in kiosk.content.folder_check.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.files import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, RESOURCES
from kiosk.content.folder_check import LANGUAGE_CODE, Plan, check_structure, load_language
from kiosk.content.instrument_check import check_rules_opt_in, check_scoring
from kiosk.content.instruments import InstrumentPlan, instrument_plan, with_instruments
from kiosk.content.model import Content, LanguageWords, Loaded, Structure
from kiosk.content.questionnaire_check import check_questionnaire, check_rules
from kiosk.content.record_number import with_record_number
from kiosk.content.settings_check import collect_settings, collect_theme
from kiosk.decoding.deadline import LOAD_SECONDS, Deadline
from kiosk.decoding.decode import decode_parts, entries, is_whole
from kiosk.decoding.errors import ContentError, ContentInvalid, LoadingTooSlow, checked
from kiosk.intake.questionnaire import Questionnaire
from kiosk.intake.rules import Rules


def _label(path: Path) -> str:
    """A path as an editor recognises it: relative to the working folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside, or a folder that cannot be looked up
        return str(path)


def _language_folders(root: Path) -> list[str]:
    """The names of the folders in `root` that look like language codes."""
    try:
        return sorted(p.name for p in root.iterdir() if LANGUAGE_CODE.match(p.name)
                      and p.is_dir())
    except OSError:
        return []


def _listed_languages(structure: Structure | None) -> tuple[str, ...] | None:
    """The languages structure.yaml lists, when every one of them could be read."""
    if structure is None or not is_whole(structure.languages):
        return None
    return tuple(dict.fromkeys(structure.languages))


def _collect_content(root: Path, errors: list[ContentError], deadline: Deadline
                     ) -> tuple[Content | None, tuple[str, ...] | None, InstrumentPlan | None]:
    """(the content when every file is correct, the languages structure.yaml lists, what the
    settings may turn on of its scored measures)."""
    deadline.start(_label(root))
    if not root.is_dir():
        errors.append(ContentError(_label(root), 0, "", "content folder not found"))
        return None, None, None
    structure_path = root / "structure.yaml"
    structure = decode_parts(structure_path, _label(structure_path), Structure, errors, deadline)
    if (found := structure.parts) is not None:
        checked(structure.decoder.label, errors,
                lambda: check_structure(found, structure.decoder, root, errors))
    questionnaire_path = root / "questionnaire.yaml"
    questionnaire = decode_parts(questionnaire_path, _label(questionnaire_path), Questionnaire,
                                 errors, deadline)
    if (asked := questionnaire.parts) is not None:
        checked(questionnaire.decoder.label, errors,
                lambda: check_questionnaire(asked, questionnaire.decoder, errors))
        checked(questionnaire.decoder.label, errors,
                lambda: check_scoring(asked, questionnaire.decoder, errors))
    rules_path = root / "rules.yaml"
    rules = decode_parts(rules_path, _label(rules_path), Rules, errors, deadline)
    if (flagged := rules.parts) is not None:
        checked(rules.decoder.label, errors,
                lambda: check_rules(flagged, questionnaire.parts, rules.decoder, errors))
        checked(rules.decoder.label, errors,
                lambda: check_rules_opt_in(flagged, questionnaire.parts, rules.decoder, errors))
    plan = Plan(structure.parts, questionnaire.parts, rules.parts)
    listed = _listed_languages(structure.parts)
    if listed is not None:
        codes = [code for code in listed if LANGUAGE_CODE.match(code)]
    elif structure.parts is not None:
        codes = [code for _, code in entries(structure.parts.languages)
                 if LANGUAGE_CODE.match(code)] or _language_folders(root)
    else:
        codes = _language_folders(root)
    languages: dict[str, LanguageWords | None] = {
        code: load_language(root, code, plan, errors, _label, deadline) for code in codes}
    if listed is not None:
        for name in _language_folders(root):
            if name not in listed:
                errors.append(ContentError(_label(root / name), 0, "", "language folder not"
                                           " listed in structure.yaml languages"))
    whole = {code: words for code, words in languages.items() if words is not None}
    measures = instrument_plan(questionnaire.parts, languages)
    if (structure.whole is None or questionnaire.whole is None or rules.whole is None
            or len(whole) != len(languages)):
        return None, listed, measures
    content = Content(root, structure.whole, whole, questionnaire.whole, rules.whole)
    return content, listed, measures


def load_content(root: Path = DEFAULT_CONTENT, deadline: Deadline | None = None) -> Content:
    """Load one content folder on its own; raises ContentInvalid with every error."""
    errors: list[ContentError] = []
    content = None
    try:
        content, _, _ = _collect_content(root, errors, deadline or Deadline())
    except LoadingTooSlow as late:
        errors.append(late.error)
    if errors or content is None:
        raise ContentInvalid(errors)
    return content


def load_all(content_root: Path = DEFAULT_CONTENT, settings_path: Path = DEFAULT_SETTINGS,
             theme_path: Path = DEFAULT_THEME, deadline: Deadline | None = None) -> Loaded:
    """Load content, theme and settings together; raises ContentInvalid with every error.

    `deadline` is the time limit (LOAD_SECONDS from now unless given): passing it stops the
    load with an error naming the file being read, after the errors found until then."""
    errors: list[ContentError] = []
    content = settings = theme = None
    try:
        limit = deadline or Deadline()
        content, languages, instruments = _collect_content(content_root, errors, limit)
        theme, theme_parts = collect_theme(theme_path, _label(theme_path), errors, limit)
        settings = collect_settings(settings_path, _label(settings_path), errors, languages,
                                    theme_parts, limit, instruments)
    except LoadingTooSlow as late:
        errors.append(late.error)
    if errors or content is None or settings is None or theme is None:
        raise ContentInvalid(errors)
    asked = with_instruments(with_record_number(content, settings.kiosk), settings.kiosk)
    return Loaded(asked, settings, theme)


__all__ = ["DEFAULT_CONTENT", "DEFAULT_SETTINGS", "DEFAULT_THEME", "LOAD_SECONDS", "RESOURCES",
           "Deadline", "Loaded", "load_all", "load_content"]
