#!/usr/bin/env python3
"""Stress inputs for the plans cross-check: a household_totals.csv and a targets.csv whose
targets sit exactly on the published (2-decimal) figures, so that the exact and the rounded
re-decision differ (borderline = 1) wherever the exact figure is not already a 2-decimal number.

  python3 tools/reference/make_plan_stress.py totals REF.sqlite OUT/household_totals.csv
  python3 tools/reference/make_plan_stress.py targets REF.sqlite ADMIN CROSSWALK OUT/targets.csv

`totals`: reviewed households per commune-year plus 2-8 % (deterministic).
`targets` (plan vinh-phuc, every commune and village of every year 2022-2025 with data in T-1
and T, metrics rotating by unit): poor_rate_decrease = actual decrease rounded to 2 decimals;
poor_rate = rate_P(T) rounded to 2 decimals; poor_count_decrease = actual fall in the number of
poor households minus 0 or 1.  The actual figures are the reference's own (restated through the
crosswalk for the new units of 2025)."""
import csv
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refplans as rp  # noqa: E402


def totals(db, out):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT review_year, commune_code, COUNT(*) FROM household_status "
                       "WHERE standard = 'vn-2022' GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["review_year", "commune_code", "households"])
        for y, c, n in rows:
            pct = (int(c) * 7 + y * 13) % 7 + 2
            w.writerow([y, c, n + (n * pct) // 100])


def targets(db, admin, crosswalk, out):
    con = sqlite3.connect(db)
    store = rp.Store(con, rp.PlanAdmin(admin), crosswalk)
    metrics = ["poor_rate_decrease", "poor_rate", "poor_count_decrease"]
    lines = []
    i = 0
    for T in range(2022, 2026):
        for level in ("commune", "village"):
            for u in store.units(level, T):
                a, b = store.fig(level, u, T - 1, T), store.fig(level, u, T, T)
                if a is None or b is None:
                    continue
                m = metrics[i % 3]
                i += 1
                if m == "poor_rate_decrease":
                    t = rp.r2(a.rate("P") - b.rate("P"))
                elif m == "poor_rate":
                    t = rp.r2(b.rate("P"))
                else:
                    d = a["P"] - b["P"]
                    t = (d.numerator // d.denominator) - (i % 2)
                s = f"{float(t):.2f}" if m != "poor_count_decrease" else str(t)
                lines.append(["vinh-phuc", T, level, u, m, s])
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["plan", "review_year", "level", "unit_code", "metric", "target"])
        w.writerows(lines)


if __name__ == "__main__":
    if sys.argv[1] == "totals":
        totals(*sys.argv[2:4])
    else:
        targets(*sys.argv[2:6])
