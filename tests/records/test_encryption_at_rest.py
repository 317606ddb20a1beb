"""No file the kiosk writes holds a patient's name or date of birth in plain text, and every
one of them is private to the kiosk's user (0600, in 0700 folders): the store and its WAL, the
fallback file, the logs, the content cache and the summary PDFs staff and editors save.

The patient here is invented: Zenobia Quillfeather, born 9 March 1951.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk import logs, paths
from kiosk.cli import main
from kiosk.content.cache import load_cached
from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME
from kiosk.content.model import Loaded
from kiosk.content.simulate import read_answers, run
from kiosk.content.wording import date_words
from kiosk.decoding.errors import ContentError
from kiosk.intake.session import IntakeSession
from kiosk.log_file import PrivateLogFile
from kiosk.printing.summary_command import summary_from_answers
from kiosk.records.fallback import FALLBACK_FILE_NAME, FallbackFile
from kiosk.records.migrations import STEPS
from kiosk.records.sealing import KEY_FILE_NAME, Sealer
from kiosk.records.store import VisitStore
from kiosk.ui.screens.staff_dashboard import StaffDashboardScreen
from tests.logging_restored import root_logging_restored
from tests.records.test_store import EXAMPLES

FIRST, LAST, BORN = "Zenobia", "Quillfeather", datetime.date(1951, 3, 9)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems have (022): a file left to it would be readable by all."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@contextlib.contextmanager
def kiosk_logging(data: Path) -> Iterator[Path]:
    """The kiosk's own log set up in `data`, as `kiosk` does; undone afterwards."""
    with root_logging_restored():
        logs.to_console()
        yield logs.to_file(paths.data_folder(data))


@pytest.fixture
def kiosk_log(tmp_path: Path) -> Iterator[Path]:
    with kiosk_logging(tmp_path / "data") as path:
        yield path


def answer_file(tmp_path: Path) -> Path:
    """The urgent example's answers, given by the invented patient (outside the data folder:
    the clinic wrote it, not the kiosk)."""
    text = (EXAMPLES / "urgent.yaml").read_text(encoding="utf-8")
    text = text.replace("first-name: Sam", f"first-name: {FIRST}")
    text = text.replace("last-name: Sample", f"last-name: {LAST}")
    text = text.replace("birth-date: 1975-09-03", f"birth-date: {BORN.isoformat()}")
    assert FIRST in text and LAST in text and BORN.isoformat() in text
    path = tmp_path / "zenobia.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def patient_session(shipped: Loaded, tmp_path: Path) -> IntakeSession:
    errors: list[ContentError] = []
    path = answer_file(tmp_path)
    answers, lines = read_answers(path, shipped.content, errors)
    session, _ = run(answers, shipped.content, path, lines, errors)
    assert not errors
    return session


def patient_forms(shipped: Loaded) -> list[bytes]:
    """The name and date of birth in every form the kiosk writes them: as typed, upper and
    lower case, the ISO date and the date in words of each language, in UTF-8 and UTF-16."""
    texts = {FIRST, LAST, BORN.isoformat(), BORN.strftime("%d/%m/%Y"),
             BORN.strftime("%m/%d/%Y")}
    texts |= {date_words(BORN, shipped.content.words(code))
              for code in shipped.content.structure.languages}
    texts |= {text.upper() for text in texts} | {text.lower() for text in texts}
    return sorted({text.encode(encoding) for text in texts
                   for encoding in ("utf-8", "utf-16-be", "utf-16-le")})


def plain_hits(folder: Path, forms: list[bytes]) -> list[str]:
    return [f"{path.relative_to(folder)} holds {form!r}"
            for path in sorted(folder.rglob("*")) if path.is_file()
            for form in forms if form in path.read_bytes()]


def modes(folder: Path) -> dict[str, int]:
    return {str(path.relative_to(folder)): path.stat().st_mode & 0o777
            for path in sorted(folder.rglob("*"))}


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    document.load(str(path))
    return " ".join(" ".join(document.getAllText(page).text() for page in
                             range(document.pageCount())).split())


def staff_dashboard(qtbot: QtBot, store: VisitStore, loaded: Loaded) -> StaffDashboardScreen:
    dashboard = StaffDashboardScreen(store, loaded, lambda: ("Front_Desk", 0))
    qtbot.addWidget(dashboard)
    dashboard.show_staff_words(dashboard.staff_words)
    dashboard.show()
    return dashboard


def test_no_file_the_kiosk_writes_holds_the_patient_in_plain_text_and_each_is_0600(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path, usual_umask: None,
        kiosk_log: Path) -> None:
    data, pdfs = tmp_path / "data", tmp_path / "pdfs"
    pdfs.mkdir()
    forms = patient_forms(shipped)
    key_file = data / "config" / KEY_FILE_NAME
    store = VisitStore(data / "visits.sqlite3", key_file)
    session = patient_session(shipped, tmp_path)
    session.fire_flags()
    urgent = session.snapshot("en", "open")
    assert urgent.fired, "the saddle numbness answer fired an urgent flag"
    store.save_urgent(urgent)
    session.answer("pain-now", 8)
    store.save_progress(session.snapshot("en", "open"))
    visit = session.submit("en")
    store.save_submitted(visit)
    wal = Path(f"{data / 'visits.sqlite3'}-wal")
    assert wal.stat().st_size > 0, "the saves are still in the WAL, not yet checkpointed"
    assert plain_hits(data, forms) == []
    FallbackFile(key_file.parent / "fallback" / FALLBACK_FILE_NAME,
                 Sealer(key_file.read_bytes())).append(visit, "submitted")
    load_cached(DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, data / "content-cache.pickle")
    staff = dataclasses.replace(shipped.settings.staff, pdf_folder=str(pdfs))
    loaded = dataclasses.replace(shipped, settings=dataclasses.replace(shipped.settings,
                                                                       staff=staff))
    dashboard = staff_dashboard(qtbot, store, loaded)
    saved_by_staff = dashboard.findChild(QPushButton, f"staff_pdf_{visit.visit_id}")
    assert saved_by_staff is not None
    qtbot.mouseClick(saved_by_staff, Qt.MouseButton.LeftButton)
    assert summary_from_answers(answer_file(tmp_path), shipped, pdfs / "from-answers.pdf") == 0
    assert main(["summary", visit.visit_id, "--pdf", str(pdfs / "by-id.pdf"),
                 "--data", str(data)]) == 0
    rotating = [h for h in logging.getLogger().handlers if isinstance(h, PrivateLogFile)]
    assert len(rotating) == 1
    logging.getLogger("kiosk").warning("visit %s: the log goes on", visit.visit_id)
    rotating[0].doRollover()
    logging.getLogger("kiosk").warning("visit %s: after rotation", visit.visit_id)

    for pdf in (f"{visit.visit_id}.pdf", "from-answers.pdf", "by-id.pdf"):
        assert f"{FIRST} {LAST}" in pdf_text(pdfs / pdf), "the specialist reads the patient"
    kept = store.visit(visit.visit_id, shipped.content.questionnaire)
    assert kept is not None and kept.answers["last-name"] == LAST, "the store still has it"
    assert kept.fired == visit.fired and kept.outcome == visit.outcome
    assert kiosk_log.with_name("kiosk.log.1").exists(), "the log rotated"
    assert "after rotation" in kiosk_log.read_text(encoding="utf-8")
    written = {**modes(data), **{f"pdfs/{name}": mode for name, mode in modes(pdfs).items()}}
    assert {"visits.sqlite3", "visits.sqlite3-wal", "visits.sqlite3-shm", "content-cache.pickle",
            f"config/{KEY_FILE_NAME}", f"config/fallback/{FALLBACK_FILE_NAME}",
            "logs/kiosk.log", "logs/kiosk.log.1", f"pdfs/{visit.visit_id}.pdf",
            "pdfs/from-answers.pdf", "pdfs/by-id.pdf"} <= set(written)
    folders = {"config", "config/fallback", "logs"}
    assert {name: mode for name, mode in written.items() if name not in folders} == {
        name: 0o600 for name in written if name not in folders}
    assert modes(data)["logs"] == modes(data)["config"] == 0o700
    assert data.stat().st_mode & 0o777 == 0o700
    assert plain_hits(data, forms) == [] and plain_hits(pdfs, forms) == []


def test_a_store_from_before_sealing_is_sealed_with_no_plain_copy_left(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    for step in STEPS[:4]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 4")
    flags = ('[{"flag": "saddle-numbness", "at": "2026-01-01T10:00:00+00:00",'
             ' "answers": [["saddle-numbness", "yes"]], "changes": []}]')
    with db:
        db.execute("INSERT INTO visits (id, submitted_at, language, questionnaire_version,"
                   " answers, outcome, category, status, flags) VALUES ('V-0101-ZQ51',"
                   " '2026-01-01T10:00:00+00:00', 'en', '1', ?, ?, 'urgent', 'open', ?)",
                   (f'{{"first-name": "{FIRST}", "last-name": "{LAST}", "birth-date":'
                    f' "{BORN.isoformat()}", "saddle-numbness": "yes"}}',
                    '{"category": "urgent", "reasons": []}', flags))
    assert any(LAST.encode() in p.read_bytes() for p in tmp_path.glob("visits.sqlite3*"))
    store = VisitStore(path)  # the kiosk, updated, starts on it (db still open: no checkpoint)
    db.close()
    old = store.visit("V-0101-ZQ51", shipped.content.questionnaire)
    assert old is not None and old.answers["birth-date"] == BORN
    assert [flag.flag_id for flag in old.fired] == ["saddle-numbness"]
    assert store.visits()[0].flags == ("saddle-numbness",), "the list still names the flag"
    assert Path(f"{path}-wal").stat().st_size == 0, "the WAL was emptied"
    assert plain_hits(tmp_path, patient_forms(shipped)) == []
    assert "sealed at rest: 1 stored visits" in [action for _, action, _ in store.audit_trail()]


def test_files_an_older_kiosk_left_readable_become_private(
        tmp_path: Path, usual_umask: None) -> None:
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    older = [data / "logs" / "kiosk.log", data / "logs" / "kiosk.log.3",
             data / "content-cache.pickle"]
    for path in older[:2]:
        path.write_text("an older kiosk's log line\n", encoding="utf-8")
    load_cached(DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, older[2])
    for path in older:
        path.chmod(0o644)
    with kiosk_logging(data):
        logging.getLogger("kiosk").info("kiosk started")
    load_cached(DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, older[2])  # from the cache
    assert {path.name: path.stat().st_mode & 0o777 for path in older} == {
        path.name: 0o600 for path in older}
    assert "kiosk started" in older[0].read_text(encoding="utf-8")
