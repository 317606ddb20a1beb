#!/usr/bin/env bash
# Sets up everything the tests need, then runs the whole suite: lint, types, and pytest
# (widget tests on Qt's offscreen platform). Arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" test
cd "$KIOSK_ROOT"
export QT_QPA_PLATFORM=offscreen
echo "== ruff" && .venv/bin/ruff check kiosk tests benchmarks main.py
echo "== mypy" && .venv/bin/mypy kiosk tests
echo "== pytest" && exec .venv/bin/python -m pytest "$@"
