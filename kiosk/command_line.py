"""The `kiosk` command line: its commands and options (kiosk/cli.py runs them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.content.contrast_modes import CONTRAST_MODES


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size like 1920x1080") from None
    if width < 320 or height < 320:
        raise argparse.ArgumentTypeError("the smallest screen is 320x320")
    return width, height


def command_parser() -> argparse.ArgumentParser:
    """Every command and option of `kiosk`."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--settings", type=Path, default=argparse.SUPPRESS,
                        help="the clinic's settings file (default: resources/settings.yaml)")
    common.add_argument("--content", type=Path, default=argparse.SUPPRESS,
                        help="the clinic's content folder (default: resources/content)")
    common.add_argument("--data", type=Path, default=argparse.SUPPRESS,
                        help="data folder for logs and visits (default: the platform's)")
    parser = argparse.ArgumentParser(
        prog="kiosk", parents=[common],
        description="Waiting-room kiosk for spine clinics. Without a command, runs the kiosk.")
    parser.add_argument("--windowed", action="store_true",
                        help="run in a 1280x800 window instead of full-screen kiosk mode")
    parser.add_argument("--out-of-order", action="store_true",
                        help="show patients only the out-of-order screen (staff mode still"
                        " opens): what the service runs after the kiosk failed to start too often")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check-content", parents=[common],
                                help="validate content and settings, listing every error")
    check.add_argument("folder", nargs="?", type=Path, help="content folder to check")
    preview = commands.add_parser("preview", parents=[common],
                                  help="render every screen to PNG files")
    preview.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    preview.add_argument("--lang", default=None, help="language (default: the settings')")
    preview.add_argument("--size", type=_size, default=(1920, 1080), help="WxH, e.g. 1280x800")
    preview.add_argument("--text-size", choices=("normal", "large", "largest"), default=None)
    preview.add_argument("--theme", choices=(*CONTRAST_MODES, "all"), default="clinic",
                         help="contrast mode (default: clinic); all: a folder for each mode")
    simulate = commands.add_parser("simulate", parents=[common],
                                   help="run an answer file through the questionnaire and rules")
    simulate.add_argument("answers", type=Path, help="YAML file of `question-id: answer` pairs")
    simulate.add_argument("--lang", default=None, help="language of the report")
    summary = commands.add_parser("summary", parents=[common],
                                  help="write the specialist's summary of a visit as a PDF")
    summary.add_argument("visit", help="a stored visit's id, or a simulate-style answer file")
    summary.add_argument("--pdf", type=Path, required=True, help="the PDF file to write")
    summary.add_argument("--lang", default=None,
                         help="with an answer file: the language the patient used")
    summary.add_argument("--copy", action="store_true", help="mark it COPY (a reprint)")
    export = commands.add_parser("export-fhir", parents=[common],
                                 help="write the questionnaire or a visit as FHIR R4 JSON")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--questionnaire", action="store_true",
                      help="the Questionnaire and its CodeSystem")
    what.add_argument("--bundle", metavar="VISIT_ID|FILE",
                      help="a stored visit's, or an answer file's, transaction Bundle (Patient,"
                      " QuestionnaireResponse, Flags, score Observations)")
    export.add_argument("out", type=Path, help="the JSON file to write")
    export.add_argument("--lang", default=None,
                        help="language of texts and choice words (default: the printing one)")
    commands.add_parser("set-pin", parents=[common],
                        help="set the staff PIN (asked twice, never shown; stored as a hash)")
    key = commands.add_parser("fhir-key", parents=[common],
                              help="show (or make, --new) the kiosk's key for SMART Backend"
                              " Services and print the key set to register")
    key.add_argument("--new", action="store_true", help="make a new key (EC P-384, ES384)")
    key.add_argument("--rsa", action="store_true", help="with --new: an RSA key (RS384)")
    key.add_argument("--replace", action="store_true",
                     help="with --new: replace the key in place (register the new one)")
    test = commands.add_parser("self-test", parents=[common],
                        help="check an installation: files, data folder, display, printers")
    test.add_argument("--json", action="store_true",
                      help="one JSON object: every check and the kiosk's health")
    return parser
