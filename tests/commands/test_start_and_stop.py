"""The kiosk, started as IT starts it, says once what it is, where its files are and how to stop
it; Ctrl+C or `systemctl stop` (SIGINT, SIGTERM) end it cleanly, and the log says why."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from tests.conftest import ROOT

STARTUP_SECONDS = 60


def started(data: Path) -> tuple[subprocess.Popen[str], str]:
    """The kiosk started windowed on the offscreen platform, and its start line."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen([sys.executable, "main.py", "--windowed", "--data", str(data)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    assert kiosk.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(kiosk.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=STARTUP_SECONDS), "no start line"
    return kiosk, kiosk.stdout.readline().rstrip("\n")


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_started_kiosk_says_where_its_files_are_and_stops_on_a_signal(
        tmp_path: Path, stop: signal.Signals) -> None:
    data = tmp_path / "data"
    kiosk, first = started(data)
    assert first == (f"kiosk {__version__}: data {data}, log {data / 'logs' / 'kiosk.log'};"
                     " to stop: close the window or press Ctrl+C")
    log = data / "logs" / "kiosk.log"
    kiosk.send_signal(stop)  # the line comes once the kiosk listens for it
    assert kiosk.wait(timeout=STARTUP_SECONDS) == 0
    assert kiosk.stdout is not None
    kiosk.stdout.close()
    assert f"stopping: {stop.name} received" in log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_after_a_kill_the_kiosk_comes_back_on_the_attract_screen_and_says_why(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = data / "logs" / "kiosk.log"

    def start() -> subprocess.Popen[str]:
        return started(data)[0]

    first = start()
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=STARTUP_SECONDS) == 0
    second = start()
    assert "started; last run stopped: SIGTERM received" in log.read_text(encoding="utf-8")
    second.kill()  # as a crash or the watchdog would end it
    second.wait(timeout=STARTUP_SECONDS)
    third = start()
    third.send_signal(signal.SIGTERM)
    assert third.wait(timeout=STARTUP_SECONDS) == 0
    [line] = [line for line in log.read_text(encoding="utf-8").splitlines()
              if "did not stop on purpose" in line]
    assert " WARNING kiosk.running: " in line
    assert line.split("started; ")[1].startswith(
        "last run did not stop on purpose (a crash, a kill, or the watchdog after a frozen"
        " screen); last seen alive at ")
    for stream in (first, second, third):
        assert stream.stdout is not None
        stream.stdout.close()


WINDOW_THAT_WONT_CLOSE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from kiosk.stop_signals import quit_on_stop_signals

class KioskLike(QWidget):  # as the kiosk window in kiosk mode: a close request is ignored
    def closeEvent(self, event):
        event.ignore()

app = QApplication(sys.argv[:1])
window = KioskLike()
window.show()
stopper = quit_on_stop_signals(app)
print("listening", flush=True)
sys.exit(app.exec())
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_kiosk_even_though_its_window_refuses_to_close(
        stop: signal.Signals) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen([sys.executable, "-c", WINDOW_THAT_WONT_CLOSE], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert kiosk.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(kiosk.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=STARTUP_SECONDS)
    assert kiosk.stdout.readline() == "listening\n"
    kiosk.send_signal(stop)
    assert kiosk.wait(timeout=STARTUP_SECONDS) == 0
    kiosk.stdout.close()


@pytest.mark.slow
def test_a_kiosk_that_cannot_open_its_log_file_serves_patients_without_it(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs").write_text("not a folder", encoding="utf-8")
    kiosk, first = started(data)
    assert first == (f"kiosk {__version__}: data {data}, log None;"
                     " to stop: close the window or press Ctrl+C")
    kiosk.send_signal(signal.SIGTERM)
    assert kiosk.wait(timeout=STARTUP_SECONDS) == 0, "it ran, and stopped on the signal"
    assert kiosk.stdout is not None
    kiosk.stdout.close()
    assert "SIGTERM received" in (data / "run.json").read_text(encoding="utf-8")

