"""The staff PIN pad: big digit buttons, never a text field; locks after too many wrong PINs.

Each lock in a row lasts longer, and after enough of them staff mode is held until IT sets the
PIN again; the pad says so in plain words. An urgent patient is never stuck behind it: opened
from the urgent screen while the pad is locked or held, it offers to end that visit here (it
is saved already and its urgent slip queued; its summary of the answers so far prints),
which shows nothing of the patient and frees the kiosk for the next one.
"""

from __future__ import annotations

import datetime
import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.content.settings import StaffSettings, pin_hash_problem
from kiosk.records.staff_pin import pin_matches
from kiosk.records.store import VisitStore
from kiosk.ui.nesting import nest
from kiosk.ui.parts import StaffScreen, button, set_button_text, text

#: A lock longer than this is counted down in minutes.
MINUTES_FROM_SECONDS = 120


class StaffPinScreen(StaffScreen):
    """Emits `unlocked` for the right PIN, `cancelled` for Cancel, and `end_urgent` when staff
    end an urgent visit while the pad is locked or held."""

    unlocked = Signal()
    cancelled = Signal()
    end_urgent = Signal()

    def __init__(self, staff: StaffSettings, store: VisitStore,
                 staff_words: LanguageWords) -> None:
        super().__init__("staff_pin", staff_words)
        self._staff = staff
        self._store = store
        self._typed = ""
        self._urgent = False
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
        self._urgent_note = text("", "", "staff_pin_urgent_note")
        self._urgent_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._end_urgent = button("staff_pin_end_urgent")
        self._end_urgent.clicked.connect(self._end_urgent_visit)
        row = QHBoxLayout()
        row.addStretch(1)
        nest(row, grid)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 48, 96, 32)
        layout.addWidget(self._title)
        layout.addWidget(self._dots)
        layout.addWidget(self._message)
        nest(layout, row)
        layout.addWidget(self._urgent_note)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._end_urgent)
        bottom.addStretch(1)
        bottom.addWidget(self._cancel)
        nest(layout, bottom)
        self._show_urgent_way(False)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._show_lock)

    def _key(self, digit: str) -> QPushButton:
        key = button(f"staff_pin_{digit}", "stepper")
        key.setText(digit)
        key.setAccessibleName(digit)
        key.clicked.connect(lambda: self._press(digit))
        return key

    def open(self, urgent: bool = False) -> None:
        """A fresh pad: nothing typed, the lock or hold shown if there is one. `urgent`: opened
        from the urgent screen, for that visit."""
        self._typed = ""
        self._urgent = urgent
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
        staff, typed, rule = self._words.staff, self._typed, self._staff
        self._typed = ""
        self._show_dots()
        if not rule.pin_hash or pin_hash_problem(rule.pin_hash) is not None:
            self._message.setText(staff.pin_not_set)  # a hash too weak to trust is no PIN
            return
        if pin_matches(typed, rule.pin_hash):
            self._store.pin_succeeded()
            self._message.setText("")
            self.unlocked.emit()
            return
        state = self._store.pin_failed(rule.wrong_pins, rule.lockout_seconds,
                                       rule.lockouts_before_hold)
        if not self._show_lock():
            last_run = state.lockouts >= rule.lockouts_before_hold
            wrong = staff.pin_wrong_before_hold if last_run else staff.pin_wrong
            self._message.setText(wrong.format(left=rule.wrong_pins - state.failures))

    def _show_lock(self) -> bool:
        """Show the hold, or the lock's countdown, and disable the keys while either lasts;
        True while the pad takes no PIN. Opened for an urgent visit, a closed pad offers to
        end it here."""
        state = self._store.pin_state()
        for key in (*self.keys.values(), self._erase, self._ok):
            key.setEnabled(not state.closed)
        self._show_urgent_way(state.closed and self._urgent)
        if state.closed and self._words is not None:
            staff = self._words.staff
            if state.held or state.locked_until is None:
                self._message.setText(staff.pin_held)
            else:
                left = math.ceil((state.locked_until
                                  - datetime.datetime.now(datetime.UTC)).total_seconds())
                self._message.setText(
                    staff.pin_locked_minutes.format(minutes=math.ceil(left / 60))
                    if left > MINUTES_FROM_SECONDS else
                    staff.pin_locked.format(seconds=max(1, left)))
        if not state.closed:
            if self._clock.isActive():  # the lock just ended (or IT lifted the hold)
                self._clock.stop()
                self._message.setText("")
        elif self.isVisible() and not self._clock.isActive():
            self._clock.start()  # counts down, and sees IT lift a hold
        return state.closed

    def _show_urgent_way(self, shown: bool) -> None:
        self._urgent_note.setVisible(shown)
        self._end_urgent.setVisible(shown)

    def _end_urgent_visit(self) -> None:
        self._clock.stop()
        self._urgent = False
        self._show_urgent_way(False)
        self.end_urgent.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._show_lock()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._clock.stop()  # nothing ticks behind another screen
        super().hideEvent(event)

    def _leave(self) -> None:
        self._typed = ""
        self._clock.stop()
        self.cancelled.emit()

    def show_staff_words(self, words: LanguageWords) -> None:
        self._words = words
        self._title.setText(words.staff.pin_prompt)
        set_button_text(self._ok, words.staff.pin_ok)
        set_button_text(self._cancel, words.staff.pin_cancel)
        set_button_text(self._end_urgent, words.staff.urgent_end)
        self._urgent_note.setText(words.staff.pin_urgent_note)
        self._show_lock()
