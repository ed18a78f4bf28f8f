#!/usr/bin/env python3
"""Deterministic generator of a held-out data set for the local standard `example-local`.

  python3 tools/reference/make_local_standard.py OUTDIR [--seed 1800] [--households 120]

Writes OUTDIR/admin_units.csv and OUTDIR/dumps/households_2023.csv ... households_2025.csv: a
small fictional province (one district until 2024, its communes directly under the province from
2025), review years 2023-2025 (vn-2022 years, so the national schedule is unambiguous), whose
dumps carry the extra 0/1 column `electricity_access`. Incomes are drawn around the local lines
(1,800,000 rural / 2,400,000 urban) and the vn-2022 lines and band bounds, exact boundaries
included; deprivation counts around the local cut-off 2 and the national 3. A few rows per file
are bad (one clear reason each). Nothing here is taken from SampleData.
"""
from __future__ import annotations

import argparse
import csv
import os
import random

ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to
58,Tỉnh Lúa Vàng,province,,0,0,,,
581,Huyện Cánh Đồng,district,58,1,0,,,2024
58101,Xã Đồng Xanh,commune,581,0,0,II,,2024
58101,Xã Đồng Xanh,commune,58,0,0,II,2025,
58102,Xã Bờ Sông,commune,581,0,0,,,2024
58102,Xã Bờ Sông,commune,58,0,0,,2025,
58103,Phường Chợ Lúa,commune,581,0,0,,,2024
58103,Phường Chợ Lúa,commune,58,0,0,,2025,
"""
COMMUNES = ["58101", "58102", "58103"]
URBAN = {"58103"}
VILLAGES = {"58101": ["Thôn Đồng Xanh", "Thôn Gò Mới"], "58102": ["Thôn Bờ Sông"],
            "58103": ["Tổ dân phố Chợ", "Tổ dân phố Đình"]}
YEARS = [2023, 2024, 2025]
HEADER = ["review_year", "household_id", "province_code", "district_code", "commune_code",
          "village", "area", "members", "ethnic_minority", "income_per_capita", "income_score",
          "working_age_without_job", "dependants", "children_malnourished",
          "members_6plus_uninsured", "adults_16_30_without_qualification",
          "children_3_15_out_of_school", "housing_type", "housing_area_m2", "water_source",
          "latrine", "internet_users", "info_devices", "loudspeaker_access",
          "members_with_labour_capacity", "social_protection_members", "electricity_access"]
RURAL_INCOMES = [1_000_000, 1_499_999, 1_500_000, 1_500_001, 1_700_000, 1_799_999, 1_800_000,
                 1_800_001, 2_250_000, 2_250_001, 3_000_000]
URBAN_INCOMES = [1_800_000, 2_000_000, 2_000_001, 2_399_999, 2_400_000, 2_400_001, 3_000_000,
                 3_000_001, 4_000_000]
# the twelve vn-2022 indicators (electricity is drawn apart)
SIMPLE = {"employment": ("working_age_without_job", 1), "nutrition": ("children_malnourished", 1),
          "health_insurance": ("members_6plus_uninsured", 1),
          "adult_education": ("adults_16_30_without_qualification", 1),
          "child_schooling": ("children_3_15_out_of_school", 1),
          "housing_quality": ("housing_type", "none"), "water": ("water_source", "other"),
          "latrine": ("latrine", "unhygienic_pit"), "telecom": ("internet_users", 0)}
INDICATORS = list(SIMPLE) + ["dependants", "housing_area", "information_access"]


def make_row(rng: random.Random, year: int, hid: str, h: dict) -> dict:
    m = h["members"]
    c = h["commune"]
    urban = c in URBAN
    row = {"review_year": year, "household_id": hid, "province_code": "58",
           "district_code": "581" if year <= 2024 else "", "commune_code": c,
           "village": VILLAGES[c][h["village"]], "area": "urban" if urban else "rural",
           "members": m, "ethnic_minority": h["em"], "income_score": "",
           "working_age_without_job": 0, "dependants": 0, "children_malnourished": 0,
           "members_6plus_uninsured": 0, "adults_16_30_without_qualification": 0,
           "children_3_15_out_of_school": 0, "housing_type": "durable",
           "housing_area_m2": 9 * m + rng.randint(0, 30), "water_source": "piped",
           "latrine": "septic", "internet_users": 1, "info_devices": 2, "loudspeaker_access": 1,
           "members_with_labour_capacity": m, "social_protection_members": 0,
           "electricity_access": int(rng.random() >= 0.25)}
    incomes = URBAN_INCOMES if urban else RURAL_INCOMES
    lvl = min(0.999, max(0.0, h["level"] + 0.05 * (year - 2023) + rng.uniform(-0.25, 0.25)))
    row["income_per_capita"] = incomes[int(lvl * len(incomes))]
    for ind in rng.sample(INDICATORS, rng.choice([0, 1, 1, 2, 2, 3, 4])):
        if ind in SIMPLE:
            col, val = SIMPLE[ind]
            row[col] = val
        elif ind == "dependants":
            row["dependants"] = m // 2 + 1
        elif ind == "housing_area":
            row["housing_area_m2"] = 8 * m - 1
        elif ind == "information_access":
            row["info_devices"] = 0
            row["loudspeaker_access"] = 0
    if rng.random() < 0.1:
        row["social_protection_members"] = 1
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1800)
    ap.add_argument("--households", type=int, default=120)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    dumps = os.path.join(a.outdir, "dumps")
    os.makedirs(dumps, exist_ok=True)
    with open(os.path.join(a.outdir, "admin_units.csv"), "w", encoding="utf-8") as f:
        f.write(ADMIN)
    hh = {}
    for i in range(1, a.households + 1):
        c = rng.choice(COMMUNES)
        hh[f"EL-{i:04d}"] = {"commune": c, "village": rng.randrange(len(VILLAGES[c])),
                             "members": rng.randint(1, 6), "em": int(rng.random() < 0.3),
                             "level": rng.random()}
    total = 0
    for year in YEARS:
        if year > YEARS[0]:
            for hid in sorted(hh):
                if rng.random() < 0.06:
                    hh[hid]["gone"] = not hh[hid].get("gone")
        rows = [make_row(rng, year, hid, hh[hid]) for hid in sorted(hh) if not hh[hid].get("gone")]
        base = dict(rows[0])
        bad1 = dict(base, household_id=f"ELBAD{year}-1", members="")          # missing_value
        bad2 = dict(base, household_id=f"ELBAD{year}-2", commune_code="58999")  # unknown_unit
        rows += [bad1, bad2]
        rng.shuffle(rows)
        with open(os.path.join(dumps, f"households_{year}.csv"), "w", encoding="utf-8",
                  newline="") as f:
            w = csv.DictWriter(f, HEADER, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        total += len(rows)
    print(f"make_local_standard: {total} rows in {len(YEARS)} files under {dumps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
