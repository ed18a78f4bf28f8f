#!/usr/bin/env bash
# Fuzzes the CSV scanner and the row validator with libFuzzer (Fuzz/DumpFuzzer.swift).
#   scripts/fuzz.sh [SECONDS]   (default 45; `make test` runs 45 s, `make fuzz` 600 s)
# Builds the target with `swiftc -sanitize=fuzzer,address` from the sources it needs (PovReviewCore
# as a module, then the dump reader's files), seeds a corpus from SampleData (first lines of each
# dump) and the messy/legacy/reason fixtures, and runs libFuzzer for SECONDS with a 10 s per-input
# timeout (a hang fails). Exit status non-zero on a crash, a sanitizer report, a hang or a broken
# contract (rows read = accepted + quarantined, records within the file); the failing input is
# saved under .build/fuzz/ by libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-45}"
OUT=.build/fuzz
mkdir -p "$OUT/core" "$OUT/corpus"
SWIFTC="${SWIFTC:-swiftc}"
FLAGS=(-O -parse-as-library -sanitize=fuzzer,address -g)

core_sources=$(find Sources/PovReviewCore -name '*.swift' | sort)
reader_sources=(Sources/PovReviewIO/1-Ingest/{DumpScanner,DumpScanner+Record,UTF16Transcoder,SystemError,DumpReader,DumpRecord,LegacyEncoding,RecordRawText,RawTextMasker,HeaderDiagnosis}.swift Sources/PovReviewIO/0-Configure/LocatedError.swift)
stamp="$OUT/sources.sha256"
current=$(cat $core_sources "${reader_sources[@]}" Fuzz/DumpFuzzer.swift scripts/fuzz.sh | sha256sum)
if [[ ! -x "$OUT/dump-fuzzer" || ! -f "$stamp" || "$(cat "$stamp")" != "$current" ]]; then
    echo "fuzz: building the target (PovReviewCore + dump reader, -sanitize=fuzzer,address)"
    # shellcheck disable=SC2086
    "$SWIFTC" "${FLAGS[@]}" -module-name PovReviewCore -emit-module -emit-module-path "$OUT/core/PovReviewCore.swiftmodule" \
        -emit-library -static -o "$OUT/core/libPovReviewCore.a" $core_sources > "$OUT/build.log" 2>&1 \
        || { cat "$OUT/build.log"; exit 1; }
    # (ld.gold warns about ASan's local symbols; the log keeps them out of the way.)
    "$SWIFTC" "${FLAGS[@]}" -module-name DumpFuzzer -I "$OUT/core" -L "$OUT/core" -lPovReviewCore \
        "${reader_sources[@]}" Fuzz/DumpFuzzer.swift -o "$OUT/dump-fuzzer" >> "$OUT/build.log" 2>&1 \
        || { grep -v "Cannot export local symbol" "$OUT/build.log"; exit 1; }
    echo "$current" > "$stamp"
fi

# Seeds: the head of every SampleData dump (header and 40 rows) and every ingest fixture.
for f in SampleData/households*.csv; do head -n 41 "$f" > "$OUT/corpus/sample-$(basename "$f")"; done
find Tests/PovReviewIOTests/Fixtures/ingest -name '*.csv' | while read -r f; do
    cp "$f" "$OUT/corpus/fixture-$(echo "$f" | tr '/' '_')"
done

# Inputs that once broke the contract, kept as seeds.
cp Fuzz/corpus/* "$OUT/corpus/"

echo "fuzz: running for ${SECONDS_TO_RUN} s on $(ls "$OUT/corpus" | wc -l) inputs"
# The Swift runtime's backtracer and ASan's report fight over a crash: let ASan report it.
SWIFT_BACKTRACE=enable=no "$OUT/dump-fuzzer" "$OUT/corpus" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 \
    -max_len=8192 -artifact_prefix="$OUT/" -print_final_stats=1 2> "$OUT/last-run.log" || {
    tail -40 "$OUT/last-run.log"; echo "fuzz: FAILED (the input is saved under $OUT/)"; exit 1; }
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$OUT/last-run.log" || true
echo "fuzz: no crash, no hang, no broken contract"
