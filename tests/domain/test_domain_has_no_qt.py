"""The domain layer runs without Qt: it could serve another front end unchanged."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import sys, pkgutil, importlib
import kiosk.content, kiosk.intake, kiosk.decoding
for package in (kiosk.decoding, kiosk.intake, kiosk.content):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
from kiosk.content.loader import load_all
load_all()
print(sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6"))))
"""


def test_domain_packages_load_the_shipped_content_without_importing_qt() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
