#!/usr/bin/env python3
"""Compare a reference database with a product database on the contract columns.

  python3 tools/reference/compare.py REF.sqlite PRODUCT.sqlite [--limit 20]

Exit status 0 when every compared table agrees, 1 otherwise (2 on usage errors).
Extra tables and columns in the product database are ignored.  When a table
has a run_id column, only the latest run (highest run_id in input_files, else
in that table) is compared.  `criteria_results` (written by refplans.py) is compared keyed by
(plan, criterion_id, unit_code, evaluation_year, standard) on verdict and borderline, with a
per-plan / per-criterion summary; it is skipped when the reference has no such table.
`household_deprivation` (a local standard's extra indicators) is compared keyed by (review_year,
standard, household_id, indicator) on `deprived` when the reference table has rows.
`--tables a,b,...` restricts the comparison to the named tables (the held-out sets of issue 8
compare only the tables their feature touches).
"""
from __future__ import annotations

import argparse
import sqlite3
import sys

RATE_TOL = 1e-9


def table_columns(con, table):
    try:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def latest_run(con):
    cols = table_columns(con, "input_files")
    if "run_id" in cols:
        row = con.execute("SELECT run_id FROM input_files ORDER BY rowid DESC LIMIT 1").fetchone()
        if row:
            return row[0]
    return None


def load(con, table, key_cols, val_cols, run_id):
    cols = table_columns(con, table)
    if not cols:
        return None, f"table {table!r} is missing"
    missing = [c for c in key_cols + val_cols if c not in cols]
    use_vals = [c for c in val_cols if c in cols]
    sql = "SELECT " + ", ".join(f'"{c}"' for c in key_cols + use_vals) + f' FROM "{table}"'
    params = ()
    if run_id is not None and "run_id" in cols:
        sql += " WHERE run_id = ?"
        params = (run_id,)
    if any(c not in cols for c in key_cols):
        return None, f"table {table!r} lacks key column(s) {missing}"
    data = {}
    dups = 0
    for row in con.execute(sql, params):
        k = tuple(norm_key(c, v) for c, v in zip(key_cols, row[:len(key_cols)]))
        if k in data:
            dups += 1
        data[k] = dict(zip(use_vals, row[len(key_cols):]))
    note = None
    if missing:
        note = f"missing column(s): {', '.join(missing)}"
    if dups:
        note = (note + "; " if note else "") + f"{dups} duplicate key(s)"
    return data, note


INT_KEYS = {"review_year", "from_year", "to_year", "line", "evaluation_year"}


def norm_key(col, v):
    """Keys: years and line numbers as int; paths with '/' and no leading './'."""
    if col in INT_KEYS and v is not None:
        try:
            return int(v)
        except (TypeError, ValueError):
            return v
    if col in ("source_file", "path") and isinstance(v, str):
        v = v.replace("\\", "/")
        while v.startswith("./"):
            v = v[2:]
    return v


def norm_int(v):
    if v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return v


def same(kind, a, b):
    if a is None or b is None:
        return a is None and b is None
    if kind == "rate":
        try:
            return abs(float(a) - float(b)) <= RATE_TOL
        except (TypeError, ValueError):
            return False
    if kind == "int":
        return norm_int(a) == norm_int(b)
    return a == b


def compare_table(name, ref, prod, key_cols, specs, limit, out):
    """specs: list of (column, kind) with kind in 'int', 'rate', 'text'."""
    rdata, rnote = load(ref, name, key_cols, [c for c, _ in specs], latest_run(ref))
    pdata, pnote = load(prod, name, key_cols, [c for c, _ in specs], latest_run(prod))
    if rdata is None:
        out.append(f"[{name}] reference: {rnote}")
        return 1
    if pdata is None:
        out.append(f"[{name}] product: {pnote}")
        return 1
    problems = []
    if pnote:
        problems.append(f"product: {pnote}")
    only_ref = sorted(set(rdata) - set(pdata), key=repr)
    only_prod = sorted(set(pdata) - set(rdata), key=repr)
    diffs = []
    for k in sorted(set(rdata) & set(pdata), key=repr):
        r, p = rdata[k], pdata[k]
        for col, kind in specs:
            if col not in r:
                continue
            if col not in p:
                continue   # reported once as a missing column
            if not same(kind, r[col], p[col]):
                diffs.append((k, col, r[col], p[col]))
    n_bad = len(only_ref) + len(only_prod) + len(diffs) + (1 if pnote else 0)
    status = "OK" if n_bad == 0 else "MISMATCH"
    out.append(f"[{name}] {status}: ref {len(rdata)} rows, product {len(pdata)} rows; "
               f"only in ref {len(only_ref)}, only in product {len(only_prod)}, "
               f"differing values {len(diffs)}")
    for p in problems:
        out.append(f"  {p}")
    for k in only_ref[:limit]:
        out.append(f"  only in ref:     {dict(zip(key_cols, k))} {rdata[k]}")
    for k in only_prod[:limit]:
        out.append(f"  only in product: {dict(zip(key_cols, k))} {pdata[k]}")
    by_col = {}
    for k, col, a, b in diffs:
        by_col.setdefault(col, 0)
        by_col[col] += 1
    if by_col:
        out.append("  differing columns: " + ", ".join(f"{c} ({n})" for c, n in sorted(by_col.items())))
    for k, col, a, b in diffs[:limit]:
        out.append(f"  {dict(zip(key_cols, k))} {col}: ref={a!r} product={b!r}")
    return 0 if n_bad == 0 else 1


CR_KEY = ["plan", "criterion_id", "unit_code", "evaluation_year", "standard"]


def compare_criteria(ref, prod, limit, out):
    """criteria_results keyed by (plan, criterion_id, unit_code, evaluation_year, standard) on
    verdict and borderline, with a per-plan and per-criterion summary.

    Tolerance (documented in README.md): extra columns in the product are ignored (outputs.md
    lets the product add columns); product rows of a plan the reference did not evaluate at all
    are listed as "plan not evaluated by the reference" and do not count as a mismatch, because
    the reference only implements the five plans of plans.md.  Every other row present in one
    database only is a mismatch."""
    for con, who in ((ref, "reference"), (prod, "product")):
        if not table_columns(con, "criteria_results"):
            out.append(f"[criteria_results] {who}: table 'criteria_results' is missing")
            return 1 if who == "product" else 0
    rdata, rnote = load(ref, "criteria_results", CR_KEY, ["verdict", "borderline"], None)
    pdata, pnote = load(prod, "criteria_results", CR_KEY, ["verdict", "borderline"],
                        latest_run(prod))
    if rdata is None or pdata is None:
        out.append(f"[criteria_results] {rnote or pnote}")
        return 1
    ref_plans = {k[0] for k in rdata}
    foreign = {k for k in pdata if k[0] not in ref_plans}
    stats = {}     # (plan, criterion) -> [agree, differ, only_ref, only_prod]
    diffs, only_r, only_p = [], [], []

    def st(k):
        return stats.setdefault((k[0], k[1]), [0, 0, 0, 0])
    for k in sorted(set(rdata) | set(pdata), key=repr):
        if k in foreign:
            continue
        r, p = rdata.get(k), pdata.get(k)
        if r is None:
            st(k)[3] += 1
            only_p.append(k)
        elif p is None:
            st(k)[2] += 1
            only_r.append(k)
        else:
            vr, vp = r["verdict"], p["verdict"]
            br, bp = norm_int(r["borderline"]), norm_int(p["borderline"])
            if vr == vp and br == bp:
                st(k)[0] += 1
            else:
                st(k)[1] += 1
                diffs.append((k, (vr, br), (vp, bp)))
    n_bad = len(diffs) + len(only_r) + len(only_p) + (1 if pnote else 0)
    out.append(f"[criteria_results] {'OK' if n_bad == 0 else 'MISMATCH'}: ref {len(rdata)} rows, "
               f"product {len(pdata)} rows; only in ref {len(only_r)}, only in product "
               f"{len(only_p)}, differing verdict/borderline {len(diffs)}")
    if pnote:
        out.append(f"  product: {pnote}")
    if foreign:
        out.append(f"  plan not evaluated by the reference (ignored): "
                   f"{sorted({k[0] for k in foreign})} ({len(foreign)} rows)")
    out.append(f"  {'plan':<14} {'criterion':<38} {'agree':>6} {'differ':>6} "
               f"{'only ref':>8} {'only prod':>9}")
    plans = sorted({p for p, _ in stats})
    for plan in plans:
        tot = [0, 0, 0, 0]
        for (p, c), v in sorted(stats.items()):
            if p != plan:
                continue
            tot = [a + b for a, b in zip(tot, v)]
            out.append(f"  {p:<14} {c:<38} {v[0]:>6} {v[1]:>6} {v[2]:>8} {v[3]:>9}")
        out.append(f"  {plan:<14} {'(plan total)':<38} {tot[0]:>6} {tot[1]:>6} {tot[2]:>8} "
                   f"{tot[3]:>9}")
    for k in only_r[:limit]:
        out.append(f"  only in ref:     {dict(zip(CR_KEY, k))} {rdata[k]}")
    for k in only_p[:limit]:
        out.append(f"  only in product: {dict(zip(CR_KEY, k))} {pdata[k]}")
    for k, a, b in diffs[:limit]:
        out.append(f"  {dict(zip(CR_KEY, k))}: ref verdict={a[0]!r} borderline={a[1]!r}; "
                   f"product verdict={b[0]!r} borderline={b[1]!r}")
    return 0 if n_bad == 0 else 1


def cmp_household_status(ref, prod, limit, out, ctx):
    return compare_table(
        "household_status", ref, prod, ["review_year", "standard", "household_id"],
        [("status", "text"), ("deprivation_count", "int")]
        + [(c, "int") for c in ctx["deprived"]]
        + [("income_basis", "text"), ("village", "text"), ("district_code", "text"),
           ("province_code", "text")],
        limit, out)


def cmp_unit_rates(ref, prod, limit, out, ctx):
    return compare_table(
        "unit_rates", ref, prod, ["review_year", "standard", "level", "unit_code"],
        [(c, "int") for c in ("households", "poor", "near_poor", "average", "poor_near_poor",
                              "ethnic_minority_households", "ethnic_minority_poor",
                              "poor_without_labour_capacity", "poor_special_difficulty",
                              "poor_members", "near_poor_members")]
        + [(c, "int") for c in ctx["ind_counts"]]
        + [(c, "rate") for c in ("poor_rate", "near_poor_rate", "poor_near_poor_rate",
                                 "ethnic_minority_poor_rate")]
        + [("parent_code", "text"), ("denominator_source", "text")],
        limit, out)


COMPARERS = {
    "household_status": cmp_household_status,
    "unit_rates": cmp_unit_rates,
    "quarantine": lambda ref, prod, limit, out, ctx: compare_table(
        "quarantine", ref, prod, ["source_file", "line"],
        [("reason", "text"), ("column_name", "text")], limit, out),
    "household_transitions": lambda ref, prod, limit, out, ctx: compare_table(
        "household_transitions", ref, prod, ["household_id", "from_year", "to_year", "standard"],
        [("from_status", "text"), ("to_status", "text"), ("change", "text")], limit, out),
    "input_files": lambda ref, prod, limit, out, ctx: compare_table(
        "input_files", ref, prod, ["path"],
        [("rows_read", "int"), ("rows_accepted", "int"), ("rows_quarantined", "int")],
        limit, out),
    "household_deprivation": lambda ref, prod, limit, out, ctx: compare_table(
        "household_deprivation", ref, prod,
        ["review_year", "standard", "household_id", "indicator"], [("deprived", "int")],
        limit, out),
    "criteria_results": lambda ref, prod, limit, out, ctx: compare_criteria(ref, prod, limit,
                                                                            out),
}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("ref")
    ap.add_argument("product")
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--tables", help="comma-separated tables to compare (default: all of them)")
    a = ap.parse_args(argv)
    try:
        ref = sqlite3.connect(f"file:{a.ref}?mode=ro", uri=True)
        prod = sqlite3.connect(f"file:{a.product}?mode=ro", uri=True)
        ref.execute("SELECT 1 FROM sqlite_master").fetchall()
        prod.execute("SELECT 1 FROM sqlite_master").fetchall()
    except sqlite3.Error as e:
        print(f"compare: cannot open databases: {e}", file=sys.stderr)
        return 2

    hs_cols = table_columns(ref, "household_status")
    deprived = [c for c in hs_cols if c.startswith("deprived_")]
    ur_cols = table_columns(ref, "unit_rates")
    ind_counts = [c for c in ur_cols if c.startswith(("poor_deprived_", "near_poor_deprived_"))]

    has_hd = bool(table_columns(ref, "household_deprivation")) and ref.execute(
        "SELECT count(*) FROM household_deprivation").fetchone()[0] > 0
    default = ["household_status", "unit_rates", "quarantine", "household_transitions",
               "input_files", "criteria_results"] + (["household_deprivation"] if has_hd else [])
    wanted = [t.strip() for t in a.tables.split(",")] if a.tables else default
    unknown = [t for t in wanted if t not in COMPARERS]
    if unknown:
        print(f"compare: unknown table(s) {unknown}; known: {sorted(COMPARERS)}", file=sys.stderr)
        return 2
    ctx = {"deprived": deprived, "ind_counts": ind_counts}
    out = []
    bad = 0
    for t in wanted:
        bad += COMPARERS[t](ref, prod, a.limit, out, ctx)
    print("\n".join(out))
    print("RESULT:", "all tables agree" if bad == 0 else f"{bad} table(s) differ")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
