#!/usr/bin/env bash
# make bench-national: the whole country on this machine. Generates the 34 provinces of the 2025
# reform (their GSO codes from Pipelines/reference/province_regions.csv), BENCH_NATIONAL_HOUSEHOLDS
# households a year each (default 50,000) for review years 2024-2025, runs `povreview run` on them
# two at a time (both cores, xargs -P 2; database and exports, as a nightly run does), then
# `povreview rollup`, and prints the time per household and an extrapolation to 27 million
# households a year. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${POVREVIEW_BIN:-.build/release/povreview}
N=${BENCH_NATIONAL_HOUSEHOLDS:-50000}
YEARS=${BENCH_NATIONAL_YEARS:-2024-2025}
JOBS=${BENCH_NATIONAL_JOBS:-2}
DIR=bench-data/national-$N-$YEARS
. scripts/bench-common.sh
bench_machine_line
bench_prepare_floor
mkdir -p "$DIR"
CODES=$(awk -F, 'NR > 1 && $4 == "2025" { print $1 }' Pipelines/reference/province_regions.csv)
COUNT=$(echo "$CODES" | wc -l)
YEAR_COUNT=$(( ${YEARS#*-} - ${YEARS%-*} + 1 ))

# Inputs, generated once (not timed); seeds differ so the provinces differ.
export BIN N YEARS DIR
if [ ! -f "$DIR/.generated" ]; then
  echo "bench-national: generating $COUNT provinces × $N households × $YEAR_COUNT years into $DIR"
  echo "$CODES" | xargs -P "$JOBS" -I{} sh -c \
    'rm -rf "$DIR/in-{}" && "$BIN" sample --households "$N" --years "$YEARS" --province {} --seed 1{} --no-messy --out "$DIR/in-{}" >/dev/null'
  touch "$DIR/.generated"
fi
rm -rf "$DIR"/province-*.sqlite "$DIR"/exports-* "$DIR"/floor-*.sqlite

now() { date +%s.%N; }
start=$(now)
echo "$CODES" | xargs -P "$JOBS" -I{} sh -c \
  '"$BIN" run --inputs "$DIR/in-{}" --admin "$DIR/in-{}/admin_units.csv" --database "$DIR/province-{}.sqlite" --exports "$DIR/exports-{}" --quiet --full >"$DIR/run-{}.log" 2>&1 || { cat "$DIR/run-{}.log" >&2; exit 255; }'
runs_done=$(now)
"$BIN" rollup --databases $(for c in $CODES; do echo "$DIR/province-$c.sqlite"; done) --database "$DIR/national.sqlite"
rollup_done=$(now)
# The SQLite floor beside it, on the same dumps and cores: bench/floor.c inserts each province's
# raw rows into its own database in one transaction (what any tool must at least do).
echo "$CODES" | xargs -P "$JOBS" -I{} sh -c 'bench-data/floor "$DIR/floor-{}.sqlite" "$DIR"/in-{}/households_*.csv >/dev/null'
floor_done=$(now)

python3 - "$start" "$runs_done" "$rollup_done" "$COUNT" "$N" "$YEAR_COUNT" "$JOBS" "$DIR/national.sqlite" "$floor_done" <<'PY'
import sqlite3, sys
start, runs, rollup = map(float, sys.argv[1:4])
provinces, per_year, years, jobs, national = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
floor_s = float(sys.argv[9]) - rollup
households = provinces * per_year * years
run_s, rollup_s = runs - start, rollup - runs
per = run_s / households
db = sqlite3.connect(national)
rows = db.execute("SELECT count(*) FROM unit_rates").fetchone()[0]
country = db.execute("SELECT review_year, households, poor, round(poor_rate, 2) FROM unit_rates WHERE level = 'country' ORDER BY review_year").fetchall()
print(f"bench-national: {provinces} provinces × {per_year:,} households × {years} years = {households:,} household rows")
print(f"bench-national: povreview run, {jobs} at a time: {run_s:.1f} s wall = {per * 1e6:.2f} µs per household row (database and exports)")
print(f"bench-national: SQLite floor (raw rows inserted, {jobs} at a time): {floor_s:.1f} s wall; "
      f"povreview runs / floor = {run_s / floor_s:.2f}")
print(f"bench-national: povreview rollup: {rollup_s:.2f} s ({rows:,} unit_rates rows in the national database)")
for year, h, poor, rate in country:
    print(f"bench-national:   country {year}: {h:,} households, {poor:,} poor ({rate}%)")
one_year = 27_000_000 * per
print(f"bench-national: EXTRAPOLATION from this machine ({jobs} parallel runs), not a measurement: "
      f"27,000,000 households (one review year) ≈ {one_year:.0f} s ({one_year / 60:.1f} min) of province runs, "
      f"plus the roll-up (≈ {rollup_s * 27_000_000 / (households / years):.1f} s if it grows linearly with households)")
PY
