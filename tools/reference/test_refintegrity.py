"""Hand-computed tests of refintegrity.py (the integrity checks of outputs.md §3).

Every expected value is worked out by hand from the spec's definitions (shown beside it).
"""
from __future__ import annotations

import os
import sys
import tempfile
import unittest
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refintegrity as ri  # noqa: E402
import refmeasures as rm  # noqa: E402
from test_refmeasures import make_db  # noqa: E402


class Binomial(unittest.TestCase):
    def test_exact_values(self):
        self.assertEqual(ri.binom_sf(3, 3, F(1, 2)), 1 / 8)            # all three successes
        self.assertEqual(ri.binom_sf(9, 10, F(1, 2)), 11 / 1024)        # C(10,9) + C(10,10) = 11
        self.assertEqual(ri.binom_sf(0, 10, F(1, 3)), 1.0)
        self.assertEqual(ri.binom_sf(11, 10, F(1, 3)), 0.0)
        # P(X >= 2 | 3, 1/3) = 3 * (1/9) * (2/3) + 1/27 = 6/27 + 1/27 = 7/27.
        self.assertEqual(ri.binom_sf(2, 3, F(1, 3)), 7 / 27)

    def test_against_scipy(self):
        try:
            from scipy.stats import binom
        except ImportError:
            self.skipTest("scipy not installed")
        for x, m, p in ((25, 40, F(3, 10)), (50, 60, F(11, 20)), (12, 14, F(1, 5))):
            self.assertAlmostEqual(ri.binom_sf(x, m, p) / binom.sf(x - 1, m, float(p)), 1.0, places=9)

    def test_flag(self):
        # 30 of 30 above against a share of 1/2: p = 2^-30 < 0.001 -> flagged.
        self.assertEqual(ri.binom_flag(30, 30, F(1, 2)), (True, 2.0 ** -30))
        # 10 of 10: p = 1/1024 = 0.000977 < 0.001 -> flagged; 9 of 9: 1/512 -> not.
        self.assertTrue(ri.binom_flag(10, 10, F(1, 2))[0])
        self.assertFalse(ri.binom_flag(9, 9, F(1, 2))[0])
        # At or below the expected count: never flagged, p not computed.
        self.assertEqual(ri.binom_flag(15, 30, F(1, 2)), (False, None))


class Integrity(unittest.TestCase):
    def test_median_and_mad(self):
        falls = [F(1), F(2), F(3), F(4), F(100)]
        med = ri.median(falls)
        mad = ri.median([abs(f - med) for f in falls])     # |.| = 2, 1, 0, 1, 97 -> 1
        self.assertEqual((med, mad), (3, 1))
        self.assertEqual(med + 6 * ri.MAD_SCALE * mad, F("11.8956"))
        self.assertEqual(ri.median([F(1), F(4)]), F(5, 2))

    def test_bulk_absence_boundary(self):
        def run(absent, size=30):
            hh = [(2021, f"h{i}", "77001", "A", 3_000_000, 0) for i in range(size)]
            hh += [(2022, f"h{i}", "77001", "A", 3_000_000, 0) for i in range(absent, size)]
            with tempfile.TemporaryDirectory() as d:
                tables, problems = rm.compute(make_db(os.path.join(d, "t.sqlite"), hh))
            self.assertEqual(problems, [])
            return {(r[2], r[3], r[4]): r[6] for r in tables["integrity_findings"]}
        # 3 of 30 = 10%: not more than 10% -> nothing.
        self.assertEqual(run(3), {})
        # 4 of 30 = 13.33...% at village, commune and province.
        share = 100 * 4 / 30
        self.assertEqual(run(4), {("village", "77001/A", "bulk_absence"): share,
                                  ("commune", "77001", "bulk_absence"): share,
                                  ("province", "77", "bulk_absence"): share})
        # 2 of 10 = 20%, but 10 households of T-1 are below the 25 a warning needs (README M6).
        self.assertEqual(run(2, size=10), {})

    def test_sum_mismatch(self):
        hh = [(2021, "h0", "77001", "A", 1_000_000, 3), (2021, "h1", "77001", "A", 3_000_000, 0)]
        with tempfile.TemporaryDirectory() as d:
            con = make_db(os.path.join(d, "t.sqlite"), hh)
            self.assertEqual(rm.compute(con)[0]["integrity_findings"], [])
            con.execute("UPDATE unit_rates SET poor = 2 WHERE level = 'commune'")
            found = [(r[2], r[3], r[4], r[6]) for r in ri.sum_mismatches(rm.load(con, {})[0])]
        # The commune now says 2 poor against 1 in its village and 1 in the province's communes:
        # the commune differs from its village (1 column) and the province from its communes.
        self.assertEqual(sorted(found), [("commune", "77001", "sum_mismatch", 1.0),
                                         ("province", "77", "sum_mismatch", 1.0)])


class IntegrityChecks(unittest.TestCase):
    def findings(self, hh):
        with tempfile.TemporaryDirectory() as d:
            tables, problems = rm.compute(make_db(os.path.join(d, "t.sqlite"), hh))
        self.assertEqual(problems, [])
        return {(r[0], r[2], r[3], r[4]): (r[6], r[7]) for r in tables["integrity_findings"]}

    def test_income_bunching(self):
        # Window 1,425,000..1,575,000. 77001: 30 at 1,550,000 (above). 77002: 30 at 1,450,000
        # (below) and 30 at 1,550,000. Province share above = 60/90 = 2/3.
        hh = [(2021, f"a{i}", "77001", "A", 1_550_000, 0) for i in range(30)]
        hh += [(2021, f"b{i}", "77002", "B", 1_450_000 if i < 30 else 1_550_000, 0) for i in range(60)]
        # 77001: P(X >= 30 | 30, 2/3) = (2/3)^30 = 5.2e-6 < 0.001, at commune and village.
        # 77002: 30 of 60 above is below the expected 40: not flagged.
        want = float(F(2, 3) ** 30)
        self.assertEqual(self.findings(hh), {(2021, "commune", "77001", "income_bunching"): (want, 0.001),
                                             (2021, "village", "77001/A", "income_bunching"): (want, 0.001)})
        # 29 households in the window: not judged.
        self.assertEqual(self.findings(hh[1:30] + [(2021, "a0", "77001", "A", 1_600_000, 0)] + hh[30:]), {})

    def test_exit_without_change(self):
        # 2021: 10 poor in 77001 and 40 poor in 77002 (D = 3, 1,000,000). 2022: all leave poverty
        # with the same indicators; 77001 at 1,550,000 (3.3% above the line), 77002 at 3,000,000.
        hh = [(2021, f"a{i}", "77001", "A", 1_000_000, 3) for i in range(10)]
        hh += [(2021, f"b{i}", "77002", "B", 1_000_000, 3) for i in range(40)]
        hh += [(2022, f"a{i}", "77001", "A", 1_550_000, 3) for i in range(10)]
        hh += [(2022, f"b{i}", "77002", "B", 3_000_000, 3) for i in range(40)]
        # Province share 10/50 = 1/5; 77001: P(X >= 10 | 10, 1/5) = 5^-10 = 1.024e-7.
        # (Bulk absence, bunching: none; the 2022 77001 window holds only 10 households.)
        want = float(F(1, 5 ** 10))
        self.assertEqual(self.findings(hh), {(2022, "commune", "77001", "exit_without_change"): (want, 0.001),
                                             (2022, "village", "77001/A", "exit_without_change"): (want, 0.001)})
        # Income at 1,575,000 is exactly 5% above the line: not "by less than 5%" -> nothing.
        hh2 = [h if not (h[0] == 2022 and h[2] == "77001") else h[:4] + (1_575_000, 3) for h in hh]
        self.assertEqual(self.findings(hh2), {})

    def test_implausible_drop(self):
        def province(escaped_d):
            hh = []
            for c in range(1, 6):
                code = f"7700{c}"
                for i in range(25):
                    poor = i < 5
                    hh.append((2021, f"{code}-{i}", code, "V", 1_000_000 if poor else 3_000_000, 3 if poor else 0))
                    escapes = poor and c == 1
                    hh.append((2022, f"{code}-{i}", code, "V", 3_000_000 if escapes else (1_000_000 if poor else 3_000_000),
                               escaped_d if escapes else (3 if poor else 0)))
            return hh
        # Falls: 77001 20 points (5 of 25 -> 0), the others 0: median 0, MAD 0, so the limit is
        # max(10, 0 + 6 x 1.4826 x 0) = 10; the mean D stays 15/25 -> flagged (commune and its one
        # village). The province falls 5/125 = 4 points: not.
        self.assertEqual(self.findings(province(3)), {(2022, "commune", "77001", "implausible_drop"): (20.0, 10.0),
                                                      (2022, "village", "77001/V", "implausible_drop"): (20.0, 10.0)})
        # The escaped households lose their deprivations: mean D 15/25 -> 0, a change of 0.6 -> nothing.
        self.assertEqual(self.findings(province(0)), {})


if __name__ == "__main__":
    unittest.main()
