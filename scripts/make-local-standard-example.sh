#!/usr/bin/env bash
# Regenerates Pipelines/examples/local-standard-data/, the bundled data of the example pipeline
# Pipelines/examples/local-standard.yaml: 300 households a year for 2023–2025 from
# `povreview sample` (fixed seed, no messy rows), plus the column electricity_access that the
# example local standard (Pipelines/standards/example-local.yaml) reads. A household lacks
# electricity (0) when the first byte of SHA-256 of its id is below 26 (about one in ten), so the
# value is stable across years and the same on every machine.
# Usage: scripts/make-local-standard-example.sh [path/to/povreview]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/povreview}
OUT=Pipelines/examples/local-standard-data
rm -rf "$OUT"
mkdir -p "$OUT"
"$BIN" sample --households 300 --years 2023-2025 --out "$OUT" --no-messy --seed 2027 >/dev/null
# The example needs only the dumps and the admin file.
rm -f "$OUT/crosswalk.csv" "$OUT/targets.csv" "$OUT/household_totals.csv" "$OUT/README.md"
python3 - "$OUT" <<'PY'
import csv, hashlib, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("households_*.csv")):
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    id_column = header.index("household_id")
    header.append("electricity_access")
    for row in body:
        row.append("0" if hashlib.sha256(row[id_column].encode()).digest()[0] < 26 else "1")
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header] + body)
PY
echo "wrote $OUT"
