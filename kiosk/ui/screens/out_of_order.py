"""The screen shown when the clinic's content or settings cannot be used.

Its words are fixed here, in both languages, because the content files that would normally
supply them are the thing that is broken. The details go to the log for staff.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.parts import text

MESSAGES = (
    ("This screen is out of order", "Please ask at the front desk. We are sorry."),
    ("Esta pantalla no funciona", "Por favor, pregunte en la recepción. Disculpe."),
)
STAFF_NOTE = "Staff: run 'kiosk check-content' or see the kiosk log for details."


class OutOfOrderScreen(QWidget):
    """A calm, plain message; nothing to touch."""

    def __init__(self, kiosk_mode: bool = True) -> None:
        super().__init__()
        self._kiosk_mode = kiosk_mode
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setObjectName("out_of_order")
        self.setProperty("screen", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "QWidget#out_of_order { background: #f4f7f8; }"
            "QLabel { color: #1c2a33; font-size: 28px; }"
            "QLabel[role='title'] { font-size: 44px; font-weight: 700; }"
            "QLabel[role='small'] { color: #4a5963; font-size: 20px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 64, 96, 48)
        layout.addStretch(1)
        for title, body in MESSAGES:
            for words, role in ((title, "title"), (body, "")):
                label = text(words, role)
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(label)
            layout.addSpacing(48)
        layout.addStretch(1)
        note = text(STAFF_NOTE, "small", "out_of_order_staff_note")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """In kiosk mode the screen stays up: closing it would only restart a crash loop."""
        if self._kiosk_mode:
            event.ignore()
        else:
            event.accept()
