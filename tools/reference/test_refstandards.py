"""Hand-computed end-to-end self-tests of the issue-8 standards in povref.py: 2026 under both
vn-2022 and vn-2027 (12 indicators), transitions per standard, and the local standard
example-local (household_deprivation). Run: python3 -m unittest discover tools/reference"""
import csv
import io
import os
import sqlite3
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import povref  # noqa: E402

HEADER = ["review_year", "household_id", "province_code", "district_code", "commune_code",
          "village", "area", "members", "ethnic_minority", "income_per_capita", "income_score",
          "working_age_without_job", "dependants", "children_malnourished",
          "members_6plus_uninsured", "adults_16_30_without_qualification",
          "children_3_15_out_of_school", "housing_type", "housing_area_m2", "water_source",
          "latrine", "internet_users", "info_devices", "loudspeaker_access",
          "members_with_labour_capacity", "social_protection_members", "digital_service_users",
          "waste_disposal"]

ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to
77,Tỉnh Thử,province,,0,0,,,
00501,Xã Một,commune,77,0,0,,2025,
"""


def row(year, hid, **over):
    """A household deprived on nothing (members 4) unless overridden."""
    r = {"review_year": year, "household_id": hid, "province_code": "77", "district_code": "",
         "commune_code": "00501", "village": "Thôn A", "area": "rural", "members": 4,
         "ethnic_minority": 0, "income_per_capita": 1_000_000, "income_score": "",
         "working_age_without_job": 0, "dependants": 0, "children_malnourished": 0,
         "members_6plus_uninsured": 0, "adults_16_30_without_qualification": 0,
         "children_3_15_out_of_school": 0, "housing_type": "durable", "housing_area_m2": 100,
         "water_source": "piped", "latrine": "septic", "internet_users": 1, "info_devices": 1,
         "loudspeaker_access": 1, "members_with_labour_capacity": 4,
         "social_protection_members": 0, "digital_service_users": 1,
         "waste_disposal": "collected"}
    r.update(over)
    return r


def run_ref(rows, extra_cols=(), local=None):
    """Writes the rows to a dump, runs povref, returns (rc, sqlite connection or None, tmp)."""
    tmp = tempfile.TemporaryDirectory()
    d = tmp.name
    os.mkdir(os.path.join(d, "dumps"))
    with open(os.path.join(d, "admin.csv"), "w", encoding="utf-8") as f:
        f.write(ADMIN)
    with open(os.path.join(d, "dumps", "households.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.DictWriter(f, HEADER + list(extra_cols))
        w.writeheader()
        w.writerows(rows)
    out = os.path.join(d, "ref.sqlite")
    args = ["--inputs", os.path.join(d, "dumps"), "--admin", os.path.join(d, "admin.csv"),
            "--out", out]
    if local:
        args += ["--local-standard", local]
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        rc = povref.main(args)
    con = sqlite3.connect(out) if rc == 0 else None
    return rc, con, tmp


class ChangeOfStandard(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        rows = [
            # H1: 2025 poor (vn-2022, D = employment + nutrition + water = 3, 1.4M <= 1.5M)
            row(2025, "H1", income_per_capita=1_400_000, working_age_without_job=1,
                children_malnourished=1, water_source="surface"),
            # 2026, 2.0M, employment + no internet + no digital services + no waste collection:
            #   vn-2022: 2.0M in (1.5M, 2.25M] -> average (D22 = employment + telecom = 2)
            #   vn-2027: 2.0M <= 2.2M, D27 = employment + digital_services + waste = 3 -> poor
            row(2026, "H1", income_per_capita=2_000_000, working_age_without_job=1,
                internet_users=0, digital_service_users=0, waste_disposal="none"),
            row(2027, "H1", income_per_capita=2_300_000),                    # vn-2027 above
            # H2: 2025 average; 2026 1.5M, D 0 -> near_poor under both; absent in 2027
            row(2025, "H2", income_per_capita=1_600_000),
            row(2026, "H2", income_per_capita=1_500_000),
            # H3 (urban): 2026 2.9M -> vn-2022 average (<= 3.0M), vn-2027 above (> 2.8M);
            # 2027 2.8M -> near_poor (urban line, inclusive)
            row(2026, "H3", area="urban", income_per_capita=2_900_000),
            row(2027, "H3", area="urban", income_per_capita=2_800_000),
        ]
        rc, cls.con, cls.tmp = run_ref(rows)
        assert rc == 0

    @classmethod
    def tearDownClass(cls):
        cls.con.close()
        cls.tmp.cleanup()

    def q(self, sql, *args):
        return self.con.execute(sql, args).fetchall()

    def test_one_status_row_per_standard(self):
        got = {(y, s, h): (st, d) for y, s, h, st, d in self.q(
            "SELECT review_year, standard, household_id, status, deprivation_count "
            "FROM household_status")}
        self.assertEqual(got, {
            (2025, "vn-2022", "H1"): ("poor", 3), (2025, "vn-2022", "H2"): ("average", 0),
            (2026, "vn-2022", "H1"): ("average", 2), (2026, "vn-2027", "H1"): ("poor", 3),
            (2026, "vn-2022", "H2"): ("near_poor", 0), (2026, "vn-2027", "H2"): ("near_poor", 0),
            (2026, "vn-2022", "H3"): ("average", 0), (2026, "vn-2027", "H3"): ("above", 0),
            (2027, "vn-2027", "H1"): ("above", 0), (2027, "vn-2027", "H3"): ("near_poor", 0)})

    def test_indicator_columns_null_outside_the_standard(self):
        for std, tel, info, dig, waste in self.q(
                "SELECT standard, deprived_telecom, deprived_information_access, "
                "deprived_digital_services, deprived_waste FROM household_status "
                "WHERE household_id = 'H1' AND review_year = 2026"):
            if std == "vn-2022":
                self.assertEqual((tel, info, dig, waste), (1, 0, None, None))
            else:
                self.assertEqual((tel, info, dig, waste), (None, None, 1, 1))

    def test_unit_rates_per_standard(self):
        got = {(y, s): (h, p, n, a) for y, s, h, p, n, a in self.q(
            "SELECT review_year, standard, households, poor, near_poor, average FROM unit_rates "
            "WHERE level = 'province'")}
        self.assertEqual(got, {(2025, "vn-2022"): (2, 1, 0, 1), (2026, "vn-2022"): (3, 0, 1, 2),
                               (2026, "vn-2027"): (3, 1, 1, 0), (2027, "vn-2027"): (2, 0, 1, 0)})
        tel, dig, info = self.q("SELECT poor_deprived_telecom, poor_deprived_digital_services, "
                                "poor_deprived_information_access FROM unit_rates WHERE "
                                "level = 'province' AND review_year = 2026 AND "
                                "standard = 'vn-2027'")[0]
        self.assertEqual((tel, dig, info), (None, 1, None))

    def test_transitions_never_cross_a_change_of_standard(self):
        got = {(h, f, t, s): (a, b, c) for h, f, t, s, a, b, c in self.q(
            "SELECT household_id, from_year, to_year, standard, from_status, to_status, change "
            "FROM household_transitions")}
        self.assertEqual(got, {
            ("H1", 2025, 2026, "vn-2022"): ("poor", "average", "escaped_above_near_poor"),
            ("H2", 2025, 2026, "vn-2022"): ("average", "near_poor", "newly_near_poor"),
            ("H3", 2025, 2026, "vn-2022"): ("absent", "average", "stayed_out"),
            ("H1", 2026, 2027, "vn-2027"): ("poor", "above", "escaped_above_near_poor"),
            ("H2", 2026, 2027, "vn-2027"): ("near_poor", "absent", "near_poor_left"),
            ("H3", 2026, 2027, "vn-2027"): ("above", "near_poor", "newly_near_poor")})

    def test_no_household_deprivation_without_a_local_standard(self):
        self.assertEqual(self.q("SELECT count(*) FROM household_deprivation"), [(0,)])


LOCAL_ROWS = [
    # L1: 1.7M, employment only + no electricity: vn-2022 average (D 1); local 1.7M <= 1.8M,
    #     D = 2 >= 2 -> poor
    row(2025, "L1", income_per_capita=1_700_000, working_age_without_job=1, electricity_access=0),
    # L2 (urban): 2.4M, nutrition: vn-2022 average (<= 3.0M); local <= 2.4M, D 1 -> near_poor
    row(2025, "L2", area="urban", income_per_capita=2_400_000, children_malnourished=1,
        electricity_access=1),
    # L3: 1,800,001, D = 3 + electricity: vn-2022 average; local above the line -> above
    #     (one line, no average band)
    row(2025, "L3", income_per_capita=1_800_001, working_age_without_job=1,
        children_malnourished=1, water_source="surface", electricity_access=0),
    # L4: 1.0M, employment + nutrition: vn-2022 near_poor (D 2 < 3); local poor (D 2 >= 2)
    row(2025, "L4", income_per_capita=1_000_000, working_age_without_job=1,
        children_malnourished=1, electricity_access="có"),
]


class LocalStandard(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        rc, cls.con, cls.tmp = run_ref(LOCAL_ROWS, ["electricity_access"], "example-local")
        assert rc == 0

    @classmethod
    def tearDownClass(cls):
        cls.con.close()
        cls.tmp.cleanup()

    def q(self, sql, *args):
        return self.con.execute(sql, args).fetchall()

    def test_statuses_under_both_standards(self):
        got = {(s, h): (st, d) for s, h, st, d in self.q(
            "SELECT standard, household_id, status, deprivation_count FROM household_status")}
        self.assertEqual(got, {
            ("vn-2022", "L1"): ("average", 1), ("example-local", "L1"): ("poor", 2),
            ("vn-2022", "L2"): ("average", 1), ("example-local", "L2"): ("near_poor", 1),
            ("vn-2022", "L3"): ("average", 3), ("example-local", "L3"): ("above", 4),
            ("vn-2022", "L4"): ("near_poor", 2), ("example-local", "L4"): ("poor", 2)})
        # the twelve vn-2022 columns are filled, the vn-2027-only ones NULL
        for tel, dig in self.q("SELECT deprived_telecom, deprived_digital_services FROM "
                               "household_status WHERE standard = 'example-local'"):
            self.assertEqual((tel, dig), (0, None))

    def test_household_deprivation_holds_the_extra_indicator(self):
        got = self.q("SELECT review_year, standard, household_id, indicator, deprived FROM "
                     "household_deprivation ORDER BY household_id")
        self.assertEqual(got, [(2025, "example-local", "L1", "electricity", 1),
                               (2025, "example-local", "L2", "electricity", 0),
                               (2025, "example-local", "L3", "electricity", 1),
                               (2025, "example-local", "L4", "electricity", 0)])

    def test_unit_rates_for_both_standards(self):
        got = {s: (h, p, n, a, e) for s, h, p, n, a, e in self.q(
            "SELECT standard, households, poor, near_poor, average, poor_deprived_employment "
            "FROM unit_rates WHERE level = 'province'")}
        self.assertEqual(got, {"vn-2022": (4, 0, 1, 3, 0), "example-local": (4, 2, 1, 0, 2)})

    def test_plans_read_the_national_standard_only(self):
        import refplans
        with open(os.path.join(self.tmp.name, "admin.csv"), encoding="utf-8") as f:
            self.assertIn("77,", f.read())
        store = refplans.Store(self.con, refplans.PlanAdmin(os.path.join(self.tmp.name,
                                                                         "admin.csv")))
        f = store.fig("province", "77", 2025, 2025)
        # vn-2022 figures (P 0, N 1 of 4), not example-local's (P 2, N 1)
        self.assertEqual((f.standard, f["H"], f["P"], f["N"]), ("vn-2022", 4, 0, 1))

    def test_missing_extra_column_fails_only_with_the_local_standard(self):
        rows = [{k: v for k, v in r.items() if k != "electricity_access"} for r in LOCAL_ROWS]
        rc, con, tmp = run_ref(rows, (), "example-local")
        tmp.cleanup()
        self.assertEqual(rc, 1)
        rc, con, tmp = run_ref(rows, (), None)
        try:
            self.assertEqual(rc, 0)
            self.assertEqual(con.execute("SELECT count(DISTINCT standard) FROM household_status")
                             .fetchone(), (1,))
            con.close()
        finally:
            tmp.cleanup()


class HeldOutGenerators(unittest.TestCase):
    """The two held-out sets: deterministic, and the reference reads them as intended."""

    def gen(self, script, d, *extra):
        import subprocess
        subprocess.run([sys.executable, os.path.join(HERE, script), d, *extra], check=True,
                       capture_output=True)

    def test_decree351_set(self):
        with tempfile.TemporaryDirectory() as d:
            self.gen("make_decree351.py", os.path.join(d, "a"))
            self.gen("make_decree351.py", os.path.join(d, "b"))
            for y in range(2025, 2031):
                with open(os.path.join(d, "a", "dumps", f"households_{y}.csv"), "rb") as f1, \
                        open(os.path.join(d, "b", "dumps", f"households_{y}.csv"), "rb") as f2:
                    self.assertEqual(f1.read(), f2.read(), y)
            with open(os.path.join(d, "a", "dumps", "households_2025.csv"), encoding="utf-8") as f:
                self.assertNotIn("digital_service_users", f.readline())
            out = os.path.join(d, "ref.sqlite")
            with redirect_stdout(io.StringIO()):
                rc = povref.main(["--inputs", os.path.join(d, "a", "dumps"), "--admin",
                                  os.path.join(d, "a", "admin_units.csv"), "--out", out])
            self.assertEqual(rc, 0)
            con = sqlite3.connect(out)
            q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
            self.assertEqual(q("SELECT DISTINCT review_year, standard FROM household_status "
                               "ORDER BY 1, 2"),
                             [(2025, "vn-2022"), (2026, "vn-2022"), (2026, "vn-2027"),
                              (2027, "vn-2027"), (2028, "vn-2027"), (2029, "vn-2027"),
                              (2030, "vn-2027")])
            # every accepted 2026 household has one row per standard
            self.assertEqual(q("SELECT count(*) FROM (SELECT household_id FROM household_status "
                               "WHERE review_year = 2026 GROUP BY household_id "
                               "HAVING count(*) <> 2)"), [(0,)])
            self.assertEqual(q("SELECT count(*) FROM household_status WHERE standard = "
                               "'vn-2027' AND (deprived_telecom IS NOT NULL OR "
                               "deprived_information_access IS NOT NULL OR "
                               "deprived_waste IS NULL)"), [(0,)])
            self.assertEqual(q("SELECT DISTINCT standard, from_year FROM household_transitions "
                               "ORDER BY 1, 2"),
                             [("vn-2022", 2025), ("vn-2027", 2026), ("vn-2027", 2027),
                              ("vn-2027", 2028), ("vn-2027", 2029)])
            self.assertEqual({r for (r,) in q("SELECT DISTINCT reason FROM quarantine")},
                             {"invalid_number", "unknown_unit", "missing_value", "invalid_enum",
                              "inconsistent_counts", "duplicate_household"})
            # the coastal commune has no 2028 review
            self.assertEqual(q("SELECT count(*) FROM unit_rates WHERE unit_code = '46015' AND "
                               "review_year = 2028"), [(0,)])
            con.close()

    def test_local_standard_set(self):
        with tempfile.TemporaryDirectory() as d:
            self.gen("make_local_standard.py", d)
            out = os.path.join(d, "ref.sqlite")
            with redirect_stdout(io.StringIO()):
                rc = povref.main(["--inputs", os.path.join(d, "dumps"), "--admin",
                                  os.path.join(d, "admin_units.csv"), "--out", out,
                                  "--local-standard", "example-local"])
            self.assertEqual(rc, 0)
            con = sqlite3.connect(out)
            n_local = con.execute("SELECT count(*) FROM household_status WHERE "
                                  "standard = 'example-local'").fetchone()[0]
            n_22 = con.execute("SELECT count(*) FROM household_status WHERE "
                               "standard = 'vn-2022'").fetchone()[0]
            n_dep = con.execute("SELECT count(*) FROM household_deprivation WHERE "
                                "indicator = 'electricity'").fetchone()[0]
            self.assertEqual((n_local, n_dep), (n_22, n_22))
            # no average band under the local standard
            self.assertEqual(con.execute("SELECT count(*) FROM household_status WHERE "
                                         "standard = 'example-local' AND status = 'average'")
                             .fetchone(), (0,))
            con.close()


class CompareDeprivation(unittest.TestCase):
    def test_household_deprivation_is_compared(self):
        import shutil
        import subprocess
        rc, con, tmp = run_ref(LOCAL_ROWS, ["electricity_access"], "example-local")
        try:
            con.close()
            ref = os.path.join(tmp.name, "ref.sqlite")
            prod = os.path.join(tmp.name, "prod.sqlite")
            shutil.copy(ref, prod)
            cmp = [sys.executable, os.path.join(HERE, "compare.py"), ref, prod, "--tables",
                   "household_status,household_deprivation,unit_rates"]
            self.assertEqual(subprocess.run(cmp, capture_output=True).returncode, 0)
            c = sqlite3.connect(prod)
            c.execute("UPDATE household_deprivation SET deprived = 0 WHERE household_id = 'L1'")
            c.commit()
            c.close()
            res = subprocess.run(cmp, capture_output=True, text=True)
            self.assertEqual(res.returncode, 1)
            self.assertIn("[household_deprivation] MISMATCH", res.stdout)
            # by default the table is compared because the reference has rows in it
            res = subprocess.run(cmp[:4], capture_output=True, text=True)
            self.assertIn("[household_deprivation] MISMATCH", res.stdout)
        finally:
            tmp.cleanup()


if __name__ == "__main__":
    unittest.main()
