#!/usr/bin/env bash
# Cross-checks povreview against the independent Python reference (tools/reference/, standard
# library only) on the same inputs, table by table (tools/reference/compare.py):
#
#   scripts/crosscheck.sh PATH/TO/povreview      (make test passes .build/debug/povreview)
#
# Must agree:  SampleData (the default pipeline, all five plans' criteria_results too), a
#              province merged into the sample one in 2025 (plans judged on the old territory),
#              the messy dumps of make_messy.py, and the tiny hand-computed province.
# Reported:    the --edge dumps of make_messy.py, whose rows depend on readings of ambiguous
#              points of the spec; their differences are printed, and do not fail the check.
# A tool that fails to produce its database fails the check on any set. Builds nothing.
# KEEP=1 keeps the work folder (printed at the end) for a look at the databases.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH/TO/povreview" >&2
  exit 2
fi
bin=$1
if [ ! -x "$bin" ]; then
  echo "crosscheck: no povreview executable at $bin; build it first (swift build)" >&2
  exit 2
fi
command -v python3 >/dev/null 2>&1 || { echo "crosscheck: python3 is needed for the reference" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
ref="$root/tools/reference"
work=$(mktemp -d "${TMPDIR:-/tmp}/povreview-crosscheck.XXXXXX")
if [ "${KEEP:-0}" = "1" ]; then
  echo "crosscheck: work folder $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

failed=()
plan_args=()

# check NAME MODE REF_ARGS... -- PRODUCT_ARGS...
#   MODE: "must" (differences fail the check) or "report" (differences are printed only).
check() {
  local name=$1 mode=$2; shift 2
  local ref_args=() product_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do ref_args+=("$1"); shift; done
  shift
  product_args=("$@")
  local dir="$work/$name"
  mkdir -p "$dir"
  echo "== $name"
  if ! python3 "$ref/povref.py" "${ref_args[@]}" --out "$dir/ref.sqlite" >"$dir/ref.log" 2>&1; then
    cat "$dir/ref.log" >&2
    echo "crosscheck: the reference failed on $name" >&2
    failed+=("$name (reference run)")
    return
  fi
  # Plans too, when the set names them: the reference's own evaluation of plans.md.
  if [ ${#plan_args[@]} -gt 0 ] && ! python3 "$ref/refplans.py" --db "$dir/ref.sqlite" "${plan_args[@]}" >>"$dir/ref.log" 2>&1; then
    cat "$dir/ref.log" >&2
    echo "crosscheck: the reference plan evaluation failed on $name" >&2
    failed+=("$name (reference plans)")
    return
  fi
  # Exit status 3: published with quarantined rows (README, "Nightly operation").
  if ! { "$bin" run "${product_args[@]}" --database "$dir/product.sqlite" --no-exports --quiet >"$dir/product.log" 2>&1 || [ $? -eq 3 ]; }; then
    cat "$dir/product.log" >&2
    echo "crosscheck: povreview failed on $name" >&2
    failed+=("$name (povreview run)")
    return
  fi
  local status=0
  python3 "$ref/compare.py" "$dir/ref.sqlite" "$dir/product.sqlite" || status=$?
  if [ "$status" -ne 0 ]; then
    if [ "$mode" = must ]; then
      failed+=("$name")
    else
      echo "(differences on $name are readings of ambiguous points: reported, not failed)"
    fi
  fi
}

# Python unit tests of the reference itself (hand-computed cases).
python3 -m unittest discover -s "$ref" -q 2>&1 | tail -3

# SampleData through the default pipeline (no totals file in it), with all five plans
# evaluated by both sides (criteria_results compared on verdict and borderline).
territories=(--territory lang-son=99 --territory vinh-phuc=99 --territory bac-ninh=99 --territory da-nang=99)
plan_args=(--admin "$root/SampleData/admin_units.csv" --crosswalk "$root/SampleData/crosswalk.csv"
           --targets "$root/SampleData/targets.csv" "${territories[@]}")
check sampledata must \
  --inputs "$root/SampleData" --admin "$root/SampleData/admin_units.csv" -- \
  --pipeline "$root/Pipelines/default.yaml"

# A province absorbed into the sample province in 2025 (code 99 survives): the provincial
# plans keep judging their old territory, never the merged province.
python3 "$ref/make_plan_merge.py" "$root/SampleData" "$root/Pipelines" "$work/merge-input" >/dev/null
merge="$work/merge-input"
plan_args=(--admin "$merge/admin_units.csv" --crosswalk "$merge/crosswalk.csv" --targets "$merge/targets.csv"
           --territory lang-son=99 --territory bac-ninh=99 --territory vinh-phuc=98 --territory da-nang=98)
check merged-province must \
  --inputs "$merge/dumps" --admin "$merge/admin_units.csv" -- \
  --pipeline "$merge/pipe.yaml"
plan_args=()

# The messy dumps, with their totals file, and the --edge set.
python3 "$ref/make_messy.py" "$work/messy-input" >/dev/null
python3 "$ref/make_messy.py" "$work/edge-input" --edge >/dev/null
# Their last review year has about half the rows of the one before, on purpose: the product's
# pipeline must allow that (validation.allow_year_drop; README, "Nightly operation").
messy_pipeline="$work/messy-pipeline"
mkdir -p "$messy_pipeline"
cp -R "$root/Pipelines/standards" "$root/Pipelines/plans" "$messy_pipeline/"
sed 's/^validation:$/validation:\n  allow_year_drop: true/' "$root/Pipelines/default.yaml" > "$messy_pipeline/default.yaml"
for set in messy edge; do
  input="$work/$set-input"
  mode=must; [ "$set" = edge ] && mode=report
  check "$set" "$mode" \
    --inputs "$input/dumps" --admin "$input/admin_units.csv" --totals "$input/household_totals.csv" -- \
    --pipeline "$messy_pipeline/default.yaml" --inputs "$input/dumps" --admin "$input/admin_units.csv" \
    --totals "$input/household_totals.csv"
done

# The tiny hand-computed province (its pipeline raises the quarantine limit to 40%).
tiny="$work/tiny-input"
mkdir -p "$tiny"
cp -R "$root/Tests/PovReviewCommandsTests/Fixtures/tiny/." "$tiny/"
cp -R "$root/Pipelines/standards" "$root/Pipelines/plans" "$tiny/"
check tiny must \
  --inputs "$tiny/data" --admin "$tiny/data/admin_units.csv" --quarantine-limit 40 -- \
  --pipeline "$tiny/pipeline.yaml"

if [ ${#failed[@]} -gt 0 ]; then
  echo "crosscheck: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "crosscheck: povreview agrees with the reference on sampledata (with all five plans), merged-province, messy and tiny"
