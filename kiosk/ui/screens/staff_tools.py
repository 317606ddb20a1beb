"""Staff tools: which printer summaries go to, a test print, and the content check and reload.

A test page says where it went, or plainly why it could not go (no printer set up, the chosen
one missing, a printer error) and what to do. Check and Load read every content file again.
Whatever is wrong with them, the front desk sees it here, file and line first, in a list that
scrolls; nothing a clinic puts in the files can leave these buttons silent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords, Loaded
from kiosk.decoding.errors import ContentError, ContentInvalid
from kiosk.health import Health, duration, moment, size
from kiosk.records.store import VisitStore
from kiosk.ui.flick import touch_scroll
from kiosk.ui.nesting import nest
from kiosk.ui.parts import FlowRow, StaffScreen, breakable, button, set_button_text, text

log = logging.getLogger(__name__)
#: Errors listed on the screen; `kiosk check-content` lists every one.
ERRORS_SHOWN = 40


def error_list(invalid: ContentInvalid) -> str:
    """The errors as the front desk reads them: one a line, any long word breakable."""
    lines = [breakable(str(error)) for error in invalid.errors[:ERRORS_SHOWN]]
    hidden = len(invalid.errors) - ERRORS_SHOWN
    if hidden > 0:
        lines.append(f"… +{hidden}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class PrintCheck:
    """What became of the test page: `sent` to `printer`; `no_printer` set up at all; the
    chosen `printer` `missing`; or `failed` with `error`."""

    outcome: Literal["sent", "no_printer", "missing", "failed"]
    printer: str = ""
    error: str = ""


def print_check_words(page: PrintCheck, words: LanguageWords) -> str:
    staff = words.staff
    if page.outcome == "sent":
        return staff.test_print_sent.format(printer=page.printer)
    if page.outcome == "missing":
        return staff.test_print_missing.format(printer=page.printer)
    if page.outcome == "failed":
        return staff.test_print_failed.format(error=page.error)
    return staff.test_print_no_printer


@dataclass(frozen=True, slots=True)
class StaffHooks:
    """What the tools need from the rest of the kiosk (given by the window)."""

    current_printer: Callable[[], str | None]
    choose_printer: Callable[[str], None]
    last_error: Callable[[], str | None]
    test_print: Callable[[], PrintCheck]
    load_again: Callable[[], Loaded]
    use_content: Callable[[Loaded], None]
    health: Callable[[], Health | None]


class StaffToolsScreen(StaffScreen):
    """Emits `back` for the visits list."""

    back = Signal()

    def __init__(self, store: VisitStore, loaded: Loaded, hooks: StaffHooks) -> None:
        super().__init__("staff_tools", loaded.content.words(loaded.settings.printing.language))
        self._store = store
        self._loaded = loaded
        self._hooks = hooks
        self._title = text("", "title", "staff_tools_title")
        self._printers_title = text("", "subtitle")
        self._printer_row = QHBoxLayout()
        self._printer_buttons: list[QPushButton] = []
        self._error = text("", "warning", "staff_last_error")
        self._test = button("staff_test_print")
        self._test.clicked.connect(self._test_print)
        self._content_title = text("", "subtitle")
        self._settings = text("", "muted", "staff_settings_line")
        self._health_title = text("", "subtitle")
        self._health = text("", "muted", "staff_health")
        self._check = button("staff_check_content")
        self._reload = button("staff_reload_content")
        self._check.clicked.connect(self._check_content)
        self._reload.clicked.connect(self._reload_content)
        self._message = text("", "", "staff_tools_message")
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self._message)
        message_layout.addStretch(1)
        message_scroll = touch_scroll("staff_tools_message_scroll", message_page)
        self._back = button("staff_tools_back", "primary")
        self._back.clicked.connect(self.back)
        content_row = FlowRow("staff_content_actions")  # one under the other when narrow
        content_row.add(self._check)
        content_row.add(self._reload)
        content_row.add_stretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        for part in (self._title, self._printers_title):
            layout.addWidget(part)
        nest(layout, self._printer_row)
        layout.addWidget(self._error)
        layout.addWidget(self._test, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._content_title)
        layout.addWidget(self._settings)
        layout.addWidget(content_row)
        layout.addWidget(self._health_title)
        layout.addWidget(self._health)
        layout.addWidget(message_scroll, 1)
        layout.addWidget(self._back)

    def refresh(self) -> None:
        staff = self.staff_words.staff
        while self._printer_buttons:
            old = self._printer_buttons.pop()
            self._printer_row.removeWidget(old)
            old.deleteLater()
        current = self._hooks.current_printer()
        for name in QPrinterInfo.availablePrinterNames():
            choice = button(f"staff_printer_{name}", "choice")
            choice.setCheckable(True)
            choice.setChecked(name == current)
            set_button_text(choice, ("\u2713 " if name == current else "") + name)
            choice.clicked.connect(lambda _=False, n=name: self._choose(n))
            self._printer_row.addWidget(choice)
            choice.show()
            self._printer_buttons.append(choice)
        error = self._hooks.last_error()
        self._error.setText(staff.last_error.format(error=error) if error else
                            ("" if self._printer_buttons else staff.no_printers))
        kiosk, printing = self._loaded.settings.kiosk, self._loaded.settings.printing
        self._settings.setText(staff.settings_line.format(
            idle=f"{kiosk.idle_seconds:g}", warning=f"{kiosk.warning_seconds:g}",
            retention=f"{printing.retention_hours:g}"))
        self._show_health()

    def _show_health(self) -> None:
        staff = self.staff_words.staff
        health = self._hooks.health()
        self._health_title.setText(staff.health_title)
        self._health_title.setVisible(health is not None)
        self._health.setVisible(health is not None)
        if health is None:
            return
        outbox = (f"{health.waiting_for_record_system} / {health.refused_by_record_system}"
                  if health.record_system else "-")
        self._health.setText(staff.health_line.format(
            version=health.kiosk_version, content=health.content_version,
            uptime=duration(health.uptime_seconds), last_run=self._last_run(health),
            free=size(health.free_disk_bytes), store=size(health.store_bytes),
            printing=health.waiting_to_print, outbox=outbox))

    def _last_run(self, health: Health) -> str:
        staff = self.staff_words.staff
        if health.last_run_kind == "stopped":
            return staff.health_last_stopped.format(at=moment(health.last_run_at))
        if health.last_run_kind == "unstopped":
            return staff.health_last_unstopped.format(at=moment(health.last_run_at))
        return staff.health_last_first

    def _choose(self, name: str) -> None:
        self._hooks.choose_printer(name)
        self._store.audit(f"printer changed to {name}")
        self._message.setText(self.staff_words.staff.printer_chosen.format(printer=name))
        self.refresh()

    def _test_print(self) -> None:
        page = self._hooks.test_print()
        self._store.audit(f"test print: {page.outcome}")
        self._message.setText(print_check_words(page, self.staff_words))
        self.refresh()

    def _load_again(self) -> Loaded | ContentInvalid:
        """The files read again, or what is wrong with them. Loading turns every mistake in
        the files into a content error; anything else (a fault of the kiosk itself) is logged
        and shown the same way rather than lost."""
        try:
            return self._hooks.load_again()
        except ContentInvalid as invalid:
            return invalid
        except Exception as fault:
            log.exception("reading the content again failed")
            return ContentInvalid([ContentError("content", 0, "", "could not be read again"
                                                f" ({type(fault).__name__}: {fault})")])

    def _check_content(self) -> None:
        result = self._load_again()
        if isinstance(result, ContentInvalid):
            self._message.setText(error_list(result))
            return
        self._message.setText(self.staff_words.staff.content_ok)

    def _reload_content(self) -> None:
        staff = self.staff_words.staff
        result = self._load_again()
        if isinstance(result, ContentInvalid):
            self._store.audit("content reload refused")
            self._message.setText(staff.reload_refused + "\n" + error_list(result))
            return
        self._store.audit("content reloaded")
        self._hooks.use_content(result)

    def show_staff_words(self, words: LanguageWords) -> None:
        staff = words.staff
        self._title.setText(staff.tools)
        self._printers_title.setText(staff.printers_title)
        self._content_title.setText(staff.content_title)
        set_button_text(self._test, staff.test_print)
        set_button_text(self._check, staff.check_content)
        set_button_text(self._reload, staff.reload_content)
        set_button_text(self._back, staff.back_to_visits)
        self.refresh()

