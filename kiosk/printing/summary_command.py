"""`summary ANSWERS.yaml --pdf OUT.pdf`: the specialist's summary of an answer file, as a PDF.

The answer file is the one `simulate` reads (`question-id: answer` pairs). It goes through the
same session and rules as the kiosk, is submitted as a visit, and that visit's summary is
written on the clinic's paper in the clinic's language, exactly as the front desk would print
it. Errors in the file are listed as `file:line: …`, as `simulate` lists them.

Every summary PDF the kiosk writes (this command, `summary VISIT_ID`, staff's "Save as PDF")
goes through `save_summary_pdf`: private to the kiosk's user (0600) from its first byte, and
titled with the visit id, never the patient's name, since a PDF keeps its title unpacked.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.content.model import Loaded
from kiosk.content.simulate import visit_from_file

if TYPE_CHECKING:
    from kiosk.intake.session import SubmittedVisit

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

    `language` is the one the patient used (default: the file's `language:`, else the kiosk's
    first language); the summary itself is always in the printing language of the settings.
    """
    report = report or sys.stdout
    content = loaded.content
    if language is not None and language not in content.structure.languages:
        print(f"no language {language!r}; the content has {', '.join(content.structure.languages)}",
              file=report)
        return 1
    visit = visit_from_file(path, content, language, report, now,
                            fallback=loaded.settings.kiosk.language)
    if visit is None:
        return 1
    _gui()
    from kiosk.printing.pages import PrintFailed

    try:
        pages = save_summary_pdf(visit, loaded, out, copy)
    except PrintFailed as failed:
        print(failed, file=report)
        return 1
    print(f"wrote {out}: visit {visit.visit_id}, {visit.outcome.category},"
          f" {pages} page{'s' if pages != 1 else ''}", file=report)
    return 0


def save_summary_pdf(visit: SubmittedVisit, loaded: Loaded, out: Path, copy: bool) -> int:
    """Write the visit's summary to `out` as a private PDF (mode 0600, written whole or not
    at all); returns its page count. Raises PrintFailed when it cannot be written."""
    from PySide6.QtGui import QTextDocument

    from kiosk.printing.pages import PrintFailed, write_pdf
    from kiosk.printing.summary import summary_document

    document = summary_document(visit, loaded, copy)
    words = loaded.content.words(loaded.settings.printing.language).summary
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{words.visit} {visit.visit_id}")
    try:  # made 0600 before a byte is written, then put in place in one step
        descriptor, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part",
                                            dir=out.parent)
        os.close(descriptor)
    except OSError as exc:
        raise PrintFailed(f"{out}: cannot be written ({exc.strerror or exc})") from None
    partial = Path(name)
    try:
        write_pdf(document, partial, loaded.settings.printing.paper)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, PrintFailed):
            raise
        raise PrintFailed(f"{out}: cannot be written ({exc.strerror or exc})") from None
    return document.pageCount()
