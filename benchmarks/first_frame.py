"""Child processes for the start-up benchmark: time to the first painted frame, and memory.

`bare` is a plain PySide6 window holding what the home screen holds (a title, a paragraph, a
picture, two large buttons, a bar of seven buttons); `kiosk <data> attract` is the kiosk
started by its `kiosk` command, windowed (kiosk/cli.py, then kiosk/launch.py: the stored
picture of its welcome loop first, when there is one, then its window); `kiosk <data> home` is
the kiosk's window built and shown straight on home; `kiosk <data> home-alone` is the home
screen and the bottom bar alone, in the kiosk's style, from its content cache, with nothing
else of the window (the least a first frame of home built from the kiosk's own screens could
cost). Each prints "frame <wall-clock time of the first paint> <peak resident memory in KiB>";
`attract` prints a second such line, the same at the first frame of the kiosk's own window,
when it is ready for a touch. All are 1280x800, the kiosk's windowed size.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: What starts each line a child reports (the kiosk's command prints lines of its own).
FRAME = "frame"


def _report_first_paint(widget: object, quit_after: bool = True) -> None:
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
            print(f"{FRAME} {self.painted_at:.4f} {peak}", flush=True)
            if quit_after:
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
    window.resize(1280, 800)
    _report_first_paint(window)
    window.show()
    app.exec()


def kiosk() -> None:
    """The kiosk as its `kiosk` command starts it (kiosk/cli.py, windowed, in the benchmark's
    data folder): its first frame (the stored picture of the welcome loop, when one matches),
    then its window's own first frame (ready for a touch); then it is closed.

    The command's start is watched through the one thing it starts on screen, kiosk/launch.py's
    Launch: what it shows first, and its `ready` call. (A filter on the whole application would
    have every object it sees wrapped for Python before the first frame: ~60 ms more.)"""
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    import kiosk.launch
    from kiosk.app import Options

    ready_report = _ReadyReport()

    class WatchedLaunch(kiosk.launch.Launch):
        def __init__(self, options: Options, data: Path | None,
                     ready: Callable[[QWidget], object] = lambda window: None,
                     before_window: Callable[[], object] = lambda: None) -> None:
            def watched_ready(window: QWidget) -> None:
                ready(window)
                ready_report.report(window)

            super().__init__(options, data, watched_ready, before_window)

        def begin(self) -> QWidget:
            first = super().begin()
            _report_first_paint(first, quit_after=False)
            return first

    kiosk.launch.Launch = WatchedLaunch  # type: ignore[misc]
    from kiosk.cli import main

    main(["--windowed", "--data", sys.argv[1]])


def kiosk_on(screen: str) -> None:
    """The kiosk's window built and shown straight on `screen` (no stored picture)."""
    from kiosk import paths
    from kiosk.app import Options, start

    options = Options(windowed=True, data=Path(sys.argv[1]))
    app, window = start(options, paths.data_folder(options.data))
    from kiosk.ui.window import KioskWindow, Place

    assert isinstance(window, KioskWindow)
    window.go(Place(screen))
    window.resize(1280, 800)
    _report_first_paint(window)
    window.show()
    app.exec()


def home_alone() -> None:
    """The home screen and the bar in a plain window with the kiosk's style sheet and font,
    their words from the content cache: none of the window's flows, screens or keyboard."""
    from kiosk.app import Options, load_or_log

    data = Path(sys.argv[1])
    loaded = load_or_log(Options(windowed=True, data=data), data / "content-cache.pickle")
    assert loaded is not None
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    from kiosk.ui import style
    from kiosk.ui.bottom_bar import BottomBar
    from kiosk.ui.screens.home import HomeScreen

    settings, content = loaded.settings, loaded.content
    sized = style.metrics(loaded.theme, settings.kiosk.text_size, 1280, 800, settings.screen)
    bar_sized = style.metrics(loaded.theme, "normal", 1280, 800, settings.screen)
    window = QWidget()
    window.setFont(style.app_font(loaded.theme, sized))
    window.setStyleSheet(style.style_sheet(loaded.theme, settings.clinic.accent_color, sized,
                                           bar_sized))
    picture = content.structure.home_illustration
    home = HomeScreen(settings.clinic.name, settings.clinic.logo,
                      content.illustration_path(picture) if picture else None)
    bar = BottomBar(content)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(home, 1)
    layout.addWidget(bar)
    words = content.words(settings.kiosk.language)
    home.apply_metrics(sized.body)
    home.show_words(words)
    bar.show_state(words, settings.kiosk.text_size, False, True)
    window.resize(1280, 800)
    _report_first_paint(window)
    window.show()
    app.exec()


class _ReadyReport:
    def report(self, window: object) -> None:
        from PySide6.QtWidgets import QApplication

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"{FRAME} {time.time():.4f} {peak}", flush=True)
        QApplication.quit()


if __name__ == "__main__":
    kind = sys.argv.pop(1)
    if kind == "bare":
        bare()
    elif sys.argv[2] == "attract":
        kiosk()
    elif sys.argv[2] == "home-alone":
        home_alone()
    else:
        kiosk_on(sys.argv[2])
