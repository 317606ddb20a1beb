#!/usr/bin/env bash
# Sets up everything the tests need, then runs the whole suite: lint, types, and pytest
# (widget tests on Qt's offscreen platform). Arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" test
cd "$KIOSK_ROOT"
export QT_QPA_PLATFORM=offscreen
echo "== ruff" && .venv/bin/ruff check kiosk tests benchmarks main.py
echo "== mypy" && .venv/bin/mypy kiosk tests
if ! command -v cupsd >/dev/null && [ ! -x /usr/sbin/cupsd ]; then
  echo "== note: the real-CUPS printing tests will be SKIPPED: CUPS is not installed here."
  echo "   Install it with: apt-get install -y cups cups-bsd printer-driver-cups-pdf"
fi
echo "== pytest" && exec .venv/bin/python -m pytest "$@"
