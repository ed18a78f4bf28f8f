# Shared by scripts/bench.sh and scripts/bench-scale.sh (sourced, not run).

# Builds bench-data/floor from bench/floor.c with the system compiler and libsqlite3.
bench_prepare_floor() {
  mkdir -p bench-data
  if [ ! -x bench-data/floor ] || [ bench/floor.c -nt bench-data/floor ]; then
    cc -O2 -o bench-data/floor bench/floor.c $(pkg-config --cflags --libs sqlite3)
  fi
}

# bench_prepare_data N YEARS DIR: generates N households a year for YEARS (A-B) into DIR/in once;
# sets DUMPS to the dump files.
bench_prepare_data() {
  local n=$1 years=$2 dir=$3
  if [ ! -f "$dir/in/.complete" ]; then
    rm -rf "$dir/in" && mkdir -p "$dir/in"
    echo "bench: generating $n households a year for $years into $dir/in"
    "$BIN" sample --households "$n" --years "$years" --out "$dir/in" --no-messy >/dev/null
    touch "$dir/in/.complete"
  fi
  DUMPS=("$dir"/in/households*.csv)
  echo "bench: input $(du -cm "${DUMPS[@]}" | tail -1 | cut -f1) MB in ${#DUMPS[@]} file(s)"
}

# Installs the pandas/DuckDB comparison into bench-data/venv; sets BENCH_PY. Fails softly.
bench_prepare_python() {
  BENCH_PY=bench-data/venv/bin/python
  if [ ! -x "$BENCH_PY" ] || ! "$BENCH_PY" -c 'import pandas, duckdb' >/dev/null 2>&1; then
    echo "bench: installing pandas and DuckDB (bench/requirements.txt) into bench-data/venv"
    python3 -m venv bench-data/venv && bench-data/venv/bin/pip install -q -r bench/requirements.txt >/dev/null 2>&1 \
      || { echo "bench: could not install pandas/DuckDB; comparing with the floor only"; return 1; }
  fi
}

bench_machine_line() {
  echo "bench: machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), " \
       "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg), " \
       "SQLite $(sqlite3 --version | cut -d' ' -f1), $(swift --version 2>/dev/null | head -1 | sed 's/.*Swift version \([^ ]*\).*/Swift \1/')"
}
