"""Every benchmark in one command: one table and one JSON object of every figure and its goal.

Runs, each in a child process of its own (so one's memory, Qt state or crash never touches
another's figures): `startup` (benchmarks/startup.py: the first frame of the welcome loop and
of home against a bare window), `summary` (benchmarks/summary_pdf.py), `speech`
(benchmarks/speech.py) and `visits` (benchmarks/visits.py: whole visits, every change timed
to its painted frame, memory over the visits). Each prints its own report as it runs; then
one table (benchmark, figure, value, goal, met) and one JSON object with every figure and its
goal. A benchmark that cannot run is reported as a figure; a goal missed is reported, never an
exit status.

Sizes: --quick (about 1.5 minutes here): start-up 7 rounds, summary 5 runs, speech 3 runs,
50 visits (too few for the memory growth figure). The full run (about 14 minutes on this
2-core machine): 11 rounds, 20 runs, 10 runs and 600 visits, whose memory growth from visit
100 is also carried on to visit 1,000 at the rate measured; `--visits 1000` measures it to
visit 1,000 (20 minutes for the visits alone).

Usage: .venv/bin/python -m benchmarks [--quick] [--visits N] [--seed N] [--json FILE]
                                      [startup|summary|speech|visits ...]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.figures import Figure, Figures, as_json, table

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("startup", "summary", "speech", "visits")
#: Each benchmark's size: (quick, full).
SIZES = {"startup": (7, 11), "summary": (5, 20), "speech": (3, 10), "visits": (50, 600)}
#: Longest each child may run, in seconds, besides the visits' own allowance per visit.
TIMEOUTS = {"startup": 600, "summary": 300, "speech": 300, "visits": 300}
SECONDS_PER_VISIT = 4
#: Lines of a failed child's error output kept in its figure.
ERROR_LINES = 5


def child(name: str, size: int, seed: int, out: Path) -> None:
    """In the child: run one benchmark and write its figures as JSON to `out`."""
    figures: Figures
    if name == "startup":
        from benchmarks import startup

        figures = startup.measure(size)
    elif name == "summary":
        from benchmarks import summary_pdf

        figures = summary_pdf.measure(size)
    elif name == "speech":
        from benchmarks import speech

        figures = speech.measure(size)
    else:
        from benchmarks import visits

        figures = visits.measure(size, seed)
    out.write_text(json.dumps({key: fig.as_json() for key, fig in figures.items()}),
                   encoding="utf-8")


def run_child(name: str, size: int, seed: int) -> Figures:
    """One benchmark in a child process; its figures, or a figure saying why there are none."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        out, errors = Path(folder) / "figures.json", Path(folder) / "stderr.txt"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=os.pathsep.join(
                       path for path in (str(ROOT), os.environ.get("PYTHONPATH")) if path))
        limit = TIMEOUTS[name] + (SECONDS_PER_VISIT * size if name == "visits" else 0)
        argv = [sys.executable, "-m", "benchmarks", "--child", name, "--size", str(size),
                "--seed", str(seed), "--out", str(out)]
        with errors.open("w", encoding="utf-8") as stderr:
            try:
                done = subprocess.run(argv, cwd=ROOT, env=env, stderr=stderr, timeout=limit,
                                      check=False)
                status = f"exit status {done.returncode}"
            except subprocess.TimeoutExpired:
                status = f"stopped after {limit} s"
        if out.exists():
            found = json.loads(out.read_text(encoding="utf-8"))
            return {key: Figure.from_json(value) for key, value in found.items()}
        said = errors.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        why = " | ".join(said[-ERROR_LINES:]) or "no error output"
        print(f"{name}: could not run ({status}): {why}", flush=True)
        return {"could not run": Figure(f"{status}: {why}")}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="benchmark",
                        help=f"which to run: {', '.join(NAMES)} (all when none is named)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, runs and visits")
    parser.add_argument("--visits", type=int, help="how many visits the visits benchmark runs")
    parser.add_argument("--seed", type=int, default=20250611, help="the visits' random seed")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the JSON here")
    parser.add_argument("--child", choices=NAMES, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size, args.seed, args.out)
        return
    unknown = [name for name in args.names if name not in NAMES]
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (there are {', '.join(NAMES)})")
    names = [name for name in NAMES if name in args.names] or list(NAMES)
    sizes = {name: SIZES[name][0 if args.quick else 1] for name in NAMES}
    if args.visits is not None:
        sizes["visits"] = args.visits
    began = time.perf_counter()
    results: list[tuple[str, Figures]] = []
    for name in names:
        print(f"\n== {name} ({describe(name, sizes[name])}) ==", flush=True)
        started = time.perf_counter()
        results.append((name, run_child(name, sizes[name], args.seed)))
        print(f"-- {name} took {time.perf_counter() - started:.0f} s", flush=True)
    seconds = time.perf_counter() - began
    print(f"\nAll figures ({'quick' if args.quick else 'full'} run, {seconds:.0f} s):\n")
    print(table(results))
    about = run_about(args.quick, names, sizes, args.seed, seconds)
    found = as_json(results, **about)
    print()
    print(found)
    if args.json is not None:
        args.json.write_text(found + "\n", encoding="utf-8")


def describe(name: str, size: int) -> str:
    return {"startup": f"{size} rounds", "summary": f"{size} runs", "speech": f"{size} runs",
            "visits": f"{size} visits"}[name]


def run_about(quick: bool, names: list[str], sizes: dict[str, int], seed: int,
              seconds: float) -> dict[str, Any]:
    """What the JSON says of the run itself: when, how big, on what."""
    return {"run": {"when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                    "quick": quick, "seconds": round(seconds, 1), "seed": seed,
                    "sizes": {name: sizes[name] for name in names},
                    "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "system": platform.platform()}}}


if __name__ == "__main__":
    main()
