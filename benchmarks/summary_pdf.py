"""Summary PDF benchmark: building and writing the specialist's summary of one visit.

Submits the likely-candidate example as a visit, then builds its summary document and writes
the PDF again and again, and prints the first (cold: fonts loaded) and the median time against
the goal of 0.3 s, with the page count; `measure` returns the same figures.
Usage: .venv/bin/python benchmarks/summary_pdf.py [runs]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __name__ == "__main__":  # run as a script: the project's root holds the benchmarks package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication

from benchmarks.figures import Figure, Figures
from kiosk.content.loader import load_all
from kiosk.content.simulate import read_answers, run
from kiosk.decoding.errors import ContentError
from kiosk.printing.summary import summary_document, write_pdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "likely-candidate.yaml"
GOAL_SECONDS = 0.3


RUNS = 20


def measure(runs: int = RUNS, say: bool = True) -> Figures:
    """Build and write the summary `runs` times; the first and median times, and the pages."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    loaded = load_all()
    errors: list[ContentError] = []
    answers, lines = read_answers(EXAMPLE, loaded.content, errors)
    session, _ = run(answers, loaded.content, EXAMPLE, lines, errors)
    assert not errors, errors
    visit = session.submit("en")
    paper = loaded.settings.printing.paper
    timings = []
    pages = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-summary-") as folder:
        out = Path(folder) / "summary.pdf"
        for _ in range(runs):
            began = time.perf_counter()
            document = summary_document(visit, loaded)
            write_pdf(document, out, paper)
            timings.append(time.perf_counter() - began)
            pages = document.pageCount()
        size = out.stat().st_size
    median = statistics.median(timings)
    if say:
        verdict = "meets" if median < GOAL_SECONDS else "MISSES"
        print(f"summary PDF ({paper}, {pages} page{'s' if pages != 1 else ''}, "
              f"{size // 1024} KiB), {runs} runs")
        print(f"  first run {timings[0]:.3f} s, median {median:.3f} s, slowest "
              f"{max(timings):.3f} s")
        print(f"  goal: under {GOAL_SECONDS} s -> {verdict} it ({median / GOAL_SECONDS:.0%} of "
              "the goal)", flush=True)
    del app
    return {"median": Figure(round(median, 4), "s", "<", GOAL_SECONDS,
                             {"runs": runs, "slowest": round(max(timings), 4)}),
            "first run (cold)": Figure(round(timings[0], 4), "s"),
            "pages": Figure(pages, detail={"paper": paper, "KiB": size // 1024})}


def main() -> None:
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)


if __name__ == "__main__":
    main()
