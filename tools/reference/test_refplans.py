"""Hand-computed self-tests of refplans.py: python3 -m unittest discover tools/reference"""
import json
import os
import sqlite3
import sys
import tempfile
import unittest
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import refplans as rp  # noqa: E402
from refplans import INSUFF, MET, NA, NOT_MET  # noqa: E402


def series(**by_year):
    """series(y2021=dict(H=.., P=..), ...) -> get(y)"""
    figs = {int(k[1:]): rp.make_fig(int(k[1:]), "vn-2022", **v) for k, v in by_year.items()}
    return lambda y: figs.get(y)


class Rounding(unittest.TestCase):
    def test_half_away_from_zero(self):
        self.assertEqual(rp.r2(F(100 * 201, 20000)), F(101, 100))     # 1.005 -> 1.01 (outputs.md)
        self.assertEqual(rp.r2(F(10005, 1000)), F(1001, 100))
        self.assertEqual(rp.r2(F(-5, 1000)), F(-1, 100))
        self.assertEqual(rp.r2(F(4999, 1000)), F(5, 1))               # 4.999 -> 5.00
        self.assertEqual(rp.r2(F(1, 3)), F(33, 100))
        self.assertEqual(rp.r2(F(2, 3)), F(67, 100))


class Decreases(unittest.TestCase):
    def test_exactly_four_points_meets_at_least_four(self):
        # rate_PN 50, 46, 42, 38 % of 100 households: each decrease is exactly 4.00
        get = series(y2021=dict(H=100, P=30, N=20), y2022=dict(H=100, P=26, N=20),
                     y2023=dict(H=100, P=22, N=20), y2024=dict(H=100, P=18, N=20))
        r = rp.rule_consecutive(get, "PN", 4, 3, 2024)
        self.assertEqual((r.verdict, r.borderline), (MET, 0))
        # "trên" (more than) would be strict: not met
        r = rp.rule_consecutive(get, "PN", 4, 3, 2024, strict=True)
        self.assertEqual(r.verdict, NOT_MET)

    def test_four_points_on_unequal_denominators(self):
        # 2/3 = 66.67 % -> 56/90 = 62.22 %: decrease 4.444 >= 4; 62.22 -> 58.2 (291/500)...
        get = series(y2021=dict(H=3, P=2), y2022=dict(H=90, P=56), y2023=dict(H=500, P=291),
                     y2024=dict(H=500, P=271))
        r = rp.rule_consecutive(get, "P", 4, 3, 2024)
        # 66.666.. - 62.222.. = 4.444; 62.222.. - 58.2 = 4.0222; 58.2 - 54.2 = 4.0
        self.assertEqual(r.verdict, MET)

    def test_fall_of_exactly_half_is_not_more_than_half(self):
        get = series(y2021=dict(H=500, P=60, N=40), y2024=dict(H=480, P=20, N=30))
        r = rp.rule_fell_half(get, 2021, 2024)
        self.assertEqual((r.verdict, r.borderline), (NOT_MET, 0))
        get = series(y2021=dict(H=500, P=60, N=40), y2024=dict(H=480, P=20, N=29))
        self.assertEqual(rp.rule_fell_half(get, 2021, 2024).verdict, MET)

    def test_missing_year_is_insufficient_first(self):
        # 2022 missing: insufficient_data even though the decreases present would fail
        get = series(y2021=dict(H=100, P=10), y2023=dict(H=100, P=10), y2024=dict(H=100, P=10))
        r = rp.rule_consecutive(get, "PN", 2, 3, 2024)
        self.assertEqual((r.verdict, r.borderline), (INSUFF, 0))
        self.assertEqual(r.ev["missing_years"], [2022])
        # zero baseline would be not_applicable, but the missing year wins
        get = series(y2021=dict(H=100, P=0, N=0))
        self.assertEqual(rp.rule_fell_half(get, 2021, 2024).verdict, INSUFF)

    def test_zero_baseline_not_applicable(self):
        get = series(y2021=dict(H=80, P=0, N=0), y2025=dict(H=80, P=1, N=0))
        r = rp.rule_fell_half(get, 2021, 2025)
        self.assertEqual((r.verdict, r.borderline), (NA, 0))

    def test_different_standards_insufficient(self):
        figs = {2026: rp.make_fig(2026, "vn-2022", H=10, P=1),
                2027: rp.make_fig(2027, "vn-2027", H=10, P=0)}
        r = rp.rule_count_fell(figs.get, "P", 2027)
        self.assertEqual(r.verdict, INSUFF)
        self.assertIn("different standards", r.ev["reason"])


class Borderline(unittest.TestCase):
    def test_flip_on_rounding(self):
        # rate_P 10.005 % -> 8.009 %: exact decrease 1.996 < 2 (not met); published
        # 10.01 - 8.01 = 2.00 >= 2 (met) -> borderline
        get = series(y2023=dict(H=200000, P=20010), y2024=dict(H=200000, P=16018))
        r = rp.rule_each_year(get, "P", 2, 2024)
        self.assertEqual((r.verdict, r.rounded, r.borderline), (NOT_MET, MET, 1))

    def test_no_flip(self):
        get = series(y2023=dict(H=100, P=10), y2024=dict(H=100, P=7))
        r = rp.rule_each_year(get, "P", 2, 2024)
        self.assertEqual((r.verdict, r.borderline), (MET, 0))

    def test_threshold_kept_exact(self):
        # rate_P 0.496 % rounds to 0.50: "< 0.5" exact met, rounded not met
        get = series(y2025=dict(H=125000, P=620))
        r = rp.rule_level(get, "P", "<", F(1, 2), 2025)
        self.assertEqual((r.verdict, r.borderline), (MET, 1))

    def test_count_rules_never_borderline(self):
        get = series(y2024=dict(H=3, P=2), y2025=dict(H=3, P=1))
        self.assertEqual(rp.rule_count_fell(get, "P", 2025).borderline, 0)

    def test_target_rounded(self):
        # decrease 100*(1/3 - 0) = 0.3333 vs planned 0.33: exact met; rounded 0.33 > 0.33 false
        get = series(y2022=dict(H=300, P=1), y2023=dict(H=300, P=0))
        r = rp.rule_target(get, ("poor_rate_decrease", F(33, 100)), 2023)
        self.assertEqual((r.verdict, r.borderline), (MET, 1))


class ThreeValued(unittest.TestCase):
    def test_any_of(self):
        t = rp.any_of_v
        self.assertEqual(t([NOT_MET, MET]), MET)
        self.assertEqual(t([INSUFF, MET]), MET)
        self.assertEqual(t([INSUFF, NOT_MET]), INSUFF)
        self.assertEqual(t([NA, NOT_MET]), NOT_MET)
        self.assertEqual(t([NA, NA]), NA)
        self.assertEqual(t([NA, INSUFF]), INSUFF)

    def test_all_of(self):
        t = rp.all_of_v
        self.assertEqual(t([MET, MET]), MET)
        self.assertEqual(t([MET, NOT_MET, INSUFF]), NOT_MET)
        self.assertEqual(t([MET, INSUFF]), INSUFF)
        self.assertEqual(t([MET, NA]), NA)
        self.assertEqual(t([NA, NA]), NA)

    def test_any_of_rule_at_first_year(self):
        # 666 province at T = 2022: 3-year part lacks 2019-2020, PN part decides
        get = series(y2021=dict(H=100, P=20, N=20), y2022=dict(H=100, P=10, N=9))
        r = rp.any_of({"a": rp.rule_consecutive(get, "PN", 2, 3, 2022),
                       "b": rp.rule_fell_half(get, 2021, 2022)})
        self.assertEqual(r.verdict, MET)
        get = series(y2021=dict(H=100, P=20, N=20), y2022=dict(H=100, P=10, N=10))
        r = rp.any_of({"a": rp.rule_consecutive(get, "PN", 2, 3, 2022),
                       "b": rp.rule_fell_half(get, 2021, 2022)})
        self.assertEqual(r.verdict, INSUFF)

    def test_over_units(self):
        mk = lambda v: rp.Res(v, v, {})  # noqa: E731
        self.assertEqual(rp.over_units({"a": mk(MET), "b": mk(INSUFF)}, {}).verdict, INSUFF)
        self.assertEqual(rp.over_units({"a": mk(NOT_MET), "b": mk(INSUFF)}, {}).verdict, NOT_MET)
        self.assertEqual(rp.over_units({}, {}).verdict, MET)


class ZeroCases(unittest.TestCase):
    def test_monitoring_start_zero(self):
        get = series(y2022=dict(H=50, P=0), y2024=dict(H=50, P=1))
        self.assertEqual(rp.rule_average_decrease(get, "P", F(1, 10), 2022, 2024).verdict, NA)
        get = series(y2023=dict(H=50, P=0), y2024=dict(H=50, P=0))
        self.assertEqual(rp.rule_each_year(get, "P", 2, 2024).verdict, NA)

    def test_award_has_no_zero_exception(self):
        get = series(y2021=dict(H=50), y2022=dict(H=50), y2023=dict(H=50), y2024=dict(H=50))
        self.assertEqual(rp.rule_consecutive(get, "PN", 2, 3, 2024).verdict, NOT_MET)

    def test_average_decrease(self):
        # 10 % -> 9.8 % over 2 years: average 0.1 >= 0.1 met
        get = series(y2022=dict(H=1000, P=100), y2024=dict(H=1000, P=98))
        self.assertEqual(rp.rule_average_decrease(get, "P", F(1, 10), 2022, 2024).verdict, MET)

    def test_ethnic_minority(self):
        get = series(y2023=dict(H=50, EMH=0), y2024=dict(H=50, EMH=10, EMP=2))
        self.assertEqual(rp.rule_each_year(get, "EM", 3, 2024, strict=True).verdict, NA)
        # 50 % -> 47 %: decrease exactly 3, "trên 3" strict: not met
        get = series(y2023=dict(H=100, EMH=100, EMP=50), y2024=dict(H=100, EMH=100, EMP=47))
        self.assertEqual(rp.rule_each_year(get, "EM", 3, 2024, strict=True).verdict, NOT_MET)
        get = series(y2025=dict(H=100, P=0))
        self.assertEqual(rp.rule_em_share(get, F(5, 2), 2025).verdict, NA)
        get = series(y2025=dict(H=1000, P=40, EMP=1))          # 2.5 % is not < 2.5
        self.assertEqual(rp.rule_em_share(get, F(5, 2), 2025).verdict, NOT_MET)

    def test_count_fell(self):
        get = series(y2024=dict(H=10, P=0), y2025=dict(H=10, P=0))
        self.assertEqual(rp.rule_count_fell(get, "P", 2025).verdict, NA)
        get = series(y2024=dict(H=10, P=2), y2025=dict(H=10, P=2))
        self.assertEqual(rp.rule_count_fell(get, "P", 2025).verdict, NOT_MET)

    def test_coverage(self):
        get = series(y2024=dict(H=10, P=0, N=0, poor_deprived_water=0, poor_deprived_latrine=0))
        r = rp.rule_coverage(get, ("poor",), ("water", "latrine"), 2024)
        self.assertEqual(r.verdict, MET)
        self.assertIn("vacuously", r.ev["note"])
        get = series(y2024=dict(H=10, P=3, poor_deprived_water=0, poor_deprived_latrine=1))
        self.assertEqual(rp.rule_coverage(get, ("poor",), ("water", "latrine"), 2024).verdict,
                         NOT_MET)

    def test_target_metrics(self):
        get = series(y2022=dict(H=100, P=10), y2023=dict(H=100, P=8))
        self.assertEqual(rp.rule_target(get, None, 2023).verdict, INSUFF)
        # decrease 2 points; planned 2 -> not greater -> not met
        self.assertEqual(rp.rule_target(get, ("poor_rate_decrease", F(2)), 2023).verdict, NOT_MET)
        # planned rate 8.5 -> planned decrease 1.5 < 2 -> met
        self.assertEqual(rp.rule_target(get, ("poor_rate", F(17, 2)), 2023).verdict, MET)
        self.assertEqual(rp.rule_target(get, ("poor_count_decrease", F(2)), 2023).verdict,
                         NOT_MET)
        self.assertEqual(rp.rule_target(get, ("poor_count_decrease", F(1)), 2023).verdict, MET)


# ----------------------------------------------------------------- restatement (Store)

ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to
77,Tỉnh Thử,province,,0,0,,,
771,Huyện A,district,77,1,0,,,2024
00004,Xã Bốn,commune,771,0,0,,,2024
00006,Xã Sáu,commune,771,0,0,I,,2024
00502,Xã Năm Hai,commune,77,0,0,,2025,
00503,Xã Năm Ba,commune,77,0,0,II,2025,
"""
CROSSWALK = """old_code,new_code,share
00004,00502,1
00006,00502,0.4
00006,00503,0.6
00006/Thôn Hoà,00503/Thôn Hòa,1
"""

UR_COLS = ["review_year", "standard", "level", "unit_code", "unit_name", "households", "poor",
           "near_poor", "ethnic_minority_households", "ethnic_minority_poor",
           "poor_special_difficulty"]


def make_db(path, rows):
    con = sqlite3.connect(path)
    con.execute(f"CREATE TABLE unit_rates ({', '.join(UR_COLS)})")
    con.execute("CREATE TABLE household_status (review_year, standard, commune_code, area)")
    for r in rows:
        con.execute(f"INSERT INTO unit_rates VALUES ({', '.join('?' * len(UR_COLS))})",
                    tuple(r.get(c, 0) for c in UR_COLS))
    con.commit()
    return con


def ur(y, level, code, H, P, N):
    return {"review_year": y, "standard": "vn-2022", "level": level, "unit_code": code,
            "unit_name": code, "households": H, "poor": P, "near_poor": N}


class Restatement(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        with open(os.path.join(d, "admin.csv"), "w", encoding="utf-8") as f:
            f.write(ADMIN)
        with open(os.path.join(d, "xw.csv"), "w", encoding="utf-8") as f:
            f.write(CROSSWALK)
        rows = [
            ur(2021, "commune", "00004", 100, 10, 10), ur(2021, "commune", "00006", 50, 7, 5),
            ur(2021, "district", "771", 150, 17, 15), ur(2021, "province", "77", 150, 17, 15),
            ur(2021, "village", "00006/Thôn Hoà", 20, 4, 1),
            ur(2024, "commune", "00004", 100, 9, 9), ur(2024, "commune", "00006", 50, 6, 5),
            ur(2024, "district", "771", 150, 15, 14), ur(2024, "province", "77", 150, 15, 14),
            ur(2025, "commune", "00502", 120, 8, 7), ur(2025, "commune", "00503", 30, 4, 3),
            ur(2025, "province", "77", 150, 12, 10),
            ur(2025, "village", "00503/Thôn Hòa", 20, 1, 1),
        ]
        self.con = make_db(os.path.join(d, "db.sqlite"), rows)
        self.store = rp.Store(self.con, rp.PlanAdmin(os.path.join(d, "admin.csv")),
                              os.path.join(d, "xw.csv"))

    def tearDown(self):
        self.con.close()
        self.tmp.cleanup()

    def test_split_04_06_sums_counts_exactly(self):
        s = self.store
        f = s.fig("commune", "00502", 2021, 2025)
        # 00004 x 1 + 00006 x 0.4: H = 100 + 20, P = 10 + 2.8, N = 10 + 2
        self.assertEqual((f["H"], f["P"], f["N"]), (F(120), F(64, 5), F(12)))
        self.assertTrue(f.restated)
        f = s.fig("commune", "00503", 2021, 2025)
        # 00006 x 0.6: H = 30, P = 4.2, N = 3 -> PN = 7.2
        self.assertEqual((f["H"], f["P"], f["N"]), (F(30), F(21, 5), F(3)))
        # rate_P = 100 * 4.2 / 30 = 14 exactly (no float residue)
        self.assertEqual(f.rate("P"), F(14))
        # 2*PN(2025) = 14 < 7.2? no -> not met; 00502: 2*15 = 30 < 24.8? no
        get = lambda y: s.fig("commune", "00503", y, 2025)  # noqa: E731
        self.assertEqual(rp.rule_fell_half(get, 2021, 2025).verdict, NOT_MET)

    def test_units_valid_at_T(self):
        s = self.store
        self.assertEqual(s.units("commune", 2025), ["00502", "00503"])
        self.assertEqual(s.units("commune", 2024), ["00004", "00006"])
        self.assertEqual(s.units("district", 2025), [])
        # before the reform nothing is restated
        f = s.fig("commune", "00006", 2021, 2024)
        self.assertFalse(f.restated)
        self.assertEqual(f["H"], 50)

    def test_village_crosswalk_matched_by_identity(self):
        s = self.store
        # crosswalk spells "Thôn Hoà" / "Thôn Hòa": matched to the database's codes
        self.assertEqual(s.units("village", 2025), ["00503/Thôn Hòa"])
        f = s.fig("village", "00503/Thôn Hòa", 2021, 2025)
        self.assertEqual((f["H"], f["P"], f["N"]), (F(20), F(4), F(1)))

    def test_plan_rows(self):
        rows = rp.evaluate_plan("national-666", self.store)
        got = {(r["criterion_id"], r["unit_code"], r["evaluation_year"]): r for r in rows}
        # commune-ethnic-region: kinds at T; 00503 (II) at 2025, restated baseline PN 7.2,
        # PN(2025) 7 -> 14 < 7.2 false
        self.assertEqual(got[("commune-ethnic-region", "00503", 2025)]["verdict"], NOT_MET)
        self.assertIn("restated", json.loads(got[("commune-ethnic-region", "00503", 2025)]
                                             ["evidence"]))
        # 00006 (I) has rows before the reform only; 2022/2023 have no data -> insufficient
        self.assertEqual(got[("commune-ethnic-region", "00006", 2022)]["verdict"], INSUFF)
        self.assertNotIn(("commune-ethnic-region", "00006", 2025), got)
        # district-poor only in years with districts (2024 here; 2022-2023 have no data)
        self.assertEqual(sorted(k[2] for k in got if k[0] == "district-poor"), [2022, 2023, 2024])
        # village: PN 5 -> 2, 4 < 5 met
        self.assertEqual(got[("village", "00503/Thôn Hòa", 2025)]["verdict"], MET)

    def test_district_exit_moved_to_last_year_with_districts(self):
        rows = rp.evaluate_plan("lang-son", self.store, territory="77")
        ex = [r for r in rows if r["criterion_id"] == "province-district-exit"]
        self.assertEqual(len(ex), 1)
        self.assertEqual(ex[0]["evaluation_year"], 2024)
        # 771 is poor in its only admin row (valid to 2024): not exited, although its
        # rate_PN(2024) = 100*29/150 = 19.33 is low -- only the admin file decides (detail 6)
        self.assertEqual(ex[0]["verdict"], NOT_MET)
        self.assertEqual(ex[0]["borderline"], 0)
        ev = json.loads(ex[0]["evidence"])
        self.assertEqual(ev["districts"]["771"]["exited"], False)
        self.assertTrue(ev["districts"]["771"]["rate_PN_context"].startswith("58/3 "))

    def test_territory_maps_new_communes_back(self):
        s = self.store
        terr = s.territory_communes("77", 2021)
        self.assertEqual(terr, {"00004", "00006", "00502", "00503"})
        f = s.territory_fig(terr, 2025)
        self.assertEqual((f["H"], f["P"]), (F(150), F(12)))


if __name__ == "__main__":
    unittest.main()
