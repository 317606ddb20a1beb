"""The screen shown when the clinic's content or settings cannot be used.

Its words are fixed here, in both languages, because the content files that would normally
supply them are the thing that is broken. The details go to the log for staff.

Two forms: a page of the kiosk window, shown while the window runs on the last good content
so that staff mode still opens behind it, and a window of its own for a kiosk that has no
good content at all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QSizePolicy, QSpacerItem, QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.content.theme import Colours
from kiosk.ui.parts import Screen, text

MESSAGES = (
    ("This screen is out of order", "Please ask at the front desk. We are sorry."),
    ("Esta pantalla no funciona", "Por favor, pregunte en la recepción. Disculpe."),
)
STAFF_NOTE = "Staff: run 'kiosk check-content' or see the kiosk log for details."
STAFF_MODE_NOTE = ("Staff: in staff mode, Tools can check the content and load it again."
                   " The kiosk log has the details.")
#: Body size the standalone window is laid out for.
STANDALONE_BODY_PX = 32
#: The shipped theme's own colours, for when not even the theme file can be read.
SHIPPED_COLOURS = Colours(background="#f4f7f8", surface="#ffffff", text="#1c2a33",
                          muted="#4a5963", border="#7d8d96", pressed="#dde5e9",
                          chosen="#1c2a33", on_chosen="#ffffff", focus="#d35f00",
                          on_accent="#ffffff", urgent="#b3261e")


class OutOfOrderPage(Screen):
    """A calm, plain message; nothing for a patient to touch, no bar."""

    has_bar = False

    def __init__(self, staff_note: str = STAFF_MODE_NOTE) -> None:
        super().__init__("out_of_order")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout = QVBoxLayout(self)
        self._layout = layout
        self._gaps: list[QSpacerItem] = []
        layout.addStretch(1)
        for title, body in MESSAGES:
            # the attract loop's sizes: one message, read from across the waiting room
            for words, role in ((title, "attract-title"), (body, "subtitle")):
                label = text(words, role)
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(label)
            gap = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            layout.addSpacerItem(gap)
            self._gaps.append(gap)
        layout.addStretch(1)
        note = text(staff_note, "small", "out_of_order_staff_note")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
        self.apply_metrics(STANDALONE_BODY_PX)

    def show_words(self, words: LanguageWords) -> None:
        """The words never change: the clinic's own words may be what is broken."""

    def apply_metrics(self, body_px: int) -> None:
        """Margins and the gap between the two languages grow with the type."""
        self._layout.setContentsMargins(body_px * 3, body_px * 2, body_px * 3,
                                        round(body_px * 1.5))
        for gap in self._gaps:
            gap.changeSize(0, round(body_px * 1.5), QSizePolicy.Policy.Minimum,
                           QSizePolicy.Policy.Fixed)
        self._layout.invalidate()


class OutOfOrderScreen(OutOfOrderPage):
    """The message as a window of its own, for a kiosk with no good content to run on: in
    the theme's `colours` when the theme could be read, else in the shipped theme's."""

    def __init__(self, kiosk_mode: bool = True, colours: Colours = SHIPPED_COLOURS) -> None:
        super().__init__(STAFF_NOTE)
        self._kiosk_mode = kiosk_mode
        self.setStyleSheet(
            f"QWidget#out_of_order {{ background: {colours.background}; }}"
            f"QLabel {{ color: {colours.text}; font-size: 28px; }}"
            "QLabel[role='attract-title'] { font-size: 44px; font-weight: 700; }"
            f"QLabel[role='small'] {{ color: {colours.muted}; font-size: 20px; }}"
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """In kiosk mode the screen stays up: closing it would only restart a crash loop."""
        if self._kiosk_mode:
            event.ignore()
        else:
            event.accept()
