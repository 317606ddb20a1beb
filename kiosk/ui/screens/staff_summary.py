"""One visit's summary on screen, for staff, exactly as it prints (read-only)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout

from kiosk.content.model import LanguageWords, Loaded
from kiosk.intake.session import SubmittedVisit
from kiosk.ui.parts import StaffScreen, button, kinetic, set_button_text


class StaffSummaryScreen(StaffScreen):
    """Emits `back` for the visits list."""

    back = Signal()

    def __init__(self, loaded: Loaded) -> None:
        super().__init__("staff_summary", loaded.content.words(loaded.settings.printing.language))
        self._loaded = loaded
        self._page = QTextBrowser()
        self._page.setObjectName("staff_summary_page")
        self._page.setOpenLinks(False)
        kinetic(self._page)
        self._back = button("staff_summary_back", "primary")
        self._back.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(self._page, 1)
        layout.addWidget(self._back)

    def show_visit(self, visit: SubmittedVisit) -> None:
        from kiosk.printing.summary import summary_html

        settings = self._loaded.settings
        self._page.setHtml(summary_html(visit, self._loaded.content, settings.printing.language,
                                        settings.clinic.name))

    def show_staff_words(self, words: LanguageWords) -> None:
        set_button_text(self._back, words.staff.back_to_visits)
