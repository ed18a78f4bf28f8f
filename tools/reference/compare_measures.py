#!/usr/bin/env python3
"""Compare the analyst tables of outputs.md §3 of a reference database (refmeasures.py) with a
product database.

  python3 tools/reference/compare_measures.py REF.sqlite PRODUCT.sqlite [--limit 20]

Tables and keys (integers compared exactly, REALs within 1e-9 relative, 1e-12 absolute; NULL
only equals NULL):
  unit_af_measures    (review_year, standard, level, unit_code, scope, k)
  unit_af_indicators  (… , indicator)
  unit_changes        (standard, level, unit_code, measure, from_year, to_year, kind)
  integrity_findings  (review_year, standard, level, unit_code, check) — `warning` rows only
  sensitivity         (review_year, standard, level, unit_code, scenario); the product's scenario
                      names are read loosely (`line-10%`, `line_minus_10`, `income_line_-10pct`,
                      `k+1`, `cutoff_plus_1`, … all map to the reference's names).
  criteria_sensitivity (plan, criterion_id, level, unit_code, evaluation_year, scenario) on
                      verdict — only when the reference database has the table
                      (refcriteria_sensitivity.py).
Extra columns in the product are ignored. Exit status 0 when every table agrees, 1 otherwise.
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import sys

REL, ABS = 1e-9, 1e-12

TABLES = (
    ("unit_af_measures", ("review_year", "standard", "level", "unit_code", "scope", "k"),
     dict(households="int", multidimensionally_poor="int", deprivations_of_poor="int",
          headcount_ratio="real", intensity="real", adjusted_headcount="real")),
    ("unit_af_indicators", ("review_year", "standard", "level", "unit_code", "scope", "k", "indicator"),
     dict(uncensored_headcount="real", censored_headcount="real", contribution_percent="real")),
    ("unit_changes", ("standard", "level", "unit_code", "measure", "from_year", "to_year", "kind"),
     dict(from_value="real", to_value="real", absolute_change="real", relative_change_percent="real",
          annualised_absolute="real", annualised_relative_percent="real")),
    ("integrity_findings", ("review_year", "standard", "level", "unit_code", "check"),
     dict(statistic="real", threshold="real")),
    ("sensitivity", ("review_year", "standard", "level", "unit_code", "scenario"),
     dict(poor="int", near_poor="int", poor_rate="real", poor_near_poor_rate="real",
          households_changing_status="int")),
    ("criteria_sensitivity", ("plan", "criterion_id", "level", "unit_code", "evaluation_year", "scenario"),
     dict(verdict="text")),
)
OPTIONAL = {"criteria_sensitivity"}   # compared only when the reference database has it


def norm_scenario(name):
    """Reference scenario name for a product scenario name, or the name itself."""
    s = str(name).lower()
    m = re.search(r"(-|\+|minus|plus|down|up|m|p)?_?(\d+)", s)
    if m is None:
        return name
    sign = "-" if m.group(1) in ("-", "minus", "down", "m") else "+" if m.group(1) else None
    num = m.group(2)
    if "line" in s or "income" in s or "%" in s or "pct" in s:
        return f"line{sign}{num}%" if sign else name
    if s.startswith("k") or "cut" in s:
        return f"k{sign}{num}" if sign else name
    return name


def load(con, table, keys, cols):
    have = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    if not have:
        return None, f"table {table} is missing"
    missing = [c for c in keys + tuple(cols) if c not in have]
    if any(k in missing for k in keys):
        return None, f"table {table} lacks key column(s) {[k for k in keys if k in missing]}"
    use = [c for c in cols if c in have]
    sql = "SELECT " + ", ".join(f'"{c}"' for c in keys + tuple(use)) + f' FROM "{table}"'
    if table == "integrity_findings":
        sql += " WHERE severity = 'warning'"
    data = {}
    for row in con.execute(sql):
        key = list(row[:len(keys)])
        if table in ("sensitivity", "criteria_sensitivity"):
            key[-1] = norm_scenario(key[-1])
        key = tuple(int(v) if isinstance(v, float) and v.is_integer() else v for v in key)
        data[key] = dict(zip(use, row[len(keys):]))
    return data, (f"missing column(s) {missing}" if missing else None)


def same(kind, a, b):
    if a is None or b is None:
        return a is None and b is None
    if kind == "text":
        return a == b
    if kind == "int":
        return float(a).is_integer() and float(b).is_integer() and int(a) == int(b)
    a, b = float(a), float(b)
    return abs(a - b) <= max(ABS, REL * max(abs(a), abs(b)))


def compare(ref_path, prod_path, limit=20, out=sys.stdout):
    ref, prod = sqlite3.connect(ref_path), sqlite3.connect(prod_path)
    ok = True
    for table, keys, cols in TABLES:
        r, rnote = load(ref, table, keys, cols)
        if r is None and table in OPTIONAL:
            continue
        p, pnote = load(prod, table, keys, cols)
        if r is None or p is None:
            print(f"{table}: cannot compare ({rnote or pnote})", file=out)
            ok = False
            continue
        only_r = sorted(set(r) - set(p), key=str)
        only_p = sorted(set(p) - set(r), key=str)
        diffs = []
        for k in sorted(set(r) & set(p), key=str):
            for c, kind in cols.items():
                if c in p[k] and not same(kind, r[k][c], p[k][c]):
                    diffs.append((k, c, r[k][c], p[k][c]))
        agree = len(set(r) & set(p)) - len({d[0] for d in diffs})
        status = "OK" if not (only_r or only_p or diffs or pnote) else "DIFFERS"
        print(f"{table}: {status}: {len(r)} reference rows, {len(p)} product rows, {agree} agree, "
              f"{len({d[0] for d in diffs})} differ, {len(only_r)} only in reference, {len(only_p)} only in product"
              + (f" ({pnote})" if pnote else ""), file=out)
        for k in only_r[:limit]:
            print(f"  only in reference: {k}", file=out)
        for k in only_p[:limit]:
            print(f"  only in product:   {k}", file=out)
        for k, c, a, b in diffs[:limit]:
            print(f"  {k} {c}: reference {a!r}, product {b!r}", file=out)
        ok = ok and status == "OK"
    return ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ref")
    ap.add_argument("product")
    ap.add_argument("--limit", type=int, default=20)
    a = ap.parse_args(argv)
    return 0 if compare(a.ref, a.product, a.limit) else 1


if __name__ == "__main__":
    sys.exit(main())
