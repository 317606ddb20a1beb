#!/usr/bin/env bash
# Sets up everything the tests need, then runs the whole suite: lint, types, and pytest
# (widget tests on Qt's offscreen platform). Arguments go to pytest.
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" test
cd "$KIOSK_ROOT"
export QT_QPA_PLATFORM=offscreen
echo "== ruff" && .venv/bin/ruff check kiosk tests benchmarks main.py
echo "== mypy" && .venv/bin/mypy kiosk tests
if ! command -v cupsd >/dev/null && [ ! -x /usr/sbin/cupsd ]; then
  echo "== note: the real-CUPS printing tests will be SKIPPED: CUPS is not installed here."
  echo "   Install it with: apt-get install -y cups cups-bsd printer-driver-cups-pdf"
fi
if [ "$#" -gt 0 ]; then
  echo "== pytest $*" && exec .venv/bin/python -m pytest "$@"
fi
# The whole suite, in two processes so the two cores share the wall time: the soak (hundreds
# of whole visits, tests/soak) and the walk (every screen at every size and language) beside
# the rest; their report follows the suite's.
soak_log="$(mktemp)"
trap 'rm -f "$soak_log"' EXIT
.venv/bin/python -m pytest -m "soak or walk" -q >"$soak_log" 2>&1 &
soak_pid=$!
echo "== pytest (the soak and the walk run beside it)"
suite=0
.venv/bin/python -m pytest -m "not soak and not walk" || suite=$?
soak=0
wait "$soak_pid" || soak=$?
echo "== pytest -m 'soak or walk'"
cat "$soak_log"
if [ "$suite" -ne 0 ] || [ "$soak" -ne 0 ]; then
  echo "== FAILED: suite exit $suite, soak exit $soak"
  exit 1
fi
