"""What the kiosk process holds: resident memory, Python objects by type, the window's Qt objects.

Used by the full-visit benchmark to see whether visits leave anything behind. Python objects
are those the cycle collector tracks (`gc.get_objects()`: containers, instances, functions;
not plain strings or numbers), counted after a full collection and after Qt has deleted the
widgets the kiosk let go of (`deleteLater`), so only what is really kept is counted.
"""

from __future__ import annotations

import collections
import gc
import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.figures import Figure, Figures

#: Qt objects under the window that would pile up if something kept each visit's screens,
#: fades or timers alive.
WATCHED = ("QPropertyAnimation", "QGraphicsOpacityEffect", "QTimer", "QScrollArea",
           "QuestionScreen", "ReviewScreen", "ThanksScreen", "UrgentScreen")
#: How many types the object counts list.
TOP = 15
#: The clinic's goal for resident memory growth from visit 100 to visit 1,000, in MiB.
MEMORY_GOAL_MIB = 5.0
#: Visits at which resident memory is a figure of its own.
MEMORY_FIGURES = (0, 100, 500, 1000)
#: A run of at least this many visits (and under 1,000) also gives its growth carried on to
#: visit 1,000 at the rate it measured from visit 100.
EXTRAPOLATE_FROM = 300


def resident_mib() -> float:
    """This process's resident memory now, in MiB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def settle() -> None:
    """Let Qt delete what was handed to deleteLater, then collect Python's cycles."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def qt_objects(window: QWidget) -> dict[str, int]:
    """The window's Qt objects of the watched kinds by class, and every widget of the app."""
    counts = collections.Counter(type(child).__name__ for child in window.findChildren(QObject))
    found = {kind: counts[kind] for kind in WATCHED}
    found["widgets in the application"] = len(QApplication.allWidgets())
    return found


def python_objects() -> collections.Counter[str]:
    """Python objects the collector tracks, by type (module-qualified outside builtins)."""
    counts: collections.Counter[str] = collections.Counter()
    for thing in gc.get_objects():
        kind = type(thing)
        module = kind.__module__
        counts[kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"] += 1
    return counts


def top(counts: collections.Counter[str], how_many: int = TOP) -> list[tuple[str, int]]:
    return counts.most_common(how_many)


def grown(before: collections.Counter[str], after: collections.Counter[str],
          how_many: int = TOP) -> list[tuple[str, int]]:
    """The types whose counts changed most from `before` to `after` (largest change first)."""
    changes = {kind: after[kind] - before[kind] for kind in set(before) | set(after)}
    moved = [(kind, change) for kind, change in changes.items() if change]
    return sorted(moved, key=lambda pair: (-abs(pair[1]), pair[0]))[:how_many]


def counts_line(pairs: list[tuple[str, int]], signed: bool = False) -> str:
    if not pairs:
        return "none"
    return ", ".join(f"{kind} {count:+d}" if signed else f"{kind} {count}"
                     for kind, count in pairs)


class Holdings:
    """Samples taken over a run of `visits` visits: resident memory at visit 0, every 100
    visits and at the end; Python and Qt objects at `baseline` (visit 100, or half a shorter
    run) and at the end."""

    def __init__(self, window: QWidget, visits: int) -> None:
        self.window, self.visits = window, visits
        self.baseline = min(100, visits // 2)
        self.memory: dict[int, float] = {0: resident_mib()}
        self.python: dict[int, collections.Counter[str]] = {}
        self.qt: dict[int, dict[str, int]] = {}

    def after_visit(self, done: int) -> None:
        """Samples after visit `done`. The object counts at the baseline are taken before its
        memory (and those at the end after it), so the counts held are in both figures of
        the growth and not counted as the kiosk's."""
        if done == self.baseline:
            self._count_objects(done)
        if done % 100 == 0 or done == self.visits:
            self.memory[done] = resident_mib()
        if done == self.visits and done != self.baseline:
            self._count_objects(done)

    def _count_objects(self, done: int) -> None:
        settle()
        self.python[done] = python_objects()
        self.qt[done] = qt_objects(self.window)

    def report(self, found: Figures) -> list[str]:
        """Lines to print; the memory figures are added to `found`."""
        memory = self.memory
        lines = ["resident memory (MiB) at visit " + ", ".join(
            f"{visit}: {mib:.1f}" for visit, mib in sorted(memory.items()))]
        for visit in MEMORY_FIGURES:
            if visit in memory:
                found[f"resident memory at visit {visit}"] = Figure(round(memory[visit], 1), "MiB")
        last = max(memory)
        if 100 in memory and last > 100:
            growth = memory[last] - memory[100]
            per_visit = growth * 1024 / (last - 100)
            name = f"memory growth 100 to {last}"
            found[name] = Figure(round(growth, 2), "MiB", "<", MEMORY_GOAL_MIB,
                                 {"KiB a visit": round(per_visit, 2)})
            lines.append(f"{name}: {growth:+.1f} MiB ({per_visit:+.1f} KiB a visit; goal under "
                         f"{MEMORY_GOAL_MIB:g} MiB from 100 to 1,000)")
            if EXTRAPOLATE_FROM <= last < 1000:  # a shorter run: its rate carried on to 1,000
                name = f"memory growth 100 to 1000 at the rate of 100 to {last}"
                found[name] = Figure(round(per_visit * 900 / 1024, 2), "MiB", "<",
                                     MEMORY_GOAL_MIB)
                lines.append(f"{name}: {per_visit * 900 / 1024:+.1f} MiB")
        first, end = self.baseline, self.visits
        if end in self.python:
            lines.append(f"Python objects at the end (top {TOP}): "
                         + counts_line(top(self.python[end])))
        if first in self.python and end in self.python and first != end:
            lines.append(f"Python objects, change from visit {first} to {end}: "
                         + counts_line(grown(self.python[first], self.python[end]), signed=True))
            change = self.python[end].total() - self.python[first].total()
            found[f"Python objects added from visit {first} to {end}"] = Figure(change)
            widgets = "widgets in the application"
            found[f"Qt widgets added from visit {first} to {end}"] = Figure(
                self.qt[end][widgets] - self.qt[first][widgets])
        for visit, counts in sorted(self.qt.items()):
            lines.append(f"Qt objects in the window at visit {visit}: "
                         + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
        return lines
