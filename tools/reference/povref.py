#!/usr/bin/env python3
"""Independent reference implementation of the povreview spec (ingest,
validation, classification, unit rates, transitions) -- standard library only.

Usage:
  python3 tools/reference/povref.py --inputs DIR --admin FILE [--totals FILE]
      [--pattern 'households*.csv'] [--quarantine-limit 5] --out OUT.sqlite

See README.md beside this file for the interpretation decisions.
"""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import os
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from refcsv import FileError, Record, choose_delimiter, decode_container, tokenize  # noqa: E402
from refparse import (EnumError, NumberError, fold_village, norm_id, norm_key,  # noqa: E402
                      norm_text, parse_bool, parse_code, parse_decimal, parse_enum,
                      parse_int)

TOOL_VERSION = "povref-1"

# ------------------------------------------------------------------ standards

NATIONAL_SCHEDULE = {y: ["vn-2022"] for y in range(2021, 2026)}
NATIONAL_SCHEDULE[2026] = ["vn-2022", "vn-2027"]
NATIONAL_SCHEDULE.update({y: ["vn-2027"] for y in range(2027, 2031)})
STANDARD_SCHEDULE = NATIONAL_SCHEDULE     # rebound by configure() (--local-standard)

IND_2022 = ["employment", "dependants", "nutrition", "health_insurance", "adult_education",
            "child_schooling", "housing_quality", "housing_area", "water", "latrine", "telecom",
            "information_access"]
# vn-2027 (standards.md, Decree 351/2025/NĐ-CP): the ten of vn-2022 from employment to latrine,
# plus digital_services and waste -- 12 indicators; telecom and information_access are gone.
IND_2027 = IND_2022[:10] + ["digital_services", "waste"]
ALL_INDICATORS = IND_2022 + ["digital_services", "waste"]

STANDARDS = {
    "vn-2022": {
        "income_line": {"rural": 1_500_000, "urban": 2_000_000},
        "upper": {"rural": 2_250_000, "urban": 3_000_000},
        "score_line": {"rural": 140, "urban": 175},
        "indicators": IND_2022,
        "min_deprivations": 3,
        "provisional": False,
    },
    "vn-2027": {
        "income_line": {"rural": 2_200_000, "urban": 2_800_000},
        "upper": None,
        "score_line": None,
        "indicators": IND_2027,
        "min_deprivations": 3,
        "provisional": True,
    },
}

# The local standard of issue 8 (hard-coded here from the issue text, never read from the product's
# standard file): lines 1,800,000 rural / 2,400,000 urban, one line (no average band, no score
# line), deprivation cut-off 2, the twelve vn-2022 indicators plus `electricity` (deprived when the
# extra input column electricity_access = 0). Its non-national indicators go to
# household_deprivation.
STANDARDS["example-local"] = {
    "income_line": {"rural": 1_800_000, "urban": 2_400_000},
    "upper": None,
    "score_line": None,
    "indicators": IND_2022 + ["electricity"],
    "min_deprivations": 2,
    "provisional": False,
}
# extra input columns (not in input-format.md §1) and the standards' indicators that read them
EXTRA_COLUMNS = {"electricity_access": "electricity"}


def configure(local_standard: str | None = None):
    """The standard schedule of a run: the national default (standards.md), plus a local
    standard classifying every review year beside the national one(s)."""
    global STANDARD_SCHEDULE
    if local_standard is None:
        STANDARD_SCHEDULE = NATIONAL_SCHEDULE
        return
    if local_standard not in STANDARDS or local_standard in ("vn-2022", "vn-2027"):
        raise RunError(f"unknown local standard {local_standard!r} (known: example-local)")
    STANDARD_SCHEDULE = {y: stds + [local_standard] for y, stds in NATIONAL_SCHEDULE.items()}


def extra_columns_needed(stds: list[str]) -> list[str]:
    """Extra input columns required by the given standards (only those that use them)."""
    return [col for col, ind in EXTRA_COLUMNS.items()
            if any(ind in STANDARDS[s]["indicators"] for s in stds)]


def needs_income(stds: list[str]) -> bool:
    """A standard without score lines classifies on income only (rule 8 for vn-2027)."""
    return any(STANDARDS[s]["score_line"] is None for s in stds)


CLEAN_WATER = {"piped", "drilled_well", "protected_well", "protected_spring", "rainwater", "bottled"}
HYGIENIC_LATRINE = {"septic", "pour_flush", "double_vault", "ventilated_pit", "biogas"}


def indicator_verdicts(v: dict, indicators: list[str]) -> dict[str, int]:
    m = v["members"]
    f = {
        "employment": lambda: v["working_age_without_job"] >= 1,
        "dependants": lambda: v["dependants"] * 2 > m,
        "nutrition": lambda: v["children_malnourished"] >= 1,
        "health_insurance": lambda: v["members_6plus_uninsured"] >= 1,
        "adult_education": lambda: v["adults_16_30_without_qualification"] >= 1,
        "child_schooling": lambda: v["children_3_15_out_of_school"] >= 1,
        "housing_quality": lambda: v["housing_type"] in ("non_durable", "none"),
        "housing_area": lambda: v["housing_area_m2"] < 8 * m,
        "water": lambda: v["water_source"] not in CLEAN_WATER,
        "latrine": lambda: v["latrine"] not in HYGIENIC_LATRINE,
        "telecom": lambda: v["internet_users"] == 0,
        "information_access": lambda: v["info_devices"] == 0 and v["loudspeaker_access"] == 0,
        "digital_services": lambda: v["digital_service_users"] == 0,
        "waste": lambda: v["waste_disposal"] in ("none", "open_dumping"),
        "electricity": lambda: v["electricity_access"] == 0,
    }
    return {i: int(bool(f[i]())) for i in indicators}


def classify(std_id: str, v: dict, basis_mode: str = "auto"):
    """Returns (status, basis, deprivation dict, D, disagreement: bool)."""
    std = STANDARDS[std_id]
    dep = indicator_verdicts(v, std["indicators"])
    d = sum(dep.values())
    area = v["area"]
    has_score_line = std["score_line"] is not None
    if basis_mode == "auto":
        basis = "score" if (v["income_score"] is not None and has_score_line) else "income"
    else:
        basis = basis_mode if has_score_line else "income"   # no score line: income only
    if basis == "score":
        at_or_below = v["income_score"] <= std["score_line"][area]
    else:
        at_or_below = v["income_per_capita"] <= std["income_line"][area]
    if at_or_below:
        status = "poor" if d >= std["min_deprivations"] else "near_poor"
    elif basis == "income" and std["upper"] is not None and \
            v["income_per_capita"] <= std["upper"][area]:
        status = "average"
    else:
        status = "above"
    disagree = False
    if has_score_line and v["income_score"] is not None and v["income_per_capita"] is not None:
        a = v["income_per_capita"] <= std["income_line"][area]
        b = v["income_score"] <= std["score_line"][area]
        disagree = a != b
    return status, basis, dep, d, disagree


# ------------------------------------------------------------------ columns

# (canonical name, kind) in the order of the table in input-format.md §1
COLUMNS = [
    ("review_year", "year"),
    ("household_id", "id"),
    ("province_code", "code2"),
    ("district_code", "code3"),
    ("commune_code", "code5"),
    ("village", "text"),
    ("area", "enum"),
    ("members", "members"),
    ("ethnic_minority", "bool"),
    ("income_per_capita", "income"),
    ("income_score", "score"),
    ("working_age_without_job", "count"),
    ("dependants", "count"),
    ("children_malnourished", "count"),
    ("members_6plus_uninsured", "count"),
    ("adults_16_30_without_qualification", "count"),
    ("children_3_15_out_of_school", "count"),
    ("housing_type", "enum"),
    ("housing_area_m2", "decimal"),
    ("water_source", "enum"),
    ("latrine", "enum"),
    ("internet_users", "count"),
    ("info_devices", "nonneg"),
    ("loudspeaker_access", "bool"),
    ("members_with_labour_capacity", "count"),
    ("social_protection_members", "count"),
    ("digital_service_users", "count27"),
    ("waste_disposal", "enum27"),
    ("electricity_access", "extra_bool"),      # extra column of the local standard example-local
    ("head_name", "opt"),
    ("head_id_number", "opt"),
]
CANONICAL = [c for c, _ in COLUMNS]
COUNT_COLUMNS = [c for c, k in COLUMNS if k in ("count", "count27")]
OPTIONAL_COLUMNS = {"district_code", "head_name", "head_id_number"}
BASE_REQUIRED = [c for c in CANONICAL if c not in OPTIONAL_COLUMNS
                 and c not in ("income_per_capita", "income_score", "digital_service_users",
                               "waste_disposal") and c not in EXTRA_COLUMNS]

HEADER_ALIASES = {
    "năm rà soát": "review_year",
    "mã hộ": "household_id",
    "mã tỉnh": "province_code",
    "mã huyện": "district_code",
    "mã xã": "commune_code",
    "thôn": "village",
    "thôn, bản, tổ dân phố": "village",
    "khu vực": "area",
    "số nhân khẩu": "members",
    "dân tộc thiểu số": "ethnic_minority",
    "thu nhập bình quân": "income_per_capita",
    "điểm b1": "income_score",
    "điểm a": "income_score",
    "họ tên chủ hộ": "head_name",
    "số cccd": "head_id_number",
}
for _c in CANONICAL:
    HEADER_ALIASES[_c] = _c
HEADER_ALIASES = {norm_key(k): v for k, v in HEADER_ALIASES.items()}

PERSONAL = ("head_name", "head_id_number")

# ------------------------------------------------------------------ data types


class RunError(Exception):
    pass


@dataclass
class Candidate:
    source_file: str
    line: int
    nlines: int
    raw: str
    reason: str | None = None
    column: str | None = None
    message: str | None = None
    key: tuple | None = None
    values: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)   # (code, message)


@dataclass
class FileStats:
    path: str
    sha256: str
    rows_read: int = 0
    rows_accepted: int = 0
    rows_quarantined: int = 0
    lines_total: int = 0
    lines_quarantined: int = 0


# ------------------------------------------------------------------ CSV helpers


def read_table(path: str, label: str):
    """Read a reference file (admin, totals): returns (header list, list of (line, dict)).
    Any problem fails the run."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise RunError(f"{label}: cannot read {path}: {e}")
    try:
        data, _ = decode_container(data)
    except FileError as e:
        raise RunError(f"{label} {path}: {e}")
    delim = choose_delimiter(data)
    recs = list(tokenize(data, delim))
    if not recs:
        raise RunError(f"{label} {path}: empty file")
    out = []
    header = None
    for r in recs:
        if r.error:
            raise RunError(f"{path}:{r.line}: malformed CSV record ({r.error})")
        try:
            vals = [f.decode("utf-8") for f in r.fields]
        except UnicodeDecodeError:
            raise RunError(f"{path}:{r.line}: not valid UTF-8")
        if header is None:
            header = [norm_key(h) for h in vals]
            continue
        if len(vals) != len(header):
            raise RunError(f"{path}:{r.line}: {len(vals)} fields, header has {len(header)}")
        out.append((r.line, dict(zip(header, vals))))
    return header, out


# ------------------------------------------------------------------ admin units

LEVEL_LEN = {"province": 2, "district": 3, "commune": 5}


class Admin:
    def __init__(self, path: str):
        header, rows = read_table(path, "admin file")
        for c in ("code", "name", "level", "parent_code"):
            if c not in header:
                raise RunError(f"{path}: admin file lacks column {c!r}")
        self.rows = defaultdict(list)   # code -> list of dict
        for line, r in rows:
            code = norm_id(r["code"])
            level = norm_key(r["level"])
            if level not in LEVEL_LEN:
                raise RunError(f"{path}:{line}: level {r['level']!r} is not province/district/commune")
            if not code.isascii() or not code.isdigit() or len(code) != LEVEL_LEN[level]:
                raise RunError(f"{path}:{line}: code {code!r} is not {LEVEL_LEN[level]} digits")
            parent = norm_id(r["parent_code"]) or None
            if level == "province" and parent:
                raise RunError(f"{path}:{line}: a province has no parent")
            if level != "province" and not parent:
                raise RunError(f"{path}:{line}: parent_code is required for a {level}")

            def yr(col):
                s = norm_id(r.get(col, "") or "")
                if not s:
                    return None
                try:
                    return parse_int(s)
                except NumberError:
                    raise RunError(f"{path}:{line}: {col} {s!r} is not a year")
            vf, vt = yr("valid_from"), yr("valid_to")
            name = norm_text(r["name"])
            if not name:
                raise RunError(f"{path}:{line}: empty name")
            self.rows[code].append({"code": code, "name": name, "level": level, "parent": parent,
                                    "from": vf, "to": vt, "line": line})
        self.path = path

    def get(self, code: str, year: int):
        found = [r for r in self.rows.get(code, [])
                 if (r["from"] is None or r["from"] <= year) and (r["to"] is None or year <= r["to"])]
        if len(found) > 1:
            raise RunError(f"{self.path}: code {code} has {len(found)} rows valid in {year}")
        return found[0] if found else None

    def hierarchy(self, commune: str, year: int):
        """-> (commune row, district row or None, province row) or None if commune unknown."""
        c = self.get(commune, year)
        if c is None or c["level"] != "commune":
            return None
        p = self.get(c["parent"], year)
        if p is None:
            raise RunError(f"{self.path}:{c['line']}: parent {c['parent']} of commune {commune} "
                           f"not valid in {year}")
        if p["level"] == "district":
            prov = self.get(p["parent"], year)
            if prov is None or prov["level"] != "province":
                raise RunError(f"{self.path}:{p['line']}: parent of district {p['code']} "
                               f"is not a province valid in {year}")
            return c, p, prov
        if p["level"] == "province":
            return c, None, p
        raise RunError(f"{self.path}:{c['line']}: parent of commune {commune} is a {p['level']}")


# ------------------------------------------------------------------ totals


def read_totals(path: str):
    header, rows = read_table(path, "totals file")
    for c in ("review_year", "commune_code", "households"):
        if c not in header:
            raise RunError(f"{path}: totals file lacks column {c!r}")
    out = {}
    for line, r in rows:
        try:
            y = parse_int(norm_id(r["review_year"]))
            code, _ = parse_code(norm_id(r["commune_code"]), 5)
            h = parse_int(norm_id(r["households"]))
        except NumberError as e:
            raise RunError(f"{path}:{line}: {e}")
        if h < 0:
            raise RunError(f"{path}:{line}: households must be >= 0")
        if (y, code) in out:
            raise RunError(f"{path}:{line}: duplicate total for {y}, {code}")
        out[(y, code)] = h
    return out


# ------------------------------------------------------------------ dump reading


def mask_raw(rec: Record, colmap: dict[int, str]) -> str:
    raw = rec.raw
    if rec.fields and rec.spans:
        parts = []
        prev = 0
        for idx, (a, b) in enumerate(rec.spans):
            if colmap.get(idx) in PERSONAL:
                parts.append(raw[prev:a])
                parts.append(b"***")
                prev = b
        parts.append(raw[prev:])
        raw = b"".join(parts)
    return raw.decode("utf-8", "replace")


def validate_values(f: dict[str, str], admin: Admin, cand: Candidate):
    """f: canonical column -> decoded field (or missing). Sets cand.reason etc. or cand.values."""
    v: dict = {}

    def fail(reason, col, msg):
        cand.reason, cand.column, cand.message = reason, col, msg
        return False

    # review_year
    s = norm_id(f.get("review_year", ""))
    if not s:
        return fail("missing_value", "review_year", "review_year is required")
    try:
        year = parse_int(s)
    except NumberError:
        return fail("invalid_number", "review_year", f"review_year must be a whole number, got {s!r}")
    if year not in STANDARD_SCHEDULE:
        return fail("unsupported_year", "review_year", f"no standard for review year {year}")
    v["review_year"] = year
    stds = STANDARD_SCHEDULE[year]
    is27 = "vn-2027" in stds
    extras = extra_columns_needed(stds)
    income_only = needs_income(stds)

    for col, kind in COLUMNS[1:]:
        raw = f.get(col)
        if kind in ("count27", "enum27") and not is27:
            continue
        if kind == "extra_bool" and col not in extras:
            continue
        if kind == "opt":
            continue
        if kind == "id":
            s = norm_id(raw or "")
            if not s:
                return fail("missing_value", col, f"{col} is required")
            v[col] = s
        elif kind.startswith("code"):
            length = int(kind[4:])
            s = norm_id(raw or "")
            if not s:
                if col == "district_code":
                    v[col] = None
                    continue
                return fail("missing_value", col, f"{col} is required")
            try:
                code, padded = parse_code(s, length)
            except NumberError:
                return fail("invalid_number", col, f"{col} must be digits, got {s!r}")
            if padded:
                cand.warnings.append(("padded_code", f"{col} {s!r} padded to {code!r}"))
            v[col] = code
        elif kind == "text":
            s = norm_text(raw or "")
            if not s:
                return fail("missing_value", col, f"{col} is required")
            v[col] = s
        elif kind in ("enum", "enum27"):
            s = norm_text(raw or "")
            if not s:
                return fail("missing_value", col, f"{col} is required")
            try:
                v[col] = parse_enum(col, s)
            except EnumError as e:
                return fail("invalid_enum", col, str(e))
        elif kind in ("bool", "extra_bool"):
            try:
                v[col] = parse_bool(raw or "")
            except EnumError:
                return fail("invalid_enum", col, f"{col} must be 0/1, true/false, có/không or x, "
                                                 f"got {norm_text(raw or '')!r}")
        elif kind == "income":
            s = norm_id(raw or "")
            if not s:
                v[col] = None
                if income_only:
                    return fail("missing_value", col,
                                "income_per_capita is required: a standard of this review year ("
                                + ", ".join(s for s in stds if STANDARDS[s]["score_line"] is None)
                                + ") has no score line")
                if not norm_id(f.get("income_score") or ""):
                    return fail("missing_value", None,
                                "one of income_per_capita and income_score is required")
                continue
            try:
                n = parse_int(s)
            except NumberError:
                return fail("invalid_number", col, f"{col} must be a whole number, got {s!r}")
            if n < 0:
                return fail("invalid_number", col, f"{col} must be >= 0, got {s!r}")
            v[col] = n
        elif kind in ("score", "members", "count", "count27", "nonneg"):
            s = norm_id(raw or "")
            if not s:
                if kind == "score":
                    v[col] = None
                    continue
                return fail("missing_value", col, f"{col} is required")
            try:
                n = parse_int(s)
            except NumberError:
                return fail("invalid_number", col, f"{col} must be a whole number, got {s!r}")
            lo = 1 if kind == "members" else 0
            if n < lo:
                return fail("invalid_number", col, f"{col} must be a whole number >= {lo}, got {s!r}")
            v[col] = n
        elif kind == "decimal":
            s = norm_id(raw or "")
            if not s:
                return fail("missing_value", col, f"{col} is required")
            try:
                d = parse_decimal(s)
            except NumberError as e:
                return fail("invalid_number", col, str(e))
            if d < 0:
                return fail("invalid_number", col, f"{col} must be >= 0, got {s!r}")
            v[col] = d
        else:  # pragma: no cover
            raise AssertionError(kind)

    # inconsistent counts
    for col in COUNT_COLUMNS:
        if col in v and v[col] > v["members"]:
            return fail("inconsistent_counts", col,
                        f"{col} ({v[col]}) is greater than members ({v['members']})")
    if v["working_age_without_job"] > v["members_with_labour_capacity"]:
        return fail("inconsistent_counts", "working_age_without_job",
                    f"working_age_without_job ({v['working_age_without_job']}) is greater than "
                    f"members_with_labour_capacity ({v['members_with_labour_capacity']})")

    # units
    h = admin.hierarchy(v["commune_code"], year)
    if h is None:
        return fail("unknown_unit", "commune_code",
                    f"commune {v['commune_code']} is not in the admin file for {year}")
    c, d, p = h
    v["district_carried"] = False
    if v["district_code"] is not None:
        if d is None:
            cand.warnings.append(("leftover_district_code",
                                  f"district code {v['district_code']} ignored: commune "
                                  f"{v['commune_code']} belongs directly to province {p['code']} in {year}"))
        elif v["district_code"] != d["code"]:
            return fail("unknown_unit", "district_code",
                        f"district {v['district_code']} is not the parent of commune "
                        f"{v['commune_code']} ({d['code']}) in {year}")
        else:
            v["district_carried"] = True
    if v["province_code"] != p["code"]:
        return fail("unknown_unit", "province_code",
                    f"province {v['province_code']} is not the province of commune "
                    f"{v['commune_code']} ({p['code']}) in {year}")
    v["adm_district"] = d["code"] if d else None
    v["adm_province"] = p["code"]
    cand.values = v
    return True


def read_dump(root: str, rel: str, admin: Admin, stats: FileStats, warnings: list):
    path = os.path.join(root, rel)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise RunError(f"{rel}: cannot read: {e}")
    stats.sha256 = hashlib.sha256(data).hexdigest()
    try:
        data, _enc = decode_container(data)
    except FileError as e:
        raise RunError(f"{rel}: unreadable: {e}")
    delim = choose_delimiter(data)
    recs = list(tokenize(data, delim))
    if not recs:
        raise RunError(f"{rel}: empty file (no header)")
    hdr = recs[0]
    if hdr.error:
        raise RunError(f"{rel}:{hdr.line}: malformed header ({hdr.error})")
    try:
        names = [x.decode("utf-8") for x in hdr.fields]
    except UnicodeDecodeError:
        raise RunError(
            f"{rel}: the header is not UTF-8; the file is probably in a legacy Vietnamese "
            f"encoding (Windows-1258, TCVN3 or VNI). Convert it, e.g. "
            f"`iconv -f WINDOWS-1258 -t UTF-8 {rel} > {rel}.utf8`, and run again")
    colmap: dict[int, str] = {}
    seen: dict[str, str] = {}
    for idx, name in enumerate(names):
        canon = HEADER_ALIASES.get(norm_key(name))
        if canon is None:
            warnings.append((rel, 1 if hdr.line == 1 else hdr.line, "unknown_column",
                             f"unknown column {norm_text(name)!r} ignored"))
            continue
        if canon in seen:
            raise RunError(f"{rel}: headers {seen[canon]!r} and {name!r} both map to {canon}")
        seen[canon] = name
        colmap[idx] = canon
    present = set(colmap.values())
    ncols = len(names)
    body = recs[1:]

    # structural + encoding pass
    decoded: list[tuple[Record, dict | None, Candidate]] = []
    years27 = False
    income_years = False
    extra_needed: set[str] = set()
    for r in body:
        stats.rows_read += 1
        stats.lines_total += r.nlines
        cand = Candidate(rel, r.line, r.nlines, mask_raw(r, colmap))
        fields = None
        if r.error or len(r.fields) != ncols:
            cand.reason, cand.column = "malformed_row", None
            cand.message = r.error or f"{len(r.fields)} fields, the header has {ncols}"
        else:
            bad = []
            vals = []
            for idx, b in enumerate(r.fields):
                try:
                    vals.append(b.decode("utf-8"))
                except UnicodeDecodeError:
                    bad.append(idx)
                    vals.append(None)
            if bad:
                cand.reason = "invalid_encoding"
                cand.column = (colmap.get(bad[0], norm_text(names[bad[0]]))
                               if len(bad) == 1 else None)
                cand.message = "bytes that are not valid UTF-8"
            else:
                fields = {colmap[i]: s for i, s in enumerate(vals) if i in colmap}
                y = norm_id(fields.get("review_year", ""))
                try:
                    yi = parse_int(y)
                    ys = STANDARD_SCHEDULE.get(yi, [])
                    if "vn-2027" in ys:
                        years27 = True
                    income_years |= needs_income(ys) if ys else False
                    extra_needed.update(extra_columns_needed(ys))
                except NumberError:
                    pass
                hid = norm_id(fields.get("household_id", ""))
                try:
                    yi = parse_int(y)
                    if hid:
                        cand.key = (yi, hid)
                except NumberError:
                    pass
        decoded.append((r, fields, cand))

    # header requirements (rule 10)
    missing = [c for c in BASE_REQUIRED if c not in present]
    if "income_per_capita" not in present and "income_score" not in present:
        missing.append("income_per_capita or income_score")
    if years27:
        missing += [c for c in ("digital_service_users", "waste_disposal") if c not in present]
    if income_years and "income_per_capita" not in present:
        missing.append("income_per_capita")
    missing += sorted(c for c in extra_needed if c not in present)
    if missing:
        raise RunError(f"{rel}: header lacks required column(s): {', '.join(missing)}")

    out = []
    for r, fields, cand in decoded:
        if cand.reason is None:
            validate_values(fields, admin, cand)
        out.append(cand)
    return out


# ------------------------------------------------------------------ pipeline


def run(args) -> int:
    configure(getattr(args, "local_standard", None))
    root = args.inputs
    admin = Admin(args.admin)
    totals = read_totals(args.totals) if args.totals else None
    try:
        names = sorted(n for n in os.listdir(root)
                       if fnmatch.fnmatchcase(n, args.pattern) and os.path.isfile(os.path.join(root, n)))
    except OSError as e:
        raise RunError(f"cannot list {root}: {e}")
    if not names:
        raise RunError(f"no dump file matching {args.pattern!r} in {root}")

    warnings: list[tuple] = []
    all_cands: list[Candidate] = []
    stats: dict[str, FileStats] = {}
    for rel in names:
        st = FileStats(rel, "")
        stats[rel] = st
        all_cands.extend(read_dump(root, rel, admin, st, warnings))

    # duplicates (rule 2)
    keycount = Counter(c.key for c in all_cands if c.key is not None)
    for c in all_cands:
        if c.reason is None and keycount[c.key] > 1:
            c.reason, c.column = "duplicate_household", "household_id"
            c.message = (f"household {c.key[1]} appears {keycount[c.key]} times in review year "
                         f"{c.key[0]}")

    accepted = [c for c in all_cands if c.reason is None]
    quarantined = [c for c in all_cands if c.reason is not None]
    for c in all_cands:
        st = stats[c.source_file]
        if c.reason is None:
            st.rows_accepted += 1
            for code, msg in c.warnings:
                warnings.append((c.source_file, c.line, code, msg))
        else:
            st.rows_quarantined += 1
            st.lines_quarantined += c.nlines

    # quarantine limit (physical lines)
    over = []
    for st in stats.values():
        if st.lines_total and Fraction(st.lines_quarantined, st.lines_total) * 100 > \
                Fraction(str(args.quarantine_limit)):
            over.append(f"{st.path}: {st.lines_quarantined}/{st.lines_total} lines quarantined")
    if over:
        qpath = os.path.join(os.path.dirname(os.path.abspath(args.out)), "quarantine.csv")
        write_quarantine_csv(qpath, quarantined)
        raise RunError("quarantine limit exceeded: " + "; ".join(over) + f" (rows in {qpath})")

    result = compute(accepted, admin, totals, warnings, args.basis)
    write_db(args.out, stats, quarantined, warnings, result)
    for st in stats.values():
        print(f"{st.path}: read {st.rows_read}, accepted {st.rows_accepted}, "
              f"quarantined {st.rows_quarantined}")
    return 0


def write_quarantine_csv(path, quarantined):
    import csv
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source_file", "line", "column_name", "reason", "message", "raw"])
        for c in quarantined:
            w.writerow([c.source_file, c.line, c.column or "", c.reason, c.message, c.raw])


CHANGE_TABLE_DOC = "outputs.md household_transitions"


def transition_change(frm: str, to: str, earlier: set[str]) -> str:
    """Change code per the table of outputs.md (first match wins). `earlier` is the set
    of statuses the household had in review years before from_year (same standard)."""
    if to == "poor":
        if frm == "absent":
            return "entered_poor"
        if frm == "poor":
            return "stayed_poor"
        if frm == "near_poor":
            return "near_poor_to_poor"
        if frm in ("average", "above"):
            return "fell_back_poor" if "poor" in earlier else "newly_poor"
    if to == "near_poor":
        if frm == "absent":
            return "entered_near_poor"
        if frm == "poor":
            return "poor_to_near_poor"
        if frm == "near_poor":
            return "stayed_near_poor"
        if frm in ("average", "above"):
            return "fell_back_near_poor" if "near_poor" in earlier else "newly_near_poor"
    if to in ("average", "above"):
        if frm == "poor":
            return "escaped_above_near_poor"
        if frm == "near_poor":
            return "escaped_near_poverty"
    if to == "absent":
        if frm == "poor":
            return "poor_left"
        if frm == "near_poor":
            return "near_poor_left"
    return "stayed_out"


def compute(accepted: list[Candidate], admin: Admin, totals, warnings, basis_mode):
    # canonical village spellings over the whole database (accepted rows, all years)
    spellings: dict[tuple, set] = defaultdict(set)
    for c in accepted:
        v = c.values
        spellings[(v["commune_code"], fold_village(v["village"]))].add(v["village"])
    canonical = {k: min(s) for k, s in spellings.items()}

    years_with_district = {c.values["review_year"] for c in accepted if c.values["district_carried"]}

    hs_rows = []
    hd_rows = []                              # household_deprivation (non-national indicators)
    status_of: dict[tuple, str] = {}          # (std, year, hid) -> status
    years_of_std: dict[str, set] = defaultdict(set)
    # unit aggregation: key (year, std, level, code) -> dict
    agg: dict[tuple, dict] = {}
    unit_meta: dict[tuple, tuple] = {}        # (year, level, code) -> (name, parent)
    commune_dump_count: dict[tuple, int] = Counter()   # (year, std, commune) -> households

    def bucket(key):
        b = agg.get(key)
        if b is None:
            b = Counter()
            agg[key] = b
        return b

    for c in sorted(accepted, key=lambda c: (c.values["review_year"], c.values["household_id"])):
        v = c.values
        year = v["review_year"]
        vname = canonical[(v["commune_code"], fold_village(v["village"]))]
        for std in STANDARD_SCHEDULE[year]:
            status, basis, dep, d, disagree = classify(std, v, basis_mode)
            if disagree:
                warnings.append((c.source_file, c.line, "income_score_disagree",
                                 f"{std}: income and score disagree on 'at or below the line'; "
                                 f"kept the {basis} verdict"))
            status_of[(std, year, v["household_id"])] = status
            years_of_std[std].add(year)
            row = {
                "review_year": year, "standard": std, "household_id": v["household_id"],
                "province_code": v["adm_province"], "district_code": v["adm_district"],
                "commune_code": v["commune_code"], "village": vname, "area": v["area"],
                "members": v["members"], "ethnic_minority": v["ethnic_minority"],
                "income_basis": basis, "income_per_capita": v["income_per_capita"],
                "income_score": v["income_score"], "deprivation_count": d, "status": status,
                "without_labour_capacity": int(v["members_with_labour_capacity"] == 0),
                "with_social_protection": int(v["social_protection_members"] >= 1),
                "provisional": int(STANDARDS[std]["provisional"]),
                "source_file": c.source_file, "source_line": c.line,
            }
            for ind in ALL_INDICATORS:
                row["deprived_" + ind] = dep.get(ind)
            hs_rows.append(row)
            for ind in dep:
                if ind not in ALL_INDICATORS:
                    hd_rows.append({"review_year": year, "standard": std,
                                    "household_id": v["household_id"], "indicator": ind,
                                    "deprived": dep[ind]})

            units = [("village", f"{v['commune_code']}/{vname}"), ("commune", v["commune_code"])]
            unit_meta[(year, "village", units[0][1])] = (vname, v["commune_code"])
            if v["adm_district"] and year in years_with_district:
                units.append(("district", v["adm_district"]))
            units.append(("province", v["adm_province"]))
            commune_dump_count[(year, std, v["commune_code"])] += 1
            for level, code in units:
                b = bucket((year, std, level, code))
                b["households"] += 1
                b[status] += 1
                if v["ethnic_minority"]:
                    b["ethnic_minority_households"] += 1
                    if status == "poor":
                        b["ethnic_minority_poor"] += 1
                if status == "poor":
                    b["poor_members"] += v["members"]
                    wlc = v["members_with_labour_capacity"] == 0
                    if wlc:
                        b["poor_without_labour_capacity"] += 1
                    if wlc or v["social_protection_members"] >= 1:
                        b["poor_special_difficulty"] += 1
                elif status == "near_poor":
                    b["near_poor_members"] += v["members"]
                if status in ("poor", "near_poor"):
                    for ind, flag in dep.items():
                        if flag:
                            b[f"{status}_deprived_{ind}"] += 1

    # admin metadata for communes/districts/provinces
    def admin_meta(year, level, code):
        r = admin.get(code, year)
        return (r["name"], r["parent"]) if r else (None, None)

    # denominators
    denom: dict[tuple, int] = {}      # (year, std, level, code) -> households
    source: dict[tuple, str] = {}
    if totals is None:
        warnings.append((None, None, "no_totals",
                         "no household_totals file: rates use the reviewed households as denominator"))
        for key, b in agg.items():
            denom[key] = b["households"]
            source[key] = "dump"
    else:
        for key, b in agg.items():
            if key[2] == "village":
                denom[key] = b["households"]
                source[key] = "dump"
        # commune denominators, then roll up
        for std, years in years_of_std.items():
            for year in years:
                communes = {k[3] for k in agg if k[0] == year and k[1] == std and k[2] == "commune"}
                communes |= {code for (y, code) in totals if y == year}
                for code in sorted(communes):
                    h = admin.hierarchy(code, year)
                    if h is None:
                        raise RunError(f"totals file: commune {code} is not in the admin file for {year}")
                    cr, dr, pr = h
                    if (year, code) in totals:
                        n, src = totals[(year, code)], "totals"
                    else:
                        n, src = commune_dump_count[(year, std, code)], "dump"
                        warnings.append((None, None, "missing_total",
                                         f"{year} {std}: commune {code} has no total; "
                                         f"using the dump count {n}"))
                    ups = [("commune", code)]
                    if dr is not None and year in years_with_district:
                        ups.append(("district", dr["code"]))
                    ups.append(("province", pr["code"]))
                    for level, ucode in ups:
                        k = (year, std, level, ucode)
                        denom[k] = denom.get(k, 0) + n
                        if src == "dump":
                            source[k] = "dump"
                        else:
                            source.setdefault(k, "totals")
                        bucket(k)   # ensure the unit exists (totals-only communes)

    ur_rows = []
    for key in sorted(agg):
        year, std, level, code = key
        b = agg[key]
        h = denom.get(key, b["households"])
        if h == 0:
            continue
        if level == "village":
            name, parent = unit_meta[(year, "village", code)]
        else:
            name, parent = admin_meta(year, level, code)
        ind_std = set(STANDARDS[std]["indicators"])
        poor, near = b["poor"], b["near_poor"]
        emh = b["ethnic_minority_households"]
        row = {
            "review_year": year, "standard": std, "level": level, "unit_code": code,
            "unit_name": name, "parent_code": parent, "households": h,
            "poor": poor, "near_poor": near, "average": b["average"],
            "poor_near_poor": poor + near,
            "poor_rate": float(Fraction(100 * poor, h)),
            "near_poor_rate": float(Fraction(100 * near, h)),
            "poor_near_poor_rate": float(Fraction(100 * (poor + near), h)),
            "ethnic_minority_households": emh,
            "ethnic_minority_poor": b["ethnic_minority_poor"],
            "ethnic_minority_poor_rate": (float(Fraction(100 * b["ethnic_minority_poor"], emh))
                                          if emh else None),
            "poor_without_labour_capacity": b["poor_without_labour_capacity"],
            "poor_special_difficulty": b["poor_special_difficulty"],
            "poor_members": b["poor_members"], "near_poor_members": b["near_poor_members"],
            "denominator_source": source.get(key, "dump"),
            "dump_households": b["households"],
            "provisional": int(STANDARDS[std]["provisional"]),
        }
        for st in ("poor", "near_poor"):
            for ind in ALL_INDICATORS:
                row[f"{st}_deprived_{ind}"] = b[f"{st}_deprived_{ind}"] if ind in ind_std else None
        ur_rows.append(row)

    # transitions
    tr_rows = []
    for std in sorted(years_of_std):
        years = sorted(years_of_std[std])
        by_year: dict[int, dict[str, str]] = defaultdict(dict)
        for (s, y, hid), st in status_of.items():
            if s == std:
                by_year[y][hid] = st
        for y in years:
            if y + 1 not in years_of_std[std]:
                continue
            a, bb = by_year[y], by_year[y + 1]
            for hid in sorted(set(a) | set(bb)):
                frm = a.get(hid, "absent")
                to = bb.get(hid, "absent")
                earlier = {by_year[e][hid] for e in years if e < y and hid in by_year[e]}
                tr_rows.append({"household_id": hid, "from_year": y, "to_year": y + 1,
                                "standard": std, "from_status": frm, "to_status": to,
                                "change": transition_change(frm, to, earlier)})
    return {"household_status": hs_rows, "unit_rates": ur_rows, "household_transitions": tr_rows,
            "household_deprivation": hd_rows}


# ------------------------------------------------------------------ output

HS_COLS = (["review_year INTEGER", "standard TEXT", "household_id TEXT", "province_code TEXT",
            "district_code TEXT", "commune_code TEXT", "village TEXT", "area TEXT",
            "members INTEGER", "ethnic_minority INTEGER", "income_basis TEXT",
            "income_per_capita INTEGER", "income_score INTEGER", "deprivation_count INTEGER",
            "status TEXT", "without_labour_capacity INTEGER", "with_social_protection INTEGER"]
           + [f"deprived_{i} INTEGER" for i in ALL_INDICATORS]
           + ["provisional INTEGER", "source_file TEXT", "source_line INTEGER"])
UR_COLS = (["review_year INTEGER", "standard TEXT", "level TEXT", "unit_code TEXT",
            "unit_name TEXT", "parent_code TEXT", "households INTEGER", "poor INTEGER",
            "near_poor INTEGER", "average INTEGER", "poor_near_poor INTEGER", "poor_rate REAL",
            "near_poor_rate REAL", "poor_near_poor_rate REAL", "ethnic_minority_households INTEGER",
            "ethnic_minority_poor INTEGER", "ethnic_minority_poor_rate REAL",
            "poor_without_labour_capacity INTEGER", "poor_special_difficulty INTEGER",
            "poor_members INTEGER", "near_poor_members INTEGER", "denominator_source TEXT"]
           + [f"poor_deprived_{i} INTEGER" for i in ALL_INDICATORS]
           + [f"near_poor_deprived_{i} INTEGER" for i in ALL_INDICATORS]
           + ["dump_households INTEGER", "provisional INTEGER"])
HD_COLS = ["review_year INTEGER", "standard TEXT", "household_id TEXT", "indicator TEXT",
           "deprived INTEGER"]
TR_COLS = ["household_id TEXT", "from_year INTEGER", "to_year INTEGER", "standard TEXT",
           "from_status TEXT", "to_status TEXT", "change TEXT"]


def _create(con, name, cols):
    con.execute(f"CREATE TABLE {name} ({', '.join(cols)})")


def _insert(con, name, cols, rows):
    names = [c.split()[0] for c in cols]
    con.executemany(f"INSERT INTO {name} ({', '.join(names)}) VALUES "
                    f"({', '.join('?' for _ in names)})",
                    [tuple(r.get(n) for n in names) for r in rows])


def write_db(out, stats, quarantined, warnings, result):
    tmp = out + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    con = sqlite3.connect(tmp)
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    _create(con, "runs", ["run_id INTEGER", "started_at TEXT", "finished_at TEXT", "status TEXT",
                          "pipeline TEXT", "config_sha256 TEXT", "tool_version TEXT"])
    con.execute("INSERT INTO runs VALUES (1, ?, ?, 'succeeded', 'reference', NULL, ?)",
                (now, now, TOOL_VERSION))
    _create(con, "input_files", ["run_id INTEGER", "path TEXT", "sha256 TEXT", "rows_read INTEGER",
                                 "rows_accepted INTEGER", "rows_quarantined INTEGER"])
    con.executemany("INSERT INTO input_files VALUES (1, ?, ?, ?, ?, ?)",
                    [(s.path, s.sha256, s.rows_read, s.rows_accepted, s.rows_quarantined)
                     for s in sorted(stats.values(), key=lambda s: s.path)])
    _create(con, "quarantine", ["run_id INTEGER", "source_file TEXT", "line INTEGER",
                                "column_name TEXT", "reason TEXT", "message TEXT", "raw TEXT"])
    con.executemany("INSERT INTO quarantine VALUES (1, ?, ?, ?, ?, ?, ?)",
                    [(c.source_file, c.line, c.column, c.reason, c.message, c.raw)
                     for c in sorted(quarantined, key=lambda c: (c.source_file, c.line))])
    _create(con, "warnings", ["run_id INTEGER", "source_file TEXT", "line INTEGER", "code TEXT",
                              "message TEXT"])
    con.executemany("INSERT INTO warnings VALUES (1, ?, ?, ?, ?)", warnings)
    _create(con, "household_status", HS_COLS)
    _insert(con, "household_status", HS_COLS, result["household_status"])
    _create(con, "unit_rates", UR_COLS)
    _insert(con, "unit_rates", UR_COLS, result["unit_rates"])
    _create(con, "household_deprivation", HD_COLS)
    _insert(con, "household_deprivation", HD_COLS, result["household_deprivation"])
    _create(con, "household_transitions", TR_COLS)
    _insert(con, "household_transitions", TR_COLS, result["household_transitions"])
    con.commit()
    con.close()
    os.replace(tmp, out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", required=True, help="dump folder")
    ap.add_argument("--admin", required=True, help="admin_units.csv")
    ap.add_argument("--totals", help="household_totals.csv (optional)")
    ap.add_argument("--pattern", default="households*.csv")
    ap.add_argument("--out", required=True)
    ap.add_argument("--quarantine-limit", type=float, default=5.0,
                    help="max %% of quarantined physical lines per file (default 5)")
    ap.add_argument("--basis", choices=["auto", "income", "score"], default="auto")
    ap.add_argument("--local-standard", choices=["example-local"],
                    help="also classify every review year under this local standard "
                         "(as Pipelines/examples/local-standard.yaml does)")
    args = ap.parse_args(argv)
    try:
        return run(args)
    except RunError as e:
        print(f"povref: run failed: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
