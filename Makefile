# povreview: `make run` runs the default pipeline on SampleData into out/;
# `make test` builds and runs every test, then cross-checks the debug build against the
# Python reference (scripts/crosscheck.sh). Both install what they need on a fresh machine.
SWIFT ?= swift
PIPELINE ?= Pipelines/default.yaml
RELEASE_BIN := .build/release/povreview

.PHONY: all deps test-deps build run test bench bench-scale sample clean describe

all: build

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build -c release --product povreview

run: build
	$(RELEASE_BIN) run --pipeline $(PIPELINE)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/crosscheck.sh .build/debug/povreview

# The product beside the SQLite floor (bench/floor.c), pandas and DuckDB, in turn, in one run.
bench: build
	scripts/bench.sh

# Growth: 250k, 1M, 4M households (one year) and 1M × 5 years, each beside the floor.
bench-scale: build
	scripts/bench-scale.sh

describe: build
	$(RELEASE_BIN) describe --database out/default.sqlite

clean:
	rm -rf .build out bench-data
