"""Start-up benchmark: the kiosk's first home-screen frame against a bare PySide6 window.

Runs both side by side (alternating, several rounds) and prints the median time to the first
painted frame, the peak memory, and the ratios the project aims for (time <= 1.2x, memory
<= 1.3x). Usage: .venv/bin/python benchmarks/startup.py [rounds]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "resources" / "content" / "illustrations" / "spine-and-disc.svg"
DATA = Path(tempfile.mkdtemp(prefix="kiosk-benchmark-"))  # the kiosk's content cache lives here


def run(kind: str) -> tuple[float, int]:
    """Seconds from launching the child to its first frame, and its peak memory in KiB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    args = [sys.executable, str(ROOT / "benchmarks" / "first_frame.py"), kind]
    args.append(str(PICTURE if kind == "bare" else DATA))
    began = time.time()
    with subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        child.wait()
    painted_at, peak = line.split()
    return float(painted_at) - began, int(peak)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    run("bare"), run("kiosk")  # warm the file cache
    results: dict[str, list[tuple[float, int]]] = {"bare": [], "kiosk": []}
    for _ in range(rounds):
        for kind in results:
            results[kind].append(run(kind))
    medians = {kind: (statistics.median(t for t, _ in runs), statistics.median(m for _, m in runs))
               for kind, runs in results.items()}
    for kind, (seconds, peak) in medians.items():
        print(f"{kind:6} first frame {seconds * 1000:7.1f} ms   peak memory {peak / 1024:6.1f} MiB")
    time_ratio = medians["kiosk"][0] / medians["bare"][0]
    memory_ratio = medians["kiosk"][1] / medians["bare"][1]
    print(f"ratio  time {time_ratio:.2f}x (goal <= 1.20x)   memory {memory_ratio:.2f}x "
          f"(goal <= 1.30x)   over {rounds} rounds")


if __name__ == "__main__":
    main()
