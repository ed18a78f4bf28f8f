#!/usr/bin/env python3
"""Deterministic held-out set for the two plan readings corrected by issue 8 (plans.md pinned
detail 6): poor-district exit decided by the admin file alone, and Vĩnh Phúc's new-rural poverty
criterion on rate_PN.

  python3 tools/reference/make_law_plans.py OUTDIR [--exit] [--seed 36]

Writes OUTDIR/admin_units.csv and OUTDIR/dumps/households_2021.csv ... households_2025.csv for
two fictional provinces that carry the codes of the two plans' territories (20 for lang-son, 26
for vinh-phuc), districts until 2024, communes directly under their province from 2025.
- Province 20: poor district 201 with a high rate_PN (about 50 %), poor district 202 with a low
  one (about 15 %: "exited" under the old 35-point reading, never under the admin-only one),
  district 203 not poor. With --exit, the admin file lists 201 as off the poor-district list from
  2023 (a second row, valid 2023-2024): lang-son's province-district-exit is then met, else
  not_met.
- Province 26: rural communes 26101 and 26102 and a ward 26103. In 2022, 26101 has exactly 50
  households with 1 poor and 2 near-poor (rate_P 2, rate_PN 6: met under the old rate_P reading,
  not under rate_PN) -- with --exit, 1 poor and 0 near-poor (rate_PN 2, inclusive: met); 26102
  has 1 near-poor of 50 (rate_PN 2); the ward has many poor households (outside the criterion).
Statuses are decided by construction on vn-2022's income basis (lines 1,500,000 rural /
2,000,000 urban, band 2,250,000 / 3,000,000, cut-off 3). Nothing here comes from SampleData.
"""
from __future__ import annotations

import argparse
import csv
import os
import random

HEADER = ["review_year", "household_id", "province_code", "district_code", "commune_code",
          "village", "area", "members", "ethnic_minority", "income_per_capita", "income_score",
          "working_age_without_job", "dependants", "children_malnourished",
          "members_6plus_uninsured", "adults_16_30_without_qualification",
          "children_3_15_out_of_school", "housing_type", "housing_area_m2", "water_source",
          "latrine", "internet_users", "info_devices", "loudspeaker_access",
          "members_with_labour_capacity", "social_protection_members"]

# commune -> (district, province, urban, ethnic region, households, shares poor/near-poor)
COMMUNES = {
    "20101": ("201", "20", False, "III", 45, (0.30, 0.20)),
    "20102": ("201", "20", False, "", 40, (0.25, 0.25)),
    "20201": ("202", "20", False, "II", 50, (0.05, 0.10)),
    "20301": ("203", "20", True, "", 40, (0.05, 0.05)),
    "26101": ("261", "26", False, "", 50, (0.04, 0.06)),
    "26102": ("261", "26", False, "", 50, (0.02, 0.04)),
    "26103": ("261", "26", True, "", 40, (0.20, 0.15)),
}
NAMES = {"20": "Tỉnh Núi Đá", "26": "Tỉnh Đồng Bằng", "201": "Huyện Cao Nguyên",
         "202": "Huyện Thung Lũng", "203": "Thị xã Bản Lề", "261": "Huyện Sông Cầu",
         "20101": "Xã Khau Vai", "20102": "Xã Na Rì", "20201": "Xã Pác Ngòi",
         "20301": "Phường Chợ Mới", "26101": "Xã Đại Đồng", "26102": "Xã Tiên Lữ",
         "26103": "Phường Hội Hợp"}
# 2022 statuses fixed by construction in the new-rural communes: (poor, near-poor) of 50
FORCED_2022 = {False: {"26101": (1, 2), "26102": (0, 1)}, True: {"26101": (1, 0), "26102": (0, 1)}}


def admin_csv(exit_: bool) -> str:
    rows = ["code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,"
            "valid_from,valid_to"]
    for p in ("20", "26"):
        rows.append(f"{p},{NAMES[p]},province,,0,0,,,")
    for d, p, poor in (("201", "20", 1), ("202", "20", 1), ("203", "20", 0), ("261", "26", 0)):
        if d == "201" and exit_:
            rows.append(f"{d},{NAMES[d]},district,{p},1,0,,,2022")
            rows.append(f"{d},{NAMES[d]},district,{p},0,0,,2023,2024")
        else:
            rows.append(f"{d},{NAMES[d]},district,{p},{poor},0,,,2024")
    for c, (d, p, _u, er, _n, _s) in COMMUNES.items():
        rows.append(f"{c},{NAMES[c]},commune,{d},0,0,{er},,2024")
        rows.append(f"{c},{NAMES[c]},commune,{p},0,0,{er},2025,")
    return "\n".join(rows) + "\n"


def household(rng, year, hid, commune, status, em) -> dict:
    d, p, urban, _er, _n, _s = COMMUNES[commune]
    m = rng.randint(1, 6)
    row = {"review_year": year, "household_id": hid, "province_code": p,
           "district_code": d if year <= 2024 else "", "commune_code": commune,
           "village": f"Thôn {int(commune[-1]) + rng.randrange(2)}", "area":
           "urban" if urban else "rural", "members": m, "ethnic_minority": em,
           "income_score": "", "working_age_without_job": 0, "dependants": 0,
           "children_malnourished": 0, "members_6plus_uninsured": 0,
           "adults_16_30_without_qualification": 0, "children_3_15_out_of_school": 0,
           "housing_type": "durable", "housing_area_m2": 12 * m, "water_source": "piped",
           "latrine": "septic", "internet_users": 1, "info_devices": 1, "loudspeaker_access": 1,
           "members_with_labour_capacity": m, "social_protection_members": 0}
    line, upper = (2_000_000, 3_000_000) if urban else (1_500_000, 2_250_000)
    if status in ("poor", "near_poor"):
        row["income_per_capita"] = rng.choice([line, line - 1, line // 2])
        k = rng.choice([3, 4]) if status == "poor" else rng.choice([0, 1, 2])
        for col, val in [("working_age_without_job", 1), ("children_malnourished", 1),
                         ("water_source", "surface"), ("latrine", "none")][:k]:
            row[col] = val
    elif status == "average":
        row["income_per_capita"] = rng.choice([line + 1, upper])
    else:
        row["income_per_capita"] = upper + rng.choice([1, 1_000_000])
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--exit", action="store_true",
                    help="district 201 leaves the poor-district list from 2023 (admin file)")
    ap.add_argument("--seed", type=int, default=36)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    dumps = os.path.join(a.outdir, "dumps")
    os.makedirs(dumps, exist_ok=True)
    with open(os.path.join(a.outdir, "admin_units.csv"), "w", encoding="utf-8") as f:
        f.write(admin_csv(a.exit))
    total = 0
    for year in range(2021, 2026):
        rows = []
        for c in sorted(COMMUNES):
            _d, p, _u, _er, n, (sp, sn) = COMMUNES[c]
            forced = FORCED_2022[a.exit].get(c) if year == 2022 else None
            for i in range(n):
                if forced is not None:
                    st = "poor" if i < forced[0] else ("near_poor" if i < sum(forced) else
                                                       rng.choice(["average", "above"]))
                else:
                    x = rng.random() * (1 + 0.1 * (year - 2021))   # slowly fewer poor
                    st = ("poor" if x < sp else "near_poor" if x < sp + sn else
                          rng.choice(["average", "above"]))
                em = int(p == "20" and rng.random() < 0.4)
                rows.append(household(rng, year, f"{c}-{i:03d}", c, st, em))
        rng.shuffle(rows)
        with open(os.path.join(dumps, f"households_{year}.csv"), "w", encoding="utf-8",
                  newline="") as f:
            w = csv.DictWriter(f, HEADER, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        total += len(rows)
    print(f"make_law_plans: {total} rows under {dumps} ({'with' if a.exit else 'no'} admin exit)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
