#!/usr/bin/env bash
# The national roll-up checked with DuckDB (run by `make test`): three generated provinces
# (Lạng Sơn 20, Quảng Ninh 22 and Hà Nội 01, the last two in one region; 2,000 households a year,
# 2024-2025, different seeds) go through
# `povreview run`, then `povreview rollup`; scripts/test_duckdb_national.py recomputes every
# province, region and country count from the household rows of the province databases with
# DuckDB's SQLite scanner and compares.
# usage: scripts/test-duckdb-national.sh [path/to/povreview]   (default .build/debug/povreview)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/povreview}
PY=.venv/bin/python
if [ ! -x "$PY" ] || ! "$PY" -c 'import duckdb, duckdb_ext' >/dev/null 2>&1; then
  echo "test-duckdb-national: DuckDB is not installed in .venv; run scripts/install-deps.sh --test" >&2
  exit 1
fi
DIR=$(mktemp -d "${TMPDIR:-/tmp}/povreview-duckdb-national.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
seed=1
for p in 20 22 01; do
  "$BIN" sample --households 2000 --years 2024-2025 --province "$p" --seed "$seed" --no-messy --out "$DIR/in-$p" >/dev/null
  "$BIN" run --inputs "$DIR/in-$p" --admin "$DIR/in-$p/admin_units.csv" --database "$DIR/province-$p.sqlite" \
    --no-exports >"$DIR/run-$p.log" 2>&1 || { cat "$DIR/run-$p.log" >&2; exit 1; }
  seed=$((seed + 1))
done
DBS=("$DIR/province-20.sqlite" "$DIR/province-22.sqlite" "$DIR/province-01.sqlite")
"$BIN" rollup --databases "${DBS[@]}" --database "$DIR/national.sqlite"
"$PY" scripts/test_duckdb_national.py "$DIR/national.sqlite" Pipelines/reference/province_regions.csv "${DBS[@]}"
