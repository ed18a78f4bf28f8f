"""The DuckDB comparison for `make bench`: household_status and unit_rates of one vn-2022 dump.

The same work as classify_pandas.py in DuckDB SQL (the vn-2022 rules of standards.md), written
into a SQLite database through DuckDB's SQLite extension (the `duckdb-ext-sqlite` wheel, so no
download at run time). No validation, quarantine, transitions, criteria or exports.

Usage: python3 classify_duckdb.py DUMP.csv DATABASE.sqlite
"""
import glob
import os
import sys

import duckdb


def sqlite_extension() -> str:
    import duckdb_ext  # noqa: F401  (namespace of the duckdb-ext-* wheels)
    roots = [os.path.dirname(p) for p in duckdb_ext.__path__]
    found = glob.glob(os.path.join(roots[0], "duckdb_ext", "extensions", "*", "*", "sqlite_scanner.duckdb_extension"))
    found += glob.glob(os.path.join(roots[0], "extensions", "*", "*", "sqlite_scanner.duckdb_extension"))
    if not found:
        sys.exit("duckdb: the sqlite_scanner extension is missing; pip install duckdb-ext-sqlite")
    return found[0]


STATUS = """
CREATE TABLE db.household_status AS
WITH d AS (
  SELECT *,
    CASE WHEN area = 'urban' THEN 2000000 ELSE 1500000 END AS line,
    CASE WHEN area = 'urban' THEN 3000000 ELSE 2250000 END AS upper_bound,
    (working_age_without_job >= 1)::INT AS deprived_employment,
    (dependants * 2 > members)::INT AS deprived_dependants,
    (children_malnourished >= 1)::INT AS deprived_nutrition,
    (members_6plus_uninsured >= 1)::INT AS deprived_health_insurance,
    (adults_16_30_without_qualification >= 1)::INT AS deprived_adult_education,
    (children_3_15_out_of_school >= 1)::INT AS deprived_child_schooling,
    (housing_type IN ('non_durable', 'none'))::INT AS deprived_housing_quality,
    (housing_area_m2 < 8 * members)::INT AS deprived_housing_area,
    (water_source NOT IN ('piped','drilled_well','protected_well','protected_spring','rainwater','bottled'))::INT AS deprived_water,
    (latrine NOT IN ('septic','pour_flush','double_vault','ventilated_pit','biogas'))::INT AS deprived_latrine,
    (internet_users = 0)::INT AS deprived_telecom,
    (info_devices = 0 AND loudspeaker_access = 0)::INT AS deprived_information_access
  FROM read_csv(?, header = true, all_varchar = false,
                types = {'household_id': 'VARCHAR', 'province_code': 'VARCHAR', 'district_code': 'VARCHAR',
                         'commune_code': 'VARCHAR', 'village': 'VARCHAR'})
), c AS (
  SELECT *, deprived_employment + deprived_dependants + deprived_nutrition + deprived_health_insurance
    + deprived_adult_education + deprived_child_schooling + deprived_housing_quality + deprived_housing_area
    + deprived_water + deprived_latrine + deprived_telecom + deprived_information_access AS deprivation_count
  FROM d
)
SELECT review_year, household_id, province_code, district_code, commune_code, village, area, members,
  ethnic_minority, income_per_capita, deprivation_count,
  CASE WHEN income_per_capita <= line AND deprivation_count >= 3 THEN 'poor'
       WHEN income_per_capita <= line THEN 'near_poor'
       WHEN income_per_capita <= upper_bound THEN 'average' ELSE 'above' END AS status,
  deprived_employment, deprived_dependants, deprived_nutrition, deprived_health_insurance,
  deprived_adult_education, deprived_child_schooling, deprived_housing_quality, deprived_housing_area,
  deprived_water, deprived_latrine, deprived_telecom, deprived_information_access
FROM c
"""

RATES = """
CREATE TABLE db.unit_rates AS
WITH s AS (SELECT review_year, province_code, district_code, commune_code,
                  commune_code || '/' || village AS village_code, status FROM db.household_status),
g AS (
  SELECT review_year, 'village' AS level, village_code AS unit_code, status FROM s
  UNION ALL SELECT review_year, 'commune', commune_code, status FROM s
  UNION ALL SELECT review_year, 'district', district_code, status FROM s
  UNION ALL SELECT review_year, 'province', province_code, status FROM s
)
SELECT review_year, level, unit_code, count(*) AS households,
  count(*) FILTER (status = 'poor') AS poor, count(*) FILTER (status = 'near_poor') AS near_poor,
  count(*) FILTER (status = 'average') AS average,
  count(*) FILTER (status IN ('poor', 'near_poor')) AS poor_near_poor,
  100.0 * count(*) FILTER (status = 'poor') / count(*) AS poor_rate,
  100.0 * count(*) FILTER (status = 'near_poor') / count(*) AS near_poor_rate,
  100.0 * count(*) FILTER (status IN ('poor', 'near_poor')) / count(*) AS poor_near_poor_rate
FROM g GROUP BY ALL ORDER BY level, unit_code
"""


def main() -> None:
    dump, database = sys.argv[1], sys.argv[2]
    if os.path.exists(database):
        os.remove(database)
    con = duckdb.connect()
    con.execute(f"LOAD '{sqlite_extension()}'")
    con.execute(f"ATTACH '{database}' AS db (TYPE sqlite)")
    con.execute(STATUS, [dump])
    con.execute(RATES)
    n = con.execute("SELECT count(*) FROM db.household_status").fetchone()[0]
    m = con.execute("SELECT count(*) FROM db.unit_rates").fetchone()[0]
    print(f"duckdb: {n} households, {m} unit rows")


if __name__ == "__main__":
    main()
