#!/usr/bin/env python3
"""Generator of a province with planted integrity anomalies (outputs.md §3, issue 12).

  python3 tools/reference/make_anomalies.py --seed S --out DIR [--clean]

Writes DIR/admin_units.csv, DIR/dumps/households_2021.csv … households_2024.csv (vn-2022, income
basis only, well-formed) and DIR/planted.json, the list of planted anomalies
({check, level, unit_code, review_year}; empty with --clean).

Province 77 with 3 districts and 9 communes (two urban), 4–6 villages of 50+ households each,
300–600 households per commune. Households persist across years: a latent poverty level per
household (commune and village effects), an AR(1) income shock, 3% yearly growth, and twelve
indicator verdicts drawn from persistent uniforms that are redrawn with probability 3% a year;
an escape from poverty lifts one deprivation for good with probability 0.7; 1% of households
leave each year and 1.5% new ones arrive. Planted (not with --clean):
  - income_bunching, communes 77002 and 77005, 2021: income-basis households recorded between
    0.85 and 1 × the line are written just above it (1.001–1.049 × the line);
  - implausible_drop, the first village of 77006 (a poor village), 2023: enough of its 2022 poor
    households are written 1.15–1.6 × the line in 2023 for its poor rate to fall ≥ 18 points,
    and every household of the village keeps its 2022 indicator verdicts in 2023;
  - exit_without_change, commune 77003, 2023: 12 households poor in 2022 keep their indicator
    verdicts and are written 1.005–1.045 × the line in 2023;
  - bulk_absence, commune 77007, 2024: 20% of its 2023 households are missing from the 2024 dump.
The same seed with and without --clean gives the same province; the planted years differ only
where written above.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random

YEARS = (2021, 2022, 2023, 2024)
PROVINCE = ("77", "Tỉnh Thử Nghiệm")
DISTRICTS = (("771", "Huyện Đồi Chè"), ("772", "Huyện Sông Lam"), ("773", "Thị xã Bến Cảng"))
COMMUNES = (("77001", "Xã An Hòa", "771"), ("77002", "Xã Bình Sơn", "771"), ("77003", "Xã Cao Phong", "771"),
            ("77004", "Xã Đông Thịnh", "772"), ("77005", "Xã Hà Lâm", "772"), ("77006", "Xã Khe Mây", "772"),
            ("77007", "Phường Bến Cảng", "773"), ("77008", "Phường Hải Yến", "773"), ("77009", "Xã Lộc Điền", "773"))
URBAN = {"77007", "77008"}
VILLAGE_NAMES = ("Thôn Đồng Chùa", "Thôn Bãi Sậy", "Thôn Gò Mít", "Thôn Khe Nước", "Thôn Làng Trên",
                 "Thôn Ngọc Thủy")
LINE = {"rural": 1_500_000, "urban": 2_000_000}
INDICATORS = ("employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling",
              "housing_quality", "housing_area", "water", "latrine", "telecom", "information_access")
IND_SHIFT = (0.2, -0.6, -1.0, 0.3, 0.4, -0.8, -0.4, -0.2, -0.3, 0.1, 0.0, -0.9)
COLUMNS = ("review_year", "household_id", "province_code", "district_code", "commune_code", "village", "area",
           "members", "ethnic_minority", "income_per_capita", "working_age_without_job", "dependants",
           "children_malnourished", "members_6plus_uninsured", "adults_16_30_without_qualification",
           "children_3_15_out_of_school", "housing_type", "housing_area_m2", "water_source", "latrine",
           "internet_users", "info_devices", "loudspeaker_access", "members_with_labour_capacity",
           "social_protection_members")
FLIP = 0.03


class HH:
    def __init__(self, hid, commune, village, area, rng, poverty):
        self.hid, self.commune, self.village, self.area = hid, commune, village, area
        self.members = rng.randint(3, 7)
        self.ethnic = int(rng.random() < 0.2)
        self.z = poverty
        self.shock = rng.gauss(0, 0.15)
        self.u = [rng.random() for _ in INDICATORS]
        self.social = int(rng.random() < 0.1)
        self.deps_draw = rng.random()

    def flags(self):
        out = []
        for shift, u in zip(IND_SHIFT, self.u):
            p = 1 / (1 + math.exp(-(-2.0 + 1.1 * self.z + shift)))
            out.append(int(u < p))
        return out

    def income(self, year):
        log = 0.35 - 0.55 * self.z + self.shock + 0.03 * (year - 2021)
        return int(round(LINE[self.area] * math.exp(log), -3))


def row(h, year, flags, income):
    f = dict(zip(INDICATORS, flags))
    m = h.members
    deps = m // 2 + 1 if f["dependants"] else int(h.deps_draw * (m // 2 + 1))
    labour = m - deps
    return {
        "review_year": year, "household_id": h.hid, "province_code": PROVINCE[0],
        "district_code": next(c[2] for c in COMMUNES if c[0] == h.commune), "commune_code": h.commune,
        "village": h.village, "area": h.area, "members": m, "ethnic_minority": h.ethnic,
        "income_per_capita": income, "working_age_without_job": f["employment"], "dependants": deps,
        "children_malnourished": f["nutrition"], "members_6plus_uninsured": f["health_insurance"],
        "adults_16_30_without_qualification": f["adult_education"],
        "children_3_15_out_of_school": f["child_schooling"],
        "housing_type": "non_durable" if f["housing_quality"] else "durable",
        "housing_area_m2": 5 * m if f["housing_area"] else 15 * m,
        "water_source": "surface" if f["water"] else "piped",
        "latrine": "hanging" if f["latrine"] else "septic",
        "internet_users": 0 if f["telecom"] else 1,
        "info_devices": 0 if f["information_access"] else 2,
        "loudspeaker_access": 0 if f["information_access"] else 1,
        "members_with_labour_capacity": labour, "social_protection_members": h.social,
    }


def status(income, area, flags):
    if income > LINE[area]:
        return "out"
    return "poor" if sum(flags) >= 3 else "near_poor"


def generate(seed, clean):
    rng = random.Random(seed)
    plant = random.Random(seed * 7919 + 1)   # planted choices never disturb the clean stream
    households, villages = [], {}
    seq = 0
    for code, _, _ in COMMUNES:
        area = "urban" if code in URBAN else "rural"
        n_v = rng.randint(4, 6)
        size = rng.randint(300, 600)
        mu = rng.uniform(-0.35, 0.35)
        names = ([f"Tổ dân phố {i + 1}" for i in range(n_v)] if area == "urban" else list(VILLAGE_NAMES[:n_v]))
        villages[code] = names
        weights = [rng.uniform(1, 2) for _ in names]
        for vi, name in enumerate(names):
            count = max(50, round(size * weights[vi] / sum(weights)))
            v_mu = mu + rng.gauss(0, 0.15) + (0.9 if (code == "77006" and vi == 0) else 0)
            for _ in range(count):
                seq += 1
                households.append(HH(f"{code}-{seq:06d}", code, name, area, rng, rng.gauss(v_mu, 0.9)))
    rows = {y: [] for y in YEARS}
    planted = []
    present = list(households)
    prev = {}   # hid -> (flags, income) of the previous year
    for year in YEARS:
        if year > YEARS[0]:
            stay = []
            for h in present:
                if rng.random() >= 0.01:
                    stay.append(h)
            present = stay
            for code, _, _ in COMMUNES:
                area = "urban" if code in URBAN else "rural"
                n_new = sum(1 for h in present if h.commune == code) * 15 // 1000
                for _ in range(n_new):
                    seq += 1
                    present.append(HH(f"{code}-{seq:06d}", code, rng.choice(villages[code]), area, rng,
                                      rng.gauss(0.2, 1.0)))
            for h in present:
                h.shock = 0.6 * h.shock + rng.gauss(0, 0.12)
                h.u = [rng.random() if rng.random() < FLIP else u for u in h.u]
        current = {}
        for h in present:
            flags, income = h.flags(), h.income(year)
            before = prev.get(h.hid)
            if (before is not None and status(before[1], h.area, before[0]) == "poor"
                    and status(income, h.area, flags) == "out" and rng.random() < 0.7):
                # An escape usually comes with an improvement: one deprivation is lifted for good.
                j = rng.choice([i for i, f in enumerate(flags) if f])
                h.u[j] = 1.0
                flags = h.flags()
            current[h.hid] = [flags, income]
        if not clean:
            plant_year(year, present, current, prev, planted, plant, villages)
        for h in present:
            if h.hid in current:
                flags, income = current[h.hid]
                rows[year].append(row(h, year, flags, income))
        prev = {hid: (list(v[0]), v[1]) for hid, v in current.items()}
        # Households removed from this year's dump only (bulk absence) come back next year.
    return rows, planted


def plant_year(year, present, current, prev, planted, rng, villages):
    by_id = {h.hid: h for h in present}
    if year == 2021:
        for code in ("77002", "77005"):
            for h in present:
                if h.commune != code:
                    continue
                line = LINE[h.area]
                flags, income = current[h.hid]
                if 0.85 * line <= income <= line:
                    current[h.hid][1] = math.ceil(line * rng.uniform(1.001, 1.049) / 1000) * 1000
            planted.append(dict(check="income_bunching", level="commune", unit_code=code, review_year=year))
    if year == 2023:
        # A poor village whose poor rate falls with an unchanged indicator profile.
        vname = villages["77006"][0]
        members = [h for h in present if h.commune == "77006" and h.village == vname and h.hid in prev]
        for h in members:
            current[h.hid][0] = list(prev[h.hid][0])
        n = len([h for h in present if h.commune == "77006" and h.village == vname])
        poor = [h for h in members if status(current[h.hid][1], h.area, current[h.hid][0]) == "poor"]
        rng.shuffle(poor)
        for h in poor[:min(len(poor), math.ceil(0.2 * n))]:
            current[h.hid][1] = int(round(LINE[h.area] * rng.uniform(1.15, 1.6), -3))
        planted.append(dict(check="implausible_drop", level="village", unit_code=f"77006/{vname}",
                            review_year=year))
        # Exits without change in 77003.
        cands = [h for h in present if h.commune == "77003" and h.hid in prev
                 and status(prev[h.hid][1], h.area, prev[h.hid][0]) == "poor"]
        rng.shuffle(cands)
        for h in cands[:12]:
            current[h.hid] = [list(prev[h.hid][0]),
                              math.ceil(LINE[h.area] * rng.uniform(1.005, 1.045) / 1000) * 1000]
        planted.append(dict(check="exit_without_change", level="commune", unit_code="77003", review_year=year))
    if year == 2024:
        ids = sorted(h.hid for h in present if h.commune == "77007" and h.hid in prev)
        for hid in rng.sample(ids, math.ceil(0.2 * len(ids))):
            del current[hid]
        planted.append(dict(check="bulk_absence", level="commune", unit_code="77007", review_year=year))
    assert all(hid in by_id for hid in current)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--clean", action="store_true", help="the same province without anomalies")
    a = ap.parse_args(argv)
    rows, planted = generate(a.seed, a.clean)
    os.makedirs(os.path.join(a.out, "dumps"), exist_ok=True)
    with open(os.path.join(a.out, "admin_units.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent_code", "poor_district", "coastal_special_difficulty",
                    "ethnic_region", "valid_from", "valid_to"])
        w.writerow([PROVINCE[0], PROVINCE[1], "province", "", 0, 0, "", "", ""])
        for code, name in DISTRICTS:
            w.writerow([code, name, "district", PROVINCE[0], 0, 0, "", "", ""])
        for code, name, parent in COMMUNES:
            w.writerow([code, name, "commune", parent, 0, 0, "", "", ""])
    for year, rs in rows.items():
        with open(os.path.join(a.out, "dumps", f"households_{year}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(sorted(rs, key=lambda r: r["household_id"]))
    with open(os.path.join(a.out, "planted.json"), "w", encoding="utf-8") as f:
        json.dump(planted, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{a.out}: {sum(len(r) for r in rows.values())} rows, {len(planted)} planted anomalies")


if __name__ == "__main__":
    main()
