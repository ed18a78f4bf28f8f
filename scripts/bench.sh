#!/usr/bin/env bash
# make bench: povreview beside the SQLite floor, measured in the same run.
#
# Generates one review year of BENCH_HOUSEHOLDS (default 1,000,000) households, builds the floor
# (bench/floor.c: the raw fields inserted into SQLite, one transaction, one prepared statement),
# then runs in turn, after a warm-up, BENCH_ROUNDS (default 3) rounds of:
#   floor   — bench/floor.c on the dump;
#   floor-obligations — the same, plus what bare inserts leave out and a published database must
#             have (`floor --obligations`: the two indexes of household_status, ANALYZE, a
#             synced file), built the plainest way: the part of the ratio no implementation avoids;
#   povreview — the whole `povreview run` (validation, quarantine, classification, aggregation,
#             transitions, plan evaluation and exports);
#   pandas, duckdb — bench/classify_*.py: household_status and unit_rates only, no validation.
# It prints median wall and CPU seconds, households per second, peak memory and the ratio of
# each to the floor and to floor-obligations. An absolute time from one machine is not a result;
# the ratio is.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${POVREVIEW_BIN:-.build/release/povreview}
N=${BENCH_HOUSEHOLDS:-1000000}
YEARS=${BENCH_YEARS:-2024-2024}
ROUNDS=${BENCH_ROUNDS:-3}
COMPARE=${BENCH_COMPARE:-pandas,duckdb}
DIR=bench-data/$N-$YEARS

. scripts/bench-common.sh
bench_prepare_floor
bench_prepare_data "$N" "$YEARS" "$DIR"

commands=(--label floor -- bench-data/floor "$DIR/floor.sqlite" "${DUMPS[@]}"
          --label floor-obligations -- bench-data/floor --obligations "$DIR/floor-obligations.sqlite" "${DUMPS[@]}"
          --label povreview -- "$BIN" run --inputs "$DIR/in" --admin "$DIR/in/admin_units.csv"
            --database "$DIR/product.sqlite" --exports "$DIR/exports" --quiet --full)
if [ "${#DUMPS[@]}" -eq 1 ] && [ -n "$COMPARE" ] && bench_prepare_python; then
  case ",$COMPARE," in *,pandas,*) commands+=(--label pandas -- "$BENCH_PY" bench/classify_pandas.py "${DUMPS[0]}" "$DIR/pandas.sqlite");; esac
  case ",$COMPARE," in *,duckdb,*) commands+=(--label duckdb -- "$BENCH_PY" bench/classify_duckdb.py "${DUMPS[0]}" "$DIR/duckdb.sqlite");; esac
fi
bench_machine_line
python3 bench/sidebyside.py --rounds "$ROUNDS" --households "$N" --json "$DIR/bench.json" \
  --versus floor-obligations "${commands[@]}"
