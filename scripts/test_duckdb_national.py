#!/usr/bin/env python3
"""Checks a national database from `povreview rollup` against an independent roll-up of the
province databases' household rows, computed with DuckDB's SQLite scanner (scripts/duckdb_provinces.py).

usage: test_duckdb_national.py NATIONAL.sqlite REGIONS.csv PROVINCE.sqlite...

For every review year and standard: each province's, each region's and the country's households,
poor, near-poor, average, ethnic-minority and member counts must equal the counts of household_status
rows across the province databases (households = accepted rows, as these runs have no totals file),
and every rate must equal 100 × count / households. Exit 1 with the differences otherwise.
"""
import csv
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from duckdb_provinces import connect  # noqa: E402


def region_of(regions, province, year):
    for row in regions:
        start = int(row["valid_from"]) if row["valid_from"] else -10**9
        end = int(row["valid_to"]) if row["valid_to"] else 10**9
        if row["province_code"] == province and start <= year <= end:
            return row["region_code"]
    raise SystemExit(f"province {province} has no region in {year}")


def main():
    national, regions_file, provinces = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(regions_file, encoding="utf-8") as f:
        regions = list(csv.DictReader(f))
    con = connect(provinces)
    rows = con.execute("""
        SELECT review_year, standard, province_code,
               count(*) AS households,
               count(*) FILTER (status = 'poor') AS poor,
               count(*) FILTER (status = 'near_poor') AS near_poor,
               count(*) FILTER (status = 'average') AS average,
               count(*) FILTER (ethnic_minority = 1) AS ethnic_minority_households,
               count(*) FILTER (ethnic_minority = 1 AND status = 'poor') AS ethnic_minority_poor,
               coalesce(sum(members) FILTER (status = 'poor'), 0) AS poor_members,
               coalesce(sum(members) FILTER (status = 'near_poor'), 0) AS near_poor_members,
               count(*) FILTER (status = 'poor' AND deprived_health_insurance = 1) AS poor_deprived_health_insurance
        FROM households GROUP BY ALL ORDER BY ALL
        """).fetchall()
    names = ["households", "poor", "near_poor", "average", "ethnic_minority_households", "ethnic_minority_poor",
             "poor_members", "near_poor_members", "poor_deprived_health_insurance"]
    expected = {}
    for year, standard, province, *counts in rows:
        for level, code in [("province", province), ("region", region_of(regions, province, year)), ("country", "VN")]:
            key = (year, standard, level, code)
            expected[key] = [a + b for a, b in zip(expected.get(key, [0] * len(names)), counts)]

    db = sqlite3.connect(national)
    columns = ", ".join(names)
    actual = {(r[0], r[1], r[2], r[3]): r[4:] for r in db.execute(
        f"SELECT review_year, standard, level, unit_code, {columns}, poor_rate, near_poor_rate, poor_near_poor_rate,"
        " ethnic_minority_poor_rate FROM unit_rates WHERE level IN ('province', 'region', 'country')")}
    problems = []
    if set(actual) != set(expected):
        problems.append(f"rows differ: only national {sorted(set(actual) - set(expected))}, "
                        f"only DuckDB {sorted(set(expected) - set(actual))}")
    for key in sorted(set(actual) & set(expected)):
        counts, rates = list(actual[key][:len(names)]), actual[key][len(names):]
        want = expected[key]
        if counts != want:
            problems.append(f"{key}: national {dict(zip(names, counts))} != DuckDB {dict(zip(names, want))}")
        h, poor, near, em_h, em_p = want[0], want[1], want[2], want[4], want[5]
        want_rates = [100 * poor / h, 100 * near / h, 100 * (poor + near) / h, (100 * em_p / em_h) if em_h else None]
        for name, got, exp in zip(["poor_rate", "near_poor_rate", "poor_near_poor_rate", "ethnic_minority_poor_rate"],
                                  rates, want_rates):
            if (got is None) != (exp is None) or (exp is not None and abs(got - exp) > 1e-12 * max(1, abs(exp))):
                problems.append(f"{key}: {name} national {got} != {exp}")
    levels = {}
    for key in expected:
        levels[key[2]] = levels.get(key[2], 0) + 1
    if problems:
        print("duckdb-national: FAILED\n  " + "\n  ".join(problems[:20]))
        return 1
    print(f"duckdb-national: ok: {len(expected)} rows ({levels}) equal the DuckDB sums over "
          f"{len(provinces)} province databases ({sum(r[3] for r in rows)} household rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
