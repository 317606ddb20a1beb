"""On home, while a patient's answers are kept: a way to delete them before walking away.

A patient who leaves the questions for home may be done with the kiosk. Their answers (name
and date of birth among them) stay until the idle wipe, and the next person could open them
meanwhile; here the patient can delete them at once. Deleting asks once more ("Delete all
your answers now?" Yes / No): a stray touch does not lose ten minutes of answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.ui.key_stops import Stop
from kiosk.ui.parts import FlowRow, button, set_button_text, text


class KeptAnswers(QWidget):
    """The line under home's actions: what deleting does, and the buttons to do it."""

    delete_confirmed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("home_kept")
        self.line = text("", "muted", "home_kept_line")
        self.delete = button("home_kept_delete")
        self.keep = button("home_kept_no")
        self.confirm = button("home_kept_yes", "primary")
        self.delete.clicked.connect(lambda: self._asking(True))
        self.keep.clicked.connect(lambda: self._asking(False))
        self.confirm.clicked.connect(self._confirmed)
        buttons = FlowRow("home_kept_buttons", 16)
        buttons.add(self.delete)
        buttons.add(self.keep)
        buttons.add(self.confirm)
        buttons.add_stretch()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.line)
        column.addWidget(buttons, 0, Qt.AlignmentFlag.AlignLeft)
        self._words: LanguageWords | None = None
        self._asking(False)

    @property
    def asking(self) -> bool:
        """Whether the patient is being asked to confirm the delete."""
        return not self.confirm.isHidden()

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        ui = words.ui
        set_button_text(self.delete, ui.home_kept_delete)
        set_button_text(self.keep, ui.home_kept_no)
        set_button_text(self.confirm, ui.home_kept_yes)
        self.line.setText(ui.home_kept_ask if self.asking else ui.home_kept_note)

    def reset(self) -> None:
        """Back to the first question (home shown again)."""
        self._asking(False)

    def key_stops(self) -> list[Stop]:
        return [self.keep, self.confirm] if self.asking else [self.delete]

    def _asking(self, asking: bool) -> None:
        self.delete.setHidden(asking)
        self.keep.setVisible(asking)
        self.confirm.setVisible(asking)
        if self._words is not None:
            self.show_words(self._words)

    def _confirmed(self) -> None:
        self._asking(False)
        self.delete_confirmed.emit()
