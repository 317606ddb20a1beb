"""`summary ANSWERS.yaml --pdf OUT.pdf`: the specialist's summary of an answer file, as a PDF.

The answer file is the one `simulate` reads (`question-id: answer` pairs). It goes through the
same session and rules as the kiosk, is submitted as a visit, and that visit's summary is
written on the clinic's paper in the clinic's language, exactly as the front desk would print
it. Errors in the file are listed as `file:line: …`, as `simulate` lists them.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import TextIO

from kiosk.content.model import Loaded
from kiosk.content.simulate import visit_from_file

_APPLICATION: list[object] = []


def _gui() -> None:
    """Fonts need a QGuiApplication; start one (without a screen) when none is running."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPLICATION.append(QGuiApplication(sys.argv[:1]))


def summary_from_answers(path: Path, loaded: Loaded, out: Path, *, language: str | None = None,
                         copy: bool = False, now: datetime.datetime | None = None,
                         report: TextIO | None = None) -> int:
    """Write the summary PDF of the visit in `path` to `out`; 0 when written, 1 on any error.

    `language` is the one the patient used (default: the kiosk's first language); the summary
    itself is always in the printing language of the settings.
    """
    report = report or sys.stdout
    content = loaded.content
    language = language or loaded.settings.kiosk.language
    if language not in content.structure.languages:
        print(f"no language {language!r}; the content has {', '.join(content.structure.languages)}",
              file=report)
        return 1
    visit = visit_from_file(path, content, language, report, now)
    if visit is None:
        return 1
    _gui()
    from kiosk.printing.pages import PrintFailed, write_pdf
    from kiosk.printing.summary import summary_document

    document = summary_document(visit, loaded, copy)
    try:
        write_pdf(document, out, loaded.settings.printing.paper)
    except PrintFailed as failed:
        print(failed, file=report)
        return 1
    pages = document.pageCount()
    print(f"wrote {out}: visit {visit.visit_id}, {visit.outcome.category},"
          f" {pages} page{'s' if pages != 1 else ''}", file=report)
    return 0
