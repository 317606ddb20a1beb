"""Staff tools, as the kiosk window runs them: the printer choice, the test page, the content.

A mix-in of the window (through StaffFlow). The test page is an invented patient's summary,
sent straight to the printer in use; whatever happens to it is told back to the tools screen,
so staff never read "sent" when nothing could go out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from kiosk.content.model import Loaded
from kiosk.decoding.errors import ContentInvalid
from kiosk.ui.parts import Screen
from kiosk.ui.place import Place

if TYPE_CHECKING:
    from kiosk.health import Health
    from kiosk.printing.queue import PrintQueue
    from kiosk.records.store import VisitStore
    from kiosk.ui.screens.staff_tools import PrintCheck, StaffToolsScreen

log = logging.getLogger(__name__)


class StaffToolsFlow:
    """The tools part of staff mode (see StaffFlow and KioskWindow)."""

    store: VisitStore | None
    print_queue: PrintQueue | None
    settings_path: Path | None
    content_loader: Callable[[], Loaded] | None
    _loaded: Loaded

    if TYPE_CHECKING:
        def page(self, name: str) -> Screen: ...
        def go(self, place: Place, remember: bool = True) -> None: ...
        def use_content(self, loaded: Loaded) -> None: ...
        def _show_dashboard(self) -> None: ...

    def _open_tools(self) -> None:
        cast("StaffToolsScreen", self.page("staff_tools")).refresh()
        self.go(Place("staff_tools"), remember=False)

    def _make_tools(self) -> Screen:
        from kiosk.ui.screens.staff_tools import StaffHooks, StaffToolsScreen

        assert self.store is not None
        hooks = StaffHooks(
            current_printer=self._chosen_printer,
            choose_printer=self._choose_printer,
            last_error=lambda: self.print_queue.last_error if self.print_queue else None,
            test_print=self._test_print,
            load_again=self._load_again,
            use_content=self.use_content,
            health=self._health,
        )
        tools = StaffToolsScreen(self.store, self._loaded, hooks)
        tools.back.connect(self._show_dashboard)
        return tools

    def _health(self) -> Health | None:
        """How the kiosk is doing, read from its data folder (None without a store file)."""
        from kiosk.health import measure

        path = self.store.path if self.store is not None else None
        if path is None or not path.parent.is_dir():
            return None
        return measure(path.parent, self._loaded)

    def _chosen_printer(self) -> str | None:
        """The printer summaries go to now (staff's choice, else the settings'); None: the
        system's default."""
        if self.print_queue is not None:
            return self.print_queue.printer_name
        return self._loaded.settings.printing.printer

    def _choose_printer(self, name: str) -> None:
        """From now on, and after a restart: the choice is saved in the settings file."""
        if self.print_queue is not None:
            self.print_queue.set_printer(name)
        if self.settings_path is not None:
            from kiosk.content.settings_file import set_value

            set_value(self.settings_path, "printing", "printer", name)

    def _test_print(self) -> PrintCheck:
        """A sample summary of an invented patient, straight to the printer in use; says
        where it went, or why it could not go."""
        import io

        from PySide6.QtPrintSupport import QPrinterInfo

        from kiosk.content.files import RESOURCES
        from kiosk.content.simulate import visit_from_file
        from kiosk.printing.queue import PrinterUnavailable, find_printer, print_document
        from kiosk.printing.summary import summary_document
        from kiosk.ui.screens.staff_tools import PrintCheck

        chosen = self._chosen_printer()
        if not QPrinterInfo.availablePrinterNames():
            return self._test_print_failed(PrintCheck("no_printer"), "no printer is set up")
        try:
            printer = find_printer(chosen).printerName()
        except PrinterUnavailable as missing:
            check = PrintCheck("missing", chosen) if chosen else PrintCheck("no_printer")
            return self._test_print_failed(check, str(missing))
        visit = visit_from_file(RESOURCES / "examples" / "likely-candidate.yaml",
                                self._loaded.content, "en", io.StringIO())
        if visit is None:  # the clinic's questions no longer fit the example
            return self._test_print_failed(PrintCheck("failed", printer, "no sample patient"),
                                           "the sample patient does not fit the questions")
        try:
            print_document(summary_document(visit, self._loaded), printer,
                           self._loaded.settings.printing.paper, "test page")
        except (PrinterUnavailable, OSError) as failed:
            return self._test_print_failed(PrintCheck("failed", printer, str(failed)),
                                           str(failed))
        log.info("test page sent to %s", printer)
        return PrintCheck("sent", printer)

    def _test_print_failed(self, check: PrintCheck, error: str) -> PrintCheck:
        if self.print_queue is not None and check.outcome == "failed":
            self.print_queue.last_error = error
        log.warning("test page not printed: %s", error)
        return check

    def _load_again(self) -> Loaded:
        """The clinic's files read and checked again, for Check and Load in the tools."""
        if self.content_loader is None:
            return self._loaded
        try:
            return self.content_loader()
        except ContentInvalid as invalid:
            log.warning("staff read the content again: %d errors", len(invalid.errors))
            for error in invalid.errors:
                log.warning("%s", error)
            raise

    def _printer_line(self) -> tuple[str, int]:
        from kiosk.printing.queue import PrinterUnavailable, find_printer

        try:
            printer = find_printer(self._chosen_printer()).printerName()
        except PrinterUnavailable as missing:
            printer = str(missing)
        waiting = self.print_queue.waiting() if self.print_queue else 0
        return printer, waiting
