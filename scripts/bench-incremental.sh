#!/usr/bin/env bash
# Incremental nightly reruns on SampleData, side by side in one run (issue 10, item 2): a full
# rebuild (--full), a rerun after one dump changed (households_2025.csv: one row edited), and a
# rerun with nothing changed, each ROUNDS times in turn with the SQLite floor (bench/floor.c:
# the raw rows of the same dumps inserted in one transaction); prints the median wall time of
# each, its ratio to the floor and to the full rebuild. Uses the release build (make bench-incremental builds it).
# HOUSEHOLDS=N generates a province of N households a year for 2021–2025 (no messy rows)
# instead of SampleData.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/povreview}
ROUNDS=${ROUNDS:-5}
HOUSEHOLDS=${HOUSEHOLDS:-}
DIR=bench-data/incremental${HOUSEHOLDS:+-$HOUSEHOLDS}
. scripts/bench-common.sh
bench_prepare_floor
rm -rf "$DIR" && mkdir -p "$DIR"
if [ -n "$HOUSEHOLDS" ]; then
  "$BIN" sample --households "$HOUSEHOLDS" --years 2021-2025 --no-messy --out "$DIR/in" >/dev/null
  LABEL="a generated province ($HOUSEHOLDS households a year, 2021-2025)"
else
  cp -r SampleData "$DIR/in"
  LABEL="SampleData (5 dumps, 50,014 rows)"
fi
python3 - "$BIN" "$DIR" "$ROUNDS" "$LABEL" <<'PY'
import os, statistics, subprocess, sys, time
bin, dir, rounds, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
args = [bin, "run", "--pipeline", "Pipelines/default.yaml", "--inputs", f"{dir}/in",
        "--admin", f"{dir}/in/admin_units.csv", "--crosswalk", f"{dir}/in/crosswalk.csv",
        "--targets", f"{dir}/in/targets.csv", "--database", f"{dir}/out.sqlite",
        "--exports", f"{dir}/exports", "--quiet"]
dump = f"{dir}/in/households_2025.csv"
original = open(dump, "rb").read()

def edit(round):
    # Row 2's `members` field set to 1..7 by round: the file's hash changes, the year stays.
    lines = original.split(b"\n")
    fields = lines[1].split(b",")
    fields[7] = str(round % 7 + 1).encode()
    lines[1] = b",".join(fields)
    open(dump, "wb").write(b"\n".join(lines))

def timed(extra, expect):
    start = time.perf_counter()
    status = subprocess.run(args + extra, stdout=subprocess.DEVNULL).returncode
    elapsed = time.perf_counter() - start
    if status not in expect:
        sys.exit(f"bench-incremental: exit {status}, expected {expect}")
    return elapsed

def floor():
    dumps = sorted(f"{dir}/in/{name}" for name in os.listdir(f"{dir}/in") if name.startswith("households"))
    start = time.perf_counter()
    subprocess.run(["bench-data/floor", f"{dir}/floor.sqlite"] + dumps, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

timed(["--full"], (0, 3))  # warm-up, and the database every rerun starts from
times = {"SQLite floor": [], "full": [], "one dump changed": [], "nothing changed": []}
for round in range(rounds):
    times["SQLite floor"].append(floor())
    times["full"].append(timed(["--full"], (0, 3)))
    edit(round)
    times["one dump changed"].append(timed([], (0, 3)))
    times["nothing changed"].append(timed([], (4,)))
open(dump, "wb").write(original)
full = statistics.median(times["full"])
base = statistics.median(times["SQLite floor"])
print(f"bench-incremental: {label}, median of {rounds} rounds in turn, release build")
for name, values in times.items():
    median = statistics.median(values)
    print(f"  {name:<17} {median:6.2f} s wall   {median / base:6.2f} × the floor   {median / full:5.3f} × the full rebuild")
PY
