"""A clinic editor's mistakes are reported as file:line: key.path: message, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import DEFAULT_THEME, load_all, load_content
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of


def errors_of(content: Path, settings: Path | None = None) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        if settings is None:
            load_content(content)
        else:
            load_all(content, settings, DEFAULT_THEME)
    return [str(e) for e in caught.value.errors]


def test_misspelt_key_names_file_line_path_and_suggests_the_right_one(content_copy: Path) -> None:
    ui = content_copy / "es" / "ui.yaml"
    edit(ui, "idle_title:", "idle_titel:")
    errors = errors_of(content_copy)
    line = line_of(ui, "idle_titel:")
    assert f"{ui}:{line}: idle_titel: unknown key (did you mean 'idle_title'?)" in errors
    assert any(e.endswith("idle_title: required key is missing") for e in errors)


def test_missing_translation_of_a_section_is_an_error(content_copy: Path) -> None:
    education = content_copy / "es" / "education.yaml"
    edit(education, "  cost:\n", "  cots:\n")
    errors = errors_of(content_copy)
    assert any(e.startswith(f"{education}:") and
               e.endswith("sections: translation missing for section 'cost'") for e in errors)
    line = line_of(education, "cots:")
    assert (f"{education}:{line}: sections.cots: no such section in structure.yaml"
            " (did you mean 'cost'?)") in errors


def test_empty_translation_is_an_error(content_copy: Path) -> None:
    ui = content_copy / "en" / "ui.yaml"
    edit(ui, "home: Home", 'home: ""')
    line = line_of(ui, 'home: ""')
    assert f"{ui}:{line}: home: text is empty" in errors_of(content_copy)


def test_a_translation_cannot_drop_a_placeholder(content_copy: Path) -> None:
    ui = content_copy / "es" / "ui.yaml"
    edit(ui, "Se borrará en {seconds} segundos", "Se borrará en {segundos} segundos")
    line = line_of(ui, "idle_countdown:")
    errors = errors_of(content_copy)
    assert (f"{ui}:{line}: idle_countdown: unknown placeholder {{segundos}}"
            " (did you mean 'seconds'?)") in errors
    assert f"{ui}:{line}: idle_countdown: must contain the placeholder {{seconds}}" in errors


def test_a_block_with_an_unknown_kind_is_reported(content_copy: Path) -> None:
    education = content_copy / "en" / "education.yaml"
    text = education.read_text(encoding="utf-8")
    first_bullets = text.index("      - bullets:")
    education.write_text(text[:first_bullets] + "      - bulets:" +
                         text[first_bullets + len("      - bullets:"):], encoding="utf-8")
    line = line_of(education, "- bulets:")
    errors = errors_of(content_copy)
    assert any(e.startswith(f"{education}:{line}: sections.") and
               e.endswith(".bulets: unknown block (did you mean 'bullets'?)") for e in errors)


def test_wrong_type_and_yaml_syntax_errors(content_copy: Path) -> None:
    structure = content_copy / "structure.yaml"
    edit(structure, "languages: [en, es]", "languages: en")
    ui = content_copy / "en" / "ui.yaml"
    edit(ui, "back: Back", "back: [Back")
    errors = errors_of(content_copy)
    line = line_of(structure, "languages: en")
    assert f"{structure}:{line}: languages: expected a list, got 'en'" in errors
    assert any(e.startswith(f"{ui}:") and "not valid YAML" in e for e in errors)


def test_missing_picture_file_and_caption_rules(content_copy: Path) -> None:
    structure = content_copy / "structure.yaml"
    edit(structure, "illustration: stem-cells.svg", "illustration: stem-cell.svg")
    edit(structure, "  - id: cost\n    icon: icon-cost.svg\n",
         "  - id: cost\n    icon: icon-cost.svg\n    illustration: spine-and-disc.svg\n")
    errors = errors_of(content_copy)
    line = line_of(structure, "stem-cell.svg")
    assert (f"{structure}:{line}: sections[2].illustration: no file 'stem-cell.svg' in "
            "illustrations/ (did you mean 'stem-cells.svg'?)") in errors
    education = content_copy / "en" / "education.yaml"
    assert any(e.startswith(f"{education}:") and
               e.endswith("sections.cost: needs 'picture': a caption for spine-and-disc.svg")
               for e in errors)


def test_every_error_is_reported_in_one_run(content_copy: Path) -> None:
    edit(content_copy / "en" / "ui.yaml", "back: Back", "bak: Back")
    edit(content_copy / "es" / "ui.yaml", "home: Inicio", 'home: ""')
    edit(content_copy / "structure.yaml", "default_language: en", "default_language: fr")
    errors = errors_of(content_copy)
    assert len(errors) >= 4
    assert {Path(e.split(":")[0]).name for e in errors} == {"ui.yaml", "structure.yaml"}


def test_settings_errors(content_copy: Path, settings_copy: Path) -> None:
    edit(settings_copy, "warning_seconds: 30", "warning_seconds: 5")
    edit(settings_copy, 'accent_color: "#1f6f8b"', 'accent_color: "#9fd3e0"')
    edit(settings_copy, "language: en", "language: de")
    edit(settings_copy, "idle_seconds: 90", "idle_secnds: 90")
    errors = errors_of(content_copy, settings_copy)
    s = settings_copy
    assert (f"{s}:{line_of(s, 'warning_seconds')}: kiosk.warning_seconds: must be from 20 to"
            " 600 seconds, so a patient has time to answer 'Are you still there?' (it is 5)"
            ) in errors
    assert any(e.startswith(f"{s}:{line_of(s, 'accent_color')}: clinic.accent_color: the words"
                            " of a screen's main button: contrast") for e in errors)
    assert (f"{s}:{line_of(s, 'language: de')}: kiosk.language: 'de' is not one of the"
            " content's languages") in errors
    assert (f"{s}:{line_of(s, 'idle_secnds')}: kiosk.idle_secnds: unknown key"
            " (did you mean 'idle_seconds'?)") in errors


def test_missing_file_is_reported(content_copy: Path) -> None:
    (content_copy / "es" / "education.yaml").unlink()
    assert f"{content_copy / 'es' / 'education.yaml'}:0: file is missing" in errors_of(
        content_copy)
