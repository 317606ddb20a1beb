"""Full-visit benchmark: every change of many whole visits, and what the kiosk holds after them.

Drives the real kiosk window offscreen (1920x1080) through whole patient visits, each drawn
from `random.Random(seed)` (benchmarks/visit_plan.py, benchmarks/patients.py): the welcome
loop, home, topics and sections with a language switch and a text size, then every question
the branching shows, answered at random through its answer widget, the review list, send,
thank-you and the wipe; red flags bring the urgent screen and staff. Visits are kept in a
real visit store and printed through the kiosk's real print queue to a printer that writes
each summary and urgent slip as a PDF file in a temporary folder (benchmarks/kiosk_rig.py;
no CUPS server is needed).

Measured, for each kind of change (screen, question, review, urgent, staff, language, text
size, send, wipe), p50 / p95 / max against one frame of 16 ms: from the handler's call to the
window's next frame painted (benchmarks/frames.py says exactly what that includes). The first
time the kiosk builds a screen is counted apart, as "first build: <screen>" (goal 33 ms);
screens a wipe deletes (question, review, thanks, urgent, staff) are built again in later
visits, and that is counted in the change that opens them. Each print job's time on the
event loop is "print: summary" / "print: urgent-slip" (no goal: a print job is not a change;
it waits for the frame of the change that asked for it, and a touch during it waits for it),
and the report says how many print jobs ran inside a change, before its frame was painted
(goal: not one). Resident memory at visit 0 and every
100 visits, its growth from visit 100 to the last (goal under 5 MiB from 100 to 1,000);
Python objects by type at the end and how they changed since visit 100; the Qt objects the
window holds (benchmarks/holdings.py).

Between changes the run goes back to the event loop, and where the kiosk does work while it
waits for a touch (getting the next patient's screens ready ahead: `window.ahead.busy`), the
next change waits until that work is done, as a patient's pause between touches would leave
it the time; that time is counted in no change, and the report says how long it was.

With --animations the screens fade in as on a clinic's kiosk: a change may cut the last fade
short, and each visit ends by waiting for its last fade. On this 2-core machine a visit takes
about 1.2 s: 300 visits about 6 minutes; 1,000 visits took 20 minutes (1,200 s, with a test
run sharing the machine).

Usage: .venv/bin/python benchmarks/visits.py [visits] [--seed N] [--animations]
                                             [--keep-pdfs FOLDER]
"""

from __future__ import annotations

import argparse
import array
import collections
import dataclasses
import datetime
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __name__ == "__main__":  # run as a script: the project's root holds the benchmarks package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.figures import Figure, Figures, figure_ms
from benchmarks.frames import FIRST_BUILD_MS, FRAME_MS, FrameClock, Spread
from benchmarks.holdings import Holdings
from benchmarks.kiosk_rig import Rig, timed_queue
from benchmarks.patients import Patient, urgent_answers
from benchmarks.visit_plan import RECOVERY, Change, Outcomes, visit_changes

SEED = 20250611
#: An answer that opens the review list or the urgent screen is counted as that.
ARRIVALS = {("question", "review"): "review", ("question", "urgent"): "urgent"}


def measure(visits: int = 300, seed: int = SEED, animations: bool = False,
            keep_pdfs: Path | None = None, say: bool = True) -> Figures:
    """Run the visits and return their figures (printing them too when `say`)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with Rig(animations, keep_pdfs) as rig:
        run = Run(app, rig, visits, seed, say)
        timed_queue(rig.queue, rig.printer, run.record)
        run.go()
        figures, lines = run.figures()
        lines.append(rig.log.line())
        run.clock.close()
    if say:
        print("\n".join(lines), flush=True)
    return figures


class Run(QObject):
    """The visits, one change at a time, back to the event loop between changes.

    A QObject, because PySide6 keeps a weak reference for good each time a timer with a delay
    is given a method of a plain Python object (`QTimer.singleShot(1, plain.method)`): over a
    thousand visits those were 14,500 objects the kiosk never made.
    """

    def __init__(self, app: QApplication, rig: Rig, visits: int, seed: int,
                 say: bool = True) -> None:
        super().__init__()
        self.app, self.rig, self.window, self.say = app, rig, rig.window, say
        self.visits, self.seed = visits, seed
        self.clock = FrameClock(self.window)
        urgent = urgent_answers(self.window._loaded.content)
        self.patient = Patient(random.Random(seed), urgent, datetime.date.today())
        self.outcomes = Outcomes()
        #: Milliseconds of each change, by kind: packed numbers, so that the benchmark's own
        #: records (50,000 of them over a thousand visits) add little to the memory it measures.
        self.timings: dict[str, array.array[float]] = {}
        self.holdings: Holdings | None = None
        self.ever_built = set(self.window.built_screens())
        self.visit = 0
        self.changes = visit_changes(self.window, self.patient, self.outcomes)
        self.seconds = self.began = 0.0
        self.changing = False
        #: Seconds spent letting the kiosk finish its waiting-time work between changes.
        self.waited = 0.0
        self.waiting_since: float | None = None
        #: Print jobs run while a change was timed: before its frame (True), or after it.
        self.prints_in_changes: collections.Counter[bool] = collections.Counter()

    def record(self, kind: str, milliseconds: float) -> None:
        self.timings.setdefault(kind, array.array("d")).append(milliseconds)
        if kind.startswith("print") and self.changing:
            self.prints_in_changes[self.clock.painted] += 1

    def go(self) -> None:
        self.app.processEvents()  # the window's first frame, the print queue's first look
        self.holdings = Holdings(self.window, self.visits)
        self.began = time.perf_counter()
        QTimer.singleShot(0, self._next)
        self.app.exec()
        self.seconds = time.perf_counter() - self.began

    def _next(self) -> None:
        if self._kiosk_busy():  # a patient's pause between touches leaves it the time
            if self.waiting_since is None:
                self.waiting_since = time.perf_counter()
            QTimer.singleShot(1, self._next)
            return
        if self.waiting_since is not None:
            self.waited += time.perf_counter() - self.waiting_since
            self.waiting_since = None
        change = next(self.changes, None)
        if change is None:
            self._visit_over()
            return
        self._make(change)
        QTimer.singleShot(0, self._next)

    def _kiosk_busy(self) -> bool:
        """Whether the kiosk is doing work it does while it waits for a touch (getting the
        next patient's screens ready ahead, where it does: `window.ahead.busy`)."""
        ahead = getattr(self.window, "ahead", None)
        return bool(getattr(ahead, "busy", False))

    def _make(self, change: Change) -> None:
        kind, act = change
        window = self.window
        left = window.place.screen
        self.changing = True
        milliseconds, _ = self.clock.time(act)
        self.changing = False
        if kind == RECOVERY:
            return
        self.outcomes.changes += 1
        arrived = window.place.screen
        first = [s for s in window.built_screens() if s not in self.ever_built]
        if first:
            self.ever_built.update(first)
            kind = f"first build: {arrived if arrived in first else first[0]}"
        elif kind == "question":
            kind = ARRIVALS.get((left, arrived), kind)
        self.record(kind, milliseconds)

    def _visit_over(self) -> None:
        if self.window.fading:  # wait for the visit's last fade to finish
            QTimer.singleShot(5, self._visit_over)
            return
        self.visit += 1
        assert self.holdings is not None
        self.holdings.after_visit(self.visit)
        if self.say and self.visit % 100 == 0 and self.visit < self.visits:
            print(f"  visit {self.visit}: {time.perf_counter() - self.began:.0f} s, resident "
                  f"memory {self.holdings.memory[self.visit]:.1f} MiB", flush=True)
        if self.visit == self.visits:
            self.app.quit()
            return
        self.changes = visit_changes(self.window, self.patient, self.outcomes)
        QTimer.singleShot(0, self._next)

    def figures(self) -> tuple[Figures, list[str]]:
        """Every figure of the run, and the lines that report them."""
        printer, inside = self.rig.printer, self.prints_in_changes
        lines = [f"{self.visits} visits (seed {self.seed}) in {self.seconds:.0f} s; "
                 f"{self.outcomes.line()}",
                 f"printed {printer.printed} ({printer.pages} pages, "
                 f"{printer.bytes / 2**20:.1f} MiB of PDF); print jobs run inside a change: "
                 f"{inside[True]} after its frame, {inside[False]} before it"]
        found: Figures = {"seconds": Figure(round(self.seconds, 1), "s"),
                          "visits": Figure(self.visits),
                          "seconds the kiosk worked ahead between changes": Figure(
                              round(self.waited, 1), "s")}
        lines.append(f"waited {self.waited:.1f} s in all between changes for the kiosk to "
                     "finish getting screens ready ahead")
        for kind in sorted(self.timings, key=_order):
            spread = Spread.of(self.timings[kind])
            # A print job is not a change: it waits for the frame of the change that asked
            # for it; what counts is that none runs before that frame (below).
            goal = (None if kind.startswith("print") else
                    FIRST_BUILD_MS if kind.startswith("first build") else FRAME_MS)
            lines.append(spread.line(kind, goal))
            found[f"{kind} p95"] = figure_ms(dataclasses.asdict(spread),
                                             None if goal is None else "<", goal)
        found["visits not reaching the end"] = Figure(self.outcomes.stuck, "", "<=", 0)
        found["urgent screens"] = Figure(self.outcomes.urgent_screens)
        found["summaries printed"] = Figure(printer.printed.get("summary", 0))
        found["print jobs run before the frame of a change"] = Figure(inside[False], "", "<=", 0)
        assert self.holdings is not None
        lines.extend(self.holdings.report(found))
        return found, lines


def _order(kind: str) -> tuple[int, str]:
    """Changes first, then prints, then first builds."""
    return (2 if kind.startswith("first build") else 1 if kind.startswith("print") else 0, kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("visits", type=int, nargs="?", default=300)
    parser.add_argument("--seed", type=int, default=SEED, help="the visits' random seed")
    parser.add_argument("--animations", action="store_true",
                        help="screens fade in, as on a clinic's kiosk")
    parser.add_argument("--keep-pdfs", type=Path, metavar="FOLDER",
                        help="keep every printed PDF in FOLDER")
    args = parser.parse_args()
    print(f"{args.visits} visits, seed {args.seed}, animations "
          f"{'on' if args.animations else 'off'}", flush=True)
    measure(args.visits, args.seed, args.animations, args.keep_pdfs)


if __name__ == "__main__":
    main()
