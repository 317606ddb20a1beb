"""Screen changes and memory over many visits.

Drives the kiosk window offscreen through hundreds of patient visits (attract loop, home,
topics, three sections, language and text size, wipe) and prints how long each screen change
took (median and slowest, against one frame of 16 ms) and the resident memory every 100 visits.
Usage: .venv/bin/python benchmarks/visits.py [visits]
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import Options, load
from kiosk.ui.window import KioskWindow, Place

FRAME_MS = 16.0


def resident_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def visit_steps(window: KioskWindow) -> list[tuple[str, Callable[[], None]]]:
    """One patient's visit, as (what changes, how) pairs."""
    return [
        ("screen", lambda: window.go(Place("home"))),
        ("screen", lambda: window.go(Place("sections"))),
        ("screen", lambda: window.go(Place("reader", "what-it-is"))),
        ("screen", lambda: window.go(Place("reader", "procedure"))),
        ("language", lambda: window.set_language("es")),
        ("screen", lambda: window.go(Place("reader", "evidence"))),
        ("text size", lambda: window.set_text_size("largest")),
        ("screen", window.go_back),
        ("wipe", window.wipe),
    ]


def main() -> None:
    visits = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    app = QApplication(sys.argv[:1])
    loaded = load(Options())
    kiosk = dataclasses.replace(loaded.settings.kiosk, animations=False)
    window = KioskWindow(dataclasses.replace(
        loaded, settings=dataclasses.replace(loaded.settings, kiosk=kiosk)), kiosk_mode=False)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    timings: dict[str, list[float]] = {}
    memory = [resident_mib()]
    steps = [step for _ in range(visits) for step in visit_steps(window)]
    per_visit = len(visit_steps(window))

    def next_step(index: int = 0) -> None:
        if index == len(steps):
            app.quit()
            return
        kind, change = steps[index]
        began = time.perf_counter()
        change()
        app.processEvents()  # lays out and paints the new screen
        key = kind if index >= per_visit else f"{kind} (first visit)"
        timings.setdefault(key, []).append((time.perf_counter() - began) * 1000)
        if (index + 1) % (100 * per_visit) == 0:
            memory.append(resident_mib())
        QTimer.singleShot(0, lambda: next_step(index + 1))  # back to the event loop between

    QTimer.singleShot(0, next_step)
    app.exec()
    for kind, values in sorted(timings.items()):
        slowest = max(values)
        typical = statistics.median(values)
        print(f"{kind:26} median {typical:6.1f} ms   slowest {slowest:6.1f} ms   "
              f"({len(values)} changes; one frame = {FRAME_MS:.0f} ms)")
    print("resident memory (MiB) at visit 0, 100, 200, …: "
          + ", ".join(f"{m:.1f}" for m in memory))
    if len(memory) > 2:
        print(f"growth from visit 100 to {visits}: {memory[-1] - memory[1]:+.1f} MiB")
    window.allow_close()
    window.close()


if __name__ == "__main__":
    main()
