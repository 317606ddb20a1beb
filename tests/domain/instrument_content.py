"""A clinic's copy of the content with scored measures turned on, made as an editor would.

`english_only_clinic` copies the shipped content and settings into a folder, keeps English only
(the shipped Spanish words of the opt-in instruments are stand-ins, so a bilingual clinic
cannot turn them on) and lists the instruments under `kiosk.instruments`. `add_instrument`
adds an instrument written in one recipe file (a page, its scoring and each language's words)
to a content folder, as README "Adding a licensed instrument" tells a clinic to.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS
from tests.domain.editing import edit

DATA = Path(__file__).resolve().parent.parent / "data"
LICENSED = DATA / "licensed-instrument.yaml"


def turn_on(settings: Path, *instruments: str) -> Path:
    """`settings` listing `instruments` under kiosk.instruments."""
    edit(settings, "kiosk:\n", f"kiosk:\n  instruments: [{', '.join(instruments)}]\n")
    return settings


def clinic_copy(folder: Path) -> tuple[Path, Path]:
    """(content folder, settings file): copies of the shipped ones inside `folder`."""
    content = folder / "content"
    shutil.copytree(DEFAULT_CONTENT, content)
    settings = folder / "settings.yaml"
    shutil.copy(DEFAULT_SETTINGS, settings)
    return content, settings


def english_only_clinic(folder: Path, *instruments: str) -> tuple[Path, Path]:
    """(content folder, settings file) of a clinic that speaks English only and asks
    `instruments`."""
    content, settings = clinic_copy(folder)
    edit(content / "structure.yaml", "languages: [en, es]", "languages: [en]")
    shutil.rmtree(content / "es")
    return content, turn_on(settings, *instruments) if instruments else settings


def _rewrite(path: Path, change: Any) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")


def add_instrument(content: Path, recipe: Path = LICENSED) -> dict[str, Any]:
    """Add the recipe's page and scoring to questionnaire.yaml and its words to each
    language's questionnaire words; returns the recipe as read."""
    found = yaml.load(recipe.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    structure = found["questionnaire"]

    def add_structure(data: dict[str, Any]) -> None:
        data["pages"].insert(len(data["pages"]) - 1, structure["page"])  # before the goals
        data["scoring"].append(structure["instrument"])

    _rewrite(content / "questionnaire.yaml", add_structure)
    for language, words in found["words"].items():
        def add_words(data: dict[str, Any], words: dict[str, Any] = words) -> None:
            data["pages"].update(words["pages"])
            data["items"].update(words["items"])
            data["instruments"].update(words["instruments"])

        _rewrite(content / language / "questionnaire.yaml", add_words)
    return dict(found)
