"""Child processes for the start-up benchmark: time to the first painted frame, and memory.

`bare` is a plain PySide6 window holding what the home screen holds (a title, a paragraph, a
picture, two large buttons, a bar of seven buttons); `kiosk` is the kiosk itself, started the
way `kiosk` starts it, stopped at the first frame of the screen its second argument names
(`attract`, the welcome loop it starts on, or `home`). Each prints one line:
"<wall-clock time of the first paint> <peak resident memory in KiB>"; work a window defers
until after its first frame is not counted.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _report_first_paint(widget: object) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted_at = time.time()  # the frame is being drawn now
                QTimer.singleShot(0, self.done)
                watched.removeEventFilter(self)
            return False

        def done(self) -> None:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"{self.painted_at:.4f} {peak}", flush=True)
            QApplication.quit()

    watcher = FirstPaint()
    widget.installEventFilter(watcher)  # type: ignore[attr-defined]
    _report_first_paint.watcher = watcher  # type: ignore[attr-defined]


def bare() -> None:
    from PySide6.QtSvgWidgets import QSvgWidget
    from PySide6.QtWidgets import (
        QApplication,
        QHBoxLayout,
        QLabel,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Welcome to Riverside Spine Center"))
    intro = QLabel("While you wait, you can read about stem cell therapy for back pain, or "
                   "answer a few questions for your specialist. It is private.")
    intro.setWordWrap(True)
    layout.addWidget(intro)
    layout.addWidget(QSvgWidget(sys.argv[1]))
    actions = QHBoxLayout()
    actions.addWidget(QPushButton("Learn about the treatment"))
    actions.addWidget(QPushButton("See if it may be right for me"))
    layout.addLayout(actions)
    bar = QHBoxLayout()
    for name in ("Back", "Home", "English", "Español", "A", "A", "A"):
        bar.addWidget(QPushButton(name))
    layout.addLayout(bar)
    window.resize(1920, 1080)
    _report_first_paint(window)
    window.show()
    app.exec()


def kiosk() -> None:
    from kiosk import paths
    from kiosk.app import Options, start

    options = Options(windowed=True, data=Path(sys.argv[1]))
    screen = sys.argv[2] if len(sys.argv) > 2 else "home"
    app, window = start(options, paths.data_folder(options.data))
    from kiosk.ui.window import KioskWindow, Place

    assert isinstance(window, KioskWindow)
    if screen != "attract":
        window.go(Place(screen))
    window.resize(1920, 1080)
    _report_first_paint(window)
    window.show()
    app.exec()


if __name__ == "__main__":
    {"bare": bare, "kiosk": kiosk}[sys.argv.pop(1)]()
