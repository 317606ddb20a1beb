"""Start-up benchmark: the first frame of the welcome loop and of home, against a bare window.

Each round starts four child processes one after the other (benchmarks/first_frame.py): a bare
PySide6 window holding what the home screen holds; the kiosk started by its `kiosk` command
(kiosk/cli.py, windowed), whose first frame is the stored picture of its welcome loop and whose
window's own first frame, ready for a touch, is reported as "attract ready"; the kiosk's window
built and shown straight on home (the kiosk never starts there: a patient reaches home with a
touch); and, for comparison, the home screen and the bar alone ("home-alone": what a first
frame of home could cost at the least, built from the kiosk's own screens without its window).
Measured for each: the time from launching the child to the frame, and its peak resident
memory. The medians over the rounds (at least 7 for the clinic's figure) give the ratios the
project aims for: start-up time at most 1.2x the bare window's, peak memory at most 1.3x. A
warm-up round first fills the file cache, the kiosk's content cache and its stored picture (in
a temporary data folder of its own), so every measured round starts warm, as a kiosk that has
run before does.

Usage: .venv/bin/python benchmarks/startup.py [rounds]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script: the project's root holds the benchmarks package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.figures import Figure, Figures
from benchmarks.first_frame import FRAME

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "resources" / "content" / "illustrations" / "spine-and-disc.svg"
#: The children of one round, in the order they run: what each starts.
KINDS = ("bare", "attract", "home", "home-alone")
#: What is measured: each child's first frame, and the kiosk's window's own first frame
#: after the picture of the welcome loop ("attract ready": when a touch is served).
NAMES = ("bare", "attract", "attract ready", "home", "home-alone")
#: The frames the start-up goals are for: the first frame of the kiosk as it starts, and of
#: home, which the kiosk's window shows once built.
GOALS = ("attract", "home")
TIME_GOAL, MEMORY_GOAL = 1.2, 1.3
ROUNDS = 7
#: Longest a child may take to paint its first frame, in seconds.
CHILD_TIMEOUT = 60


def run(kind: str, data: Path) -> list[tuple[float, int]]:
    """Seconds from launching the child to each frame it reports (its first frame; for the
    welcome loop, then its window's first frame), with its peak memory in KiB at each."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    args = [sys.executable, str(ROOT / "benchmarks" / "first_frame.py")]
    args += ["bare", str(PICTURE)] if kind == "bare" else ["kiosk", str(data), kind]
    began = time.time()
    with subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        lines = child.stdout.read().splitlines()
        try:
            child.wait(CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill()
            raise
    frames = [line.split()[1:] for line in lines if line.startswith(FRAME + " ")]
    if not frames:
        raise RuntimeError(f"the {kind} child painted no frame (exit status {child.returncode})")
    return [(float(painted_at) - began, int(peak)) for painted_at, peak in frames]


def measure(rounds: int = ROUNDS, say: bool = True) -> Figures:
    """The median first frame and peak memory of each child, and the kiosk's ratios."""
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in NAMES}
    with tempfile.TemporaryDirectory(prefix="kiosk-startup-") as folder:
        data = Path(folder)
        for kind in KINDS:  # warm the file cache, the content cache and the stored picture
            run(kind, data)
        for _ in range(rounds):
            for kind in KINDS:
                frames = run(kind, data)
                results[kind].append(frames[0])
                if kind == "attract":
                    results["attract ready"].append(frames[-1])
    medians = {name: (statistics.median(t for t, _ in runs),
                      statistics.median(m for _, m in runs)) for name, runs in results.items()}
    bare_time, bare_memory = medians["bare"]
    found: Figures = {"rounds": Figure(rounds)}
    lines = []
    for name in NAMES:
        seconds, peak = medians[name]
        spread = [t * 1000 for t, _ in results[name]]
        found[f"{name} first frame"] = Figure(
            round(seconds * 1000, 1), "ms",
            detail={"min": round(min(spread), 1), "max": round(max(spread), 1)})
        found[f"{name} peak memory"] = Figure(round(peak / 1024, 1), "MiB")
        lines.append(f"{name:13} first frame {seconds * 1000:7.1f} ms (min {min(spread):.1f}, "
                     f"max {max(spread):.1f})   peak memory {peak / 1024:6.1f} MiB")
        if name == "bare":
            continue
        time_ratio, memory_ratio = seconds / bare_time, peak / bare_memory
        goal = name in GOALS
        found[f"{name} time ratio"] = Figure(round(time_ratio, 3), "x", "<=" if goal else None,
                                             TIME_GOAL if goal else None)
        found[f"{name} memory ratio"] = Figure(round(memory_ratio, 3), "x",
                                               "<=" if goal else None,
                                               MEMORY_GOAL if goal else None)
        aim = f" (goal <= {TIME_GOAL:.2f}x)" if goal else ""
        lines.append(f"{'':13} ratio to bare: time {time_ratio:.2f}x{aim}"
                     f"   memory {memory_ratio:.2f}x"
                     + (f" (goal <= {MEMORY_GOAL:.2f}x)" if goal else ""))
    lines.append(f"medians over {rounds} alternating rounds")
    if say:
        print("\n".join(lines), flush=True)
    return found


def main() -> None:
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS)


if __name__ == "__main__":
    main()
