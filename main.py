"""Entry point: `python main.py …` is the same as the `kiosk` command.

Run with a Python that lacks the kiosk's packages (the system's, say), it starts again with the
project's own `.venv` when there is one, and otherwise says in one line how to set it up.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_PYTHON = HERE / ".venv" / "bin" / "python"


def _needs_setup() -> str | None:
    """The missing package's name, or None when the kiosk can start with this Python."""
    for module in ("PySide6", "yaml", "platformdirs", "cryptography"):
        try:
            __import__(module)
        except ImportError:
            return module
    return None


if __name__ == "__main__":
    missing = _needs_setup()
    if missing is not None:
        if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV_PYTHON.parents[1].resolve():
            os.execv(VENV_PYTHON, [str(VENV_PYTHON), __file__, *sys.argv[1:]])
        print(f"kiosk: {missing} is not installed for {sys.executable}; set the kiosk up with"
              f" `bash {HERE / 'deploy' / 'kiosk.sh'}`, then run .venv/bin/kiosk", file=sys.stderr)
        sys.exit(2)
    from kiosk.cli import main

    sys.exit(main())
