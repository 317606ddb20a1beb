"""The staff PIN pad: big digit buttons, never a text field; locks after too many wrong PINs."""

from __future__ import annotations

import datetime
import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.content.settings import StaffSettings
from kiosk.records.staff_pin import pin_matches
from kiosk.records.store import VisitStore
from kiosk.ui.parts import StaffScreen, button, set_button_text, text


class StaffPinScreen(StaffScreen):
    """Emits `unlocked` for the right PIN, `cancelled` for Cancel."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, staff: StaffSettings, store: VisitStore,
                 staff_words: LanguageWords) -> None:
        super().__init__("staff_pin", staff_words)
        self._staff = staff
        self._store = store
        self._typed = ""
        self._words: LanguageWords | None = None
        self._title = text("", "title", "staff_pin_title")
        self._dots = text("", "countdown", "staff_pin_dots")
        self._message = text("", "warning", "staff_pin_message")
        for label in (self._title, self._dots, self._message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self.keys[digit] = self._key(digit)
            grid.addWidget(self.keys[digit], index // 3, index % 3)
        self.keys["0"] = self._key("0")
        grid.addWidget(self.keys["0"], 3, 1)
        self._erase = button("staff_pin_erase", "stepper")
        self._erase.setText("\u232b")
        self._erase.setAccessibleName("\u232b")
        self._erase.clicked.connect(self._rub_out)
        grid.addWidget(self._erase, 3, 0)
        self._ok = button("staff_pin_ok", "primary")
        self._ok.clicked.connect(self._check)
        grid.addWidget(self._ok, 3, 2)
        self._cancel = button("staff_pin_cancel")
        self._cancel.clicked.connect(self._leave)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 48, 96, 32)
        layout.addWidget(self._title)
        layout.addWidget(self._dots)
        layout.addWidget(self._message)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self._cancel, 0, Qt.AlignmentFlag.AlignRight)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._show_lock)

    def _key(self, digit: str) -> QPushButton:
        key = button(f"staff_pin_{digit}", "stepper")
        key.setText(digit)
        key.setAccessibleName(digit)
        key.clicked.connect(lambda: self._press(digit))
        return key

    def open(self) -> None:
        """A fresh pad: nothing typed, the lock shown if there is one."""
        self._typed = ""
        self._message.setText("")
        self._show_dots()
        self._show_lock()

    def _press(self, digit: str) -> None:
        if len(self._typed) < 12:
            self._typed += digit
            self._show_dots()

    def _rub_out(self) -> None:
        self._typed = self._typed[:-1]
        self._show_dots()

    def _show_dots(self) -> None:
        self._dots.setText("\u25cf " * len(self._typed) or "\u2013")

    def _check(self) -> None:
        if self._words is None or self._show_lock():
            return
        staff, typed = self._words.staff, self._typed
        self._typed = ""
        self._show_dots()
        if not self._staff.pin_hash:
            self._message.setText(staff.pin_not_set)
            return
        if pin_matches(typed, self._staff.pin_hash):
            self._store.pin_succeeded()
            self._message.setText("")
            self.unlocked.emit()
            return
        if self._store.pin_failed(self._staff.wrong_pins, self._staff.lockout_seconds):
            self._show_lock()
        else:
            left = self._staff.wrong_pins - self._store.pin_failures()
            self._message.setText(staff.pin_wrong.format(left=left))

    def _show_lock(self) -> bool:
        """Show the lock's countdown and disable the keys while it lasts; True while locked."""
        until = self._store.pin_locked_until()
        locked = until is not None
        for key in (*self.keys.values(), self._erase, self._ok):
            key.setEnabled(not locked)
        if until is not None and self._words is not None:
            left = (until - datetime.datetime.now(datetime.UTC)).total_seconds()
            self._message.setText(self._words.staff.pin_locked.format(
                seconds=max(1, math.ceil(left))))
            self._clock.start()
        elif self._clock.isActive():
            self._clock.stop()
            self._message.setText("")
        return locked

    def _leave(self) -> None:
        self._typed = ""
        self._clock.stop()
        self.cancelled.emit()

    def show_staff_words(self, words: LanguageWords) -> None:
        self._words = words
        self._title.setText(words.staff.pin_prompt)
        set_button_text(self._ok, words.staff.pin_ok)
        set_button_text(self._cancel, words.staff.pin_cancel)
        self._show_lock()
