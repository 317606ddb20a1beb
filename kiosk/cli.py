"""Command line: run the kiosk, check content, preview screens, self-test an installation."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app import Options
from kiosk.command_line import command_parser
from kiosk.content.files import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME

if TYPE_CHECKING:
    from kiosk.fhir.client_key import Algorithm

ROOT_REFUSED = ("kiosk: kiosk mode does not run as root: run the kiosk as its own unprivileged"
                " user; see README (Staff mode). To try it as root on a desktop: --windowed")


def _content_folder(args: argparse.Namespace) -> Path:
    folder: Path | None = getattr(args, "folder", None)
    if folder is not None:
        return folder
    content: Path = getattr(args, "content", DEFAULT_CONTENT)
    return content


def _options(args: argparse.Namespace) -> Options:
    return Options(
        settings=getattr(args, "settings", DEFAULT_SETTINGS),
        content=_content_folder(args),
        theme=DEFAULT_THEME,
        data=getattr(args, "data", None),
        windowed=getattr(args, "windowed", False),
        out_of_order=getattr(args, "out_of_order", False),
    )


def main(argv: Sequence[str] | None = None) -> int:
    from kiosk.system_locale import ensure_usable_locale

    replaced = ensure_usable_locale()  # before Qt reads it
    if replaced:
        print(f"kiosk: the locale {replaced!r} is not installed here; using C.UTF-8",
              file=sys.stderr)
    args = command_parser().parse_args(argv)
    options = _options(args)
    if args.command == "check-content":
        from kiosk.content.check import check

        return check(options.content, options.settings, options.theme, sys.stdout)
    if args.command == "simulate":
        return _simulate(options, args.answers, args.lang)
    if args.command == "set-pin":
        return _set_pin(options)
    if args.command == "export-fhir":
        from kiosk.fhir.command import export_fhir

        return export_fhir(options, args.questionnaire, args.bundle,
                           args.out, args.lang)
    if args.command == "fhir-key":
        return _fhir_key(options, args.new, "RS384" if args.rsa else "ES384", args.replace)
    if args.command == "summary":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _summary(options, args.visit, args.pdf, args.lang, args.copy)
    if args.command == "preview":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.ui.keyboard import enable_virtual_keyboard

        enable_virtual_keyboard()
        from kiosk.preview import preview
        from kiosk.ui.qt_messages import routed_to_log

        with routed_to_log():
            return preview(options, args.out, args.lang, args.size, args.text_size,
                           args.theme)
    if args.command == "self-test":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.self_test import self_test
        from kiosk.ui.qt_messages import routed_to_log

        with routed_to_log():
            return self_test(options, sys.stdout, args.json)
    if not options.windowed and _is_root():
        print(ROOT_REFUSED, file=sys.stderr)
        return 2
    return run_kiosk(options)


def _is_root() -> bool:
    """Running with root's powers: a kiosk left in front of the public must not."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _simulate(options: Options, answers: Path, language: str | None) -> int:
    from kiosk.app import load_or_say
    from kiosk.content.simulate import simulate

    loaded = load_or_say(options)
    if loaded is None:
        return 1
    language = language or loaded.settings.kiosk.language
    if language not in loaded.content.structure.languages:
        print(f"no language {language!r}", file=sys.stderr)
        return 2
    return simulate(answers, loaded.content, language, sys.stdout)


def _set_pin(options: Options, ask: Callable[[str], str] | None = None) -> int:
    """Ask for the new PIN twice without echo; write only its salted hash to the settings.
    A PIN pad locked or held after too many wrong PINs opens again."""
    from getpass import getpass

    from kiosk.content.settings_file import set_value
    from kiosk.records.staff_pin import PinRefused, check_new_pin, hash_pin

    ask = ask or getpass
    pin = ask("New staff PIN (4 or more digits): ")
    try:
        check_new_pin(pin)
    except PinRefused as refused:
        print(f"PIN not set: {refused}", file=sys.stderr)
        return 1
    if ask("The same PIN again: ") != pin:
        print("PIN not set: the two PINs differ", file=sys.stderr)
        return 1
    set_value(options.settings, "staff", "pin_hash", hash_pin(pin))
    print(f"staff PIN set in {options.settings}")
    print(_lift_pin_hold(options.data))
    print("A running kiosk uses the new PIN once it is restarted.")
    return 0


def _lift_pin_hold(data: Path | None) -> str:
    """End any lock or hold of the PIN pad in the kiosk's visit store; says what it did."""
    import sqlite3

    from platformdirs import user_data_path

    from kiosk.paths import APP_NAME, config_folder
    from kiosk.records.sealing import KEY_FILE_NAME
    from kiosk.records.store import VisitStore

    folder = data if data is not None else user_data_path(APP_NAME, appauthor=False)
    path = folder / "visits.sqlite3"
    if not path.is_file():
        return (f"No visit store in {folder}, so no PIN pad lock to lift there (a kiosk"
                " keeping its data elsewhere: run set-pin again with --data FOLDER).")
    try:
        store = VisitStore(path, config_folder(data) / KEY_FILE_NAME, beside_kiosk=True)
    except (OSError, RuntimeError, sqlite3.Error) as failed:
        return f"The PIN pad lock in {path} could not be lifted: {failed}"
    try:
        lifted = store.pin_set_by_it()
    finally:
        store.close()
        _give_back(path)
    return ("The PIN pad was locked after too many wrong PINs; it is open again." if lifted
            else "The PIN pad was not locked.")


def _give_back(store: Path) -> None:
    """SQLite's files beside the store stay its owner's, though set-pin ran as root."""
    if not _is_root():
        return
    owner = store.stat()
    for extra in (Path(f"{store}-wal"), Path(f"{store}-shm")):
        if extra.exists():
            os.chown(extra, owner.st_uid, owner.st_gid)


def _fhir_key(options: Options, new: bool, algorithm: Algorithm, replace: bool) -> int:
    from kiosk import paths
    from kiosk.app import load_or_say
    from kiosk.fhir.key_command import fhir_key

    loaded = load_or_say(options)
    if loaded is None:
        return 1
    return fhir_key(loaded.settings.fhir, options.settings, paths.config_folder(options.data),
                    sys.stdout, sys.stderr, new, algorithm, replace)


def _summary(options: Options, visit: str, pdf: Path, language: str | None,
             copy: bool) -> int:
    from kiosk import paths
    from kiosk.app import load_or_say
    from kiosk.printing.summary_command import summary_from_answers

    loaded = load_or_say(options)
    if loaded is None:
        return 1
    if Path(visit).is_file():
        return summary_from_answers(Path(visit), loaded, pdf, language=language, copy=copy)
    from PySide6.QtGui import QGuiApplication

    from kiosk.printing.summary_command import save_summary_pdf
    from kiosk.records.sealing import KEY_FILE_NAME
    from kiosk.records.store import VisitStore

    store_path = paths.data_folder(options.data) / "visits.sqlite3"
    key_file = paths.config_folder(options.data) / KEY_FILE_NAME
    stored = VisitStore(store_path, key_file, beside_kiosk=True).visit(
        visit, loaded.content.questionnaire) if store_path.exists() else None
    if stored is None:
        print(f"no stored visit {visit!r} (and no answer file of that name)", file=sys.stderr)
        return 1
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    save_summary_pdf(stored, loaded, pdf, copy)
    app.processEvents()
    print(f"wrote {pdf}: visit {stored.visit_id}")
    return 0


def run_kiosk(options: Options) -> int:
    """Start the kiosk and run until staff exit it (or, windowed, until the window closes)."""
    from kiosk.running import run_kiosk as run

    return run(options)


if __name__ == "__main__":
    sys.exit(main())
