"""The specialist reads, beside the patient's name, that front-desk staff helped with the visit:
on the printed page (a real PDF read back), in the clinic's printing language, and never on
the summary of a visit the patient did alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.content.loader import Loaded
from tests.printing.test_summary import printed, printing_in, submitted


def test_an_assisted_visit_prints_completed_with_staff_help_on_its_one_page(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = dataclasses.replace(submitted(shipped, "likely-candidate.yaml"), assisted=True)
    pages = printed(shipped, visit, tmp_path / "summary.pdf")
    assert len(pages) == 1, "the note costs no second page"
    assert "Language used English Completed with staff help" in pages[0]


def test_the_note_is_in_the_printing_language(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    visit = dataclasses.replace(submitted(shipped, "spanish.yaml", "es"), assisted=True)
    [text] = printed(printing_in(shipped, language="es"), visit, tmp_path / "resumen.pdf")
    assert "Completado con ayuda del personal" in text
    assert "Completed with staff help" not in text


def test_a_visit_without_staff_help_says_nothing_of_it(
        qapp: QApplication, shipped: Loaded, tmp_path: Path) -> None:
    [text] = printed(shipped, submitted(shipped, "likely-candidate.yaml"),
                     tmp_path / "summary.pdf")
    assert "Language used English" in text
    assert "staff help" not in text
