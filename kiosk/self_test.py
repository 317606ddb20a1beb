"""`self-test`: what an installer runs to see that the kiosk can work on this machine."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import TextIO

from kiosk.app import Options, load
from kiosk.content.check import summary_line
from kiosk.content.model import Loaded
from kiosk.decoding.errors import ContentInvalid


class CheckFailed(Exception):
    """A check that did not pass, with what to do about it."""


class CheckNote(Exception):
    """A check that passed with something the installer should know (the kiosk still works)."""


def _told(finding: tuple[str, str]) -> str:
    """A finding of another module's check as this one reports it."""
    verdict, text = finding
    if verdict == "fail":
        raise CheckFailed(text)
    if verdict == "note":
        raise CheckNote(text)
    return text


def self_test(options: Options, out: TextIO, as_json: bool = False) -> int:
    """Run each check, print one line per check (or, `as_json`, one JSON object with every
    check and the kiosk's health for a fleet tool), return 1 if any failed."""
    failures = checks = 0
    loaded: Loaded | None = None
    results: list[dict[str, str]] = []

    def say(verdict: str, name: str, detail: str) -> None:
        results.append({"check": name, "verdict": verdict.strip().lower(), "detail": detail})
        if as_json:
            return
        lines = detail.splitlines() or [""]
        print(f"{verdict:<6}{name}: {lines[0]}", file=out)
        for line in lines[1:]:
            print(f"      {line}", file=out)

    def run(name: str, check: Callable[[], str]) -> None:
        nonlocal failures, checks
        checks += 1
        try:
            say("ok", name, check())
        except CheckNote as note:
            say("note", name, str(note))
        except (CheckFailed, ContentInvalid, OSError, sqlite3.Error) as exc:
            failures += 1
            say("FAIL", name, str(exc) or type(exc).__name__)

    def content() -> str:
        nonlocal loaded
        try:
            loaded = load(options)
        except ContentInvalid as invalid:
            raise CheckFailed("\n".join(str(e) for e in invalid.errors)) from None
        return f"{summary_line(loaded)}; clinic {loaded.settings.clinic.name!r}"

    def data() -> str:
        from kiosk import paths

        folder = paths.data_folder(options.data)
        probe = folder / ".self-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        return f"{folder} (writable, mode {oct(folder.stat().st_mode & 0o777)})"

    def home() -> str:
        if loaded is None:
            raise CheckFailed("skipped: content did not load")
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from kiosk.ui.window import KioskWindow, Place

        app = QApplication.instance() or QApplication(sys.argv[:1])
        window = KioskWindow(loaded, kiosk_mode=False)
        window.resize(1280, 800)
        window.go(Place("home"))
        image = window.grab().toImage()
        window.allow_close()
        window.close()
        app.processEvents()
        if image.isNull() or image.width() != 1280:
            raise CheckFailed("the home screen did not render")
        return f"rendered {image.width()}x{image.height()} on {QGuiApplication.platformName()!r}"

    def font() -> str:
        """The theme's font must be the one Qt draws with (the family exactly)."""
        if loaded is None:
            raise CheckFailed("skipped: content did not load")
        from PySide6.QtGui import QFont, QFontInfo
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication(sys.argv[:1])
        wanted = loaded.theme.font_family
        drawn = QFontInfo(QFont([wanted])).family()
        if drawn != wanted:
            raise CheckFailed(f"the theme's font {wanted!r} is not installed: the screens draw"
                              f" in {drawn!r} (Debian: apt-get install fonts-noto-core)")
        return f"the screens draw in {drawn!r}, the theme's font"

    def printers() -> str:
        """The printer the summaries go to must be there (CUPS up, queue known)."""
        from PySide6.QtPrintSupport import QPrinterInfo

        from kiosk.printing.queue import PrinterUnavailable, find_printer

        names = QPrinterInfo.availablePrinterNames()
        seen = ", ".join(names) or "none"
        wanted = loaded.settings.printing.printer if loaded else None
        urgent = loaded.settings.printing.urgent_printer if loaded else None
        try:
            chosen = find_printer(wanted).printerName()
            slips = find_printer(urgent).printerName() if urgent else chosen
        except PrinterUnavailable as missing:
            raise CheckFailed(f"{missing}; printers Qt sees: {seen}") from None
        return (f"summaries go to {chosen!r}, urgent slips to {slips!r};"
                f" printers Qt sees: {seen}")

    def visit_store() -> str:
        """The store opens, its pages are sound, it can be written; nothing waits in the
        fallback file. Looked at, never changed."""
        from kiosk import paths
        from kiosk.records.fallback import FALLBACK_FILE_NAME
        from kiosk.records.sealing import KEY_FILE_NAME
        from kiosk.records.store_health import inspect_store

        path = paths.data_folder(options.data) / "visits.sqlite3"
        key_file = paths.config_folder(options.data) / KEY_FILE_NAME
        problem = inspect_store(path, key_file)
        if problem:
            raise CheckFailed(f"{problem}; the kiosk will move a damaged file aside and"
                              " start a new store, or keep visits in the fallback file")
        fallback = key_file.parent / "fallback" / FALLBACK_FILE_NAME
        if fallback.exists() and fallback.stat().st_size:
            raise CheckFailed(f"visits wait in the fallback file {fallback}: the store was"
                              " out; they move back when the kiosk starts with a working store")
        return f"{path} (sound and writable)" if path.exists() else "no visits stored yet"

    def print_queue() -> str:
        """Visits waiting to print, and why, read from the visit store without changing it."""
        from kiosk import paths
        from kiosk.records.store_health import waiting_jobs

        path = paths.data_folder(options.data) / "visits.sqlite3"
        if not path.exists() or not path.stat().st_size:
            return "no visits stored yet"
        waiting = waiting_jobs(path)
        if not waiting:
            return "nothing waiting"
        errors = {error for error in waiting if error}
        raise CheckFailed(f"{len(waiting)} waiting to print"
                          + (f"; last error: {sorted(errors)[-1]}" if errors else ""))

    def speech() -> str:
        """Read aloud needs espeak-ng, a voice for each language and a sound device."""
        from kiosk.speech.voices import INSTALL_HINT, find_engine

        if loaded is not None and not loaded.settings.speech.enabled:
            return "Read aloud is turned off in the settings (speech: enabled: false)"
        engine = find_engine()
        if engine is None:
            raise CheckFailed("no espeak-ng: Read aloud will be hidden; install it with:"
                              f" {INSTALL_HINT}")
        languages = loaded.content.structure.languages if loaded else ("en", "es")
        voices = {language: engine.voice_for(language) for language in languages}
        found = f"espeak-ng {engine.version}, voices {', '.join(filter(None, voices.values()))}"
        missing = [language for language, voice in voices.items() if voice is None]
        if missing:
            raise CheckFailed(f"{found}; no voice for {', '.join(missing)}: Read aloud will be"
                              f" hidden; install the voices with: {INSTALL_HINT}")
        problem = engine.sound_problem()
        if problem is not None:
            raise CheckNote(f"{found}; no sound device it can use (espeak-ng: {problem}): Read"
                            " aloud is hidden until speakers or headphones work")
        return found

    def record_system() -> str:
        """The clinic's FHIR server, when the settings name one (kiosk/fhir/server_check.py)."""
        if loaded is None:
            raise CheckFailed("skipped: content did not load")
        from kiosk.fhir.publication import Publication
        from kiosk.fhir.server_check import capability

        server = loaded.settings.fhir.server
        unpublished = Publication.of(loaded.content, loaded.settings).unpublished_reason()
        if server is None:
            return "none in the settings (fhir.server): visits are printed, not delivered"
        found = _told(capability(server))
        if unpublished:
            raise CheckNote(f"{found}; but {unpublished}")
        return found

    token: str | None = None

    def credentials() -> str:
        nonlocal token
        from kiosk import paths
        from kiosk.fhir.server_check import credentials_get_through

        assert loaded is not None
        finding, token = credentials_get_through(loaded, paths.config_folder(options.data))
        return _told(finding)

    def questionnaire() -> str:
        from kiosk.fhir.publication import Publication
        from kiosk.fhir.server_check import questionnaire_held

        assert loaded is not None and loaded.settings.fhir.server is not None
        assert token is not None
        publication = Publication.of(loaded.content, loaded.settings)
        return _told(questionnaire_held(loaded.settings.fhir.server, token, publication))

    def deliveries() -> str:
        from kiosk import paths
        from kiosk.fhir.server_check import outbox
        from kiosk.records.store_health import undelivered

        assert loaded is not None
        path = paths.data_folder(options.data) / "visits.sqlite3"
        waiting = undelivered(path) if path.exists() and path.stat().st_size else []
        return _told(outbox(waiting, loaded.settings.fhir.keep_undelivered_hours))

    def health() -> str:
        """The same facts as the staff's Printer and content screen."""
        if loaded is None:
            raise CheckFailed("skipped: content did not load")
        from kiosk import paths
        from kiosk.health import duration, measure, size

        now = measure(paths.data_folder(options.data), loaded)
        running = (f"running for {duration(now.uptime_seconds)}" if now.uptime_seconds
                   is not None else "not running")
        return (f"kiosk {now.kiosk_version}, content {now.content_version}; {running}"
                f" ({now.last_run}); free disk {size(now.free_disk_bytes)}, visit store"
                f" {size(now.store_bytes)}")

    run("settings and content", content)
    run("data folder", data)
    run("home screen", home)
    run("font", font)
    run("printers", printers)
    run("visit store", visit_store)
    run("print queue", print_queue)
    run("speech", speech)
    run("record system", record_system)
    if loaded is not None and loaded.settings.fhir.server is not None:
        run("record system credentials", credentials)
        if token is not None:  # else the credentials' line says why
            run("record system questionnaire", questionnaire)
        run("record system outbox", deliveries)
    run("health", health)
    display = os.environ.get("QT_QPA_PLATFORM", "")
    if as_json:
        from kiosk import paths
        from kiosk.health import measure

        facts = (measure(paths.data_folder(options.data), loaded).as_dict()
                 if loaded is not None else None)
        print(json.dumps({"passed": not failures, "failed": failures, "checks": results,
                          "health": facts}, indent=2), file=out)
    else:
        print(f"{'FAILED' if failures else 'passed'}: {failures} of {checks} checks failed"
              f" (platform {display or 'default'})", file=out)
    return 1 if failures else 0
