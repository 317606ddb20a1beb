"""Composition root: loads settings and content, builds the window, and wires them together.

Content is loaded before Qt is imported: once PySide6 is in, every later import pays for its
import hook, and the YAML reader and the domain modules are better read without it.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.files import DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME

if TYPE_CHECKING:  # the content model is imported with the content, not before the first frame
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.content.model import Loaded


log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line chose."""

    settings: Path = DEFAULT_SETTINGS
    content: Path = DEFAULT_CONTENT
    theme: Path = DEFAULT_THEME
    data: Path | None = None
    windowed: bool = False
    out_of_order: bool = False  # the service failed to start too often: patients see why not


def load(options: Options) -> Loaded:
    from kiosk.content.loader import load_all

    return load_all(options.content, options.settings, options.theme)


def load_or_say(options: Options) -> Loaded | None:
    """The clinic's files for a command, or None after printing every error on stderr."""
    from kiosk.decoding.errors import ContentInvalid

    try:
        return load(options)
    except ContentInvalid as invalid:
        print(invalid, file=sys.stderr)
        return None


def load_or_log(options: Options, cache_file: Path | None = None) -> Loaded | None:
    """The clinic's files (through the cache when given), or None after logging every error."""
    from kiosk.decoding.errors import ContentInvalid

    try:
        if cache_file is None:
            return load(options)
        from kiosk.content.cache import load_cached

        return load_cached(options.content, options.settings, options.theme, cache_file)
    except ContentInvalid as invalid:
        log.error("content or settings are invalid; showing the out-of-order screen")
        for error in invalid.errors:
            log.error("%s", error)
        return None


def window_for(loaded: Loaded | None, kiosk_mode: bool = True,
               back_office: Loaded | None = None) -> QWidget:
    """The kiosk window. When the clinic's files are broken (`loaded` is None), the window runs
    out of order on the `back_office` content: patients see only the out-of-order message and
    staff mode still opens. With no content at all, the out-of-order screen on its own."""
    if loaded is None and back_office is None:
        from kiosk.ui.screens.out_of_order import OutOfOrderScreen

        log.error("no good content to fall back on: staff mode cannot open until the files"
                  " are fixed and the kiosk restarted")
        return OutOfOrderScreen(kiosk_mode)
    from kiosk.ui.window import KioskWindow

    if loaded is None:
        assert back_office is not None
        log.warning("out of order for patients; staff mode still opens behind the screen")
        return KioskWindow(back_office, kiosk_mode=kiosk_mode, out_of_order=True)
    return KioskWindow(loaded, kiosk_mode=kiosk_mode)


def build_window(options: Options, kiosk_mode: bool = True) -> QWidget:
    return window_for(load_or_log(options), kiosk_mode)


def start(options: Options, data: Path | None = None) -> tuple[QApplication, QWidget]:
    """Everything up to a window ready to show: content first, then Qt. With a data folder,
    the content cache and the visit store live there."""
    loaded = load_or_log(options, data / "content-cache.pickle" if data else None)
    app = application()
    back_office = loaded if data is None else loaded or last_good(data)
    if options.out_of_order:
        log.error("started out of order on purpose: the kiosk failed to start too often (the"
                  " log above says why); staff mode still opens")
        loaded = None
    window = window_for(loaded, not options.windowed, back_office)
    from kiosk.ui.window import KioskWindow

    if isinstance(window, KioskWindow):
        window.settings_path = options.settings
        window.content_loader = lambda: load(options)
        # The keyboard's view is made before the window is first shown (a Qt Quick view added
        # later is drawn only after the window is shown again, and on a bare X server the
        # window then never gets the input focus back); its keys load after the first frame.
        window.prepare_keyboard(keys_now=False)
        from kiosk.ui.after_paint import after_first_paint

        after_first_paint(window, window.prepare_keyboard)  # now its keys
        after_first_paint(window, window.look_for_voice)
    if data is not None and back_office is not None:
        # The store, the retention pass and the printer are needed minutes later, not for
        # the first frame: they start right after it. Behind the out-of-order screen they
        # keep running on the last good content, so queued visits still print and old ones
        # are still deleted on time.
        from kiosk.ui.after_paint import after_first_paint

        after_first_paint(window, lambda: open_back_office(window, back_office, options, data))
    return app, window


def application() -> QApplication:
    """The kiosk's QApplication (made on the first call), with Qt's messages going to the log
    and the on-screen keyboard chosen as its input method."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.input_method import choose_virtual_keyboard
    from kiosk.ui.qt_messages import route_to_log

    route_to_log()
    choose_virtual_keyboard()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("spine-kiosk")
    return app


def open_back_office(window: QWidget, loaded: Loaded, options: Options, data: Path) -> None:
    """The visit store, retention and the printer (their modules are imported only now)."""
    from kiosk import paths
    from kiosk.back_office import keep_visits
    from kiosk.records.sealing import KEY_FILE_NAME

    key_file = paths.config_folder(options.data) / KEY_FILE_NAME
    keep_visits(window, loaded, data / "visits.sqlite3", key_file)


def last_good(data: Path) -> Loaded | None:
    """The content and settings the kiosk last ran with (from the cache), for the back office
    while a broken edit keeps the screens out of order; failing that, the shipped ones."""
    from kiosk.content.cache import load_last_good

    loaded = load_last_good(data / "content-cache.pickle")
    if loaded is not None:
        log.warning("printing, retention and staff mode go on with the last good content and"
                    " settings")
        return loaded
    from kiosk.decoding.errors import ContentInvalid

    try:
        loaded = load(Options())
    except ContentInvalid:
        return None
    log.warning("printing, retention and staff mode go on with the shipped content and"
                " settings (the clinic's own printer choice and staff PIN are not known until"
                " the files are fixed)")
    return loaded
