"""Read and check the clinic's settings file and the theme, reporting every mistake in both.

A mistake in one never hides one in the other: the theme's colours are all checked even when
one of them is not a colour, and the settings are checked against whatever of the theme and
the content's languages could be read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from kiosk.content.colour import is_hex_colour
from kiosk.content.contrast import measure, with_accent
from kiosk.content.contrast_modes import CONTRAST_MODES
from kiosk.content.instruments import InstrumentPlan, check_instruments_setting
from kiosk.content.limits import Limit, settings_problems, theme_problems
from kiosk.content.record_number import check_record_number
from kiosk.content.settings import FhirSettings, Settings, pin_hash_problem
from kiosk.content.theme import Colours, Palette, Theme, mode_key
from kiosk.content.web_address import definition_address_problem, server_problem
from kiosk.decoding.deadline import Deadline
from kiosk.decoding.decode import Decoder, decode_parts, is_valid
from kiosk.decoding.errors import ContentError, checked, did_you_mean, quoted
from kiosk.decoding.safe_yaml import is_regular_file

Report = Callable[[str, str], None]
#: The screen a kiosk can stand on, and how far away a patient can read it from.
SCREEN_LIMITS = {
    "screen.diagonal_inches": Limit(7, 110, "inches"),
    "screen.viewing_distance_mm": Limit(250, 3000, "mm", "from a touch away to across a"
                                        " small room"),
}


def _reporter(decoder: Decoder, errors: list[ContentError]) -> Report:
    def report(key: str, message: str) -> None:
        errors.append(ContentError(decoder.label, decoder.lines.get(key, 0), key, message))
    return report


def _colour(value: object) -> str | None:
    """`value` when it is a colour like '#1f6f8b'."""
    return value if isinstance(value, str) and is_hex_colour(value) else None


def collect_theme(path: Path, label: str, errors: list[ContentError],
                  deadline: Deadline | None = None) -> tuple[Theme | None, Theme | None]:
    """(the theme when it is correct, what of it could be read) after reporting its errors."""
    decoded = decode_parts(path, label, Theme, errors, deadline)
    theme = decoded.parts
    if theme is None:
        return None, None
    found = len(errors)
    checked(label, errors, lambda: _check_theme(theme, _reporter(decoded.decoder, errors)))
    return (decoded.whole if len(errors) == found else None), theme


def _check_theme(theme: Theme, report: Report) -> None:
    """Every colour of the clinic's look and of each contrast mode, and every pair of them
    the screens draw (the clinic's accent is checked with the settings, which hold it)."""
    _check_colours(theme.colours, "colours", Colours, report)
    modes = theme.contrast_modes
    if is_valid(modes):
        for mode in CONTRAST_MODES[1:]:
            _check_colours(getattr(modes, mode_key(mode)), f"contrast_modes.{mode_key(mode)}",
                           Palette, report)
    for key, problem in theme_problems(theme):
        report(key, problem)


def _check_colours(colours: Colours, key: str, kind: type[Colours], report: Report) -> None:
    if not is_valid(colours):
        return
    for field in dataclasses.fields(kind):
        value = getattr(colours, field.name)
        if is_valid(value) and _colour(value) is None:
            report(f"{key}.{field.name}", f"{quoted(value)} is not a colour like '#1f6f8b'")
    for measured in measure(lambda name: _colour(getattr(colours, name, None))):
        pair = measured.pair  # a colour that is not one is reported above, not measured
        if not measured.enough:
            report(f"{key}.{pair.ink}", f"contrast on {pair.ground} is {measured.ratio:.1f}:1;"
                                        f" at least {pair.minimum:g}:1 is needed")


def collect_settings(path: Path, label: str, errors: list[ContentError],
                     languages: tuple[str, ...] | None, theme: Theme | None,
                     deadline: Deadline | None = None,
                     instruments: InstrumentPlan | None = None) -> Settings | None:
    """The settings when they are correct, after reporting every error. `languages` are the
    content's (None when they could not be read), `theme` what of it could be read, and
    `instruments` what the kiosk.instruments setting may list."""
    decoded = decode_parts(path, label, Settings, errors, deadline)
    settings = decoded.parts
    if settings is None:
        return None
    found = len(errors)
    report = _reporter(decoded.decoder, errors)
    checked(label, errors, lambda: _check_settings(settings, path, languages, theme, report,
                                                   instruments))
    whole = decoded.whole
    if whole is None or len(errors) != found:
        return None
    logo = whole.clinic.logo
    if logo is None:
        return whole
    try:
        resolved = str((path.parent / logo).resolve())  # a plain file: no loop to follow
    except (OSError, RuntimeError, ValueError):
        report("clinic.logo", f"no image file {quoted(logo)} next to the settings file")
        return None
    return dataclasses.replace(whole, clinic=dataclasses.replace(whole.clinic, logo=resolved))


def _check_settings(settings: Settings, path: Path, languages: tuple[str, ...] | None,
                    theme: Theme | None, report: Report,
                    instruments: InstrumentPlan | None = None) -> None:
    clinic = settings.clinic
    if is_valid(clinic):
        accent = clinic.accent_color
        if isinstance(accent, str) and not is_hex_colour(accent):
            report("clinic.accent_color", f"{quoted(accent)} is not a colour like '#1f6f8b'")
        elif isinstance(accent, str) and theme is not None and is_valid(theme.colours):
            for measured in with_accent(theme.colours, accent):
                if not measured.enough:
                    pair = measured.pair
                    report("clinic.accent_color", f"{pair.seen_as}: contrast"
                           f" {measured.ratio:.1f}:1; at least {pair.minimum}:1 is needed"
                           " (choose a darker colour)")
        logo = clinic.logo
        if isinstance(logo, str) and not is_regular_file(path.parent / logo):
            report("clinic.logo", f"no image file {quoted(logo)} next to the settings file")
    for key, part in (("kiosk.language", settings.kiosk),
                      ("printing.language", settings.printing)):
        language = getattr(part, "language", None)
        if languages is not None and isinstance(language, str) and language not in languages:
            report(key, f"{quoted(language)} is not one of the content's languages"
                   + did_you_mean(language, languages))
    for key, problem in settings_problems(settings):
        report(key, problem)
    if is_valid(settings.kiosk):
        check_record_number(settings.kiosk, languages, report)
        check_instruments_setting(settings.kiosk, instruments, report)
    for key, limit in SCREEN_LIMITS.items():
        value = getattr(getattr(settings, "screen", None), key.split(".")[1], None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            screen_problem = limit.problem(value)
            if screen_problem is not None:
                report(key, screen_problem)
    if is_valid(settings.fhir):
        _check_fhir(settings.fhir, report)
    pin_hash = getattr(settings.staff, "pin_hash", None)
    if isinstance(pin_hash, str):
        pin_problem = pin_hash_problem(pin_hash)
        if pin_problem is not None:  # says what is weak, never the hash itself
            report("staff.pin_hash", pin_problem)


#: A name for one kiosk of a clinic group: it goes into every visit identifier it sends.
KIOSK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,19}")


def _check_fhir(fhir: FhirSettings, report: Report) -> None:
    """The FHIR addresses are absolute (https, or http on this machine), and the base is
    one a canonical can be built on (no query, fragment or closing slash)."""
    base = fhir.canonical_base
    if isinstance(base, str):
        problem = definition_address_problem(base)
        if problem is None and (base.endswith("/") or "?" in base or "#" in base):
            problem = "ends the address before any closing '/', '?' or '#'"
        if problem is not None:
            report("fhir.canonical_base", f"{quoted(base)}: {problem}")
    for key in ("identifier_system", "record_number_system"):
        system = getattr(fhir, key)
        if isinstance(system, str) and not system.startswith("urn:"):
            problem = definition_address_problem(system)
            if problem is not None:
                report(f"fhir.{key}", f"{quoted(system)}: {problem} (or a urn:)")
    if isinstance(fhir.server, str) and (problem := server_problem(fhir.server)) is not None:
        report("fhir.server", f"{quoted(fhir.server)}: {problem}")
    smart = (fhir.client_id, fhir.private_key_file)
    if (smart[0] is None) != (smart[1] is None):
        given, missing = ("client_id", "private_key_file") if smart[1] is None else (
            "private_key_file", "client_id")
        report(f"fhir.{given}", f"SMART Backend Services needs fhir.{missing} too")
    elif smart[0] is not None and fhir.token_file is not None:
        report("fhir.token_file", "give either a token file or SMART Backend Services"
               " (client_id and private_key_file), not both")
    name = fhir.kiosk_name
    if isinstance(name, str) and not KIOSK_NAME.fullmatch(name):
        report("fhir.kiosk_name", f"{quoted(name)} is not a short name of letters, digits and"
               " '-' (at most 20), e.g. lobby-1")
