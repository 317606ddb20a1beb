"""Where the kiosk's start-up time goes, up to its first painted frame.

Runs the kiosk's start-up (as benchmarks/first_frame.py does) in two child processes and
prints: the modules imported before the first frame, by their own import time
(`python -X importtime`), and the functions taking the most time under cProfile until that
frame. Work that starts after the first frame is left out of both. The content cache is
warmed first, as on a kiosk that has started before.
Usage: .venv/bin/python benchmarks/profile_startup.py [attract|home] [how many lines]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "=== first frame ==="

#: The child: the kiosk's start-up with a mark on stderr at the first paint, under cProfile
#: when asked (its report then goes to stdout).
CHILD = f"""
import cProfile, pstats, sys
lines = int(sys.argv[4])
profile = cProfile.Profile() if sys.argv[3] == "profile" else None
if profile:
    profile.enable()
import benchmarks.first_frame as frame
report = frame._report_first_paint

def marked(widget, quit_after=True):
    from PySide6.QtCore import QEvent, QObject

    class Mark(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                if profile:
                    profile.disable()
                print({MARK!r}, file=sys.stderr, flush=True)
            return False

    marked.mark = Mark()
    widget.installEventFilter(marked.mark)
    report(widget, quit_after)

frame._report_first_paint = marked
sys.argv = ["first_frame.py", sys.argv[1], sys.argv[2]]
frame.kiosk() if sys.argv[2] == "attract" else frame.kiosk_on(sys.argv[2])
if profile:
    pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(lines)
"""


def child(data: Path, screen: str, mode: str, lines: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    args = [sys.executable, *(["-X", "importtime"] if mode == "imports" else []), "-c", CHILD,
            str(data), screen, mode, str(lines)]
    return subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=True)


def imports_before_first_frame(stderr: str) -> list[tuple[int, str]]:
    """(own import time in µs, module) for every module imported before the first frame."""
    found = []
    for line in stderr.split(MARK)[0].splitlines():
        if line.startswith("import time:") and "|" in line:
            own, _, name = (part.strip() for part in line[len("import time:"):].split("|"))
            if own.isdigit():
                found.append((int(own), name))
    return sorted(found, reverse=True)


def main() -> None:
    screen = sys.argv[1] if len(sys.argv) > 1 else "attract"
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    data = Path(tempfile.mkdtemp(prefix="kiosk-profile-"))
    child(data, screen, "warm", lines)  # the content cache, as on a kiosk started before
    modules = imports_before_first_frame(child(data, screen, "imports", lines).stderr)
    print(f"{len(modules)} modules imported before the first frame of {screen}, "
          f"{sum(own for own, _ in modules) / 1000:.1f} ms of their own; the slowest:")
    for own, name in modules[:lines]:
        print(f"  {own / 1000:7.1f} ms  {name}")
    print(f"\ncProfile until the first frame of {screen} (profiling slows it down):")
    print(child(data, screen, "profile", lines).stdout.split("\n", 1)[1])


if __name__ == "__main__":
    main()
