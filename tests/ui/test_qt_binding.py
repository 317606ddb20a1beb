"""Guards the Qt binding against a known reference leak that aborts long-running kiosks.

PySide6 6.12.0 under CPython 3.11 dropped a reference to True on every signal emit and to None
on every Qt call returning nothing; after some hundreds of emits the process died with
"Fatal Python error: bool_dealloc". A kiosk emits signals all day long.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class Ticker(QObject):
    ticked = Signal(bool)


def test_ten_thousand_emits_and_calls_keep_true_and_none_alive(qtbot: QtBot) -> None:
    ticker = Ticker()
    received: list[bool] = []
    ticker.ticked.connect(received.append)
    label = QLabel()
    qtbot.addWidget(label)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(10_000):
        ticker.ticked.emit(True)
        label.setText("tick")
    received.clear()
    assert abs(sys.getrefcount(True) - true_before) < 100
    assert abs(sys.getrefcount(None) - none_before) < 100
