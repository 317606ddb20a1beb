"""Summary PDF benchmark: building and writing the specialist's summary of one visit.

Submits the likely-candidate example as a visit, then builds its summary document and writes
the PDF again and again, and prints the first (cold: fonts loaded) and the median time against
the goal of 0.3 s, with the page count.
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

from PySide6.QtGui import QGuiApplication

from kiosk.content.loader import load_all
from kiosk.content.simulate import read_answers, run
from kiosk.decoding.errors import ContentError
from kiosk.printing.summary import summary_document, write_pdf

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "likely-candidate.yaml"
GOAL_SECONDS = 0.3


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    app = QGuiApplication(sys.argv[:1])
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
    verdict = "meets" if median < GOAL_SECONDS else "MISSES"
    print(f"summary PDF ({paper}, {pages} page{'s' if pages != 1 else ''}, {size // 1024} KiB),"
          f" {runs} runs")
    print(f"  first run {timings[0]:.3f} s, median {median:.3f} s, slowest {max(timings):.3f} s")
    print(f"  goal: under {GOAL_SECONDS} s -> {verdict} it ({median / GOAL_SECONDS:.0%} of the"
          " goal)")
    del app


if __name__ == "__main__":
    main()
