#!/usr/bin/env bash
# make bench: generate 1,000,000 households for one review year, run the pipeline on them,
# print households per second and peak memory. Figures go in the README by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/povreview
N=${BENCH_HOUSEHOLDS:-1000000}
YEAR=${BENCH_YEAR:-2024}
DIR=bench-data
mkdir -p "$DIR/in"
if [ ! -f "$DIR/in/households_$YEAR.csv" ] || [ "$(cat "$DIR/in/.n" 2>/dev/null)" != "$N" ]; then
  rm -rf "$DIR/in" && mkdir -p "$DIR/in"
  echo "bench: generating $N households for $YEAR"
  "$BIN" sample --households "$N" --years "$YEAR-$YEAR" --out "$DIR/in" --no-messy
  echo "$N" > "$DIR/in/.n"
fi
size=$(du -m "$DIR/in/households_$YEAR.csv" | cut -f1)
echo "bench: input $size MB"
rm -f "$DIR/bench.sqlite"
start=$(date +%s.%N)
"$BIN" run --inputs "$DIR/in" --admin "$DIR/in/admin_units.csv" --database "$DIR/bench.sqlite" \
  --no-exports --quiet --stats > "$DIR/run.log"
end=$(date +%s.%N)
cat "$DIR/run.log" | grep -E "peak|stage|seconds" || true
python3 - "$start" "$end" "$N" <<'PY'
import sys
start, end, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
secs = end - start
print(f"bench: {n:,} households in {secs:.2f} s end to end = {n / secs:,.0f} households/s")
PY
