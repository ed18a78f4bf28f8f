# povreview: `make run` runs the default pipeline on SampleData into out/;
# `make test` builds and runs every test, then cross-checks the debug build against the
# Python reference (scripts/crosscheck.sh). Both install what they need on a fresh machine.
SWIFT ?= swift
PIPELINE ?= Pipelines/default.yaml
RELEASE_BIN := .build/release/povreview

.PHONY: all deps test-deps build run test bench bench-scale bench-national bench-incremental sample clean describe fuzz

all: build

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build -c release --product povreview

# Exit status 3 = published with quarantined rows (SampleData has some on purpose);
# 4 = nothing changed since the last run (nothing written).
run: build
	$(RELEASE_BIN) run --pipeline $(PIPELINE); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ] || [ $$status -eq 4 ]

test: test-deps
	scripts/check_format.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/crosscheck.sh .build/debug/povreview
	scripts/check_baseline.sh .build/debug/povreview
	scripts/check_integrity.sh .build/debug/povreview --strict-tables
	scripts/test-duckdb-national.sh .build/debug/povreview
	scripts/fuzz.sh 45

# libFuzzer on the CSV scanner and row validator for 10 minutes (make test runs it for 45 s).
fuzz:
	scripts/fuzz.sh 600

# The product beside the SQLite floor (bench/floor.c), pandas and DuckDB, in turn, in one run.
bench: build
	scripts/bench.sh

# Growth: 250k, 1M, 4M households (one year) and 1M × 5 years, each beside the floor.
bench-scale: build
	scripts/bench-scale.sh

# The 34 provinces (50,000 households each, 2 years) run two at a time, then the national roll-up;
# prints the time per household and an extrapolation to 27 million households a year.
bench-national: build
	scripts/bench-national.sh

# Nightly reruns on SampleData: full rebuild, one dump changed, nothing changed, side by side.
bench-incremental: build
	scripts/bench-incremental.sh

describe: build
	$(RELEASE_BIN) describe --database out/default.sqlite

clean:
	rm -rf .build out bench-data
