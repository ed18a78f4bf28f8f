"""Hand-computed self-tests: python3 -m unittest discover tools/reference"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import povref  # noqa: E402
from refcsv import choose_delimiter, decode_container, tokenize  # noqa: E402
from refparse import (EnumError, NumberError, fold_village, norm_id, norm_text,  # noqa: E402
                      parse_bool, parse_code, parse_decimal, parse_enum, parse_int)


class Numbers(unittest.TestCase):
    def test_integers(self):
        for s, v in [("1500000", 1500000), ("1.500.000", 1500000), ("1,500,000", 1500000),
                     ("0", 0), ("1.500", 1500), ("12,345", 12345), ("-2", -2)]:
            self.assertEqual(parse_int(s), v, s)
        for s in ["1.5", "1.500.00", "1,50", "1.500,000", "1.5E6", "", "1 500", "+3", "12a",
                  "1500000.0", ".500"]:
            with self.assertRaises(NumberError, msg=s):
                parse_int(s)

    def test_decimals(self):
        table = [("12.5", Fraction(25, 2)), ("1.234", Fraction(1234, 1000)), ("12,5", Fraction(25, 2)),
                 ("1.234,5", Fraction(12345, 10)), ("1,234.5", Fraction(12345, 10)),
                 ("1.234.567", 1234567), ("1,234,567", 1234567), ("32", 32), ("31,9", Fraction(319, 10)),
                 ("0,25", Fraction(1, 4)), ("1,2345", Fraction(12345, 10000))]
        for s, v in table:
            self.assertEqual(parse_decimal(s), v, s)
        for s in ["1,234", "0,123", "1.234,567", "1.2.3", "1,2,3", "12,", ".5", "abc", "1e3", ""]:
            with self.assertRaises(NumberError, msg=s):
                parse_decimal(s)


class Booleans(unittest.TestCase):
    def test_bool(self):
        for s, v in [("1", 1), ("0", 0), ("true", 1), ("FALSE", 0), ("Có", 1), ("KHÔNG", 0),
                     ("x", 1), ("X", 1), ("", 0), ("  ", 0), ("co\u0301", 1)]:
            self.assertEqual(parse_bool(s), v, s)
        for s in ["2", "yes", "-", "không có"]:
            with self.assertRaises(EnumError, msg=s):
                parse_bool(s)


class TextAndCodes(unittest.TestCase):
    def test_text(self):
        self.assertEqual(norm_text("  Thôn   Hoà\u00a0 Bình "), "Thôn Hoà Bình")
        self.assertEqual(norm_text("Tho\u0302n"), "Thôn")
        self.assertEqual(norm_id("\u00a0HH01 "), "HH01")
        self.assertEqual(norm_id("hh 01"), "hh 01")

    def test_codes(self):
        self.assertEqual(parse_code("1", 2), ("01", True))
        self.assertEqual(parse_code("12", 3), ("012", True))
        self.assertEqual(parse_code("00001", 5), ("00001", False))
        with self.assertRaises(NumberError):
            parse_code("A1", 2)

    def test_enums(self):
        self.assertEqual(parse_enum("area", "NT"), "rural")
        self.assertEqual(parse_enum("area", " Đô  thị "), "urban")
        self.assertEqual(parse_enum("housing_type", "Thiếu kiên cố"), "non_durable")
        self.assertEqual(parse_enum("latrine", "không có"), "none")
        self.assertEqual(parse_enum("water_source", "PIPED"), "piped")
        with self.assertRaises(EnumError):
            parse_enum("area", "ngoại ô")


class ToneFolding(unittest.TestCase):
    def test_fold(self):
        self.assertEqual(fold_village("Hoà"), fold_village("Hòa"))
        self.assertEqual(fold_village("Thuỷ"), fold_village("Thủy"))
        self.assertEqual(fold_village("THÔN HOÀ BÌNH"), fold_village("thôn Hòa Bình"))
        self.assertEqual(fold_village("Tho\u0302n Ho\u0300a"), fold_village("Thôn Hòa"))
        self.assertNotEqual(fold_village("Hòa"), fold_village("Hóa"))
        self.assertNotEqual(fold_village("Hoa"), fold_village("Hòa"))
        self.assertNotEqual(fold_village("Thôn 1"), fold_village("Thôn 2"))

    def test_canonical_is_smallest(self):
        self.assertEqual(min(["Thôn Hòa Bình", "Thôn Hoà Bình", "thôn Hòa Bình"]), "Thôn Hoà Bình")


class Csv(unittest.TestCase):
    def recs(self, data, delim=b","[0]):
        return list(tokenize(data, delim))

    def test_basic(self):
        r = self.recs(b'a,b\r\n"x,1","y""z"\n\n\r\n"multi\nline",2\n')
        self.assertEqual([x.line for x in r], [1, 2, 5])
        self.assertEqual(r[1].fields, [b"x,1", b'y"z'])
        self.assertEqual(r[2].fields, [b"multi\nline", b"2"])
        self.assertTrue(all(x.error is None for x in r))

    def test_malformed(self):
        r = self.recs(b'a,b\nx"y,1\n"x"y,1\nok,2\n')
        self.assertEqual([x.error is not None for x in r], [False, True, True, False])
        self.assertEqual([x.line for x in r], [1, 2, 3, 4])

    def test_unclosed(self):
        r = self.recs(b'a,b\n1,2\n"open,3\n4,5\n')
        self.assertEqual(len(r), 3)
        self.assertEqual(r[2].line, 3)
        self.assertEqual(r[2].nlines, 2)
        self.assertIsNotNone(r[2].error)

    def test_delimiter_and_bom(self):
        self.assertEqual(choose_delimiter(b"a;b;c\n1,5;2;3\n"), ord(";"))
        self.assertEqual(choose_delimiter(b"a;b,c\n"), ord(","))
        data, _ = decode_container(b"\xef\xbb\xbfa,b\n")
        self.assertEqual(data, b"a,b\n")
        data, enc = decode_container("\ufeffa,b\n".encode("utf-16-le") if False else
                                     b"\xff\xfe" + "a,b\n".encode("utf-16-le"))
        self.assertEqual((data, enc), (b"a,b\n", "utf-16"))


def hh(**over):
    v = {"members": 4, "area": "rural", "income_per_capita": 1_500_000, "income_score": None,
         "working_age_without_job": 0, "dependants": 0, "children_malnourished": 0,
         "members_6plus_uninsured": 0, "adults_16_30_without_qualification": 0,
         "children_3_15_out_of_school": 0, "housing_type": "durable",
         "housing_area_m2": Fraction(100), "water_source": "piped", "latrine": "septic",
         "internet_users": 1, "info_devices": 1, "loudspeaker_access": 1,
         "members_with_labour_capacity": 4, "social_protection_members": 0,
         "digital_service_users": 1, "waste_disposal": "collected"}
    v.update(over)
    return v


class Classification(unittest.TestCase):
    def status(self, std, **over):
        return povref.classify(std, hh(**over))

    def test_vn2022_income(self):
        three = dict(working_age_without_job=1, children_malnourished=1, water_source="surface")
        self.assertEqual(self.status("vn-2022", **three)[0], "poor")             # I = line, D = 3
        self.assertEqual(self.status("vn-2022", **three)[3], 3)
        self.assertEqual(self.status("vn-2022", working_age_without_job=1,
                                     children_malnourished=1)[0], "near_poor")  # D = 2
        self.assertEqual(self.status("vn-2022", income_per_capita=1_500_001, **three)[0], "average")
        self.assertEqual(self.status("vn-2022", income_per_capita=2_250_000)[0], "average")
        self.assertEqual(self.status("vn-2022", income_per_capita=2_250_001)[0], "above")
        self.assertEqual(self.status("vn-2022", area="urban", income_per_capita=2_000_000)[0],
                         "near_poor")
        self.assertEqual(self.status("vn-2022", area="urban", income_per_capita=3_000_001)[0],
                         "above")

    def test_vn2022_score(self):
        s = self.status("vn-2022", income_per_capita=None, income_score=140)
        self.assertEqual((s[0], s[1]), ("near_poor", "score"))
        s = self.status("vn-2022", income_per_capita=None, income_score=141)
        self.assertEqual((s[0], s[1]), ("above", "score"))
        # both present: the score wins, and the disagreement is flagged
        s = self.status("vn-2022", income_per_capita=9_000_000, income_score=100)
        self.assertEqual((s[0], s[1], s[4]), ("near_poor", "score", True))

    def test_ratios_exact(self):
        dep = povref.indicator_verdicts(hh(dependants=2, housing_area_m2=Fraction(32)),
                                        povref.IND_2022)
        self.assertEqual((dep["dependants"], dep["housing_area"]), (0, 0))
        dep = povref.indicator_verdicts(hh(dependants=3, housing_area_m2=Fraction(319, 10)),
                                        povref.IND_2022)
        self.assertEqual((dep["dependants"], dep["housing_area"]), (1, 1))
        dep = povref.indicator_verdicts(hh(info_devices=0, loudspeaker_access=1), povref.IND_2022)
        self.assertEqual(dep["information_access"], 0)

    def test_vn2027(self):
        # 12 indicators: no telecom, no information_access; D counts digital_services + waste
        self.assertEqual(len(povref.IND_2027), 12)
        self.assertEqual(set(povref.IND_2022) - set(povref.IND_2027),
                         {"telecom", "information_access"})
        # digital 0 users (1) + waste none (1) + no internet (not an indicator any more): D = 2
        s = self.status("vn-2027", income_per_capita=2_200_000, income_score=100,
                        digital_service_users=0, waste_disposal="none", internet_users=0,
                        info_devices=0, loudspeaker_access=0)
        self.assertEqual((s[0], s[1], s[3]), ("near_poor", "income", 2))
        self.assertNotIn("information_access", s[2])
        self.assertNotIn("telecom", s[2])
        # + employment: D = 3 at the line (inclusive) -> poor
        s = self.status("vn-2027", income_per_capita=2_200_000, digital_service_users=0,
                        waste_disposal="open_dumping", working_age_without_job=1)
        self.assertEqual((s[0], s[3]), ("poor", 3))
        # burned / buried / composted waste is not deprived
        for w in ("burned", "buried", "composted", "collected"):
            self.assertEqual(self.status("vn-2027", waste_disposal=w)[2]["waste"], 0, w)
        # one line, no average band: 1 VND above the line is `above` (rural and urban)
        self.assertEqual(self.status("vn-2027", income_per_capita=2_200_001)[0], "above")
        self.assertEqual(self.status("vn-2027", area="urban", income_per_capita=2_800_000)[0],
                         "near_poor")
        self.assertEqual(self.status("vn-2027", area="urban", income_per_capita=2_800_001)[0],
                         "above")
        # vn-2022's average band (1,500,001 .. 2,250,000 rural) does not exist under vn-2027
        self.assertEqual(self.status("vn-2022", income_per_capita=2_200_001)[0], "average")


class Transitions(unittest.TestCase):
    def test_table(self):
        t = povref.transition_change
        cases = [
            ("absent", "poor", set(), "entered_poor"),
            ("poor", "poor", set(), "stayed_poor"),
            ("near_poor", "poor", set(), "near_poor_to_poor"),
            ("above", "poor", {"poor"}, "fell_back_poor"),
            ("average", "poor", {"near_poor"}, "newly_poor"),
            ("absent", "near_poor", set(), "entered_near_poor"),
            ("poor", "near_poor", set(), "poor_to_near_poor"),
            ("near_poor", "near_poor", set(), "stayed_near_poor"),
            ("average", "near_poor", {"near_poor"}, "fell_back_near_poor"),
            ("above", "near_poor", {"poor"}, "newly_near_poor"),
            ("poor", "average", set(), "escaped_above_near_poor"),
            ("near_poor", "above", set(), "escaped_near_poverty"),
            ("poor", "absent", set(), "poor_left"),
            ("near_poor", "absent", set(), "near_poor_left"),
            ("average", "above", set(), "stayed_out"),
            ("absent", "average", set(), "stayed_out"),
            ("above", "absent", {"poor"}, "stayed_out"),
        ]
        for frm, to, earlier, want in cases:
            self.assertEqual(t(frm, to, earlier), want, (frm, to, earlier))


class EndToEnd(unittest.TestCase):
    def test_messy_run(self):
        with tempfile.TemporaryDirectory() as d:
            subprocess.run([sys.executable, os.path.join(HERE, "make_messy.py"), d], check=True,
                           capture_output=True)
            out = os.path.join(d, "ref.sqlite")
            rc = povref.main(["--inputs", os.path.join(d, "dumps"), "--admin",
                              os.path.join(d, "admin_units.csv"), "--totals",
                              os.path.join(d, "household_totals.csv"), "--out", out])
            self.assertEqual(rc, 0)
            con = sqlite3.connect(out)
            reasons = {r for (r,) in con.execute("SELECT DISTINCT reason FROM quarantine")}
            self.assertEqual(reasons, {"malformed_row", "invalid_encoding", "missing_value",
                                       "invalid_number", "invalid_enum", "inconsistent_counts",
                                       "unknown_unit", "unsupported_year", "duplicate_household"})
            for path, read, acc, q in con.execute(
                    "SELECT path, rows_read, rows_accepted, rows_quarantined FROM input_files"):
                self.assertEqual(read, acc + q, path)
            self.assertNotIn("notes_2027.csv",
                             {p for (p,) in con.execute("SELECT path FROM input_files")})
            # no personal data in quarantine.raw
            for (raw,) in con.execute("SELECT raw FROM quarantine"):
                self.assertNotIn("Nguyễn Văn", raw)
            # one canonical spelling per village identity
            n = con.execute("SELECT count(DISTINCT village) FROM household_status "
                            "WHERE commune_code='00001' AND village LIKE '%B_nh'").fetchone()[0]
            self.assertEqual(n, 2)   # Hoà Bình and Hóa Bình
            rc = subprocess.run([sys.executable, os.path.join(HERE, "compare.py"), out, out],
                                capture_output=True).returncode
            self.assertEqual(rc, 0)


if __name__ == "__main__":
    unittest.main()
