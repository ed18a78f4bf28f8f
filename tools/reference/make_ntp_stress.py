#!/usr/bin/env python3
"""Totals that put plan ntp-2026-2030 on its rounding edges (borderline = 1), for the decree-351
held-out set.

  python3 tools/reference/make_ntp_stress.py REF.sqlite ADMIN OUT/household_totals.csv

REF.sqlite is the reference database of the set WITHOUT totals (povref.py on make_decree351.py's
dumps): it gives, per commune and review year, the reviewed households and the vn-2027 poor +
near-poor counts. For each commune, in year order, the official total of year y is chosen (first
value from the reviewed count upwards, up to 200 times it) so that the exact decrease of rate_PN
from y-1 and the decrease of the 2-decimal rates fall on different sides of 1 point; when no
value does, the total puts rate_PN near 5 % (20 x PN + 2-8; at least the reviewed count plus
2-8 %), so that the next year's steps are fine enough. Then, at 2030, one region commune's total
is re-chosen (if a value exists) so that the combined region rate of its province falls on the
other side of 10 when rounded (that needs a combined total in (10 x PN, 10.005 x PN], so only
sets with about 200 region poor and near-poor households or more can have one; the hand-computed
test in test_reflaw.py covers that edge). Every commune-year with reviewed households gets exactly one total
(no totals-only commune, no missing total). Deterministic; exact arithmetic (fractions).
"""
from __future__ import annotations

import csv
import os
import sqlite3
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refplans import PlanAdmin, r2  # noqa: E402

SPAN = 200


def rate(pn, h):
    return Fraction(100 * pn, h)


def flips(a, b, x=1):
    """Exact decrease a - b >= x differs from the rounded one."""
    return a != 0 and ((a - b >= x) != (r2(a) - r2(b) >= x))


def main(argv=None) -> int:
    db, admin_path, out = (argv or sys.argv[1:])[:3]
    con = sqlite3.connect(db)
    reviewed = {(c, y): n for y, c, n in con.execute(
        "SELECT review_year, commune_code, COUNT(DISTINCT household_id) FROM household_status "
        "GROUP BY 1, 2")}
    pn27 = {(c, y): pn for y, c, pn in con.execute(
        "SELECT review_year, commune_code, SUM(status IN ('poor', 'near_poor')) "
        "FROM household_status WHERE standard = 'vn-2027' GROUP BY 1, 2")}
    total = {}
    flipped = 0
    for c in sorted({c for c, _ in reviewed}):
        for y in sorted(y for cc, y in reviewed if cc == c):
            n = reviewed[(c, y)]
            pct = (int(c) * 7 + y * 13) % 7 + 2
            choice = n + n * pct // 100
            if pn27.get((c, y)):
                # no edge found (or none sought): a rate_PN of about 5 %, so that the next year
                # has fine enough steps (a reviewed dump of poor and near-poor candidates)
                choice = max(choice, 20 * pn27[(c, y)] + pct)
            if (c, y - 1) in total and (c, y - 1) in pn27 and (c, y) in pn27 and y >= 2027:
                a = rate(pn27[(c, y - 1)], total[(c, y - 1)])
                for h in range(n, SPAN * n + 1):
                    if flips(a, rate(pn27[(c, y)], h)):
                        choice = h
                        flipped += 1
                        break
            total[(c, y)] = choice
    # the region goal at 2030: one region commune per province re-chosen for a rounding flip
    admin = PlanAdmin(admin_path)
    region_flip = 0
    provinces = sorted({admin.province_of(c, 2030) for c, y in total if y == 2030} - {None})
    for p in provinces:
        region = sorted(c for c, y in total if y == 2030 and admin.province_of(c, 2030) == p
                        and (admin.get(c, 2030) is not None
                             and admin.get(c, 2030).ethnic_region in ("I", "II", "III")))
        if not region:
            continue
        last = region[-1]
        others_pn = sum(pn27[(c, 2030)] for c in region[:-1])
        others_h = sum(total[(c, 2030)] for c in region[:-1])
        n = reviewed[(last, 2030)]
        for h in range(n, SPAN * n + 1):
            x = rate(others_pn + pn27[(last, 2030)], others_h + h)
            if (x < 10) != (r2(x) < 10):
                total[(last, 2030)] = h
                region_flip += 1
                break
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["review_year", "commune_code", "households"])
        for (c, y) in sorted(total, key=lambda k: (k[1], k[0])):
            w.writerow([y, c, total[(c, y)]])
    print(f"make_ntp_stress: {len(total)} totals; {flipped} commune decreases and "
          f"{region_flip} region rates put on a rounding edge")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
