"""Hand-computed self-tests of the issue-8 readings (plans side): poor-district exit decided by the
admin file alone, Vĩnh Phúc's new-rural criterion on rate_PN, and plan ntp-2026-2030.
Run: python3 -m unittest discover tools/reference"""
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

UR_COLS = ["review_year", "standard", "level", "unit_code", "unit_name", "households", "poor",
           "near_poor", "ethnic_minority_households", "ethnic_minority_poor",
           "poor_special_difficulty"]


def ur(y, level, code, H, P, N, std="vn-2022"):
    return {"review_year": y, "standard": std, "level": level, "unit_code": code,
            "unit_name": code, "households": H, "poor": P, "near_poor": N}


class Env:
    """A temporary admin file + database (unit_rates, household_status areas)."""

    def __init__(self, admin, rows, areas=()):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        self.admin_path = os.path.join(d, "admin.csv")
        with open(self.admin_path, "w", encoding="utf-8") as f:
            f.write(admin)
        self.con = sqlite3.connect(os.path.join(d, "db.sqlite"))
        self.con.execute(f"CREATE TABLE unit_rates ({', '.join(UR_COLS)})")
        self.con.execute("CREATE TABLE household_status (review_year, standard, commune_code, area)")
        for r in rows:
            self.con.execute(f"INSERT INTO unit_rates VALUES ({', '.join('?' * len(UR_COLS))})",
                             tuple(r.get(c, 0) for c in UR_COLS))
        self.con.executemany("INSERT INTO household_status VALUES (?, ?, ?, ?)", areas)
        self.con.commit()

    def store(self, std=None):
        return rp.Store(self.con, rp.PlanAdmin(self.admin_path),
                        standard_of=(lambda y: std) if std else None)

    def close(self):
        self.con.close()
        self.tmp.cleanup()


def by_key(rows):
    return {(r["criterion_id"], r["unit_code"], r["evaluation_year"]): r for r in rows}


# ------------------------------------------------------------ poor-district exit (detail 6)

EXIT_ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to
77,Tỉnh Thử,province,,0,0,,,
771,Huyện Nghèo,district,77,1,0,,,2022
771,Huyện Nghèo,district,77,0,0,,2023,2024
772,Huyện Khác,district,77,0,0,,,2024
00004,Xã Bốn,commune,771,0,0,,,2024
00005,Xã Năm,commune,772,0,0,,,2024
00502,Xã Mới,commune,77,0,0,,2025,
"""


def exit_rows():
    rows = []
    for y in (2021, 2022, 2023, 2024):
        # 771 keeps a high rate_PN (80%): the admin file alone decides the exit
        rows += [ur(y, "commune", "00004", 100, 50, 30), ur(y, "commune", "00005", 100, 1, 1),
                 ur(y, "district", "771", 100, 50, 30), ur(y, "district", "772", 100, 1, 1),
                 ur(y, "province", "77", 200, 51, 31)]
    rows += [ur(2025, "commune", "00502", 200, 40, 20), ur(2025, "province", "77", 200, 40, 20)]
    return rows


class DistrictExitByAdminOnly(unittest.TestCase):
    def test_exit_recorded_in_admin_file_is_met_whatever_the_rate(self):
        env = Env(EXIT_ADMIN, exit_rows())
        try:
            rows = [r for r in rp.evaluate_plan("lang-son", env.store(), territory="77")
                    if r["criterion_id"] == "province-district-exit"]
            # deadline 2025 has no districts -> evaluated at 2024, the last year with them;
            # 771's admin row valid in 2024 says poor_district = 0 -> exited, although its
            # rate_PN(2024) = 80 (the old 35-threshold reading would not matter either way)
            self.assertEqual([(r["evaluation_year"], r["verdict"], r["borderline"]) for r in rows],
                             [(2024, MET, 0)])
            ev = json.loads(rows[0]["evidence"])
            self.assertEqual(ev["poor_districts"], ["771"])
            self.assertEqual(ev["districts"]["771"]["rate_PN_context"], "80")
        finally:
            env.close()

    def test_low_rate_never_exits(self):
        admin = EXIT_ADMIN.replace("771,Huyện Nghèo,district,77,0,0,,2023,2024",
                                   "771,Huyện Nghèo,district,77,1,0,,2023,2024")
        rows = [r for r in exit_rows() if r["unit_code"] != "771"]
        for y in (2021, 2022, 2023, 2024):
            rows.append(ur(y, "district", "771", 100, 1, 0))     # rate_PN 1 < 35
        env = Env(admin, rows)
        try:
            got = [r for r in rp.evaluate_plan("lang-son", env.store(), territory="77")
                   if r["criterion_id"] == "province-district-exit"]
            self.assertEqual([(r["evaluation_year"], r["verdict"]) for r in got],
                             [(2024, NOT_MET)])
        finally:
            env.close()

    def test_no_poor_district_not_applicable(self):
        admin = EXIT_ADMIN.replace("771,Huyện Nghèo,district,77,1,0,,,2022",
                                   "771,Huyện Nghèo,district,77,0,0,,,2022")
        env = Env(admin, exit_rows())
        try:
            got = [r for r in rp.evaluate_plan("lang-son", env.store(), territory="77")
                   if r["criterion_id"] == "province-district-exit"]
            self.assertEqual([r["verdict"] for r in got], [NA])
        finally:
            env.close()


# ------------------------------------------------------------ Vĩnh Phúc new-rural (rate_PN)

NTM_ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region
26,Vĩnh Phúc,province,,0,0,
261,Huyện A,district,26,0,0,
00004,Xã Bốn,commune,261,0,0,
00005,Phường Năm,commune,261,0,0,
"""


def ntm_env(h4, p4, n4):
    rows = [ur(2021, "commune", "00004", 100, 5, 5), ur(2021, "commune", "00005", 100, 9, 9),
            ur(2021, "province", "26", 200, 14, 14),
            ur(2022, "commune", "00004", h4, p4, n4),
            ur(2022, "commune", "00005", 100, 30, 30),     # a ward (urban): outside the criterion
            ur(2022, "province", "26", 100 + h4, 30 + p4, 30 + n4)]
    areas = [(2022, "vn-2022", "00004", "rural"), (2022, "vn-2022", "00004", "rural"),
             (2022, "vn-2022", "00005", "urban"), (2022, "vn-2022", "00005", "rural")]
    return Env(NTM_ADMIN, rows, areas)


def ntm_verdict(env):
    rows = [r for r in rp.evaluate_plan("vinh-phuc", env.store(), territory="26")
            if r["criterion_id"] == "communes-ntm-poverty-2022"]
    assert len(rows) == 1 and rows[0]["evaluation_year"] == 2022, rows
    return rows[0]["verdict"], rows[0]["borderline"]


class NewRuralOnPoorAndNearPoor(unittest.TestCase):
    def test_rate_p_low_but_rate_pn_high_is_not_met(self):
        env = ntm_env(100, 1, 2)           # rate_P 1 <= 2, rate_PN 3 > 2
        try:
            self.assertEqual(ntm_verdict(env), (NOT_MET, 0))
        finally:
            env.close()

    def test_rate_pn_exactly_two_is_met(self):
        env = ntm_env(100, 1, 1)           # rate_PN 2 <= 2 (inclusive)
        try:
            self.assertEqual(ntm_verdict(env), (MET, 0))
        finally:
            env.close()

    def test_borderline(self):
        env = ntm_env(25000, 1, 500)       # rate_PN = 50100/25000 = 2.004 -> 2.00 published
        try:
            self.assertEqual(ntm_verdict(env), (NOT_MET, 1))
        finally:
            env.close()


# ------------------------------------------------------------ plan ntp-2026-2030

NTP_ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to
77,Tỉnh Thử,province,,0,0,,,
78,Tỉnh Khác,province,,0,0,,,
00502,Xã Hai,commune,77,0,0,II,2025,
00503,Xã Ba,commune,77,0,0,,2025,
00504,Xã Bốn,commune,77,0,0,III,2025,
00601,Xã Sáu,commune,78,0,0,,2025,
"""


def ntp_rows(with_2030=False):
    v7 = "vn-2027"
    rows = [
        # 2025 (vn-2022 only) and the vn-2022 side of 2026: never seen by the plan
        ur(2025, "province", "77", 200, 2, 4), ur(2025, "commune", "00502", 100, 0, 0),
        ur(2026, "province", "77", 200, 2, 4),
        ur(2026, "commune", "00502", 100, 0, 0), ur(2026, "commune", "00503", 60, 0, 1),
        ur(2026, "commune", "00504", 40, 2, 1),
        # vn-2027 baseline 2026 and 2027, 2028
        ur(2026, "province", "77", 200, 10, 20, v7),        # 15
        ur(2027, "province", "77", 200, 8, 20, v7),         # 14: decrease 1 -> met (not 1.5)
        ur(2028, "province", "77", 205, 8, 19, v7),         # 2700/205 = 13.17: 0.83 -> not met
        ur(2026, "commune", "00502", 100, 0, 0, v7),        # 0 -> 2027 not_applicable
        ur(2027, "commune", "00502", 100, 1, 0, v7),        # 1 -> 2028 0 decrease 1: met
        ur(2028, "commune", "00502", 100, 0, 0, v7),
        ur(2026, "commune", "00503", 60, 6, 9, v7),         # 25
        ur(2027, "commune", "00503", 60, 4, 8, v7),         # 20: decrease 5 -> met
        # 00503 has no 2028 row -> insufficient_data
        ur(2026, "commune", "00504", 40, 4, 11, v7),        # 37.5
        ur(2027, "commune", "00504", 40, 4, 12, v7),        # 40: increase -> not met
        ur(2028, "commune", "00504", 25000, 751, 9000, v7),  # 39.004: 0.996 -> 1.00 published
        ur(2026, "province", "78", 10, 0, 0, v7), ur(2026, "commune", "00601", 10, 0, 0, v7),
        ur(2027, "province", "78", 10, 0, 0, v7), ur(2027, "commune", "00601", 10, 0, 0, v7),
    ]
    if with_2030:
        rows += [
            ur(2030, "commune", "00502", 100, 2, 3, v7), ur(2030, "commune", "00504", 50, 1, 1, v7),
            ur(2030, "commune", "00503", 10, 5, 5, v7), ur(2030, "province", "77", 160, 8, 9, v7),
            ur(2030, "commune", "00601", 10, 5, 5, v7), ur(2030, "province", "78", 10, 5, 5, v7),
        ]
    return rows


class NtpPlan(unittest.TestCase):
    def evaluate(self, with_2030=False):
        env = Env(NTP_ADMIN, ntp_rows(with_2030))
        try:
            return by_key(rp.evaluate_plan("ntp-2026-2030", env.store("vn-2027")))
        finally:
            env.close()

    def test_decreases_on_vn2027_only(self):
        got = self.evaluate()
        v = {k: (r["verdict"], r["borderline"]) for k, r in got.items()}
        # evaluation years 2027 .. 2028 (last review year); no deadline row (2030 not in data)
        self.assertEqual({k[2] for k in got}, {2027, 2028})
        self.assertFalse(any(k[0] == "province-ethnic-region-pn-2030" for k in got))
        self.assertTrue(all(r["standard"] == "vn-2027" for r in got.values()))
        # 77: 15 -> 14 is a decrease of exactly 1 (met); were the 2026 vn-2022 figures (3%) used,
        # 3 -> 14 would be not_met
        self.assertEqual(v[("province-pn-decrease", "77", 2027)], (MET, 0))
        ev = json.loads(got[("province-pn-decrease", "77", 2027)]["evidence"])
        self.assertEqual(ev["decrease >= 3/2"], False)
        self.assertEqual(v[("province-pn-decrease", "77", 2028)], (NOT_MET, 0))
        self.assertEqual(v[("province-pn-decrease", "78", 2027)], (NA, 0))   # starting rate 0
        self.assertEqual(v[("commune-pn-decrease", "00502", 2027)], (NA, 0))
        self.assertEqual(v[("commune-pn-decrease", "00502", 2028)], (MET, 0))
        self.assertEqual(v[("commune-pn-decrease", "00503", 2027)], (MET, 0))
        self.assertEqual(v[("commune-pn-decrease", "00503", 2028)], (INSUFF, 0))
        self.assertEqual(v[("commune-pn-decrease", "00504", 2027)], (NOT_MET, 0))
        self.assertEqual(v[("commune-pn-decrease", "00504", 2028)], (NOT_MET, 1))
        # 78 / 00601 have data up to 2027: a 2028 row, insufficient
        self.assertEqual(v[("commune-pn-decrease", "00601", 2028)], (INSUFF, 0))

    def test_region_goal_at_2030(self):
        got = self.evaluate(with_2030=True)
        v = {k: (r["verdict"], r["borderline"]) for k, r in got.items()}
        self.assertEqual({k[2] for k in got}, {2027, 2028, 2029, 2030})
        region = {k: x for k, x in v.items() if k[0] == "province-ethnic-region-pn-2030"}
        # 77: communes 00502 (II) and 00504 (III): PN 5 + 2 = 7 over H 150 -> 4.67 < 10 -> met;
        # 00503 (PN 100%) is not in the region. 78 has no region commune -> not_applicable.
        self.assertEqual(region, {("province-ethnic-region-pn-2030", "77", 2030): (MET, 0),
                                  ("province-ethnic-region-pn-2030", "78", 2030): (NA, 0)})
        ev = json.loads(got[("province-ethnic-region-pn-2030", "77", 2030)]["evidence"])
        self.assertEqual((ev["H"], ev["PN"]), ("150", "7"))
        # 2029 has no data: its rows are insufficient, and 2030 needs 2029
        self.assertEqual(v[("province-pn-decrease", "77", 2029)], (INSUFF, 0))
        self.assertEqual(v[("province-pn-decrease", "77", 2030)], (INSUFF, 0))

    def test_region_missing_commune_insufficient(self):
        rows = [r for r in ntp_rows(True) if not (r["review_year"] == 2030 and
                                                   r["unit_code"] == "00504")]
        env = Env(NTP_ADMIN, rows)
        try:
            got = by_key(rp.evaluate_plan("ntp-2026-2030", env.store("vn-2027")))
        finally:
            env.close()
        self.assertEqual(got[("province-ethnic-region-pn-2030", "77", 2030)]["verdict"], INSUFF)

    def test_region_borderline(self):
        rows = [r for r in ntp_rows(True) if not (r["review_year"] == 2030 and
                                                   r["unit_code"] in ("00502", "00504"))]
        # 00502 + 00504: PN 2499 / H 25000 = 9.996 < 10 exact, 10.00 published -> borderline
        rows += [ur(2030, "commune", "00502", 20000, 999, 1000, "vn-2027"),
                 ur(2030, "commune", "00504", 5000, 200, 300, "vn-2027")]
        env = Env(NTP_ADMIN, rows)
        try:
            got = by_key(rp.evaluate_plan("ntp-2026-2030", env.store("vn-2027")))
        finally:
            env.close()
        r = got[("province-ethnic-region-pn-2030", "77", 2030)]
        self.assertEqual((r["verdict"], r["borderline"]), (MET, 1))

    def test_main_uses_vn2027_store(self):
        env = Env(NTP_ADMIN, ntp_rows())
        try:
            db = env.con.execute("PRAGMA database_list").fetchone()[2]
            env.con.commit()
            rc = rp.main(["--db", db, "--admin", env.admin_path, "--plan", "ntp-2026-2030",
                          "--plan", "national-666"])
            self.assertEqual(rc, 0)
            got = dict(((p, c, u, y, s), v) for p, c, u, y, s, v in env.con.execute(
                "SELECT plan, criterion_id, unit_code, evaluation_year, standard, verdict "
                "FROM criteria_results"))
            self.assertEqual(got[("ntp-2026-2030", "province-pn-decrease", "77", 2027,
                                  "vn-2027")], MET)
            # national-666 ends at 2025 and reads vn-2022 figures: 2022-2024 have no data
            self.assertFalse(any(k[0] == "national-666" and k[3] > 2025 for k in got))
        finally:
            env.close()


class NtpStressTotals(unittest.TestCase):
    def test_totals_put_decreases_on_the_rounding_edge(self):
        import subprocess
        from contextlib import redirect_stdout
        from io import StringIO
        import povref
        with tempfile.TemporaryDirectory() as d:
            subprocess.run([sys.executable, os.path.join(HERE, "make_decree351.py"), d],
                           check=True, capture_output=True)
            dumps, admin = os.path.join(d, "dumps"), os.path.join(d, "admin_units.csv")
            plain, stressed = os.path.join(d, "plain.sqlite"), os.path.join(d, "t.sqlite")
            totals = os.path.join(d, "household_totals.csv")
            with redirect_stdout(StringIO()):
                self.assertEqual(povref.main(["--inputs", dumps, "--admin", admin,
                                              "--out", plain]), 0)
                subprocess.run([sys.executable, os.path.join(HERE, "make_ntp_stress.py"), plain,
                                admin, totals], check=True, capture_output=True)
                self.assertEqual(povref.main(["--inputs", dumps, "--admin", admin, "--totals",
                                              totals, "--out", stressed]), 0)
                self.assertEqual(rp.main(["--db", stressed, "--admin", admin, "--plan",
                                          "ntp-2026-2030"]), 0)
            con = sqlite3.connect(stressed)
            # every commune row uses its total (none missing, none totals-only), total >= dump
            self.assertEqual(con.execute(
                "SELECT count(*) FROM unit_rates WHERE level = 'commune' AND "
                "(denominator_source <> 'totals' OR households < dump_households)").fetchone(),
                (0,))
            rows = con.execute("SELECT evidence, verdict FROM criteria_results WHERE "
                               "criterion_id = 'commune-pn-decrease' AND borderline = 1").fetchall()
            self.assertGreater(len(rows), 0)
            for ev, verdict in rows:
                ev = json.loads(ev)
                exact = F(ev["decrease"].split()[0])
                rounded = F(ev["decrease_rounded"].split()[0])
                # the two decreases lie on different sides of 1 point
                self.assertNotEqual(exact >= 1, rounded >= 1)
                self.assertEqual(verdict, MET if exact >= 1 else NOT_MET)
            con.close()


class LawPlansHeldOut(unittest.TestCase):
    """make_law_plans.py builds the 2022 new-rural communes by construction: 26101 has 50
    households, 1 poor + 2 near-poor (rate_P 2, rate_PN 6) or, with --exit, 1 + 0 (rate_PN 2);
    26102 has 1 near-poor of 50 (rate_PN 2). District 201 is poor in every admin row, or off the
    list from 2023 with --exit; 202 is poor throughout."""

    def run_set(self, *flags):
        import subprocess
        from contextlib import redirect_stdout
        from io import StringIO
        import povref
        with tempfile.TemporaryDirectory() as d:
            subprocess.run([sys.executable, os.path.join(HERE, "make_law_plans.py"), d, *flags],
                           check=True, capture_output=True)
            db = os.path.join(d, "ref.sqlite")
            admin = os.path.join(d, "admin_units.csv")
            with redirect_stdout(StringIO()):
                self.assertEqual(povref.main(["--inputs", os.path.join(d, "dumps"), "--admin",
                                              admin, "--out", db]), 0)
                self.assertEqual(rp.main(["--db", db, "--admin", admin, "--plan", "lang-son",
                                          "--plan", "vinh-phuc"]), 0)
            con = sqlite3.connect(db)
            counts = {c: (h, p, n) for c, h, p, n in con.execute(
                "SELECT unit_code, households, poor, near_poor FROM unit_rates WHERE "
                "review_year = 2022 AND level = 'commune' AND unit_code LIKE '261%'")}
            got = {c: (v, json.loads(e)) for c, v, e in con.execute(
                "SELECT criterion_id, verdict, evidence FROM criteria_results WHERE "
                "criterion_id IN ('province-district-exit', 'communes-ntm-poverty-2022')")}
            con.close()
            return counts, got

    def test_without_exit(self):
        counts, got = self.run_set()
        self.assertEqual(counts["26101"], (50, 1, 2))
        self.assertEqual(counts["26102"], (50, 0, 1))
        self.assertEqual(got["communes-ntm-poverty-2022"][0], NOT_MET)
        self.assertEqual(got["communes-ntm-poverty-2022"][1]["units"]["26101"]["rate"], "6")
        verdict, ev = got["province-district-exit"]
        self.assertEqual(verdict, NOT_MET)
        self.assertEqual(ev["evaluated_at"], 2024)
        self.assertEqual(ev["poor_districts"], ["201", "202"])
        # 202's rate_PN is below the old 35-point threshold: context only
        self.assertLess(F(ev["districts"]["202"]["rate_PN_context"].split()[0]), 35)

    def test_with_exit(self):
        counts, got = self.run_set("--exit")
        self.assertEqual(counts["26101"], (50, 1, 0))
        self.assertEqual(got["communes-ntm-poverty-2022"][0], MET)
        verdict, ev = got["province-district-exit"]
        self.assertEqual(verdict, MET)
        self.assertEqual(ev["districts"]["201"]["exited"], True)
        self.assertEqual(ev["districts"]["202"]["exited"], False)


if __name__ == "__main__":
    unittest.main()
