"""Read and check the clinic's settings file and the theme, reporting every mistake in both.

A mistake in one never hides one in the other: the theme's colours are all checked even when
one of them is not a colour, and the settings are checked against whatever of the theme and
the content's languages could be read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from kiosk.content.colour import MIN_TEXT_CONTRAST, contrast_ratio, is_hex_colour
from kiosk.content.limits import settings_problems, theme_problems
from kiosk.content.settings import Settings, pin_hash_problem
from kiosk.content.theme import Colours, Theme
from kiosk.decoding.deadline import Deadline
from kiosk.decoding.decode import Decoder, decode_parts, is_valid
from kiosk.decoding.errors import ContentError, checked, did_you_mean, quoted
from kiosk.decoding.safe_yaml import is_regular_file

Report = Callable[[str, str], None]
#: Text and background pairs of the theme that must be readable.
READABLE_PAIRS = (("text", "background"), ("text", "surface"), ("muted", "background"),
                  ("muted", "surface"), ("urgent", "surface"))


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
    colours = theme.colours
    if is_valid(colours):
        for field in dataclasses.fields(Colours):
            value = getattr(colours, field.name)
            if is_valid(value) and _colour(value) is None:
                report(f"colours.{field.name}", f"{quoted(value)} is not a colour like"
                                                " '#1f6f8b'")
        for fg, bg in READABLE_PAIRS:
            text, ground = _colour(getattr(colours, fg)), _colour(getattr(colours, bg))
            if text is None or ground is None:
                continue  # a colour that is not one is reported above
            ratio = contrast_ratio(text, ground)
            if ratio < MIN_TEXT_CONTRAST:
                report(f"colours.{fg}", f"contrast on {bg} is {ratio:.1f}:1;"
                                        f" at least {MIN_TEXT_CONTRAST}:1 is needed")
    for key, problem in theme_problems(theme):
        report(key, problem)


def collect_settings(path: Path, label: str, errors: list[ContentError],
                     languages: tuple[str, ...] | None, theme: Theme | None,
                     deadline: Deadline | None = None) -> Settings | None:
    """The settings when they are correct, after reporting every error. `languages` are the
    content's (None when they could not be read) and `theme` what of it could be read."""
    decoded = decode_parts(path, label, Settings, errors, deadline)
    settings = decoded.parts
    if settings is None:
        return None
    found = len(errors)
    report = _reporter(decoded.decoder, errors)
    checked(label, errors, lambda: _check_settings(settings, path, languages, theme, report))
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
                    theme: Theme | None, report: Report) -> None:
    clinic = settings.clinic
    if is_valid(clinic):
        accent = clinic.accent_color
        on_accent = _colour(getattr(getattr(theme, "colours", None), "on_accent", None))
        if isinstance(accent, str) and not is_hex_colour(accent):
            report("clinic.accent_color", f"{quoted(accent)} is not a colour like '#1f6f8b'")
        elif isinstance(accent, str) and on_accent is not None:
            ratio = contrast_ratio(accent, on_accent)
            if ratio < MIN_TEXT_CONTRAST:
                report("clinic.accent_color", f"button text on this colour has contrast"
                       f" {ratio:.1f}:1; at least {MIN_TEXT_CONTRAST}:1 is needed (choose a"
                       " darker colour)")
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
    pin_hash = getattr(settings.staff, "pin_hash", None)
    if isinstance(pin_hash, str):
        pin_problem = pin_hash_problem(pin_hash)
        if pin_problem is not None:  # says what is weak, never the hash itself
            report("staff.pin_hash", pin_problem)
