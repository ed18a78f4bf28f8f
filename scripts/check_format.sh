#!/usr/bin/env bash
# Checks that every Swift file of the package (Package.swift, Sources/, Tests/, Fuzz/; or the
# paths given) is formatted as .swift-format says: `swift format lint --strict`. Prints the
# offending file:line:column list and exits non-zero when a file needs formatting; fix with
#   swift format --in-place --recursive Package.swift Sources Tests Fuzz
#   scripts/check_format.sh [PATH...]
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
[ $# -gt 0 ] || set -- Package.swift Sources Tests Fuzz

output=$("$SWIFT" format lint --strict --recursive --parallel "$@" 2>&1)
status=$?
findings=$(printf '%s\n' "$output" | grep -E '^[^ ].*\.swift:[0-9]+:[0-9]+: ' | sort -t: -k1,1 -k2,2n -k3,3n)
if [ $status -ne 0 ] || [ -n "$findings" ]; then
    if [ -n "$findings" ]; then
        printf '%s\n' "$findings"
        files=$(printf '%s\n' "$findings" | cut -d: -f1 | sort -u | wc -l)
        echo "check_format: $(printf '%s\n' "$findings" | wc -l) findings in $files files; fix with: $SWIFT format --in-place --recursive $*" >&2
    else
        printf '%s\n' "$output" >&2
        echo "check_format: swift format lint failed (exit $status)" >&2
    fi
    exit 1
fi
if [ $# -le 4 ]; then echo "check_format: formatted: $*"; else echo "check_format: formatted: $# paths"; fi
