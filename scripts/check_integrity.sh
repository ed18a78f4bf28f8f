#!/usr/bin/env bash
# Integrity checks of outputs.md §3 (issue 12) on generated provinces:
#
#   scripts/check_integrity.sh PATH/TO/povreview [--strict-tables] [--keep DIR]
#
# Generates (tools/reference/make_anomalies.py) a province with planted anomalies and the same
# province clean for five seeds, runs `povreview run --inputs DIR --admin F --database X` on each,
# and checks that every planted anomaly (planted.json: check, level, unit_code, review_year) is a
# `warning` row of integrity_findings and that the clean sets have no `warning`. It then recomputes
# every §3 table from the product database's household_status and unit_rates with the Python
# reference (tools/reference/refmeasures.py) and compares them (integers exactly, REALs to 1e-9
# relative); that comparison fails the check only with --strict-tables. Builds nothing.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 PATH/TO/povreview [--strict-tables] [--keep DIR]" >&2
  exit 2
fi
bin=$1; shift
if [ ! -x "$bin" ]; then
  echo "check_integrity: no povreview executable at $bin; build it first (swift build)" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
exec python3 "$root/tools/reference/check_integrity.py" --binary "$bin" \
  --pipeline "$root/Pipelines/default.yaml" "$@"
