#!/usr/bin/env python3
"""Deterministic generator of a held-out data set across the change of standard (Decree 351).

  python3 tools/reference/make_decree351.py OUTDIR [--seed 351] [--households 260]

Writes OUTDIR/admin_units.csv and OUTDIR/dumps/households_2025.csv ... households_2030.csv:
two fictional provinces after the 2025 reform (communes directly under their province, no
districts), review years 2025-2030. The 2025 file is vn-2022 only and has no
digital_service_users / waste_disposal columns; from 2026 every row carries them (2026 is
classified under vn-2022 and vn-2027, 2027-2030 under vn-2027). Households move between
statuses (incomes drawn around every line of both standards, exact boundaries included), some
move to another commune, leave or appear; some 2025-2026 rows carry an income score beside the
income (vn-2022 then uses the score); a few rows per file are bad (one clear reason each), well
below the 5% quarantine limit; commune 46015 has no 2028 review (insufficient_data). Nothing here is taken from SampleData.
"""
from __future__ import annotations

import argparse
import csv
import os
import random

ADMIN_ROWS = [
    # code, name, level, parent, poor_district, coastal, ethnic_region
    ("46", "Tỉnh Thử Nghiệm", "province", "", 0, 0, ""),
    ("47", "Tỉnh Bến Đá", "province", "", 0, 0, ""),
    ("46011", "Xã Nà Hẩu", "commune", "46", 0, 0, "III"),
    ("46012", "Xã Khau Phạ", "commune", "46", 0, 0, "II"),
    ("46013", "Xã Tân Hội", "commune", "46", 0, 0, "I"),
    ("46014", "Phường Đồng Tâm", "commune", "46", 0, 0, ""),
    ("46015", "Xã Cửa Lò Nhỏ", "commune", "46", 0, 1, ""),
    ("47021", "Xã Bến Đá", "commune", "47", 0, 0, ""),
    ("47022", "Phường Bắc Sơn", "commune", "47", 0, 0, ""),
]
URBAN = {"46014", "47022"}
COMMUNES = [r[0] for r in ADMIN_ROWS if r[2] == "commune"]
PROVINCE = {r[0]: r[3] for r in ADMIN_ROWS if r[2] == "commune"}
# villages; the second spelling of a name differs only in tone-mark placement (same village)
VILLAGES = {
    "46011": [["Bản Nà Hẩu"], ["Bản Khe Thuỷ", "Bản Khe Thủy"]],
    "46012": [["Thôn Khau Phạ"], ["Thôn Hoà Bình", "Thôn Hòa Bình"]],
    "46013": [["Thôn Tân Hội"], ["Thôn Đồng Mới"]],
    "46014": [["Tổ dân phố 1"], ["Tổ dân phố 2"]],
    "46015": [["Thôn Cửa Lò"], ["Thôn Bãi Ngang"]],
    "47021": [["Thôn Bến Đá"], ["Thôn Suối Tre"]],
    "47022": [["Tổ dân phố Bắc Sơn"]],
}
YEARS = list(range(2025, 2031))

HEADER_22 = ["review_year", "household_id", "province_code", "district_code", "commune_code",
             "village", "area", "members", "ethnic_minority", "income_per_capita",
             "income_score", "working_age_without_job", "dependants", "children_malnourished",
             "members_6plus_uninsured", "adults_16_30_without_qualification",
             "children_3_15_out_of_school", "housing_type", "housing_area_m2", "water_source",
             "latrine", "internet_users", "info_devices", "loudspeaker_access",
             "members_with_labour_capacity", "social_protection_members"]
HEADER_27 = HEADER_22 + ["digital_service_users", "waste_disposal"]

# incomes (VND/person/month) around every line and band bound of vn-2022 and vn-2027
RURAL_INCOMES = [900_000, 1_200_000, 1_499_999, 1_500_000, 1_500_001, 1_800_000, 2_000_000,
                 2_199_999, 2_200_000, 2_200_001, 2_250_000, 2_250_001, 2_600_000, 3_500_000]
URBAN_INCOMES = [1_400_000, 1_999_999, 2_000_000, 2_000_001, 2_500_000, 2_799_999, 2_800_000,
                 2_800_001, 3_000_000, 3_000_001, 4_200_000]
WASTE = ["collected", "composted", "burned", "buried", "open_dumping", "none"]
INDICATORS = ["employment", "dependants", "nutrition", "health_insurance", "adult_education",
              "child_schooling", "housing_quality", "housing_area", "water", "latrine",
              "telecom", "information_access", "digital_services", "waste"]


def deprive(row: dict, ind: str, members: int):
    """Sets the fields so that the household is deprived on `ind` (standards.md rules)."""
    if ind == "employment":
        row["working_age_without_job"] = 1
        row["members_with_labour_capacity"] = max(1, row["members_with_labour_capacity"])
    elif ind == "dependants":
        row["dependants"] = members // 2 + 1          # 2 * dependants > members
    elif ind == "nutrition":
        row["children_malnourished"] = 1
    elif ind == "health_insurance":
        row["members_6plus_uninsured"] = 1
    elif ind == "adult_education":
        row["adults_16_30_without_qualification"] = 1
    elif ind == "child_schooling":
        row["children_3_15_out_of_school"] = 1
    elif ind == "housing_quality":
        row["housing_type"] = "non_durable"
    elif ind == "housing_area":
        row["housing_area_m2"] = f"{8 * members - 1},5"  # decimal comma, < 8 m² per person
    elif ind == "water":
        row["water_source"] = "surface"
    elif ind == "latrine":
        row["latrine"] = "hanging"
    elif ind == "telecom":
        row["internet_users"] = 0
    elif ind == "information_access":
        row["info_devices"] = 0
        row["loudspeaker_access"] = 0
    elif ind == "digital_services":
        row["digital_service_users"] = 0
    elif ind == "waste":
        row["waste_disposal"] = "open_dumping"


class Gen:
    def __init__(self, seed: int, n: int):
        self.rng = random.Random(seed)
        self.hh = {}
        for i in range(1, n + 1):
            self.hh[f"D351-{i:04d}"] = self.new_household()
        self.next_id = n + 1

    def new_household(self):
        r = self.rng
        commune = r.choice(COMMUNES)
        return {"commune": commune, "village": r.randrange(len(VILLAGES[commune])),
                "members": r.randint(1, 7), "em": int(r.random() < 0.35),
                "poverty": r.random()}          # latent: lower = poorer, drifts up each year

    def row(self, year: int, hid: str) -> dict:
        r = self.rng
        h = self.hh[hid]
        m = h["members"]
        commune = h["commune"]
        names = VILLAGES[commune][h["village"]]
        urban = commune in URBAN
        row = {"review_year": year, "household_id": hid, "province_code": PROVINCE[commune],
               "district_code": "", "commune_code": commune, "village": r.choice(names),
               "area": "urban" if urban else r.choice(["rural", "rural", "nông thôn"]),
               "members": m, "ethnic_minority": h["em"], "income_score": "",
               "working_age_without_job": 0, "dependants": 0, "children_malnourished": 0,
               "members_6plus_uninsured": 0, "adults_16_30_without_qualification": 0,
               "children_3_15_out_of_school": 0, "housing_type": r.choice(["durable",
                                                                            "semi_durable"]),
               "housing_area_m2": 10 * m + r.randint(0, 40), "water_source": "piped",
               "latrine": r.choice(["septic", "pour_flush", "biogas"]),
               "internet_users": r.randint(1, m), "info_devices": r.randint(1, 3),
               "loudspeaker_access": r.randint(0, 1),
               "members_with_labour_capacity": r.randint(0, m),
               "social_protection_members": int(r.random() < 0.15),
               "digital_service_users": r.randint(1, m),
               "waste_disposal": r.choice(["collected", "composted", "burned", "buried"])}
        incomes = URBAN_INCOMES if urban else RURAL_INCOMES
        # poorer households draw from the lower part of the list; the latent level rises
        lvl = min(0.999, h["poverty"] + 0.04 * (year - 2025) + r.uniform(-0.2, 0.2))
        lvl = max(0.0, lvl)
        row["income_per_capita"] = incomes[int(lvl * len(incomes))]
        # deprivations: 0..5, more for poorer households
        k = max(0, min(5, int((1 - lvl) * 5.5 + r.uniform(-1.5, 1.0))))
        for ind in r.sample(INDICATORS, k):
            deprive(row, ind, m)
        if row["members_with_labour_capacity"] < row["working_age_without_job"]:
            row["members_with_labour_capacity"] = row["working_age_without_job"]
        # some 2025/2026 rows carry the B1 score too (vn-2022 uses the score, vn-2027 the income)
        if year <= 2026 and r.random() < 0.2:
            row["income_score"] = r.choice([120, 139, 140, 141, 160, 175, 176, 200])
        if year == 2025 and r.random() < 0.15:
            row["income_per_capita"] = ""           # 2025: the score alone is enough
            if row["income_score"] == "":
                row["income_score"] = r.choice([130, 140, 150, 175, 190])
        return row

    def evolve(self):
        """Between two reviews: a few leave, a few move commune, a few appear."""
        r = self.rng
        for hid in sorted(self.hh):
            h = self.hh[hid]
            x = r.random()
            if x < 0.05:
                h["gone"] = True
            elif x < 0.09:
                h["commune"] = r.choice(COMMUNES)
                h["village"] = r.randrange(len(VILLAGES[h["commune"]]))
            elif x < 0.13 and h.get("gone"):
                h["gone"] = False                      # came back
        for _ in range(r.randint(6, 12)):
            self.hh[f"D351-{self.next_id:04d}"] = self.new_household()
            self.next_id += 1


def bad_rows(year: int, good: list[dict], rng: random.Random) -> list[dict]:
    """A few rows that must be quarantined, one clear reason each (input-format.md §4)."""
    base = dict(good[0])
    out = []

    def bad(hid, **over):
        r = dict(base)
        r["household_id"] = hid
        r.update(over)
        out.append(r)
    tag = f"BAD{year}"
    bad(f"{tag}-1", members=0)                                     # invalid_number
    bad(f"{tag}-2", commune_code="46999")                          # unknown_unit
    if year >= 2026:
        bad(f"{tag}-3", digital_service_users="")                  # missing_value (vn-2027)
        bad(f"{tag}-4", waste_disposal="landfill")                 # invalid_enum
        bad(f"{tag}-5", income_per_capita="", income_score=120)    # vn-2027 needs income
        bad(f"{tag}-6", digital_service_users=base["members"] + 1)  # inconsistent_counts
    if year == 2029:
        dup = dict(good[1])                                         # duplicate_household
        out.append(dup)
    if year == 2025:
        # a leftover district code after the reform: ignored with a warning, row accepted
        keep = dict(good[2])
        keep["district_code"] = "461"
        good[2] = keep
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=351)
    ap.add_argument("--households", type=int, default=260)
    a = ap.parse_args(argv)
    dumps = os.path.join(a.outdir, "dumps")
    os.makedirs(dumps, exist_ok=True)
    with open(os.path.join(a.outdir, "admin_units.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent_code", "poor_district",
                    "coastal_special_difficulty", "ethnic_region"])
        w.writerows(ADMIN_ROWS)
    g = Gen(a.seed, a.households)
    total = 0
    for year in YEARS:
        if year > YEARS[0]:
            g.evolve()
        good = [g.row(year, hid) for hid in sorted(g.hh) if not g.hh[hid].get("gone")]
        if year == 2028:
            # the coastal commune's 2028 review is missing: insufficient_data for 2028 and 2029
            good = [r for r in good if r["commune_code"] != "46015"]
        extra = bad_rows(year, good, g.rng)     # may also edit a good row (leftover code)
        rows = good + extra
        g.rng.shuffle(rows)
        header = HEADER_22 if year == 2025 else HEADER_27
        with open(os.path.join(dumps, f"households_{year}.csv"), "w", encoding="utf-8",
                  newline="") as f:
            w = csv.DictWriter(f, header, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        total += len(rows)
    print(f"make_decree351: {total} rows in {len(YEARS)} files under {dumps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
