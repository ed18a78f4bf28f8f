#!/usr/bin/env bash
# Installs what povreview needs on a fresh Debian machine, only when it is missing:
# the C libraries the Swift package links (libsqlite3, libcrypto, libxlsxwriter) and pkg-config.
# With --test also the test tools: openpyxl (reads the XLSX exports), Datasette (serves the
# database with its metadata), mpitb and scipy (the Alkire-Foster cross-check of
# tools/reference/check_mpitb.py), DuckDB with its SQLite scanner in .venv (the national roll-up
# test) and, where it can, Chromium (renders the HTML report) and LibreOffice Calc with
# poppler-utils and the Carlito font (prints the workbook to PDF).
set -euo pipefail

need_apt=()
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
for pair in sqlite3:libsqlite3-dev libcrypto:libssl-dev xlsxwriter:libxlsxwriter-dev; do
  module=${pair%%:*}; package=${pair##*:}
  if ! pkg-config --exists "$module" 2>/dev/null; then need_apt+=("$package"); fi
done
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1 && [ "${POVREVIEW_SKIP_CHROMIUM:-0}" != "1" ]; then
    need_apt+=(chromium)
  fi
  # LibreOffice (headless Calc) prints the workbook to PDF; poppler-utils reads the PDF back.
  if ! command -v soffice >/dev/null 2>&1 && [ "${POVREVIEW_SKIP_LIBREOFFICE:-0}" != "1" ]; then
    need_apt+=(libreoffice-calc-nogui)
  fi
  command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
  # Carlito has Calibri's metrics (the workbook's font), so LibreOffice wraps text as Excel does.
  fc-match Calibri 2>/dev/null | grep -q Carlito || need_apt+=(fonts-crosextra-carlito)
fi

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: installing ${*} with apt-get" >&2
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ${#need_apt[@]} -gt 0 ]; then
  if ! apt_install "${need_apt[@]}"; then
    # Chromium is optional (its test skips); the libraries are not.
    for package in "${need_apt[@]}"; do
      case "$package" in chromium|libreoffice-calc-nogui|poppler-utils|fonts-crosextra-carlito) continue ;; esac
      echo "install-deps: could not install $package; install it with: apt-get install $package" >&2
      exit 1
    done
  fi
fi

if [ "${1:-}" = "--test" ]; then
  if ! python3 -c 'import openpyxl, datasette, mpitb, scipy' >/dev/null 2>&1; then
    echo "install-deps: installing openpyxl, datasette, mpitb and scipy with pip" >&2
    python3 -m pip install -q -r scripts/requirements-test.txt >/dev/null 2>&1 \
      || echo "install-deps: the Python test packages could not be installed; the XLSX reader and mpitb checks will skip or fail" >&2
  fi
fi

# The national roll-up test runs DuckDB 1.4.4 with its SQLite scanner from a project venv (.venv),
# so the pinned versions never replace another DuckDB of the system Python.
if [ "${1:-}" = "--test" ]; then
  if ! .venv/bin/python -c 'import duckdb, duckdb_ext; assert duckdb.__version__ == "1.4.4"' >/dev/null 2>&1; then
    echo "install-deps: installing DuckDB and its SQLite scanner into .venv" >&2
    python3 -c 'import ensurepip' >/dev/null 2>&1 || apt_install python3-venv || true
    { [ -x .venv/bin/python ] || python3 -m venv .venv; } && .venv/bin/pip install -q -r scripts/requirements-duckdb.txt >/dev/null \
      || { echo "install-deps: could not install DuckDB into .venv (scripts/requirements-duckdb.txt)" >&2; exit 1; }
  fi
fi
