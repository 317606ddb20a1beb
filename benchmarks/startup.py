"""Start-up benchmark: the first frame of the welcome loop and of home, against a bare window.

Each round starts three child processes one after the other (benchmarks/first_frame.py): a
bare PySide6 window holding what the home screen holds, the kiosk stopped at the first frame
of its welcome loop (`attract`, where it starts), and the kiosk stopped at the first frame of
home. Measured for each: the time from launching the child to its first painted frame, and
its peak resident memory. The medians over the rounds (at least 7 for the clinic's figure)
give the ratios the project aims for: start-up time at most 1.2x the bare window's, peak
memory at most 1.3x. A warm-up round first fills the file cache and the kiosk's content cache
(in a temporary data folder of its own), so every measured round starts warm.

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

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "resources" / "content" / "illustrations" / "spine-and-disc.svg"
#: The children of one round, in the order they run: what each starts.
KINDS = ("bare", "attract", "home")
TIME_GOAL, MEMORY_GOAL = 1.2, 1.3
ROUNDS = 7
#: Longest a child may take to paint its first frame, in seconds.
CHILD_TIMEOUT = 60


def run(kind: str, data: Path) -> tuple[float, int]:
    """Seconds from launching the child to its first frame, and its peak memory in KiB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    args = [sys.executable, str(ROOT / "benchmarks" / "first_frame.py")]
    args += ["bare", str(PICTURE)] if kind == "bare" else ["kiosk", str(data), kind]
    began = time.time()
    with subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        try:
            child.wait(CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill()
            raise
    if not line.strip():
        raise RuntimeError(f"the {kind} child painted no frame (exit status {child.returncode})")
    painted_at, peak = line.split()
    return float(painted_at) - began, int(peak)


def measure(rounds: int = ROUNDS, say: bool = True) -> Figures:
    """The median first frame and peak memory of each child, and the kiosk's ratios."""
    results: dict[str, list[tuple[float, int]]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="kiosk-startup-") as folder:
        data = Path(folder)
        for kind in KINDS:  # warm the file cache and the content cache
            run(kind, data)
        for _ in range(rounds):
            for kind in KINDS:
                results[kind].append(run(kind, data))
    medians = {kind: (statistics.median(t for t, _ in runs),
                      statistics.median(m for _, m in runs)) for kind, runs in results.items()}
    bare_time, bare_memory = medians["bare"]
    found: Figures = {"rounds": Figure(rounds)}
    lines = []
    for kind in KINDS:
        seconds, peak = medians[kind]
        spread = [t * 1000 for t, _ in results[kind]]
        found[f"{kind} first frame"] = Figure(
            round(seconds * 1000, 1), "ms",
            detail={"min": round(min(spread), 1), "max": round(max(spread), 1)})
        found[f"{kind} peak memory"] = Figure(round(peak / 1024, 1), "MiB")
        lines.append(f"{kind:8} first frame {seconds * 1000:7.1f} ms (min {min(spread):.1f}, "
                     f"max {max(spread):.1f})   peak memory {peak / 1024:6.1f} MiB")
        if kind == "bare":
            continue
        time_ratio, memory_ratio = seconds / bare_time, peak / bare_memory
        found[f"{kind} time ratio"] = Figure(round(time_ratio, 3), "x", "<=", TIME_GOAL)
        found[f"{kind} memory ratio"] = Figure(round(memory_ratio, 3), "x", "<=", MEMORY_GOAL)
        lines.append(f"{'':8} ratio to bare: time {time_ratio:.2f}x (goal <= {TIME_GOAL:.2f}x)"
                     f"   memory {memory_ratio:.2f}x (goal <= {MEMORY_GOAL:.2f}x)")
    lines.append(f"medians over {rounds} alternating rounds")
    if say:
        print("\n".join(lines), flush=True)
    return found


def main() -> None:
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS)


if __name__ == "__main__":
    main()
