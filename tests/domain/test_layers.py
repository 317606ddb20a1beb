"""The domain's arrows run one way: decoding below intake, intake below content."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

# package -> the kiosk packages it must never import
FORBIDDEN = {
    "decoding": ("kiosk.intake", "kiosk.content", "kiosk.records", "kiosk.ui", "kiosk.printing",
                 "kiosk.fhir"),
    "intake": ("kiosk.content", "kiosk.records", "kiosk.ui", "kiosk.printing", "kiosk.fhir"),
    "content": ("kiosk.records", "kiosk.ui", "kiosk.printing", "kiosk.fhir"),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, including imports only made for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_domain_package_imports_a_package_above_it() -> None:
    wrong = []
    for package, above in FORBIDDEN.items():
        for path in sorted((ROOT / "kiosk" / package).glob("*.py")):
            for name in imported_modules(path):
                if name.startswith(above):
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "upward.py"
    module.write_text("from kiosk.content.model import Content\n", encoding="utf-8")
    assert "kiosk.content.model" in imported_modules(module)
