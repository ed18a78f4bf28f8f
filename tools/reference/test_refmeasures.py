"""Hand-computed tests of refmeasures.py (outputs.md §3), compare_measures.py and check_mpitb.py.

Every expected value below is worked out by hand from the spec's definitions (shown beside it),
never copied from the program's output.
"""
from __future__ import annotations

import contextlib
import io
import importlib.util
import math
import os
import sqlite3
import sys
import tempfile
import unittest
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_mpitb  # noqa: E402
import compare_measures  # noqa: E402
import refmeasures as rm  # noqa: E402

IND12 = ("employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling",
         "housing_quality", "housing_area", "water", "latrine", "telecom", "information_access")


def flags_with(d):
    return tuple([1] * d + [0] * (12 - d))


def status_of(income, d, area="rural", standard="vn-2022"):
    line, upper = {"rural": (1_500_000, 2_250_000), "urban": (2_000_000, 3_000_000)}[area]
    if standard == "vn-2027":
        line, upper = {"rural": 2_200_000, "urban": 2_800_000}[area], 0    # no average band
    if income <= line:
        return "poor" if d >= 3 else "near_poor"
    return "average" if income <= upper else "above"


def make_db(path, households):
    """households: (year, hid, commune, village, income, D[, standard]) — vn-2022 unless said —
    rural, province 77, no district. unit_rates is aggregated here by plain counting (village,
    commune, province). A vn-2027 row has telecom/information_access NULL and the first D of its
    twelve indicators (the ten shared ones, then digital_services, waste) deprived."""
    con = sqlite3.connect(path)
    dcols = ", ".join(f"deprived_{i} INTEGER" for i in IND12) + ", deprived_digital_services INTEGER, deprived_waste INTEGER"
    con.execute("CREATE TABLE household_status (review_year INTEGER, standard TEXT, household_id TEXT, "
                "province_code TEXT, district_code TEXT, commune_code TEXT, village TEXT, area TEXT, "
                "members INTEGER, ethnic_minority INTEGER, income_basis TEXT, income_per_capita INTEGER, "
                f"income_score INTEGER, deprivation_count INTEGER, status TEXT, {dcols})")
    rates = {}
    for (y, hid, commune, village, income, d, *std) in households:
        std = std[0] if std else "vn-2022"
        st = status_of(income, d, standard=std)
        f = flags_with(d)
        flags = f + (None, None) if std == "vn-2022" else f[:10] + (None, None) + f[10:]
        con.execute("INSERT INTO household_status VALUES (" + ", ".join("?" * 29) + ")",
                    (y, std, hid, "77", None, commune, village, "rural", 4, 0, "income", income, None, d, st)
                    + flags)
        for level, code, parent in (("village", f"{commune}/{village}", commune), ("commune", commune, "77"),
                                    ("province", "77", None)):
            r = rates.setdefault((y, std, level, code), dict(parent=parent, households=0, poor=0, near_poor=0, average=0))
            r["households"] += 1
            if st in ("poor", "near_poor", "average"):
                r[st] += 1
    con.execute("CREATE TABLE unit_rates (review_year INTEGER, standard TEXT, level TEXT, unit_code TEXT, "
                "parent_code TEXT, households INTEGER, poor INTEGER, near_poor INTEGER, average INTEGER, "
                "poor_near_poor INTEGER, ethnic_minority_households INTEGER, ethnic_minority_poor INTEGER, "
                "denominator_source TEXT)")
    for (*y, level, code), r in rates.items():
        con.execute("INSERT INTO unit_rates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'dump')",
                    (y[0], y[1], level, code, r["parent"], r["households"], r["poor"], r["near_poor"], r["average"],
                     r["poor"] + r["near_poor"]))
    con.commit()
    return con


class AlkireFoster(unittest.TestCase):
    def test_five_households_d_0_to_4_n_12(self):
        ds = [0, 1, 2, 3, 4]
        # k = 3: poor D = 3, 4 -> q = 2, sum D = 7; H = 2/5, A = 7/(2*12) = 7/24, M0 = 7/(5*12) = 7/60.
        self.assertEqual(rm.af_measures(ds, 12, 3), (5, 2, 7, F(2, 5), F(7, 24), F(7, 60)))
        # k = 2: D = 2, 3, 4 -> q = 3, sum 9; H = 3/5, A = 9/36 = 1/4, M0 = 9/60 = 3/20.
        self.assertEqual(rm.af_measures(ds, 12, 2), (5, 3, 9, F(3, 5), F(1, 4), F(3, 20)))
        # k = 4: D = 4 -> q = 1; H = 1/5, A = 4/12 = 1/3, M0 = 4/60 = 1/15.
        self.assertEqual(rm.af_measures(ds, 12, 4), (5, 1, 4, F(1, 5), F(1, 3), F(1, 15)))
        # k = 5: nobody; A is NULL, M0 = 0.
        self.assertEqual(rm.af_measures(ds, 12, 5), (5, 0, 0, F(0), None, F(0)))
        # M0 = H * A whenever q > 0.
        for k in (2, 3, 4):
            _, _, _, H, A, M0 = rm.af_measures(ds, 12, k)
            self.assertEqual(H * A, M0)

    def test_indicators_and_contributions(self):
        # n = 3; h1 = (1,1,1) D=3, h2 = (1,0,0) D=1, h3 = (0,1,1) D=2; k = 2 -> poor h1, h3.
        flags = [(1, 1, 1), (1, 0, 0), (0, 1, 1)]
        out = rm.af_indicators(flags, [3, 1, 2], 3, 2)
        # uncensored 2/3 each; censored: ind0 only h1 -> 1/3, ind1 and ind2 h1 + h3 -> 2/3.
        # M0 = (3 + 2) / (3 * 3) = 5/9; contribution = 100 * (1/3) * censored / M0 -> 20, 40, 40.
        self.assertEqual(out, [(F(2, 3), F(1, 3), F(20)), (F(2, 3), F(2, 3), F(40)), (F(2, 3), F(2, 3), F(40))])
        self.assertEqual(sum(c for _, _, c in out), 100)
        # Nobody poor at k = 4: contributions NULL.
        self.assertTrue(all(c is None for _, _, c in rm.af_indicators(flags, [3, 1, 2], 3, 4)))


class Changes(unittest.TestCase):
    def test_rate_falling_from_zero_and_to_zero(self):
        # 0 -> 2.5 over one year: absolute 2.5; relative and annualised relative NULL (from = 0).
        self.assertEqual(rm.change_row(F(0), F(5, 2), 1), (F(5, 2), None, F(5, 2), None))
        # 4 -> 0 over 2 years: relative -100; annualised relative NULL (to = 0); annualised abs -2.
        self.assertEqual(rm.change_row(F(4), F(0), 2), (F(-4), F(-100), F(-2), None))

    def test_halving_over_two_years(self):
        a, r, aa, ar = rm.change_row(F(10), F(5), 2)
        self.assertEqual((a, r, aa), (F(-5), F(-50), F(-5, 2)))
        # 100 * (0.5 ** 0.5 - 1) = -29.28932188134524...
        self.assertAlmostEqual(ar, 100 * (math.sqrt(0.5) - 1), places=12)

    def test_unit_changes_on_a_tiny_database(self):
        hh = []
        # Commune 77001 (village A): 4 households each year 2021-2023; poor count 0, 1, 2.
        for y, n_poor in ((2021, 0), (2022, 1), (2023, 2)):
            for i in range(4):
                hh.append((y, f"a{i}", "77001", "A", 1_000_000 if i < n_poor else 3_000_000, 3 if i < n_poor else 0))
        # Commune 77002 (village B) appears in 2022: 2 households, one poor, then none.
        hh += [(2022, "b0", "77002", "B", 1_000_000, 4), (2022, "b1", "77002", "B", 3_000_000, 0),
               (2023, "b0", "77002", "B", 3_000_000, 4), (2023, "b1", "77002", "B", 3_000_000, 0)]
        with tempfile.TemporaryDirectory() as d:
            con = make_db(os.path.join(d, "t.sqlite"), hh)
            tables, problems = rm.compute(con)
        self.assertEqual(problems, [])
        ch = {(r[1], r[2], r[3], r[4], r[5], r[6]): r[7:] for r in tables["unit_changes"]}
        # 77001 poor_rate 0 -> 25 -> 50: 2021->2022 from 0 (relative NULL); whole period 0 -> 50 over 2 years.
        self.assertEqual(ch[("commune", "77001", "poor_rate", 2021, 2022, "consecutive")],
                         (F(0), F(25), F(25), None, F(25), None))
        self.assertEqual(ch[("commune", "77001", "poor_rate", 2021, 2023, "whole_period")],
                         (F(0), F(50), F(50), None, F(25), None))
        a, b, ab, rel, aa, ar = ch[("commune", "77001", "poor_rate", 2022, 2023, "consecutive")]
        self.assertEqual((a, b, ab, rel, aa), (F(25), F(50), F(25), F(100), F(25)))
        self.assertAlmostEqual(ar, 100.0, places=12)
        # 77002 appears in 2022: a consecutive row 2022->2023 (50 -> 0), no whole-period row
        # (the standard's period in the data is 2021-2023 and 77002 has no 2021 figure).
        self.assertEqual(ch[("commune", "77002", "poor_rate", 2022, 2023, "consecutive")],
                         (F(50), F(0), F(-50), F(-100), F(-50), None))
        self.assertNotIn(("commune", "77002", "poor_rate", 2022, 2023, "whole_period"), ch)
        # Intensity is NULL in 2021 (nobody poor at k = 3) -> no intensity row from 2021.
        self.assertNotIn(("commune", "77001", "intensity", 2021, 2022, "consecutive"), ch)
        # AF H of 77001, k = 3: 0 -> 1/4 -> 2/4; A 2022 = 3/12 = 1/4, 2023 = 6/24 = 1/4.
        self.assertEqual(ch[("commune", "77001", "headcount_ratio", 2022, 2023, "consecutive")][:3],
                         (F(1, 4), F(1, 2), F(1, 4)))
        self.assertEqual(ch[("commune", "77001", "intensity", 2022, 2023, "consecutive")][:3],
                         (F(1, 4), F(1, 4), F(0)))
        # ethnic_minority_poor_rate is NULL everywhere (no ethnic-minority household): no rows.
        self.assertFalse(any(k[2] == "ethnic_minority_poor_rate" for k in ch))


    def test_unit_appearing_after_the_reform_and_a_change_of_standard(self):
        hh = []
        # 77001 exists 2024-2026 (vn-2022): poor 1, 2, 2 of 4.
        for y, n_poor in ((2024, 1), (2025, 2), (2026, 2)):
            hh += [(y, f"a{i}", "77001", "A", 1_000_000 if i < n_poor else 3_000_000, 3 if i < n_poor else 0)
                   for i in range(4)]
        # 77050, created by the 2025 merger: 2025 poor 1 of 2, 2026 poor 0 of 2 (vn-2022).
        hh += [(2025, "n0", "77050", "M", 1_000_000, 5), (2025, "n1", "77050", "M", 3_000_000, 0),
               (2026, "n0", "77050", "M", 1_600_000, 5), (2026, "n1", "77050", "M", 3_000_000, 0)]
        # 2026 under vn-2027 too (both standards), and 2027: 77001 poor 1 of 4, then 2 of 4.
        for y, n_poor in ((2026, 1), (2027, 2)):
            hh += [(y, f"a{i}", "77001", "A", 2_000_000 if i < n_poor else 3_000_000, 3 if i < n_poor else 0,
                    "vn-2027") for i in range(4)]
        with tempfile.TemporaryDirectory() as d:
            tables, problems = rm.compute(make_db(os.path.join(d, "t.sqlite"), hh))
        self.assertEqual(problems, [])
        ch = {(r[0], r[1], r[2], r[3], r[4], r[5], r[6]): r[7:] for r in tables["unit_changes"]
              if r[3] == "poor_rate" and r[1] == "commune"}
        self.assertEqual(sorted(ch), sorted([
            ("vn-2022", "commune", "77001", "poor_rate", 2024, 2025, "consecutive"),
            ("vn-2022", "commune", "77001", "poor_rate", 2025, 2026, "consecutive"),
            ("vn-2022", "commune", "77001", "poor_rate", 2024, 2026, "whole_period"),
            ("vn-2022", "commune", "77050", "poor_rate", 2025, 2026, "consecutive"),
            ("vn-2027", "commune", "77001", "poor_rate", 2026, 2027, "consecutive"),
            ("vn-2027", "commune", "77001", "poor_rate", 2026, 2027, "whole_period")]))
        # 77050: 50 -> 0 (relative -100, annualised relative NULL); never a row from vn-2022 2026
        # to vn-2027 2027 (77001 vn-2027: 25 -> 50, not 50 -> 50).
        self.assertEqual(ch[("vn-2022", "commune", "77050", "poor_rate", 2025, 2026, "consecutive")],
                         (F(50), F(0), F(-50), F(-100), F(-50), None))
        self.assertEqual(ch[("vn-2027", "commune", "77001", "poor_rate", 2026, 2027, "consecutive")][:4],
                         (F(25), F(50), F(25), F(100)))
        # 77001 vn-2022 whole period 25 -> 50 over 2 years: annualised 12.5 points,
        # 100 * (2 ** 0.5 - 1) = 41.42135623730951 %.
        w = ch[("vn-2022", "commune", "77001", "poor_rate", 2024, 2026, "whole_period")]
        self.assertEqual(w[:5], (F(25), F(50), F(25), F(100), F(25, 2)))
        self.assertAlmostEqual(w[5], 100 * (math.sqrt(2) - 1), places=12)


class Sensitivity(unittest.TestCase):
    def h(self, income, d, basis="income", score=None):
        h = rm.Household()
        h.area, h.basis, h.income, h.score, h.d = "rural", basis, income, score, d
        return h

    def test_classify(self):
        # Rural line 1,500,000 (inclusive), upper 2,250,000, cut-off 3.
        self.assertEqual(rm.classify(self.h(1_500_000, 3), "vn-2022"), "poor")
        self.assertEqual(rm.classify(self.h(1_500_000, 3), "vn-2022", F(95, 100)), "average")   # line 1,425,000
        self.assertEqual(rm.classify(self.h(1_425_000, 3), "vn-2022", F(95, 100)), "poor")      # on the line
        self.assertEqual(rm.classify(self.h(1_575_000, 2), "vn-2022", F(105, 100)), "near_poor")
        self.assertEqual(rm.classify(self.h(1_650_001, 2), "vn-2022", F(110, 100)), "average")
        self.assertEqual(rm.classify(self.h(1_400_000, 2), "vn-2022", k=2), "poor")            # k - 1
        self.assertEqual(rm.classify(self.h(1_400_000, 3), "vn-2022", k=4), "near_poor")       # k + 1
        self.assertEqual(rm.classify(self.h(2_300_000, 5), "vn-2022", F(110, 100)), "above")
        # Score basis: rural score line 140 moves with the line; no average band.
        self.assertEqual(rm.classify(self.h(None, 3, "score", 140), "vn-2022"), "poor")
        self.assertEqual(rm.classify(self.h(None, 3, "score", 140), "vn-2022", F(95, 100)), "above")
        # vn-2027: line 2,200,000, no average band.
        self.assertEqual(rm.classify(self.h(2_200_001, 0), "vn-2027"), "above")
        self.assertEqual(rm.classify(self.h(2_100_000, 0), "vn-2027", F(95, 100)), "above")

    def test_scenarios_on_a_unit(self):
        # Incomes 1.40M D=3 (poor), 1.45M D=2 (near-poor), 1.50M D=4 (poor), 1.60M D=3 (average).
        hh = [(2021, "h0", "77001", "A", 1_400_000, 3), (2021, "h1", "77001", "A", 1_450_000, 2),
              (2021, "h2", "77001", "A", 1_500_000, 4), (2021, "h3", "77001", "A", 1_600_000, 3)]
        with tempfile.TemporaryDirectory() as d:
            tables, problems = rm.compute(make_db(os.path.join(d, "t.sqlite"), hh))
        self.assertEqual(problems, [])
        rows = {r[4]: r[5:] for r in tables["sensitivity"] if r[2] == "commune"}
        # line -10% = 1.35M: nobody at or below -> 0 poor, 0 near-poor; h0, h1, h2 change.
        self.assertEqual(rows["line-10%"], (0, 0, F(0), F(0), 3))
        # line -5% = 1.425M: h0 poor; h1, h2 become average.
        self.assertEqual(rows["line-5%"], (1, 0, F(25), F(25), 2))
        # line +5% = 1.575M: unchanged (h3 at 1.6M stays average).
        self.assertEqual(rows["line+5%"], (2, 1, F(50), F(75), 0))
        # line +10% = 1.65M: h3 (D=3) becomes poor.
        self.assertEqual(rows["line+10%"], (3, 1, F(75), F(100), 1))
        # k-1 = 2: h1 (D=2) becomes poor.  k+1 = 4: h0 (D=3) becomes near-poor.
        self.assertEqual(rows["k-1"], (3, 0, F(75), F(75), 1))
        self.assertEqual(rows["k+1"], (1, 2, F(25), F(75), 1))


class ScenarioRates(unittest.TestCase):
    def test_recomputed_unit_rates(self):
        import refcriteria_sensitivity as rcs
        # The households of Sensitivity.test_scenarios_on_a_unit, plus one in a second village.
        hh = [(2021, "h0", "77001", "A", 1_400_000, 3), (2021, "h1", "77001", "A", 1_450_000, 2),
              (2021, "h2", "77001", "A", 1_500_000, 4), (2021, "h3", "77001", "A", 1_600_000, 3),
              (2021, "h4", "77001", "B", 1_300_000, 1)]
        with tempfile.TemporaryDirectory() as d:
            rates, households, inds = rm.load(make_db(os.path.join(d, "t.sqlite"), hh), {})
        base = rcs.scenario_rates(rates, households, inds, F(1), 0)
        for key, r in rates.items():       # the unchanged scenario reproduces unit_rates
            for c in ("poor", "near_poor", "average", "poor_near_poor"):
                self.assertEqual(base[key][c], r[c], (key, c))
        # line +10% (1.65M): h3 becomes poor -> commune poor 3 of 5 = 60%, near-poor h1, h4; average 0.
        up = rcs.scenario_rates(rates, households, inds, F(110, 100), 0)[(2021, "vn-2022", "commune", "77001")]
        self.assertEqual((up["poor"], up["near_poor"], up["average"], up["poor_near_poor"]), (3, 2, 0, 5))
        self.assertEqual((up["poor_rate"], up["poor_near_poor_rate"]), (60.0, 100.0))
        # k - 1 = 2 in village A: h0, h1, h2 poor; h4 (D = 1, village B) stays near-poor.
        km = rcs.scenario_rates(rates, households, inds, F(1), -1)
        self.assertEqual(km[(2021, "vn-2022", "village", "77001/A")]["poor"], 3)
        self.assertEqual(km[(2021, "vn-2022", "village", "77001/B")]["near_poor"], 1)


class Comparison(unittest.TestCase):
    def test_scenario_names(self):
        for name, want in (("line-10%", "line-10%"), ("line_minus_10", "line-10%"), ("income_line_+5pct", "line+5%"),
                           ("line_plus_10", "line+10%"), ("k-1", "k-1"), ("k_plus_1", "k+1"),
                           ("cutoff_minus_1", "k-1")):
            self.assertEqual(compare_measures.norm_scenario(name), want, name)

    def test_detects_a_difference(self):
        hh = [(2021, f"h{i}", "77001", "A", 1_000_000 + 200_000 * i, i) for i in range(5)]
        hh += [(2022, f"h{i}", "77001", "A", 1_100_000 + 200_000 * i, i) for i in range(5)]
        with tempfile.TemporaryDirectory() as d:
            con = make_db(os.path.join(d, "t.sqlite"), hh)
            tables, _ = rm.compute(con)
            a, b = os.path.join(d, "a.sqlite"), os.path.join(d, "b.sqlite")
            rm.write(a, tables)
            rm.write(b, tables)
            out = io.StringIO()
            self.assertTrue(compare_measures.compare(a, b, out=out))
            con_b = sqlite3.connect(b)
            con_b.execute("UPDATE unit_af_measures SET adjusted_headcount = adjusted_headcount * (1 + 1e-8) "
                          "WHERE level = 'village' AND k = 3 AND scope = 'all' AND review_year = 2021")
            con_b.commit()
            self.assertFalse(compare_measures.compare(a, b, out=io.StringIO()))


@unittest.skipIf(importlib.util.find_spec("mpitb") is None, "mpitb not installed")
class Mpitb(unittest.TestCase):
    def test_agrees_and_detects(self):
        hh = [(2021, f"h{i}", "77001" if i < 6 else "77002", "A" if i % 2 else "B", 1_000_000, i % 6)
              for i in range(10)]
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "t.sqlite")
            con = make_db(path, hh)
            tables, _ = rm.compute(con)
            con.close()
            rm.write(os.path.join(d, "m.sqlite"), tables)
            con = sqlite3.connect(path)
            con.execute(f"ATTACH '{os.path.join(d, 'm.sqlite')}' AS m")
            con.execute("CREATE TABLE unit_af_measures AS SELECT * FROM m.unit_af_measures")
            con.execute("CREATE TABLE unit_af_indicators AS SELECT * FROM m.unit_af_indicators")
            con.commit()
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(check_mpitb.main([path]), 0)
                con.execute("UPDATE unit_af_indicators SET censored_headcount = censored_headcount + 1e-11 "
                            "WHERE unit_code = '77001' AND k = 3 AND scope = 'all' AND indicator = 'water'")
                con.commit()
                self.assertEqual(check_mpitb.main([path]), 1)


if __name__ == "__main__":
    unittest.main()
