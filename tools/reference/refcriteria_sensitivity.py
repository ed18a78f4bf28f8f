#!/usr/bin/env python3
"""Reference `criteria_sensitivity` (outputs.md §3): the plans' verdicts re-decided on each
sensitivity scenario's figures.

  python3 tools/reference/refcriteria_sensitivity.py --db DB --out OUT.sqlite [--keep DIR] \\
      -- --admin F [--crosswalk F] [--targets F] [--territory PLAN=CODE ...]

For every scenario of refmeasures.py (line −10%, −5%, +5%, +10%, cut-off k − 1, k + 1) it copies
DB, recomputes every count and rate of `unit_rates` from `household_status` with the households'
scenario statuses (refmeasures.classify; the denominators `households` stay), runs the reference
plan evaluation `refplans.py` on that copy with the arguments after `--`, and writes
`criteria_sensitivity(plan, criterion_id, level, unit_code, evaluation_year, scenario, verdict)`
into OUT (created if missing; only its `criteria_sensitivity` table is replaced, so OUT may be
refmeasures.py's output; `compare_measures.py` compares the table when the reference has it).

Before any scenario the recomputation is run unchanged (line × 1, the standard's own cut-off) and
must reproduce DB's `unit_rates` exactly, column by column: the scenario figures are built by the
same code that passes that check.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import refmeasures as rm  # noqa: E402

COUNT_COLUMNS = ("poor", "near_poor", "average", "poor_near_poor", "ethnic_minority_poor",
                 "poor_without_labour_capacity", "poor_special_difficulty", "poor_members", "near_poor_members")


def scenario_rates(rates, households, indicators, factor, dk):
    """unit_rates rows (dicts) with every count and rate recomputed under the scenario."""
    out = {}
    counts = defaultdict(lambda: defaultdict(int))
    for (y, s), hs in households.items():
        inds = indicators[s]
        for h in hs.values():
            st = rm.classify(h, s, factor, rm.STANDARDS[s]["cutoff"] + dk) if s in rm.STANDARDS else h.status
            add = {"poor": st == "poor", "near_poor": st == "near_poor", "average": st == "average",
                   "poor_near_poor": st in ("poor", "near_poor"),
                   "ethnic_minority_poor": st == "poor" and h.ethnic == 1,
                   "poor_without_labour_capacity": st == "poor" and h.no_labour == 1,
                   "poor_special_difficulty": st == "poor" and (h.no_labour == 1 or h.social == 1),
                   "poor_members": h.members if st == "poor" else 0,
                   "near_poor_members": h.members if st == "near_poor" else 0}
            for ind, f in zip(inds, h.flags):
                add[f"poor_deprived_{ind}"] = st == "poor" and f == 1
                add[f"near_poor_deprived_{ind}"] = st == "near_poor" and f == 1
            for u in h.units:
                c = counts[(y, s) + u]
                for k, v in add.items():
                    c[k] += int(v)
    for key, r in rates.items():
        new = dict(r)
        c = counts.get(key, {})
        for col in COUNT_COLUMNS + tuple(col for col in r if col.startswith(("poor_deprived_", "near_poor_deprived_"))):
            if col in r and r[col] is not None:
                new[col] = c.get(col, 0)
        hh = r["households"]
        new["poor_rate"] = float(Fraction(100 * new["poor"], hh))
        new["near_poor_rate"] = float(Fraction(100 * new["near_poor"], hh))
        new["poor_near_poor_rate"] = float(Fraction(100 * new["poor_near_poor"], hh))
        emh = r["ethnic_minority_households"]
        new["ethnic_minority_poor_rate"] = float(Fraction(100 * new["ethnic_minority_poor"], emh)) if emh else None
        out[key] = new
    return out


def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return a == b


def write_rates(path, rates):
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute("PRAGMA table_info(unit_rates)")]
    con.execute("DELETE FROM unit_rates")
    con.executemany(f"INSERT INTO unit_rates ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [tuple(r.get(c) for c in cols) for r in rates.values()])
    con.execute("DROP TABLE IF EXISTS criteria_results")
    con.commit()
    con.close()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    plan_args = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--keep")
    a = ap.parse_args(argv)
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    rates, households, indicators = rm.load(con, {})
    con.close()
    base = scenario_rates(rates, households, indicators, Fraction(1), 0)
    bad = [(k, c, rates[k][c], base[k][c]) for k in rates for c in rates[k] if not same_value(rates[k][c], base[k][c])]
    if bad:
        for b in bad[:10]:
            print(f"refcriteria_sensitivity: baseline recomputation differs: {b}", file=sys.stderr)
        return 1
    work = a.keep or tempfile.mkdtemp(prefix="refcrit.")
    os.makedirs(work, exist_ok=True)
    rows = []
    for name, factor, dk in rm.SCENARIOS:
        path = os.path.join(work, f"scenario-{name.replace('%', 'pct')}.sqlite")
        shutil.copyfile(a.db, path)
        write_rates(path, scenario_rates(rates, households, indicators, factor, dk))
        r = subprocess.run([sys.executable, os.path.join(HERE, "refplans.py"), "--db", path] + plan_args,
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stdout + r.stderr)
            return 1
        c = sqlite3.connect(path)
        rows += [row + (name,) for row in c.execute(
            "SELECT plan, criterion_id, level, unit_code, evaluation_year, verdict FROM criteria_results")]
        c.close()
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    out = sqlite3.connect(a.out)
    out.execute("DROP TABLE IF EXISTS criteria_sensitivity")
    out.execute("CREATE TABLE criteria_sensitivity (plan, criterion_id, level, unit_code, evaluation_year, "
                "scenario, verdict)")
    out.executemany("INSERT INTO criteria_sensitivity VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(p, c, lv, u, y, sc, v) for (p, c, lv, u, y, v, sc) in rows])
    out.commit()
    print(f"criteria_sensitivity: {len(rows)} rows over {len(rm.SCENARIOS)} scenarios")
    return 0


if __name__ == "__main__":
    sys.exit(main())
