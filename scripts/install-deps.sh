#!/usr/bin/env bash
# Installs what povreview needs on a fresh Debian machine, only when it is missing:
# the C libraries the Swift package links (libsqlite3, libcrypto, libxlsxwriter) and pkg-config.
# With --test also the test tools: openpyxl (reads the XLSX exports), Datasette (serves the
# database with its metadata) and, where it can, Chromium (renders the HTML report) and
# LibreOffice Calc with poppler-utils and the Carlito font (prints the workbook to PDF).
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
  if ! python3 -c 'import openpyxl, datasette' >/dev/null 2>&1; then
    echo "install-deps: installing openpyxl and datasette with pip" >&2
    python3 -m pip install -q -r scripts/requirements-test.txt >/dev/null 2>&1 \
      || echo "install-deps: openpyxl or datasette could not be installed; their tests will skip" >&2
  fi
fi
