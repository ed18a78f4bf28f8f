#!/usr/bin/env bash
# Times the analyst tables (issue 9, item 4) on a generated province: 100,000 households a year
# for 2021-2025 (BENCH_HOUSEHOLDS, BENCH_YEARS). Prints the median of 5 runs of each query,
# fetched to the end, and the same for the former unit_dynamics view's query for comparison.
# Usage: scripts/bench-analyst.sh [path/to/povreview]   (default .build/release/povreview,
# else .build/debug/povreview; SQLite does the work, so a debug binary gives the same figures)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/povreview}
[ -x "$BIN" ] || BIN=.build/debug/povreview
N=${BENCH_HOUSEHOLDS:-100000}
YEARS=${BENCH_YEARS:-2021-2025}
DIR=bench-data/analyst-$N
if [ ! -f "$DIR/in/.done" ]; then
  rm -rf "$DIR" && mkdir -p "$DIR/in"
  "$BIN" sample --households "$N" --years "$YEARS" --out "$DIR/in" --no-messy > /dev/null
  touch "$DIR/in/.done"
fi
if [ ! -f "$DIR/db.sqlite" ]; then
  start=$(date +%s)
  "$BIN" run --inputs "$DIR/in" --admin "$DIR/in/admin_units.csv" --database "$DIR/db.sqlite" --no-exports --quiet > /dev/null
  echo "bench-analyst: pipeline run $(( $(date +%s) - start )) s"
fi
python3 - "$DIR/db.sqlite" <<'PY'
import sqlite3, statistics, sys, time
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
unit = db.execute("SELECT unit_code FROM unit_dynamics WHERE level = 'commune' ORDER BY unit_code LIMIT 1").fetchone()[0]
village = db.execute("SELECT unit_code FROM unit_dynamics WHERE level = 'village' ORDER BY unit_code LIMIT 1").fetchone()[0]
year = db.execute("SELECT max(to_year) FROM unit_dynamics").fetchone()[0]
old_view = db.execute("SELECT sql FROM sqlite_master WHERE name = 'unit_transition_events'").fetchone()[0]
old_body = """SELECT level, unit_code, standard, from_year, to_year, sum(from_status = 'poor') AS poor_start,
 sum(change = 'poor_to_near_poor'), sum(change = 'escaped_above_near_poor'), sum(change = 'poor_left'),
 sum(change = 'near_poor_to_poor'), sum(change = 'fell_back_poor'), sum(change = 'newly_poor'),
 sum(change = 'entered_poor'), sum(to_status = 'poor') FROM unit_transition_events
 GROUP BY level, unit_code, standard, from_year, to_year"""
queries = [
    ("unit_dynamics, whole table", "SELECT * FROM unit_dynamics", ()),
    ("unit_dynamics, one commune", "SELECT * FROM unit_dynamics WHERE unit_code = ?", (unit,)),
    ("unit_dynamics, one village", "SELECT * FROM unit_dynamics WHERE unit_code = ?", (village,)),
    ("unit_dynamics, communes of one year", "SELECT * FROM unit_dynamics WHERE level = 'commune' AND to_year = ?", (year,)),
    ("unit_dynamics, one year", "SELECT * FROM unit_dynamics WHERE to_year = ?", (year,)),
    ("unit_dynamics, villages of one standard", "SELECT * FROM unit_dynamics WHERE standard = 'vn-2022' AND level = 'village'", ()),
    ("unit_dynamics, province", "SELECT * FROM unit_dynamics WHERE level = 'province'", ()),
    ("unit_deprivations, whole table", "SELECT * FROM unit_deprivations", ()),
    ("unit_deprivations, one indicator, one year", "SELECT * FROM unit_deprivations WHERE indicator = 'health_insurance' AND review_year = ?", (year,)),
    ("unit_deprivations, one commune", "SELECT * FROM unit_deprivations WHERE unit_code = ?", (unit,)),
    ("latest_unit_rates, communes", "SELECT * FROM latest_unit_rates WHERE level = 'commune'", ()),
    ("former view, whole (for comparison)", old_body, ()),
    ("former view, one commune (for comparison)", f"SELECT * FROM ({old_body}) WHERE unit_code = ?", (unit,)),
]
print(f"bench-analyst: {db.execute('SELECT count(*) FROM household_status').fetchone()[0]:,} household rows, "
      f"{db.execute('SELECT count(*) FROM unit_dynamics').fetchone()[0]:,} unit_dynamics rows")
for name, sql, args in queries:
    times, rows = [], 0
    for _ in range(5):
        start = time.perf_counter()
        rows = len(db.execute(sql, args).fetchall())
        times.append(time.perf_counter() - start)
    print(f"  {name:45s} {rows:7,d} rows  median {statistics.median(times) * 1000:9.1f} ms")
PY
