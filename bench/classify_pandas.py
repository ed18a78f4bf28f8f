"""The pandas comparison for `make bench`: household_status and unit_rates of one vn-2022 dump.

What a data team would write in pandas without povreview: read the dump, classify every household
under vn-2022 (Decree 07/2021/NĐ-CP; the 12 indicators of standards.md), count per village,
commune, district and province, and write both tables to SQLite. No validation, quarantine,
transitions, criteria or exports: it does less than povreview, so its ratio flatters it.

Usage: python3 classify_pandas.py DUMP.csv DATABASE.sqlite
"""
import sqlite3
import sys

import pandas as pd

SAFE_WATER = {"piped", "drilled_well", "protected_well", "protected_spring", "rainwater", "bottled"}
HYGIENIC_LATRINE = {"septic", "pour_flush", "double_vault", "ventilated_pit", "biogas"}


def classify(df: pd.DataFrame) -> pd.DataFrame:
    urban = df["area"] == "urban"
    line = urban.map({True: 2_000_000, False: 1_500_000})
    upper = urban.map({True: 3_000_000, False: 2_250_000})
    flags = {
        "employment": df["working_age_without_job"] >= 1,
        "dependants": df["dependants"] * 2 > df["members"],
        "nutrition": df["children_malnourished"] >= 1,
        "health_insurance": df["members_6plus_uninsured"] >= 1,
        "adult_education": df["adults_16_30_without_qualification"] >= 1,
        "child_schooling": df["children_3_15_out_of_school"] >= 1,
        "housing_quality": df["housing_type"].isin(["non_durable", "none"]),
        "housing_area": df["housing_area_m2"] < 8 * df["members"],
        "water": ~df["water_source"].isin(SAFE_WATER),
        "latrine": ~df["latrine"].isin(HYGIENIC_LATRINE),
        "telecom": df["internet_users"] == 0,
        "information_access": (df["info_devices"] == 0) & (df["loudspeaker_access"] == 0),
    }
    out = df[["review_year", "household_id", "province_code", "district_code", "commune_code",
              "village", "area", "members", "ethnic_minority", "income_per_capita"]].copy()
    count = sum(flag.astype(int) for flag in flags.values())
    for name, flag in flags.items():
        out["deprived_" + name] = flag.astype(int)
    out["deprivation_count"] = count
    income = df["income_per_capita"]
    out["status"] = "above"
    out.loc[income <= upper, "status"] = "average"
    out.loc[(income <= line) & (count < 3), "status"] = "near_poor"
    out.loc[(income <= line) & (count >= 3), "status"] = "poor"
    return out


def rates(status: pd.DataFrame) -> pd.DataFrame:
    status = status.assign(
        village_code=status["commune_code"] + "/" + status["village"],
        poor=(status["status"] == "poor").astype(int),
        near_poor=(status["status"] == "near_poor").astype(int),
        average=(status["status"] == "average").astype(int),
        households=1)
    frames = []
    for level, key in (("village", "village_code"), ("commune", "commune_code"),
                       ("district", "district_code"), ("province", "province_code")):
        g = status.groupby(["review_year", key], sort=True)[["households", "poor", "near_poor", "average"]].sum()
        g = g.reset_index().rename(columns={key: "unit_code"})
        g.insert(1, "level", level)
        frames.append(g)
    unit = pd.concat(frames, ignore_index=True)
    unit["poor_near_poor"] = unit["poor"] + unit["near_poor"]
    unit["poor_rate"] = 100 * unit["poor"] / unit["households"]
    unit["near_poor_rate"] = 100 * unit["near_poor"] / unit["households"]
    unit["poor_near_poor_rate"] = 100 * unit["poor_near_poor"] / unit["households"]
    return unit


def main() -> None:
    dump, database = sys.argv[1], sys.argv[2]
    df = pd.read_csv(dump, dtype={"household_id": str, "province_code": str, "district_code": str,
                                  "commune_code": str, "village": str})
    status = classify(df)
    unit = rates(status)
    with sqlite3.connect(database) as con:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        status.to_sql("household_status", con, if_exists="replace", index=False, chunksize=100_000)
        unit.to_sql("unit_rates", con, if_exists="replace", index=False)
    print(f"pandas: {len(status)} households, {len(unit)} unit rows")


if __name__ == "__main__":
    main()
