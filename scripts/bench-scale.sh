#!/usr/bin/env bash
# make bench-scale: growth. One review year of 250,000, 1,000,000 and 4,000,000 households, and
# 1,000,000 households × 5 years, each run beside the floor (BENCH_ROUNDS rounds, default 1, after
# a warm-up). Prints time per household and peak memory per size, and whether the per-household
# cost stays within ±15% of the 1,000,000-household figure and memory under 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${POVREVIEW_BIN:-.build/release/povreview}
ROUNDS=${BENCH_ROUNDS:-1}
. scripts/bench-common.sh
bench_prepare_floor
bench_machine_line
results=()
for size in "250000 2024-2024" "1000000 2024-2024" "4000000 2024-2024" "1000000 2021-2025"; do
  set -- $size
  n=$1 years=$2 dir=bench-data/$1-$2
  bench_prepare_data "$n" "$years" "$dir"
  rows=$(( n * (${years#*-} - ${years%-*} + 1) ))
  python3 bench/sidebyside.py --rounds "$ROUNDS" --households "$rows" --json "$dir/scale.json" \
    --label floor -- bench-data/floor "$dir/floor.sqlite" "${DUMPS[@]}" \
    --label povreview -- "$BIN" run --inputs "$dir/in" --admin "$dir/in/admin_units.csv" \
      --database "$dir/product.sqlite" --exports "$dir/exports" --quiet --full
  results+=("$n×$years=$dir/scale.json=$rows")
done
python3 - "${results[@]}" <<'PY'
import json, sys
rows = []
for arg in sys.argv[1:]:
    label, path, households = arg.split("=")
    data = {r["command"]: r for r in json.load(open(path))}
    p, f = data["povreview"], data["floor"]
    rows.append((label, int(households), p["wall"] / int(households) * 1e6, p["peak_mb"], p["wall_ratio"]))
base = next(r for r in rows if r[0].startswith("1000000×2024"))[2]
print("\n| size | households | µs per household | vs 1M | peak MB | ratio to floor |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for label, n, us, mb, ratio in rows:
    print(f"| {label} | {n:,} | {us:.2f} | {100 * (us / base - 1):+.0f}% | {mb:.0f} | {ratio:.2f} |")
linear = all(abs(us / base - 1) <= 0.15 for _, _, us, _, _ in rows)
flat = all(mb < 300 for _, _, _, mb, _ in rows)
print(f"\nlinear time (each within ±15% per household): {'yes' if linear else 'NO'}; "
      f"flat memory (< 300 MB at every size): {'yes' if flat else 'NO'}")
PY
