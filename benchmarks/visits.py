"""Screen changes and memory over many visits.

Drives the kiosk window offscreen through hundreds of patient visits and prints how long each
change took (median and slowest, against one frame of 16 ms), the resident memory every 100
visits, and which Qt objects the window holds at visit 100 and at the end. One visit: the
attract loop, home, topics, three sections, a language and a text size, then the whole
questionnaire (a likely candidate's answers, put in through each question's answer widget),
the review list, send and thank-you, which wipes the kiosk for the next patient.

With --animations the screens fade in as on a clinic's kiosk: a change may cut the last fade
short, and each visit ends by waiting for its last fade to finish. The clinic's figure to
beat: under 5 MiB of growth from visit 100 to visit 1,000.

Usage: .venv/bin/python benchmarks/visits.py [visits] [--animations]
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import Options, load
from kiosk.content.files import RESOURCES
from kiosk.content.simulate import read_answers
from kiosk.decoding.errors import ContentError
from kiosk.ui.keyboard import enable_virtual_keyboard
from kiosk.ui.window import KioskWindow, Place

if TYPE_CHECKING:
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.question import QuestionScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.visit_end import ThanksScreen

FRAME_MS = 16.0
PATIENT = RESOURCES / "examples" / "likely-candidate.yaml"
#: Objects that would pile up if something kept each visit's screens or fades alive.
WATCHED = ("QPropertyAnimation", "QGraphicsOpacityEffect", "QTimer", "QScrollArea",
           "QuestionScreen", "ReviewScreen", "ThanksScreen")


def resident_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def qt_objects(window: KioskWindow) -> dict[str, int]:
    """The window's Qt objects of the watched kinds, by class."""
    counts = collections.Counter(type(child).__name__
                                 for child in window.findChildren(QObject))
    return {kind: counts[kind] for kind in WATCHED}


def visit_steps(window: KioskWindow, answers: dict[str, Any]
                ) -> list[tuple[str, Callable[[], bool]]]:
    """One patient's visit, as (what changes, how) pairs; a step returns False while it has
    more to do (the questions, one at a time)."""

    def once(change: Callable[[], object]) -> Callable[[], bool]:
        def step() -> bool:
            change()
            return True
        return step

    def answer_question() -> bool:
        """Answer the question on screen and go on; True once past the last one."""
        question = cast("QuestionScreen", window.page("question"))
        item, widget = question.item, question._answer
        if item is not None and widget is not None and item.id in answers:
            widget.set_value(answers[item.id])
            widget.changed.emit()  # as a tap on the widget does
        question.go_next()
        return window.place.screen != "question"

    return [
        ("screen", once(lambda: cast("AttractScreen", window.page("attract")).touched.emit("en"))),
        ("screen", once(lambda: window.go(Place("sections")))),
        ("screen", once(lambda: window.go(Place("reader", "what-it-is")))),
        ("screen", once(lambda: window.go(Place("reader", "procedure")))),
        ("language", once(lambda: window.set_language("es"))),
        ("screen", once(lambda: window.go(Place("reader", "evidence")))),
        ("text size", once(lambda: window.set_text_size("largest"))),
        ("screen", once(window.go_back)),
        ("screen", once(lambda: window.go(Place("home")))),
        ("screen", once(window.start_questionnaire)),
        ("question", answer_question),
        ("send", once(lambda: cast("ReviewScreen", window.page("review")).send_requested.emit())),
        ("wipe", once(lambda: cast("ThanksScreen", window.page("thanks")).done.emit())),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("visits", type=int, nargs="?", default=300)
    parser.add_argument("--animations", action="store_true",
                        help="screens fade in, as on a clinic's kiosk")
    args = parser.parse_args()
    enable_virtual_keyboard()
    app = QApplication(sys.argv[:1])
    loaded = load(Options())
    errors: list[ContentError] = []
    answers, _ = read_answers(PATIENT, loaded.content, errors)
    assert not errors, errors
    kiosk = dataclasses.replace(loaded.settings.kiosk, animations=args.animations)
    window = KioskWindow(dataclasses.replace(
        loaded, settings=dataclasses.replace(loaded.settings, kiosk=kiosk)), kiosk_mode=False)
    window.prepare_keyboard()
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    steps = visit_steps(window, answers)
    timings: dict[str, list[float]] = {}
    memory = [resident_mib()]
    objects: dict[int, dict[str, int]] = {}
    place = {"visit": 0, "step": 0}

    def next_step() -> None:
        visit, index = place["visit"], place["step"]
        if index == len(steps):  # the visit is over: wait for its last fade, then go on
            if window.fading:
                QTimer.singleShot(5, next_step)
                return
            place["visit"], place["step"] = visit + 1, 0
            if (visit + 1) % 100 == 0:
                memory.append(resident_mib())
            if visit + 1 in (100, args.visits):
                objects[visit + 1] = qt_objects(window)
            if visit + 1 == args.visits:
                app.quit()
                return
            QTimer.singleShot(0, next_step)
            return
        kind, change = steps[index]
        began = time.perf_counter()
        done = change()
        app.processEvents()  # lays out and paints the new screen
        key = kind if visit else f"{kind} (first visit)"
        timings.setdefault(key, []).append((time.perf_counter() - began) * 1000)
        if done:
            place["step"] = index + 1
        QTimer.singleShot(0, next_step)  # back to the event loop between changes

    QTimer.singleShot(0, next_step)
    app.exec()
    print(f"{args.visits} visits, animations {'on' if args.animations else 'off'}")
    for kind, values in sorted(timings.items()):
        slowest = max(values)
        typical = statistics.median(values)
        print(f"{kind:26} median {typical:6.1f} ms   slowest {slowest:6.1f} ms   "
              f"({len(values)} changes; one frame = {FRAME_MS:.0f} ms)")
    print("resident memory (MiB) at visit 0, 100, 200, …: "
          + ", ".join(f"{m:.1f}" for m in memory))
    if len(memory) > 2:
        print(f"resident memory at visit 100: {memory[1]:.1f} MiB; at visit {args.visits}: "
              f"{memory[-1]:.1f} MiB; growth {memory[-1] - memory[1]:+.1f} MiB "
              f"({(memory[-1] - memory[1]) * 1024 / (args.visits - 100):+.1f} KiB a visit)")
    for visit, counts in sorted(objects.items()):
        print(f"Qt objects in the window at visit {visit}: "
              + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
    window.allow_close()
    window.close()


if __name__ == "__main__":
    main()
