#!/usr/bin/env python3
"""Planted anomalies found, clean data quiet, §3 tables equal to the reference.

  python3 tools/reference/check_integrity.py --binary PATH/TO/povreview [--pipeline FILE]
  python3 tools/reference/check_integrity.py --reference-only

Generates (make_anomalies.py) the planted province (seed --planted-seed, default 1) and the
clean province for five seeds (--seeds, default 1,2,3,4,5), then for each set:
  1. builds the database: `povreview run --inputs DIR --admin F --database X --no-exports`
     (--binary), or with the reference povref.py (--reference-only, which checks the generator
     and the reference against each other without the product);
  2. reads the `warning` rows of `integrity_findings` — the product's own table with --binary,
     refmeasures.py's on the same database with --reference-only — and requires every entry of
     planted.json (check, level, unit_code, review_year) among them, and none on a clean set;
  3. with --binary, recomputes every §3 table from the product database's household_status and
     unit_rates (refmeasures.py) and compares (compare_measures.py): part 3 is reported
     separately, and fails the check only with --strict-tables.
Exit 0 when the required parts pass. --keep DIR keeps the work files in DIR.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_measures  # noqa: E402
import refmeasures  # noqa: E402


def run(cmd, log):
    with open(log, "w") as f:
        r = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        sys.stderr.write(open(log).read()[-3000:])
        raise SystemExit(f"check_integrity: failed ({r.returncode}): {' '.join(cmd)}")


def warnings(db_path, table_db=None):
    con = sqlite3.connect(table_db or db_path)
    rows = con.execute('SELECT "check", level, unit_code, review_year FROM integrity_findings '
                       "WHERE severity = 'warning'").fetchall()
    return {(c, lv, u, int(y)) for c, lv, u, y in rows}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--binary")
    g.add_argument("--reference-only", action="store_true")
    ap.add_argument("--pipeline", help="pipeline file passed to povreview run")
    ap.add_argument("--planted-seed", type=int, default=1)
    ap.add_argument("--seeds", default="1,2,3,4,5")
    ap.add_argument("--strict-tables", action="store_true")
    ap.add_argument("--keep")
    a = ap.parse_args(argv)
    work = a.keep or tempfile.mkdtemp(prefix="povreview-integrity.")
    os.makedirs(work, exist_ok=True)
    sets = [("planted", a.planted_seed, False)] + [(f"clean-{s}", int(s), True) for s in a.seeds.split(",")]
    failures, table_failures = [], []
    for name, seed, clean in sets:
        d = os.path.join(work, name)
        cmd = [sys.executable, os.path.join(HERE, "make_anomalies.py"), "--seed", str(seed), "--out", d]
        run(cmd + (["--clean"] if clean else []), os.path.join(work, f"{name}-gen.log"))
        db = os.path.join(d, "db.sqlite")
        ref = os.path.join(d, "measures-ref.sqlite")
        if a.binary:
            cmd = [a.binary, "run"] + (["--pipeline", a.pipeline] if a.pipeline else []) + [
                "--inputs", os.path.join(d, "dumps"), "--admin", os.path.join(d, "admin_units.csv"),
                "--database", db, "--no-exports", "--quiet"]
        else:
            cmd = [sys.executable, os.path.join(HERE, "povref.py"), "--inputs", os.path.join(d, "dumps"),
                   "--admin", os.path.join(d, "admin_units.csv"), "--out", db]
        run(cmd, os.path.join(d, "db.log"))
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            tables, problems = refmeasures.compute(con)
        refmeasures.write(ref, tables)
        if problems:
            failures.append(f"{name}: the database disagrees with itself ({problems[0]} …)")
        try:
            found = warnings(db if a.binary else ref)
        except sqlite3.OperationalError as e:
            failures.append(f"{name}: no integrity_findings in the database ({e})")
            found = set()
        planted = {(p["check"], p["level"], p["unit_code"], p["review_year"])
                   for p in json.load(open(os.path.join(d, "planted.json"), encoding="utf-8"))}
        missed = sorted(planted - found)
        if a.binary:
            by_ref = warnings(ref)
            print(f"   (the reference on the same database: {len(by_ref)} warnings"
                  + ("" if clean else f", {len(planted & by_ref)} of {len(planted)} planted") + ")")
        print(f"== {name}: {len(found)} warning findings" + ("" if clean else f", {len(planted)} planted, "
                                                             f"{len(planted) - len(missed)} found"))
        for f in sorted(found):
            print(f"   {'planted ' if f in planted else ''}{f}")
        if missed:
            failures.append(f"{name}: planted anomalies not found: {missed}")
        if clean and found:
            failures.append(f"{name}: clean data raised {len(found)} warning(s)")
        if a.binary:
            print(f"-- §3 tables of {name}: product vs reference")
            if not compare_measures.compare(ref, db, limit=10):
                table_failures.append(name)
    print()
    for f in failures:
        print(f"FAILED: {f}")
    if table_failures:
        print(f"§3 tables differ from the reference on: {', '.join(table_failures)}"
              + ("" if a.strict_tables else " (reported; --strict-tables makes it fail)"))
    if not a.keep:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    bad = failures or (a.strict_tables and table_failures)
    print("check_integrity: " + ("FAILED" if bad else "planted anomalies found, clean sets quiet"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
