"""One visit's summary on screen, for staff: the very pages that print, read-only.

The pages open at a width that fits the screen with readable text; Larger and Smaller change
the size, and a finger drags the pages (see staff_paper.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.content.model import LanguageWords, Loaded
from kiosk.intake.session import SubmittedVisit
from kiosk.ui.nesting import nest
from kiosk.ui.parts import StaffScreen, button, set_button_text
from kiosk.ui.screens.staff_paper import PaperView


class StaffSummaryScreen(StaffScreen):
    """Emits `back` for the visits list."""

    back = Signal()

    def __init__(self, loaded: Loaded) -> None:
        super().__init__("staff_summary", loaded.content.words(loaded.settings.printing.language))
        self._loaded = loaded
        self.view = PaperView("staff_summary_page")
        self._smaller = button("staff_zoom_out")
        self._larger = button("staff_zoom_in")
        self._smaller.clicked.connect(lambda: self._zoom(self.view.zoom_out))
        self._larger.clicked.connect(lambda: self._zoom(self.view.zoom_in))
        self._back = button("staff_summary_back", "primary")
        self._back.clicked.connect(self.back)
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        bottom.addWidget(self._smaller)
        bottom.addWidget(self._larger)
        bottom.addStretch(1)
        bottom.addWidget(self._back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.view, 1)
        nest(layout, bottom)

    def show_visit(self, visit: SubmittedVisit) -> None:
        from kiosk.printing.summary import summary_document

        self.view.show_document(summary_document(visit, self._loaded),
                                self._loaded.settings.printing.paper)
        self._zoom()

    def plain_text(self) -> str:
        """The words of the pages shown (for tests and checks)."""
        document = self.view.sheets.document()
        return document.toPlainText() if document is not None else ""

    def _zoom(self, change: Callable[[], None] | None = None) -> None:
        if change is not None:
            change()
        self._smaller.setEnabled(self.view.can_zoom_out)
        self._larger.setEnabled(self.view.can_zoom_in)

    def show_staff_words(self, words: LanguageWords) -> None:
        staff = words.staff
        set_button_text(self._smaller, f"\u2212  {staff.zoom_out}")
        set_button_text(self._larger, f"+  {staff.zoom_in}")
        set_button_text(self._back, staff.back_to_visits)
