"""One run of the kiosk on screen, its first frame first.

The kiosk's first frame (the stored picture of its welcome loop, kiosk/launch.py) comes before
anything it does not need for it: the log file, the run record, the stop signals, systemd's
watchdog and the start line are set up just after that frame, before the kiosk's window is
built, and the log lines of the moments before are written to the file then (they reach
standard error at once). Without a picture, all of it comes first, as the window does.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.app import Options
    from kiosk.run_record import RunRecord
    from kiosk.service_notify import ServiceWatchdog

log = logging.getLogger(__name__)

#: How often a running kiosk notes in its run record that it is alive.
ALIVE_MS = 60_000


def run_kiosk(options: Options) -> int:
    """Start the kiosk and run until staff exit it (or, windowed, until the window closes)."""
    from kiosk import logs, paths

    logs.to_console()
    logs.hold_for_file()
    data = paths.data_folder(options.data)
    from kiosk.app import application
    from kiosk.launch import Launch

    app = application()
    running = Running(options, data, app)
    launch = Launch(options, data, running.ready, before_window=running.begin)
    launch.begin()  # `launch` holds the picture on screen: it lives as long as the loop runs
    status = int(app.exec())
    running.end()
    return status


class Running:
    """What a run keeps beside the kiosk's window: its log file, run record, stop signals and
    systemd's watchdog."""

    def __init__(self, options: Options, data: Path, app: QApplication) -> None:
        self.options = options
        self.data = data
        self.app = app
        self.record: RunRecord | None = None
        self.watchdog: ServiceWatchdog | None = None

    def begin(self) -> None:
        """Everything but the first frame, before the window is built."""
        from kiosk import logs
        from kiosk.run_record import RunRecord

        try:
            log_file: Path | None = logs.to_file(self.data)
        except OSError as exc:  # the log helps; the kiosk serves patients without it
            log.warning("no log file in %s: %s", self.data / "logs", exc)
            log_file = None
        self.record = record = RunRecord(self.data)
        (log.info if record.last.clean else log.warning)("kiosk %s started; %s", __version__,
                                                          record.last.how)
        from PySide6.QtCore import Qt, QTimer

        from kiosk.service_notify import ServiceWatchdog
        from kiosk.stop_signals import quit_on_stop_signals

        self.stopper = quit_on_stop_signals(self.app)
        print(start_line(self.options.windowed, self.data, log_file), flush=True)
        if not self.options.windowed:
            self.app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        self.watchdog = ServiceWatchdog(self.app)
        alive = QTimer(self.app)
        alive.timeout.connect(record.alive)
        alive.start(ALIVE_MS)

    def ready(self, window: QWidget) -> None:
        """The kiosk's window has drawn its first frame."""
        if self.watchdog is not None:
            self.watchdog.ready(serving(window))

    def end(self) -> None:
        """The event loop has ended: say why in the run record."""
        if self.record is None or self.watchdog is None:
            return
        self.stopper.setEnabled(False)
        self.watchdog.stopping()
        received = self.stopper.received  # type: ignore[attr-defined]
        self.record.stopped(f"{', '.join(received)} received" if received
                            else "closed from the kiosk (staff's Exit kiosk, or the window "
                                 "closed)")


def serving(window: object) -> str:
    """What the kiosk tells systemd once its window is on screen."""
    from kiosk.ui.window import KioskWindow

    if isinstance(window, KioskWindow) and not window.out_of_order:
        return f"serving patients, showing the {window.place.screen} screen"
    return "out of order"


def start_line(windowed: bool, data: Path, log_file: Path | None) -> str:
    """What the kiosk says once as it starts: which, where its files are, how to stop it."""
    stop = ("close the window or press Ctrl+C" if windowed else
            "staff mode (the corner gesture and the PIN), Exit kiosk; or Ctrl+C / systemctl stop")
    return f"kiosk {__version__}: data {data}, log {log_file}; to stop: {stop}"
