#!/usr/bin/env bash
# Byte-identity with the committed baseline (issue #7: a restructuring changes no output).
#
# Runs SampleData through the default pipeline and the messy set (tools/reference/make_messy.py)
# through the same pipeline with allow_year_drop, and compares each run's manifest
# (scripts/output_manifest.py: a digest per table and view, the schema, a SHA-256 per export
# file) with Tests/Baseline/<set>.manifest. The baselines were written by the build before the
# restructuring (commit 596c12c); a change that means to alter an output rewrites them with
# `scripts/check_baseline.sh BIN --write` and says why in its commit.
#
# usage: scripts/check_baseline.sh [BIN] [--write]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/debug/povreview}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
write=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Paths inside the runs are relative to one workspace, so the manifests do not depend on where it is.
cp -R "$root/SampleData" "$work/SampleData"
mkdir -p "$work/Pipelines"
cp -R "$root/Pipelines/." "$work/Pipelines/"
python3 "$root/tools/reference/make_messy.py" "$work/messy-input" >/dev/null
sed 's/^validation:$/validation:\n  allow_year_drop: true/' "$root/Pipelines/default.yaml" > "$work/Pipelines/messy.yaml"
sed -i 's/^name: default$/name: messy/' "$work/Pipelines/messy.yaml"

run() {
  local status=0
  (cd "$work" && "$bin" run --quiet "$@") > "$work/run.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    cat "$work/run.log" >&2
    echo "check_baseline: povreview run $* failed with exit status $status" >&2
    exit 1
  fi
}
run --pipeline Pipelines/default.yaml
run --pipeline Pipelines/messy.yaml --inputs messy-input/dumps --admin messy-input/admin_units.csv \
  --totals messy-input/household_totals.csv

failed=0
for set in default messy; do
  name=$set; [ "$set" = default ] && name=sampledata
  manifest="$work/$name.manifest"
  python3 "$root/scripts/output_manifest.py" "$work/out/$set.sqlite" "$work/out/$set/exports" > "$manifest"
  expected="$root/Tests/Baseline/$name.manifest"
  if [ "$write" = --write ]; then
    cp "$manifest" "$expected"
    echo "check_baseline: wrote $expected ($(wc -l < "$manifest") entries)"
  elif ! diff -u "$expected" "$manifest" > "$work/$name.diff"; then
    echo "check_baseline: $name differs from Tests/Baseline/$name.manifest:" >&2
    cat "$work/$name.diff" >&2
    failed=1
  else
    echo "check_baseline: $name is identical to the baseline ($(wc -l < "$manifest") tables, views and export files)"
  fi
done
exit $failed
