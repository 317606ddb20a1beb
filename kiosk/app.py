"""Composition root: loads settings and content, builds the window, and wires them together."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kiosk.content.errors import ContentInvalid
from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME, Loaded, load_all

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line chose."""

    settings: Path = DEFAULT_SETTINGS
    content: Path = DEFAULT_CONTENT
    theme: Path = DEFAULT_THEME
    data: Path | None = None
    windowed: bool = False


def load(options: Options) -> Loaded:
    return load_all(options.content, options.settings, options.theme)


def build_window(options: Options, kiosk_mode: bool = True) -> QWidget:
    """The kiosk window, or the out-of-order screen when the clinic's files are broken."""
    try:
        loaded = load(options)
    except ContentInvalid as invalid:
        log.error("content or settings are invalid; showing the out-of-order screen")
        for error in invalid.errors:
            log.error("%s", error)
        from kiosk.ui.screens.out_of_order import OutOfOrderScreen

        return OutOfOrderScreen(kiosk_mode)
    from kiosk.ui.window import KioskWindow

    return KioskWindow(loaded, kiosk_mode=kiosk_mode)
