#!/usr/bin/env python3
"""Deterministic generator of small, messy survey dumps for cross-checking.

  python3 tools/reference/make_messy.py OUTDIR [--seed 20251230]

Writes OUTDIR/admin_units.csv, OUTDIR/household_totals.csv and
OUTDIR/dumps/households_*.csv (plus one file the default pattern must ignore).
Every quarantine reason of input-format.md §4 occurs, and every file stays
below a 5% share of quarantined physical lines.
"""
from __future__ import annotations

import argparse
import os
import random
import unicodedata

NBSP = "\u00a0"

ADMIN = """code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to
01,Tỉnh Sơn Hà,province,,0,0,,,
02,Tỉnh Hải Đông,province,,0,0,,,
001,Huyện Đông Sơn,district,01,1,0,,,2024
002,Huyện Tây Sơn,district,01,0,0,,,2024
010,Huyện Hải Hà,district,02,0,0,,,2024
00001,Xã An Phú,commune,001,0,0,III,,2024
00001,Xã An Phú,commune,01,0,0,III,2025,
00002,Xã Bình Minh,commune,001,0,0,II,,2024
00003,Phường Tân Lập,commune,002,0,0,,,2024
00050,Xã Bình Tân,commune,01,0,0,II,2025,
00100,Xã Hải Thịnh,commune,010,0,1,,,2024
00100,Xã Hải Thịnh,commune,02,0,1,,2025,
"""

# villages per commune (pre-reform); spelling variants chosen per year
VILLAGES = {
    "00001": [["Thôn Hoà Bình", "thôn Hòa Bình", "Thôn Hòa Bình", "THÔN HOÀ BÌNH"],
              ["Thôn Hóa Bình"],                       # different tone: a different village
              ["Bản Thuỷ Lợi", "Bản Thủy Lợi", "bản  Thủy  Lợi "]],
    "00002": [["Thôn Đông", "thôn đông"], ["Thôn Tây"]],
    "00003": [["Tổ dân phố 1", "Tổ Dân Phố 1"], ["Tổ dân phố 2"]],
    "00100": [["Ấp Biển Xanh", "ấp biển xanh"], ["Ấp Cồn Cát"]],
    "00050": [["Thôn Bình Tân"], ["Khu phố Mới", "khu phố mới"]],   # created by the 2025 merger
}
COMMUNE_DISTRICT = {"00001": "001", "00002": "001", "00003": "002", "00100": "010"}
COMMUNE_PROVINCE = {"00001": "01", "00002": "01", "00003": "01", "00100": "02", "00050": "01"}
URBAN = {"00003"}

CLEAN = {
    "working_age_without_job": "0", "dependants": "0", "children_malnourished": "0",
    "members_6plus_uninsured": "0", "adults_16_30_without_qualification": "0",
    "children_3_15_out_of_school": "0", "housing_type": "durable", "housing_area_m2": "100",
    "water_source": "piped", "latrine": "septic", "internet_users": "1", "info_devices": "1",
    "loudspeaker_access": "1", "social_protection_members": "0",
    "digital_service_users": "1", "waste_disposal": "collected",
}
DEPRIVABLE = ["employment", "dependants", "nutrition", "health_insurance", "adult_education",
              "child_schooling", "housing_quality", "housing_area", "water", "latrine", "telecom",
              "information_access", "digital_services", "waste"]

EN_HEADER = ["review_year", "household_id", "province_code", "district_code", "commune_code",
             "village", "area", "members", "ethnic_minority", "income_per_capita", "income_score",
             "working_age_without_job", "dependants", "children_malnourished",
             "members_6plus_uninsured", "adults_16_30_without_qualification",
             "children_3_15_out_of_school", "housing_type", "housing_area_m2", "water_source",
             "latrine", "internet_users", "info_devices", "loudspeaker_access",
             "members_with_labour_capacity", "social_protection_members", "head_name",
             "head_id_number"]
EN_HEADER_27 = EN_HEADER[:-2] + ["digital_service_users", "waste_disposal", "head_name",
                                 "head_id_number"]


def deprive(row: dict, ind: str, members: int):
    if ind == "employment":
        row["working_age_without_job"] = "1"
    elif ind == "dependants":
        row["dependants"] = str(members // 2 + 1)
    elif ind == "nutrition":
        row["children_malnourished"] = "1"
    elif ind == "health_insurance":
        row["members_6plus_uninsured"] = "1"
    elif ind == "adult_education":
        row["adults_16_30_without_qualification"] = "1"
    elif ind == "child_schooling":
        row["children_3_15_out_of_school"] = "1"
    elif ind == "housing_quality":
        row["housing_type"] = "non_durable"
    elif ind == "housing_area":
        row["housing_area_m2"] = str(8 * members - 1)
    elif ind == "water":
        row["water_source"] = "surface"
    elif ind == "latrine":
        row["latrine"] = "hanging"
    elif ind == "telecom":
        row["internet_users"] = "0"
    elif ind == "information_access":
        row["info_devices"] = "0"
        row["loudspeaker_access"] = "0"
    elif ind == "digital_services":
        row["digital_service_users"] = "0"
    elif ind == "waste":
        row["waste_disposal"] = "open_dumping"


class Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.households = {}   # hid -> dict(commune, village index, members)
        for n in range(1, 91):
            hid = f"HH{n:04d}"
            commune = self.rng.choice(["00001", "00001", "00002", "00003", "00100"])
            self.households[hid] = {"commune": commune,
                                    "village": self.rng.randrange(len(VILLAGES[commune])),
                                    "members": self.rng.randint(1, 7),
                                    "em": self.rng.random() < 0.3}
        self.next_new = 500

    def post_reform_commune(self, c):
        return "00050" if c in ("00002", "00003") else c

    def village_name(self, commune, vidx, year):
        variants = VILLAGES[commune][vidx]
        return variants[(year + vidx) % len(variants)]

    def base(self, hid: str, year: int, deps=None, income=None, score=None, extras=True):
        rng = self.rng
        h = self.households[hid]
        commune = h["commune"]
        members = h["members"]
        post = year >= 2025
        row = dict(CLEAN)
        row.update({
            "review_year": str(year), "household_id": hid,
            "province_code": COMMUNE_PROVINCE[self.post_reform_commune(commune) if post else commune],
            "district_code": "" if post else COMMUNE_DISTRICT[commune],
            "commune_code": self.post_reform_commune(commune) if post else commune,
            "village": self.village_name(commune, h["village"], year),
            "area": "urban" if commune in URBAN else "rural",
            "members": str(members), "ethnic_minority": "1" if h["em"] else "0",
            "members_with_labour_capacity": str(max(1, members - 1)),
            "head_name": f"Nguyễn Văn {hid[-2:]}", "head_id_number": f"0010{rng.randrange(10**8):08d}",
            "income_score": "",
        })
        if deps is None:
            k = rng.choice([0, 0, 1, 2, 2, 3, 3, 4, 5])
            deps = rng.sample(DEPRIVABLE, k)
        for d in deps:
            deprive(row, d, members)
        if row["working_age_without_job"] != "0" and row["members_with_labour_capacity"] == "0":
            row["members_with_labour_capacity"] = "1"
        if extras and rng.random() < 0.1:
            row["members_with_labour_capacity"] = "0"
            row["working_age_without_job"] = "0"
        if extras and rng.random() < 0.15:
            row["social_protection_members"] = "1"
        if income is None:
            urban = row["area"] == "urban"
            line = (2_000_000 if urban else 1_500_000) if year <= 2025 else \
                (2_800_000 if urban else 2_200_000)
            income = rng.choice([line - 300_000, line - 1, line, line + 1, line + 400_000,
                                 line + 900_000, line * 2, rng.randrange(500_000, 4_000_000)])
        row["income_per_capita"] = "" if income == "" else str(income)
        if score is not None:
            row["income_score"] = str(score)
        return row

    def new_hid(self, commune):
        hid = f"HN{self.next_new:04d}"
        self.next_new += 1
        self.households[hid] = {"commune": commune, "village": 0,
                                "members": self.rng.randint(1, 6), "em": False}
        return hid


def fmt_field(v, delim: str) -> str:
    if isinstance(v, Q):
        return '"' + v.s.replace('"', '""') + '"'
    if any(ch in v for ch in (delim, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


class Q:
    """Force quoting of a value."""
    def __init__(self, s):
        self.s = s


class Raw:
    """A raw line (already formatted, no line ending)."""
    def __init__(self, s):
        self.s = s


def write_file(path, header_names, canon, rows, delim=",", eol="\n", bom=False, utf16=False,
               trailer: str | None = None):
    lines = [delim.join(fmt_field(h, delim) for h in header_names)]
    for r in rows:
        if isinstance(r, Raw):
            lines.append(r.s)
        elif r is None:
            lines.append("")     # blank line
        else:
            lines.append(delim.join(fmt_field(r.get(c, ""), delim) for c in canon))
    text = eol.join(lines) + eol
    if trailer:
        text += trailer
    if utf16:
        data = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    else:
        data = text.encode("utf-8")
        if bom:
            data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as fh:
        fh.write(data)


def write_bytes_file(path, header_names, canon, rows, delim=",", eol="\n"):
    """Like write_file, but rows may be bytes (for invalid UTF-8)."""
    out = [delim.join(fmt_field(h, delim) for h in header_names).encode("utf-8")]
    for r in rows:
        if isinstance(r, bytes):
            out.append(r)
        elif r is None:
            out.append(b"")
        else:
            out.append(delim.join(fmt_field(r.get(c, ""), delim) for c in canon).encode("utf-8"))
    with open(path, "wb") as fh:
        fh.write(eol.encode().join(out) + eol.encode())


def pad_rows(g: Gen, year, hids, n, extra=None):
    rows = []
    for hid in hids[:n]:
        r = g.base(hid, year)
        if extra:
            extra(r)
        rows.append(r)
    return rows


def present(g: Gen, year, rng):
    """Households present in a year: most of the panel, with some churn."""
    out = [h for h in sorted(g.households) if h.startswith("HH") and rng.random() < 0.9]
    return out


def clean_row(g, hid, year, deps, income=None, score=None, **over):
    r = g.base(hid, year, deps=deps, income=income if income is not None else 1_000_000, score=score,
               extras=False)
    r["members_with_labour_capacity"] = r["members"]
    r["social_protection_members"] = "0"
    r.update({k: str(v) for k, v in over.items()})
    return r


def write_edge(g: Gen, dumps: str):
    """Rows whose outcome depends on the README's interpretation decisions (number in brackets)."""
    y = 2024
    rng = g.rng
    hdr = EN_HEADER[:-2] + ["digital_service_users", "head_name", "head_id_number"]
    rows = []

    def e(tag, **over):
        r = clean_row(g, "HH0001", y, [])
        r.update({"household_id": f"EDGE-{tag}", "province_code": "01", "district_code": "001",
                  "commune_code": "00001", "village": "Thôn Hòa Bình", "area": "rural",
                  "members": "4", "members_with_labour_capacity": "4",
                  "digital_service_users": ""})
        r.update({k: v for k, v in over.items()})
        return r

    bad = [
        e("CODE-ALPHA", commune_code="0000A"),                     # [9] invalid_number
        e("BOOL-2", ethnic_minority="2"),                          # [12] invalid_enum
        e("NO-INCOME", income_per_capita="", income_score=""),     # [15] missing_value, NULL column
        e("TWO-COUNTS", dependants="5", internet_users="6"),       # [17] column dependants
        e("DEC-3", housing_area_m2=Q("1.234,567")),                # [11] invalid_number
        e("DEC-DOT", housing_area_m2=".5"),                        # [11] invalid_number
        e("DIST-PROV", district_code="002", province_code="02"),   # [18] district_code first
        e("SCORE-BAD", income_score="abc"),                        # [15] invalid_number
        e("PLUS", members="+4"),                                   # [10] invalid_number
    ]
    ok = [
        e("MEMBERS-DOTS", members="1.500", members_with_labour_capacity="1.500"),  # [10] 1500
        e("DIGITAL-IGNORED", digital_service_users="garbage"),     # [16] accepted
        e("NO-DISTRICT", district_code=""),                        # [26] admin district 001
        e("VILLAGE-NBSP", village="Thôn\u00a0Hoà  Bình"),          # [7] same village
        e("ID-NFD", household_id=unicodedata.normalize("NFD", "EDGE-Hộ")),  # [8] not NFC'd
        e("BOOL-CASE", ethnic_minority="KHÔNG", loudspeaker_access="Có"),
    ]
    for _ in range(260):
        hid = g.new_hid(rng.choice(["00001", "00002", "00003"]))
        rows.append(g.base(hid, y))
    rows[10:10] = bad[:5]
    rows[100:100] = ok
    rows[150:150] = bad[5:]
    enc2 = ",".join(fmt_field(v, ",") for v in (e("TWO-ENC").get(c, "") for c in hdr))
    enc2 = enc2.encode("utf-8").replace("Thôn".encode(), b"Th\xf4n").replace(b"durable", b"dur\xe2ble")
    rows.insert(200, enc2)                                        # [5] two bad fields: NULL column
    rows.insert(210, b"\r")                                       # [2] a "\r\r" line -> malformed
    write_bytes_file(os.path.join(dumps, "households_2024_edge.csv"), hdr, hdr, rows, eol="\r\n")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20251230)
    ap.add_argument("--edge", action="store_true",
                    help="also write households_2024_edge.csv: cases that depend on the "
                         "interpretation decisions listed in README.md")
    a = ap.parse_args(argv)
    g = Gen(a.seed)
    rng = g.rng
    out = a.outdir
    dumps = os.path.join(out, "dumps")
    os.makedirs(dumps, exist_ok=True)
    with open(os.path.join(out, "admin_units.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(ADMIN)

    # households with scripted status histories (transitions: fell back, gaps)
    fixed = [g.new_hid("00001") for _ in range(3)]
    for hid in fixed:
        g.households[hid]["members"] = 4
    POOR = ["employment", "nutrition", "water"]
    NEAR = ["employment"]
    script = {  # year -> [(hid index, deprivations, income)]
        2021: [(0, POOR, 1_000_000), (1, NEAR, 1_000_000)],
        2022: [(0, [], 9_000_000), (1, NEAR, 2_000_000), (2, [], 9_000_000)],
        2024: [(0, [], 9_000_000), (1, NEAR, 1_000_000), (2, POOR, 1_000_000)],
        2025: [(0, POOR, 1_000_000), (1, [], 2_000_000), (2, [], 9_000_000)],
        2026: [(0, POOR, 1_000_000), (1, NEAR, 1_000_000), (2, POOR, 1_000_000)],
        2027: [(0, [], 9_000_000), (2, POOR, 2_200_000)],
    }

    def scripted(year):
        return [clean_row(g, fixed[i], year, deps, income=inc) for i, deps, inc in script[year]]

    # ------------------------------------------------ 2021: BOM, CRLF, English headers
    y = 2021
    hids = present(g, y, rng)
    rows = pad_rows(g, y, hids, len(hids))
    for r in rows[::7]:
        r["district_code"] = ""              # counted in its admin district anyway
    rows[5]["head_name"] = "Trần Thị\r\nBa"  # quoted field spanning two lines
    rows[9]["income_score"] = "120"           # score and income both present
    rows[9]["income_per_capita"] = "5000000"  # ... disagreeing (warning, score wins)
    rows[12]["income_score"] = "150"
    rows[12]["income_per_capita"] = ""        # score-only, above the rural line
    rows.insert(20, None)
    rows.insert(30, None)                     # another blank line (CR LF)
    bad = [
        Raw("2021,BADCOLS,01,001,00001,Thôn Hoà Bình,rural,3"),                 # malformed: field count
        Raw('2021,BADQ"X,01,001,00001,Thôn Hoà Bình,rural,3,0,1000000,,0,0,0,0,0,0,durable,50,'
            'piped,septic,1,1,1,3,0,A,B'),                                      # malformed: stray quote
        clean_row(g, "HH0001", 2019, []),                                       # unsupported_year
    ]
    bad[2]["household_id"] = "OLD0001"
    rows[40:40] = bad
    # boundary cases (rural line 1,500,000; upper 2,250,000)
    extra_ids = [g.new_hid("00001") for _ in range(8)]
    for hid in extra_ids:
        g.households[hid]["members"] = 4
    rows += [
        clean_row(g, extra_ids[0], y, ["employment", "nutrition", "water"], income=1_500_000),  # poor
        clean_row(g, extra_ids[1], y, ["employment", "nutrition"], income=1_500_000),          # near
        clean_row(g, extra_ids[2], y, ["employment", "nutrition", "water"], income=1_500_001), # avg
        clean_row(g, extra_ids[3], y, [], income=2_250_000),                                    # avg
        clean_row(g, extra_ids[4], y, [], income=2_250_001),                                    # above
        clean_row(g, extra_ids[5], y, ["nutrition", "water"], income=1_000_000,
                  dependants=2, housing_area_m2=32),   # exactly half / exactly 8 m2: not deprived
        clean_row(g, extra_ids[6], y, ["nutrition", "water"], income=1_000_000,
                  dependants=3, housing_area_m2="31.9"),  # 3 of 4 / below 8 m2: poor
        clean_row(g, extra_ids[7], y, ["employment", "water", "latrine"], income="", score=140),
    ]
    rows += scripted(2021)
    write_file(os.path.join(dumps, "households_2021.csv"), EN_HEADER, EN_HEADER, rows,
               eol="\r\n", bom=True)

    # ------------------------------------------------ 2022: ';' separator, Vietnamese headers
    y = 2022
    vn_names = {"review_year": "Năm rà soát", "household_id": "Mã hộ", "province_code": "Mã tỉnh",
                "district_code": "Mã huyện", "commune_code": "Mã xã", "village": "Thôn",
                "area": "Khu vực", "members": "Số nhân khẩu", "ethnic_minority": "Dân tộc thiểu số",
                "income_per_capita": "Thu nhập bình quân", "income_score": "Điểm A",
                "head_name": "Họ tên chủ hộ", "head_id_number": "Số CCCD"}
    canon = EN_HEADER + ["ghi_chu"]
    header = [vn_names.get(c, c) for c in EN_HEADER] + ["Ghi chú"]
    header[7] = "  SỐ NHÂN KHẨU "   # case and spaces
    hids = present(g, y, rng)
    rows = pad_rows(g, y, hids, len(hids))
    aliases = {"rural": ["nông thôn", "NT", "nong_thon"], "urban": ["thành thị", "TT", "đô thị",
                                                                    "thanh_thi"]}
    ht = {"durable": "kiên cố", "non_durable": "thiếu kiên cố"}
    ws = {"piped": "nước máy", "surface": "sông suối ao hồ"}
    lt = {"septic": "tự hoại", "hanging": "hanging"}
    for i, r in enumerate(rows):
        r["area"] = aliases[r["area"]][i % len(aliases[r["area"]])]
        r["housing_type"] = ht.get(r["housing_type"], r["housing_type"])
        r["water_source"] = ws.get(r["water_source"], r["water_source"])
        r["latrine"] = lt.get(r["latrine"], r["latrine"])
        if r["income_per_capita"] and int(r["income_per_capita"]) >= 1000:
            n = int(r["income_per_capita"])
            r["income_per_capita"] = f"{n:,}".replace(",", ".")        # 1.500.000
        r["ghi_chu"] = "" if i % 3 else "đã rà soát"
        r["loudspeaker_access"] = {"1": "có", "0": "không"}[r["loudspeaker_access"]]
    rows[3]["housing_area_m2"] = "12,5"         # decimal comma
    rows[4]["housing_area_m2"] = "1.234,5"
    rows[5]["housing_type"] = "đơn sơ"
    rows[6]["latrine"] = "không có"
    rows[7]["latrine"] = "bán tự hoại"
    rows[8]["water_source"] = "giếng khoan"
    rows[9]["water_source"] = "Nước Mưa"
    rows[10]["housing_type"] = "bán kiên cố"
    rows[11]["water_source"] = "giếng đào được bảo vệ"
    rows[12]["water_source"] = "nước đóng chai"
    rows[13]["latrine"] = "hai ngăn"
    rows[14]["housing_type"] = "không có nhà"
    rows[15]["income_score"] = "175"             # urban or rural score basis
    rows[15]["income_per_capita"] = ""
    b1 = clean_row(g, "HH0002", y, []); b1["household_id"] = "BADENUM"; b1["area"] = "ngoại ô"
    b2 = clean_row(g, "HH0002", y, []); b2["household_id"] = "BADMEM"; b2["members"] = "0"
    b3 = clean_row(g, "HH0002", y, []); b3["household_id"] = "BADVIL"; b3["village"] = "  "
    b4 = clean_row(g, "HH0002", y, []); b4["household_id"] = "BADDIST"
    b4.update({"province_code": "01", "district_code": "002", "commune_code": "00001",
               "village": "Thôn Hòa Bình", "area": "nông thôn"})   # 00001 lies in district 001
    for b in (b1, b2, b3, b4):
        b["ghi_chu"] = ""
    rows[25:25] = [b1, b2]
    rows[50:50] = [None, b3, b4]
    # pad with new households so the bad share stays below 5%
    for _ in range(20):
        hid = g.new_hid(rng.choice(["00001", "00002", "00003", "00100"]))
        r = g.base(hid, y)
        r["area"] = {"rural": "NT", "urban": "TT"}[r["area"]]
        r["loudspeaker_access"] = "x" if r["loudspeaker_access"] == "1" else ""
        rows.append(r)
    rows += scripted(2022)
    write_file(os.path.join(dumps, "households_2022.csv"), header, canon, rows, delim=";")

    # ------------------------------------------------ 2024: NFD, NBSP, padded codes, quoted numbers
    y = 2024
    h24 = EN_HEADER[:]
    h24[h24.index("village")] = "Thôn, bản, tổ dân phố"
    h24[h24.index("income_score")] = "Điểm B1"
    h24[h24.index("household_id")] = "household_ID"
    hids = present(g, y, rng)
    rows = pad_rows(g, y, hids, len(hids))
    for i, r in enumerate(rows):
        r["village"] = unicodedata.normalize("NFD", r["village"])
        if i % 5 == 0:
            r["household_id"] = NBSP + r["household_id"] + " "
        if i % 6 == 1:
            r["province_code"] = r["province_code"].lstrip("0")
            r["district_code"] = r["district_code"].lstrip("0")
            r["commune_code"] = r["commune_code"].lstrip("0")
        if i % 4 == 2 and r["income_per_capita"]:
            r["income_per_capita"] = Q(f"{int(r['income_per_capita']):,}")   # "1,500,000"
        if i % 9 == 3:
            r["housing_area_m2"] = Q(r["housing_area_m2"] + ",5")
        if i % 3 == 0:
            r["ethnic_minority"] = "x" if r["ethnic_minority"] == "1" else ""
        if i % 8 == 4:
            r["ethnic_minority"] = "TRUE" if r["ethnic_minority"] == "1" else "False"
        if i % 10 == 7:
            r["income_score"] = str(rng.randrange(90, 220))
            r["income_per_capita"] = ""
    dupA = hids[5].strip()
    dupB = hids[6].strip()
    ok_encoding = rows[20]
    bad_enc = dict(clean_row(g, "HH0003", y, []))
    bad_enc["household_id"] = "BADENC"
    enc_line = ",".join(fmt_field(bad_enc.get(c, ""), ",") for c in EN_HEADER).encode("utf-8")
    enc_line = enc_line.replace("Thôn".encode("utf-8"), b"Th\xf4n", 1)   # Windows-1258 byte
    if b"\xf4" not in enc_line:
        enc_line = enc_line.replace(b"durable", b"dur\xe2ble", 1)
    b_amb = clean_row(g, "HH0003", y, []); b_amb["household_id"] = "BADAREA"
    b_amb["housing_area_m2"] = Q("1,234")
    b_inc = clean_row(g, "HH0003", y, ["employment"]); b_inc["household_id"] = "BADLAB"
    b_inc["members_with_labour_capacity"] = "0"
    b_unk = clean_row(g, "HH0003", y, []); b_unk["household_id"] = "BADUNIT"
    b_unk["commune_code"] = "99999"
    rows[30:30] = [enc_line, b_amb]
    rows[60:60] = [b_inc, b_unk]
    # boundary cases on the urban line (2,000,000 / upper 3,000,000) and score lines
    ub = [g.new_hid("00003") for _ in range(6)]
    rows += [
        clean_row(g, ub[0], y, ["employment", "nutrition", "water"], income=2_000_000),  # poor
        clean_row(g, ub[1], y, ["water"], income=2_000_001),                               # average
        clean_row(g, ub[2], y, [], income=3_000_000),                                      # average
        clean_row(g, ub[3], y, [], income=3_000_001),                                      # above
        clean_row(g, ub[4], y, ["employment"], income="", score=175),                     # near
        clean_row(g, ub[5], y, ["employment", "water", "telecom"], income="", score=176),  # above
    ]
    for _ in range(60):
        hid = g.new_hid(rng.choice(["00001", "00002", "00100"]))
        rows.append(g.base(hid, y))
    rows += scripted(2024)
    write_bytes_file(os.path.join(dumps, "households_2024.csv"), h24, EN_HEADER, rows)

    # ------------------------------------------------ 2024 extra (UTF-16): duplicates across files
    rows = []
    ra = g.base(dupA, y)
    rb = g.base(dupB, y)
    rb["members"] = "-2"                      # keeps invalid_number; the other copy is a duplicate
    rows += [ra, rb]
    for _ in range(50):
        hid = g.new_hid(rng.choice(["00001", "00002", "00003", "00100"]))
        rows.append(g.base(hid, y))
    rows[10:10] = [None, None]
    write_file(os.path.join(dumps, "households_2024_extra.csv"), EN_HEADER, EN_HEADER, rows,
               utf16=True, eol="\r\n")

    # ------------------------------------------------ 2025: post-reform, leftover district code,
    # never-closed quote at the end
    y = 2025
    hids = present(g, y, rng)
    rows = pad_rows(g, y, hids, len(hids))
    n_left = 0
    for r in rows:
        if r["commune_code"] == "00001" and n_left < 2:
            r["district_code"] = "001"         # leftover district code: ignored with a warning
            n_left += 1
    b_old = clean_row(g, "HH0004", y, []); b_old["household_id"] = "BADOLD"
    b_old.update({"commune_code": "00002", "province_code": "01", "district_code": ""})
    b_prov = clean_row(g, "HH0004", y, []); b_prov["household_id"] = "BADPROV"
    b_prov.update({"commune_code": "00001", "province_code": "02", "district_code": ""})
    rows[15:15] = [b_old]
    rows[20:20] = [Raw("\r"), None]          # blank lines: only CR, and empty
    rows[45:45] = [b_prov]
    for _ in range(15):
        hid = g.new_hid(rng.choice(["00001", "00100"]))
        rows.append(g.base(hid, y))
    trailer = '2025,UNCLOSED,01,,00001,"Thôn Hòa Bình,rural,3,0,1000000\n'
    rows += scripted(2025)
    write_file(os.path.join(dumps, "households_2025.csv"), EN_HEADER, EN_HEADER, rows,
               trailer=trailer)

    # ------------------------------------------------ 2026: both standards
    y = 2026
    hids = present(g, y, rng)
    rows = pad_rows(g, y, hids, len(hids))
    for r in rows:
        if not r["income_per_capita"]:
            r["income_per_capita"] = "1800000"
    rows[2]["income_score"] = "130"           # vn-2022 uses the score, vn-2027 the income
    rows[3]["income_per_capita"] = "2200000"  # vn-2022 average, vn-2027 at the line
    rows[4]["income_per_capita"] = "2200001"
    b_sc = clean_row(g, "HH0005", y, [], income="", score=100); b_sc["household_id"] = "BADSCORE"
    b_w = clean_row(g, "HH0005", y, []); b_w["household_id"] = "BADWASTE"; b_w["waste_disposal"] = ""
    b_d = clean_row(g, "HH0005", y, []); b_d["household_id"] = "BADDIG"
    b_d["digital_service_users"] = str(int(b_d["members"]) + 1)
    rows[10:10] = [b_sc]
    rows[30:30] = [b_w, b_d]
    for _ in range(15):
        hid = g.new_hid(rng.choice(["00001", "00050", "00100"]))
        rows.append(g.base(hid, y))
    rows[-1]["village"] = "Thôn Mới"
    rows += scripted(2026)
    write_file(os.path.join(dumps, "households_2026.csv"), EN_HEADER_27, EN_HEADER_27, rows)

    # ------------------------------------------------ 2027: vn-2027 only
    y = 2027
    hids = present(g, y, rng)
    rows = pad_rows(g, y, hids, len(hids))
    for r in rows:
        if not r["income_per_capita"]:
            r["income_per_capita"] = "2000000"
    rows[1]["income_per_capita"] = "2800000"
    rows[1]["area"] = "urban"
    b_w = clean_row(g, "HH0006", y, []); b_w["household_id"] = "BADWATER"
    b_w["water_source"] = "giếng"
    b_i = clean_row(g, "HH0006", y, []); b_i["household_id"] = "BADINC"
    b_i["income_per_capita"] = "1.5E6"
    rows[20:20] = [b_w, b_i]
    for _ in range(20):
        hid = g.new_hid(rng.choice(["00001", "00050", "00100"]))
        rows.append(g.base(hid, y))
    rows += scripted(2027)
    write_file(os.path.join(dumps, "households_2027.csv"), EN_HEADER_27, EN_HEADER_27, rows)

    if a.edge:
        write_edge(g, dumps)

    # a file the default pattern must ignore
    with open(os.path.join(dumps, "notes_2027.csv"), "w", encoding="utf-8") as fh:
        fh.write("not,a,dump\n1,2,3\n")

    # ------------------------------------------------ totals (one commune-year missing)
    lines = ["review_year,commune_code,households"]
    for year, communes in [(2021, ["00001", "00002", "00003", "00100"]),
                           (2022, ["00001", "00002", "00003", "00100"]),
                           (2024, ["00001", "00002", "00003"]),        # 00100 missing: falls back
                           (2025, ["00001", "00050", "00100"]),
                           (2026, ["00001", "00050", "00100"]),
                           (2027, ["00001", "00050", "00100"])]:
        for c in communes:
            lines.append(f"{year},{c},{rng.randrange(150, 400)}")
    with open(os.path.join(out, "household_totals.csv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
