#!/usr/bin/env python3
"""Independent reference evaluation of the plans' multi-year criteria (plans.md) -- standard
library only.  Reads the reference database written by povref.py (unit_rates, household_status),
the admin file and the optional crosswalk / targets files, and writes `criteria_results` into the
same database.

Usage:
  python3 tools/reference/refplans.py --db REF.sqlite --admin admin_units.csv \
      [--crosswalk crosswalk.csv] [--targets targets.csv] \
      [--territory lang-son=99 --territory vinh-phuc=99 ...] [--plan ID ...]

Every decision is taken on exact rationals (fractions.Fraction) of the counts.  See README.md
("Plans: interpretation decisions") for the readings chosen where plans.md leaves room.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from povref import RunError, read_table  # noqa: E402
from refparse import (NumberError, fold_village, norm_id, norm_key, norm_text,  # noqa: E402
                      parse_bool, parse_decimal, parse_int)

MET, NOT_MET, NA, INSUFF = "met", "not_met", "not_applicable", "insufficient_data"
DECIDED = (MET, NOT_MET)
LEVELS = ("village", "commune", "district", "province")

# --------------------------------------------------------------------------- arithmetic


def r2(x: Fraction | None) -> Fraction | None:
    """Round half away from zero to 2 decimals, exactly (as published)."""
    if x is None:
        return None
    q = Fraction(x) * 100
    n = (2 * abs(q.numerator) + q.denominator) // (2 * q.denominator)
    return Fraction(n if q >= 0 else -n, 100)


def fmt(x) -> str | None:
    """A Fraction for the evidence: exact 'p/q' plus a decimal."""
    if x is None:
        return None
    x = Fraction(x)
    if x.denominator == 1:
        return str(x.numerator)
    return f"{x.numerator}/{x.denominator} (~{float(x):.6f})"


def governing_standard(year: int) -> str:
    """The national standard whose figures feed the plans for a review year (rule 8): vn-2022
    governs 2021-2026 (standards.md: its standard runs through 31 Dec 2026), vn-2027 from 2027."""
    return "vn-2022" if year <= 2026 else "vn-2027"


INDICATORS = ["employment", "dependants", "nutrition", "health_insurance", "adult_education",
              "child_schooling", "housing_quality", "housing_area", "water", "latrine", "telecom",
              "information_access", "digital_services", "waste"]


class Fig:
    """Counts of one unit in one review year (Fractions: restated counts may be fractional)."""
    __slots__ = ("year", "standard", "c", "restated", "sources")

    def __init__(self, year, standard, counts, restated=False, sources=None):
        self.year = year
        self.standard = standard
        self.c = counts          # name -> Fraction or None (NULL indicator count)
        self.restated = restated
        self.sources = sources or []

    def __getitem__(self, k):
        return self.c[k]

    # rates (percent) -- exact; None when the denominator is 0
    def rate(self, metric: str) -> Fraction | None:
        c = self.c
        if metric == "P":
            num, den = c["P"], c["H"]
        elif metric == "N":
            num, den = c["N"], c["H"]
        elif metric == "PN":
            num, den = c["P"] + c["N"], c["H"]
        elif metric == "EM":
            num, den = c["EMP"], c["EMH"]
        else:
            raise ValueError(metric)
        if den == 0:
            return None
        return Fraction(100) * num / den


def make_fig(year, standard, **counts) -> Fig:
    """Test helper / constructor: H, P, N, EMH, EMP, PSD and indicator counts."""
    base = {"H": 0, "P": 0, "N": 0, "EMH": 0, "EMP": 0, "PSD": 0}
    base.update(counts)
    return Fig(year, standard, {k: (Fraction(v) if v is not None else None)
                                for k, v in base.items()})


def sum_figs(year, standard, parts: list[tuple[Fraction, Fig]], restated, sources) -> Fig:
    keys = parts[0][1].c.keys()
    out = {}
    for k in keys:
        vals = [f.c.get(k) for _, f in parts]
        out[k] = None if any(v is None for v in vals) else sum((s * v for (s, _), v in
                                                               zip(parts, vals)), Fraction(0))
    return Fig(year, standard, out, restated, sources)


# --------------------------------------------------------------------------- verdicts


@dataclass
class Res:
    verdict: str            # exact
    rounded: str            # re-decided with rates/shares rounded to 2 decimals
    ev: dict = field(default_factory=dict)

    @property
    def borderline(self) -> int:
        return int(self.verdict in DECIDED and self.rounded != self.verdict)


def insufficient(ev) -> Res:
    return Res(INSUFF, INSUFF, ev)


def na(ev) -> Res:
    return Res(NA, NA, ev)


def decided(exact: bool, rounded: bool, ev) -> Res:
    return Res(MET if exact else NOT_MET, MET if rounded else NOT_MET, ev)


def any_of_v(vs: list[str]) -> str:
    if MET in vs:
        return MET
    if INSUFF in vs:
        return INSUFF
    if NOT_MET in vs:
        return NOT_MET
    return NA


def all_of_v(vs: list[str]) -> str:
    if vs and all(v == MET for v in vs):
        return MET
    if NOT_MET in vs:
        return NOT_MET
    if INSUFF in vs:
        return INSUFF
    # rule 3 lists met only when *all* parts are met: a mix of met and not_applicable
    # (no part not_met / insufficient) falls through to not_applicable.
    return NA


def any_of(parts: dict[str, Res]) -> Res:
    ex = any_of_v([p.verdict for p in parts.values()])
    ro = any_of_v([p.rounded for p in parts.values()])
    return Res(ex, ro, {"rule": "any_of", "parts": {k: {"verdict": p.verdict, **p.ev}
                                                   for k, p in parts.items()}})


def all_of(parts: dict[str, Res]) -> Res:
    ex = all_of_v([p.verdict for p in parts.values()])
    ro = all_of_v([p.rounded for p in parts.values()])
    return Res(ex, ro, {"rule": "all_of", "parts": {k: {"verdict": p.verdict, **p.ev}
                                                   for k, p in parts.items()}})


def over_units(results: dict[str, Res], ev) -> Res:
    """'100% of the units of a kind' (rule 3): not_met if any fails; else insufficient_data
    if any lacks data; else met (vacuously met when there is no unit)."""
    def combine(vs):
        if NOT_MET in vs:
            return NOT_MET
        if INSUFF in vs:
            return INSUFF
        return MET
    ex = combine([r.verdict for r in results.values()])
    ro = combine([r.rounded for r in results.values()])
    ev = dict(ev)
    ev["units"] = {k: {"verdict": r.verdict, **r.ev} for k, r in results.items()}
    if not results:
        ev["note"] = "no unit of the kind: vacuously met"
    return Res(ex, ro, ev)


# --------------------------------------------------------------------------- rules
# A series is a callable year -> Fig | None (the unit's figures, restated onto the unit valid
# at the evaluation year).  Every rule first checks its needed years (rule 3: a missing year
# gives insufficient_data before anything else), then the standards of those years.


def need(get, years) -> tuple[dict | None, Res | None]:
    figs = {y: get(y) for y in years}
    missing = [y for y in years if figs[y] is None]
    if missing:
        return None, insufficient({"needed_years": list(years), "missing_years": missing})
    stds = sorted({f.standard for f in figs.values()})
    if len(stds) > 1:
        return None, insufficient({"needed_years": list(years),
                                   "reason": "needed years have different standards",
                                   "standards": {y: figs[y].standard for y in years}})
    return figs, None


def _restated_note(figs, ev):
    rs = {y: f.sources for y, f in figs.items() if f.restated}
    if rs:
        ev["restated"] = {str(y): s for y, s in sorted(rs.items())}
    return ev


def rule_consecutive(get, metric, x, k, T, strict=False) -> Res:
    """Annual decrease >= x (or > x) points for k consecutive years ending at T."""
    years = list(range(T - k, T + 1))
    figs, bad = need(get, years)
    if bad:
        return bad
    x = Fraction(x)
    ok_e, ok_r, steps = True, True, []
    for y in range(T - k + 1, T + 1):
        a, b = figs[y - 1].rate(metric), figs[y].rate(metric)
        d = a - b
        dr = r2(a) - r2(b)
        pe = d > x if strict else d >= x
        pr = dr > x if strict else dr >= x
        ok_e &= pe
        ok_r &= pr
        steps.append({"from": y - 1, "to": y, "rate_from": fmt(a), "rate_to": fmt(b),
                      "decrease": fmt(d), "decrease_rounded": fmt(dr), "ok": pe})
    ev = {"rule": f"decrease of rate_{metric} {'>' if strict else '>='} {x} points/year "
                  f"for {k} consecutive years ending {T}", "steps": steps}
    return decided(ok_e, ok_r, _restated_note(figs, ev))


def rule_fell_half(get, B, T) -> Res:
    """PN(T) < 0.5 PN(B), i.e. 2 PN(T) < PN(B); PN(B) = 0 -> not_applicable. Counts only."""
    figs, bad = need(get, [B, T])
    if bad:
        return bad
    pb = figs[B]["P"] + figs[B]["N"]
    pt = figs[T]["P"] + figs[T]["N"]
    ev = _restated_note(figs, {"rule": f"2*PN({T}) < PN({B})", "PN_baseline": fmt(pb),
                               "PN_T": fmt(pt)})
    if pb == 0:
        ev["note"] = "PN at baseline is 0"
        return na(ev)
    ok = 2 * pt < pb
    return decided(ok, ok, ev)


def rule_level(get, metric, op, x, T) -> Res:
    figs, bad = need(get, [T])
    if bad:
        return bad
    x = Fraction(x)
    r = figs[T].rate(metric)
    cmp = {"<": lambda a: a < x, "<=": lambda a: a <= x}[op]
    ev = _restated_note(figs, {"rule": f"rate_{metric}({T}) {op} {x}", "rate": fmt(r),
                               "rate_rounded": fmt(r2(r))})
    return decided(cmp(r), cmp(r2(r)), ev)


def rule_average_decrease(get, metric, x, B, T, monitoring=True) -> Res:
    """(rate(B) - rate(T)) / (T - B) >= x; monitoring: starting rate 0 -> not_applicable."""
    figs, bad = need(get, [B, T])
    if bad:
        return bad
    x = Fraction(x)
    a, b = figs[B].rate(metric), figs[T].rate(metric)
    ev = {"rule": f"(rate_{metric}({B}) - rate_{metric}({T})) / {T - B} >= {x}",
          "rate_base": fmt(a), "rate_T": fmt(b)}
    _restated_note(figs, ev)
    if monitoring and a == 0:
        ev["note"] = "starting rate is 0 (monitoring: nothing left to reduce)"
        return na(ev)
    avg = (a - b) / (T - B)
    avg_r = (r2(a) - r2(b)) / (T - B)
    ev.update({"average_decrease": fmt(avg), "average_decrease_rounded": fmt(avg_r)})
    return decided(avg >= x, avg_r >= x, ev)


def rule_each_year(get, metric, x, T, strict=False, monitoring=True, also=None) -> Res:
    """Single decrease T-1 -> T >= x (or > x). Ethnic-minority rate: no ethnic-minority
    households in T-1 or T -> not_applicable. Monitoring: starting rate 0 -> not_applicable."""
    figs, bad = need(get, [T - 1, T])
    if bad:
        return bad
    x = Fraction(x)
    a, b = figs[T - 1].rate(metric), figs[T].rate(metric)
    ev = {"rule": f"rate_{metric}({T - 1}) - rate_{metric}({T}) {'>' if strict else '>='} {x}",
          "rate_from": fmt(a), "rate_to": fmt(b)}
    _restated_note(figs, ev)
    if a is None or b is None:
        ev["note"] = "no ethnic-minority household in T-1 or T" if metric == "EM" else \
            "zero denominator"
        return na(ev)
    if monitoring and a == 0:
        ev["note"] = "starting rate is 0 (monitoring: nothing left to reduce)"
        return na(ev)
    d, dr = a - b, r2(a) - r2(b)
    ev.update({"decrease": fmt(d), "decrease_rounded": fmt(dr)})
    if also is not None:
        ev[f"decrease >= {also}"] = d >= Fraction(also)
    if strict:
        return decided(d > x, dr > x, ev)
    return decided(d >= x, dr >= x, ev)


def rule_em_share(get, x, T) -> Res:
    """Ethnic-minority poor households < x % of all poor households at T."""
    figs, bad = need(get, [T])
    if bad:
        return bad
    x = Fraction(x)
    f = figs[T]
    ev = _restated_note(figs, {"rule": f"100*EMP/P({T}) < {x}", "EMP": fmt(f["EMP"]),
                               "P": fmt(f["P"])})
    if f["P"] == 0:
        ev["note"] = "no poor household"
        return na(ev)
    s = Fraction(100) * f["EMP"] / f["P"]
    ev.update({"share": fmt(s), "share_rounded": fmt(r2(s))})
    return decided(s < x, r2(s) < x, ev)


def rule_target(get, target, T) -> Res:
    """Vĩnh Phúc target comparison (pinned rule 7). target: (metric, Fraction) or None."""
    figs, bad = need(get, [T - 1, T])
    if bad:
        return bad
    if target is None:
        return insufficient(_restated_note(figs, {"reason": "no target row for the unit and year"}))
    metric, t = target
    a, b = figs[T - 1], figs[T]
    ev = {"metric": metric, "target": fmt(t)}
    _restated_note(figs, ev)
    if metric == "poor_count_decrease":
        d = a["P"] - b["P"]
        ev.update({"P_from": fmt(a["P"]), "P_to": fmt(b["P"]), "decrease": fmt(d),
                   "rule": "P(T-1) - P(T) > planned fall"})
        return decided(d > t, d > t, ev)
    ra, rb = a.rate("P"), b.rate("P")
    d, dr = ra - rb, r2(ra) - r2(rb)
    if metric == "poor_rate_decrease":
        planned, planned_r = t, t
    elif metric == "poor_rate":
        planned, planned_r = ra - t, r2(ra) - t
    else:
        return insufficient({"reason": f"unknown metric {metric!r}"})
    ev.update({"rate_from": fmt(ra), "rate_to": fmt(rb), "decrease": fmt(d),
               "decrease_rounded": fmt(dr), "planned_decrease": fmt(planned),
               "rule": "actual decrease of rate_P > planned decrease"})
    return decided(d > planned, dr > planned_r, ev)


def rule_coverage(get, groups, indicators, T) -> Res:
    """No household of the groups deprived on any of the indicators at T (counts only)."""
    figs, bad = need(get, [T])
    if bad:
        return bad
    f = figs[T]
    counts = {}
    for g in groups:
        for i in indicators:
            k = f"{g}_deprived_{i}"
            v = f.c.get(k)
            if v is None:
                return insufficient(_restated_note(figs, {"reason": f"{k} not available under "
                                                          f"{f.standard}"}))
            counts[k] = v
    members = sum((f[{"poor": "P", "near_poor": "N"}[g]] for g in groups), Fraction(0))
    ev = _restated_note(figs, {"rule": "no " + "/".join(groups) + " household deprived on "
                               + " or ".join(indicators),
                               "households_in_group": fmt(members),
                               "deprived": {k: fmt(v) for k, v in counts.items()},
                               "proxy": "deprivation before support, not support delivered"})
    if members == 0:
        ev["note"] = "no household in the group: vacuously met"
        return decided(True, True, ev)
    ok = all(v == 0 for v in counts.values())
    return decided(ok, ok, ev)


def rule_count_fell(get, key, T) -> Res:
    """Count fell from T-1 to T; count(T-1) = 0 -> not_applicable (pinned rule 5)."""
    figs, bad = need(get, [T - 1, T])
    if bad:
        return bad
    a, b = figs[T - 1][key], figs[T][key]
    ev = _restated_note(figs, {"rule": f"{key}({T}) < {key}({T - 1})", "from": fmt(a),
                               "to": fmt(b)})
    if a == 0:
        ev["note"] = "count was 0 at T-1"
        return na(ev)
    return decided(b < a, b < a, ev)


# --------------------------------------------------------------------------- inputs


@dataclass
class AdminRow:
    code: str
    name: str
    level: str
    parent: str | None
    vfrom: int | None
    vto: int | None
    poor_district: int
    coastal: int
    ethnic_region: str | None
    line: int

    def valid(self, y):
        return (self.vfrom is None or self.vfrom <= y) and (self.vto is None or y <= self.vto)


class PlanAdmin:
    def __init__(self, path):
        header, rows = read_table(path, "admin file")
        for c in ("code", "name", "level", "parent_code"):
            if c not in header:
                raise RunError(f"{path}: admin file lacks column {c!r}")
        self.rows: dict[str, list[AdminRow]] = defaultdict(list)
        for line, r in rows:
            def yr(col):
                s = norm_id(r.get(col, "") or "")
                if not s:
                    return None
                try:
                    return parse_int(s)
                except NumberError:
                    raise RunError(f"{path}:{line}: {col} {s!r} is not a year")

            def flag(col):
                try:
                    return parse_bool(r.get(col, "") or "")
                except Exception:
                    raise RunError(f"{path}:{line}: {col} must be 0/1")
            er = norm_text(r.get("ethnic_region", "") or "") or None
            if er is not None and er not in ("I", "II", "III"):
                raise RunError(f"{path}:{line}: ethnic_region {er!r} is not I, II or III")
            code = norm_id(r["code"])
            self.rows[code].append(AdminRow(code, norm_text(r["name"]), norm_key(r["level"]),
                                            norm_id(r["parent_code"]) or None, yr("valid_from"),
                                            yr("valid_to"), flag("poor_district"),
                                            flag("coastal_special_difficulty"), er, line))

    def get(self, code, y) -> AdminRow | None:
        found = [r for r in self.rows.get(code, []) if r.valid(y)]
        if len(found) > 1:
            raise RunError(f"admin file: code {code} has {len(found)} rows valid in {y}")
        return found[0] if found else None

    def province_of(self, code, y) -> str | None:
        r = self.get(code, y)
        seen = 0
        while r is not None and r.level != "province" and seen < 5:
            r = self.get(r.parent, y) if r.parent else None
            seen += 1
        return r.code if r is not None and r.level == "province" else None


def resolve_code(code: str, village_index: dict) -> str:
    """Crosswalk / targets codes: a village `commune/name` is matched by village identity
    (commune, fold(name)) to the database's canonical code; other codes as written."""
    code = norm_id(code)
    if "/" in code:
        commune, name = code.split("/", 1)
        commune = norm_id(commune)
        k = (commune, fold_village(norm_text(name)))
        return village_index.get(k, f"{commune}/{norm_text(name)}")
    return code


def read_crosswalk(path, village_index) -> dict[str, list[tuple[str, Fraction]]]:
    header, rows = read_table(path, "crosswalk file")
    for c in ("old_code", "new_code", "share"):
        if c not in header:
            raise RunError(f"{path}: crosswalk lacks column {c!r}")
    out: dict[str, list[tuple[str, Fraction]]] = defaultdict(list)
    for line, r in rows:
        old = resolve_code(r["old_code"], village_index)
        new = resolve_code(r["new_code"], village_index)
        try:
            s = parse_decimal(norm_id(r["share"]))
        except NumberError as e:
            raise RunError(f"{path}:{line}: share: {e}")
        if not (0 < s <= 1):
            raise RunError(f"{path}:{line}: share must be in (0, 1], got {r['share']!r}")
        if any(n == new for n, _ in out[old]):
            raise RunError(f"{path}:{line}: duplicate pair {old} -> {new}")
        out[old].append((new, s))
    for old, lst in out.items():
        tot = sum((s for _, s in lst), Fraction(0))
        if abs(tot - 1) > Fraction(1, 10**6):
            raise RunError(f"{path}: shares of {old} sum to {float(tot)}, not 1")
    return dict(out)


def read_targets(path, village_index):
    header, rows = read_table(path, "targets file")
    for c in ("plan", "review_year", "level", "unit_code", "metric", "target"):
        if c not in header:
            raise RunError(f"{path}: targets file lacks column {c!r}")
    out = {}
    for line, r in rows:
        plan = norm_text(r["plan"])
        level = norm_key(r["level"])
        metric = norm_key(r["metric"])
        if metric not in ("poor_rate_decrease", "poor_rate", "poor_count_decrease"):
            raise RunError(f"{path}:{line}: unknown metric {r['metric']!r}")
        try:
            y = parse_int(norm_id(r["review_year"]))
            s = norm_id(r["target"])
            neg = s.startswith("-")
            t = parse_decimal(s[1:] if neg else s)
            t = -t if neg else t
        except NumberError as e:
            raise RunError(f"{path}:{line}: {e}")
        code = resolve_code(r["unit_code"], village_index) if level == "village" \
            else norm_id(r["unit_code"])
        key = (plan, y, level, code)
        if key in out:
            raise RunError(f"{path}:{line}: second target for {key}")
        out[key] = (metric, t)
    return out


# --------------------------------------------------------------------------- the data store


FIG_COLS = {"households": "H", "poor": "P", "near_poor": "N",
            "ethnic_minority_households": "EMH", "ethnic_minority_poor": "EMP",
            "poor_special_difficulty": "PSD"}


class Store:
    def __init__(self, con: sqlite3.Connection, admin: PlanAdmin, crosswalk_path=None,
                 targets_path=None, standard_of=None):
        """standard_of(year) -> the standard whose figures feed the plans (rule 8); default the
        governing national standard; a plan with a fixed standard (ntp-2026-2030: vn-2027 from
        its 2026 baseline) passes its own."""
        self.admin = admin
        self.standard_of = standard_of or governing_standard
        cols = [r[1] for r in con.execute("PRAGMA table_info(unit_rates)")]
        dep_cols = [c for c in cols if c.startswith(("poor_deprived_", "near_poor_deprived_"))]
        sel = ["review_year", "standard", "level", "unit_code", "unit_name"] + \
            list(FIG_COLS) + dep_cols
        self.own: dict[tuple, Fig] = {}               # (level, code, year) -> Fig
        self.names: dict[tuple, str] = {}
        self.data_years: set[int] = set()
        self.district_years: set[int] = set()
        self.village_index: dict[tuple, str] = {}
        for row in con.execute("SELECT " + ", ".join(sel) + " FROM unit_rates"):
            y, std, level, code, name = row[:5]
            self.data_years.add(y)
            if level == "village":
                commune, vname = code.split("/", 1)
                self.village_index[(commune, fold_village(vname))] = code
            if std != self.standard_of(y):
                continue
            vals = dict(zip(sel[5:], row[5:]))
            counts = {FIG_COLS[k]: Fraction(vals[k] or 0) for k in FIG_COLS}
            for k in dep_cols:
                counts[k] = None if vals[k] is None else Fraction(vals[k])
            if counts["H"] == 0:
                continue
            self.own[(level, code, y)] = Fig(y, std, counts)
            self.names[(level, code)] = name
            if level == "district":
                self.district_years.add(y)
        self.by_level_year: dict[tuple, list[str]] = defaultdict(list)
        for (level, code, y) in self.own:
            self.by_level_year[(level, y)].append(code)
        # rural households per commune-year (household_status.area), governing standard
        self.rural: dict[tuple, tuple[int, int]] = {}
        for y, std, commune, n, nr in con.execute(
                "SELECT review_year, standard, commune_code, COUNT(*), "
                "SUM(area = 'rural') FROM household_status GROUP BY 1, 2, 3"):
            if std == self.standard_of(y):
                self.rural[(commune, y)] = (n, nr)
        self.crosswalk = read_crosswalk(crosswalk_path, self.village_index) \
            if crosswalk_path else {}
        self.targets = read_targets(targets_path, self.village_index) if targets_path else {}
        self._inv: dict[tuple, dict] = {}

    @property
    def last_year(self):
        return max(self.data_years) if self.data_years else None

    def has_districts(self, y) -> bool:
        if y in self.district_years:
            return True
        if y in self.data_years:
            return False
        return any(r.level == "district" and r.valid(y)
                   for rows in self.admin.rows.values() for r in rows)

    # ---- validity of units at T
    def admin_row(self, level, code, y) -> AdminRow | None:
        if level == "village":
            code, level = code.split("/", 1)[0], "commune"
        r = self.admin.get(code, y)
        return r if r is not None and r.level == level else None

    def valid(self, level, code, T) -> bool:
        return self.admin_row(level, code, T) is not None

    # ---- restatement (crosswalk)
    def carry(self, level, o, y, T, depth=0) -> list[tuple[str, Fraction]]:
        """Where the year-y figures of unit o go when evaluating at T."""
        rows = self.crosswalk.get(o)
        if rows and depth < 10 and (not self.valid(level, o, T) or
                                    self.admin_row(level, o, y) is not
                                    self.admin_row(level, o, T)):
            out = []
            for n, s in rows:
                if self.valid(level, n, T):
                    out.append((n, s))
                else:
                    out.extend((m, s * t) for m, t in self.carry(level, n, y, T, depth + 1))
            return out
        if self.valid(level, o, T):
            return [(o, Fraction(1))]
        return []

    def inverse(self, level, y, T) -> dict[str, list[tuple[str, Fraction]]]:
        key = (level, y, T)
        if key not in self._inv:
            inv = defaultdict(list)
            for o in sorted(self.by_level_year.get((level, y), [])):
                for n, s in self.carry(level, o, y, T):
                    inv[n].append((o, s))
            self._inv[key] = dict(inv)
        return self._inv[key]

    def fig(self, level, u, y, T) -> Fig | None:
        """Figures of unit u (valid at T) in year y, restated through the crosswalk."""
        contrib = self.inverse(level, y, T).get(u)
        if not contrib:
            return None
        parts = [(s, self.own[(level, o, y)]) for o, s in contrib]
        restated = any(o != u or s != 1 for o, s in contrib)
        sources = [f"{o} x {s}" for o, s in contrib] if restated else []
        return sum_figs(y, self.standard_of(y), parts, restated, sources)

    def units(self, level, T) -> list[str]:
        """Units valid at T with (own or restated) data in some review year <= T."""
        out = set()
        for y in self.data_years:
            if y <= T:
                out.update(self.inverse(level, y, T))
        return sorted(out)

    # ---- a provincial plan's territory (its province as of the baseline)
    def territory_communes(self, terr: str, B: int) -> set[str]:
        base = set()
        for code, rows in self.admin.rows.items():
            for r in rows:
                if r.level != "commune":
                    continue
                if r.vfrom is not None and r.vfrom > B:
                    continue
                y = B if r.vto is None else min(B, r.vto)
                if self.admin.province_of(code, y) == terr:
                    base.add(code)
        # the new communes whose predecessors lie in the territory (transitively)
        out = set(base)
        changed = True
        while changed:
            changed = False
            for o, lst in self.crosswalk.items():
                if "/" in o or o not in out:
                    continue
                for n, _ in lst:
                    if n not in out:
                        out.add(n)
                        changed = True
        return out

    def territory_fig(self, communes: set[str], y) -> Fig | None:
        parts = [(Fraction(1), self.own[("commune", c, y)])
                 for c in sorted(self.by_level_year.get(("commune", y), [])) if c in communes]
        if not parts:
            return None
        return sum_figs(y, self.standard_of(y), parts, False, [])


# --------------------------------------------------------------------------- plans

A666 = "giảm tỷ lệ nghèo đa chiều"


@dataclass
class Crit:
    id: str
    level: str
    applies: object          # (AdminRow | None) -> bool
    rule: object             # (ctx) -> Res
    text: str = ""
    deadline: int | None = None
    district_based: bool = False   # judged on district figures (deadline moved, plans.md)


def any_kind(row):
    return True


def poor_district(row):
    return row is not None and row.poor_district == 1


def not_poor_district(row):
    return row is not None and row.poor_district == 0


def coastal(row):
    return row is not None and row.coastal == 1


def ethnic_123(row):
    return row is not None and row.ethnic_region in ("I", "II", "III")


def ethnic_3(row):
    return row is not None and row.ethnic_region == "III"


@dataclass
class Ctx:
    plan: str
    store: Store
    get: object
    T: int
    B: int
    level: str
    unit: str
    communes: set | None     # territory communes (provincial plans) or None
    territory: str | None
    deadline_note: str | None = None


def r_666_consec_or_half(x):
    def f(c: Ctx):
        return any_of({"decrease_3_years": rule_consecutive(c.get, "PN", x, 3, c.T),
                       "pn_fell_half": rule_fell_half(c.get, c.B, c.T)})
    return f


def r_consec(x):
    return lambda c: rule_consecutive(c.get, "PN", x, 3, c.T)


def r_half(c: Ctx):
    return rule_fell_half(c.get, c.B, c.T)


def r_ntm(threshold):
    """Vĩnh Phúc's new-rural poverty criterion (plans.md pinned detail 6): criterion 11 "Nghèo
    đa chiều" of Decision 318/QĐ-TTg counts poor AND near-poor households, so every rural commune
    needs rate_PN <= threshold (Red River Delta 2, provisional)."""
    def f(c: Ctx):
        s = c.store
        T = c.T
        if T not in s.data_years:
            return insufficient({"missing_years": [T]})
        results = {}
        for com in s.units("commune", T):
            if c.communes is not None:
                if com not in c.communes:
                    continue
            elif s.admin.province_of(com, T) != c.unit:
                continue
            fg = s.fig("commune", com, T, T)
            if fg is None:
                results[com] = insufficient({"missing_years": [T]})
                continue
            n, nr = s.rural.get((com, T), (0, 0))
            if n == 0 or nr != n:
                continue           # not a rural commune (xã) that year
            results[com] = rule_level(lambda y, fg=fg: fg if y == T else None, "PN", "<=",
                                      threshold, T)
        return over_units(results, {"rule": f"every rural commune has rate_PN <= {threshold} "
                                            f"(criterion 11 of Decision 318/QĐ-TTg; provisional "
                                            f"regional threshold)"})
    return f


def r_district_exit():
    """Poor-district exit (plans.md pinned detail 6): a government decision (Decision
    36/2021/QĐ-TTg; the Prime Minister recognises the exit), so only the admin file decides: a
    poor district has exited at T when its admin row valid at T has poor_district = 0. Its rate_PN
    is evidence (context) only. Met iff at least one exited, else not_met; no poor district ->
    not_applicable. Never borderline (no rate decides)."""
    def f(c: Ctx):
        s = c.store
        T = c.T
        prov = c.territory if c.territory is not None else c.unit
        poor = sorted(code for code, rows in s.admin.rows.items()
                      if any(r.level == "district" for r in rows)
                      and any(r.poor_district == 1 for r in rows)
                      and any(r.parent == prov for r in rows if r.level == "district"))
        ev = {"rule": "at least 1 poor district exited by T (admin file: poor_district = 0 in "
                      "its row valid at T; Decision 36/2021/QĐ-TTg)",
              "evaluated_at": T, "poor_districts": poor}
        if c.deadline_note:
            ev["note"] = c.deadline_note
        if not poor:
            ev["note"] = "the province has no poor district"
            return na(ev)
        if T not in s.data_years:
            return insufficient({**ev, "missing_years": [T]})
        per = {}
        exited = False
        for d in poor:
            row = s.admin_row("district", d, T)
            e = row is not None and row.poor_district == 0
            exited |= e
            info = {"exited": e, "how": "admin file at T" if row is not None else
                    "no admin row valid at T"}
            fg = s.fig("district", d, T, T) if s.valid("district", d, T) else None
            if fg is not None:
                info["rate_PN_context"] = fmt(fg.rate("PN"))
            per[d] = info
        ev["districts"] = per
        v = MET if exited else NOT_MET
        return Res(v, v, ev)
    return f


def r_target(c: Ctx):
    t = c.store.targets.get((c.plan, c.T, c.level, c.unit))
    return rule_target(c.get, t, c.T)


def r_cov(groups, inds):
    return lambda c: rule_coverage(c.get, groups, inds, c.T)


def r_count_fell(key):
    return lambda c: rule_count_fell(c.get, key, c.T)


def national_criteria():
    return [
        Crit("province", "province", any_kind, r_666_consec_or_half(2),
             "Giảm tỷ lệ nghèo đa chiều từ 2%/năm trở lên trong 3 năm liên tục, hoặc quy mô hộ "
             "nghèo và hộ cận nghèo đa chiều giảm trên 50% so với đầu kỳ"),
        Crit("district-poor", "district", poor_district, r_consec(6),
             "Huyện nghèo: giảm tỷ lệ nghèo đa chiều từ 6%/năm trở lên trong 3 năm liên tục"),
        Crit("district-other", "district", not_poor_district, r_666_consec_or_half(4),
             "Huyện khác: giảm từ 4%/năm trở lên trong 3 năm liên tục, hoặc giảm trên 50%"),
        Crit("commune-coastal", "commune", coastal, r_666_consec_or_half(Fraction(3, 2)),
             "Xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo: giảm từ 1,5%/năm trở lên "
             "trong 3 năm liên tục, hoặc giảm trên 50%"),
        Crit("commune-ethnic-region", "commune", ethnic_123, r_half,
             "Xã khu vực I, II, III: quy mô hộ nghèo và hộ cận nghèo giảm trên 50%"),
        Crit("village", "village", any_kind, r_half,
             "Thôn, bản: quy mô hộ nghèo và hộ cận nghèo giảm trên 50%"),
    ]


def lang_son_criteria():
    n = {c.id: c for c in national_criteria()}
    return [
        Crit("province-poor-rate", "province", any_kind,
             lambda c: rule_each_year(c.get, "P", 2, c.T, also=3),
             "Tỷ lệ hộ nghèo đa chiều giảm bình quân 2-3%/năm"),
        Crit("province-ethnic-minority", "province", any_kind,
             lambda c: rule_each_year(c.get, "EM", 3, c.T, strict=True),
             "Tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 3%/năm"),
        Crit("province-district-exit", "province", any_kind, r_district_exit(),
             "Phấn đấu có ít nhất 01 huyện thoát khỏi tình trạng huyện nghèo", deadline=2025,
             district_based=True),
        n["district-poor"], n["district-other"],
        Crit("commune-special-difficulty", "commune", ethnic_3,
             lambda c: any_of({"decrease_3_years": rule_consecutive(c.get, "PN", 6, 3, c.T),
                               "pn_fell_half": rule_fell_half(c.get, c.B, c.T)}),
             "Xã đặc biệt khó khăn: giảm từ 6%/năm trở lên trong 3 năm liên tục, hoặc giảm "
             "trên 50%"),
        n["commune-ethnic-region"], n["village"],
    ]


def vinh_phuc_criteria():
    return [
        Crit("province-poor-rate-2025", "province", any_kind,
             lambda c: rule_level(c.get, "P", "<", Fraction(1, 2), c.T),
             "Đến năm 2025, tỷ lệ hộ nghèo dưới 0,5%", deadline=2025),
        Crit("province-ethnic-minority-share-2025", "province", any_kind,
             lambda c: rule_em_share(c.get, Fraction(5, 2), c.T),
             "Hộ nghèo dân tộc thiểu số dưới 2,5% tổng số hộ nghèo", deadline=2025),
        Crit("communes-ntm-poverty-2022", "province", any_kind, r_ntm(2),
             "Đến hết năm 2022, 100% xã đạt tiêu chí nghèo đa chiều trong xây dựng nông thôn mới",
             deadline=2022),
        Crit("district", "district", any_kind, r_half,
             "Cấp huyện: quy mô hộ nghèo và hộ cận nghèo giảm trên 50% so với đầu kỳ"),
        Crit("commune-target", "commune", any_kind, r_target,
             "Cấp xã: giảm tỷ lệ hộ nghèo vượt chỉ tiêu kế hoạch"),
        Crit("village-target", "village", any_kind, r_target,
             "Thôn: giảm tỷ lệ hộ nghèo vượt chỉ tiêu kế hoạch"),
    ]


def bac_ninh_criteria():
    out = []
    for level in ("province", "district", "commune"):
        out += [
            Crit("poor-rate-average-decrease", level, any_kind,
                 lambda c: rule_average_decrease(c.get, "P", Fraction(1, 10), c.B, c.T),
                 "Tỷ lệ hộ nghèo giảm bình quân 0,1%/năm"),
            Crit("coverage-health-insurance", level, any_kind,
                 r_cov(("poor", "near_poor"), ("health_insurance",)),
                 "100% hộ nghèo, hộ cận nghèo được hỗ trợ bảo hiểm y tế"),
            Crit("coverage-schooling", level, any_kind,
                 r_cov(("poor", "near_poor"), ("child_schooling",)),
                 "100% trẻ em thuộc hộ nghèo, hộ cận nghèo được đi học"),
            Crit("coverage-housing", level, any_kind, r_cov(("poor",), ("housing_quality",)),
                 "Hỗ trợ nhà ở cho hộ nghèo"),
            Crit("coverage-water-sanitation", level, any_kind,
                 r_cov(("poor",), ("water", "latrine")),
                 "100% hộ nghèo có nước sinh hoạt và nhà tiêu hợp vệ sinh"),
            Crit("coverage-information", level, any_kind,
                 r_cov(("poor", "near_poor"), ("information_access",)),
                 "100% hộ nghèo, hộ cận nghèo được tiếp cận thông tin"),
        ]
    return out


def da_nang_criteria():
    out = national_criteria()
    for level in LEVELS:
        out += [
            Crit("decrease-poor", level, any_kind, r_count_fell("P"), "Giảm hộ nghèo"),
            Crit("decrease-near-poor", level, any_kind, r_count_fell("N"), "Giảm hộ cận nghèo"),
            Crit("decrease-poor-special-difficulty", level, any_kind, r_count_fell("PSD"),
                 "Giảm hộ nghèo có hoàn cảnh đặc biệt khó khăn"),
        ]
    return out


def r_region_pn(x):
    """ntp-2026-2030 `province-ethnic-region-pn-2030`: the combined rate_PN = 100 * sum(PN) /
    sum(H) of the province's communes with ethnic_region I, II or III (admin row valid at T) is
    < x at T. The communes are those valid at T with data in some year <= T (rule 2); none ->
    not_applicable; one of them without figures at T -> insufficient_data (a combined rate
    without it is not the region's rate)."""
    def f(c: Ctx):
        s = c.store
        T = c.T
        ev = {"rule": f"100*sum(PN)/sum(H) over communes with ethnic_region I-III at {T} < {x} "
                      f"(provisional)"}
        region = []
        for com in s.units("commune", T):
            if c.communes is not None:
                if com not in c.communes:
                    continue
            elif s.admin.province_of(com, T) != c.unit:
                continue
            if ethnic_123(s.admin_row("commune", com, T)):
                region.append(com)
        ev["communes"] = region
        if not region:
            ev["note"] = "the province has no commune of ethnic region I, II or III"
            return na(ev)
        figs = {com: s.fig("commune", com, T, T) for com in region}
        lacking = [com for com, fg in figs.items() if fg is None]
        if lacking:
            return insufficient({**ev, "missing_years": [T], "communes_without_data": lacking})
        H = sum((fg["H"] for fg in figs.values()), Fraction(0))
        PN = sum((fg["P"] + fg["N"] for fg in figs.values()), Fraction(0))
        rate = Fraction(100) * PN / H
        ev.update({"H": fmt(H), "PN": fmt(PN), "rate_PN": fmt(rate), "rate_PN_rounded":
                   fmt(r2(rate))})
        return decided(rate < x, r2(rate) < x, ev)
    return f


def ntp_criteria():
    """Plan ntp-2026-2030 (provisional): two measurable goals of the merged National Target
    Programme 2026-2035 (Dec 2025), on vn-2027 figures only, baseline the end-2026 review."""
    dec = "Tỷ lệ nghèo đa chiều giảm từ 1%/năm trở lên (diễn đạt lại, tạm thời)"
    return [
        Crit("province-pn-decrease", "province", any_kind,
             lambda c: rule_each_year(c.get, "PN", 1, c.T, also=Fraction(3, 2)), dec),
        Crit("commune-pn-decrease", "commune", any_kind,
             lambda c: rule_each_year(c.get, "PN", 1, c.T, also=Fraction(3, 2)), dec),
        Crit("province-ethnic-region-pn-2030", "province", any_kind, r_region_pn(10),
             "Tỷ lệ nghèo đa chiều của các xã khu vực I, II, III dưới 10% vào năm 2030 "
             "(diễn đạt lại, tạm thời)", deadline=2030),
    ]


PLANS = {
    "national-666": {"baseline": 2021, "first": 2022, "end": 2025, "territory": None,
                     "criteria": national_criteria},
    "lang-son": {"baseline": 2021, "first": 2022, "end": 2025, "territory": "20",
                 "criteria": lang_son_criteria},
    "vinh-phuc": {"baseline": 2021, "first": 2022, "end": 2025, "territory": "26",
                  "criteria": vinh_phuc_criteria},
    "bac-ninh": {"baseline": 2022, "first": 2023, "end": 2025, "territory": "27",
                 "criteria": bac_ninh_criteria},
    "da-nang": {"baseline": 2021, "first": 2022, "end": 2025, "territory": "48",
                "criteria": da_nang_criteria},
    # provisional; only vn-2027 figures (baseline 2026 under vn-2027), never compared with
    # vn-2022 figures: the 2026 vn-2022 rows are invisible to it.
    "ntp-2026-2030": {"baseline": 2026, "first": 2027, "end": 2030, "territory": None,
                      "criteria": ntp_criteria, "standard": "vn-2027"},
}


def evaluate_plan(plan_id: str, store: Store, territory: str | None = None) -> list[dict]:
    p = PLANS[plan_id]
    B = p["baseline"]
    terr = territory if territory is not None else p["territory"]
    communes = store.territory_communes(terr, B) if terr is not None else None
    last = store.last_year
    if last is None:
        return []
    years = list(range(p["first"], min(p["end"], last) + 1))
    rows = []
    for crit in p["criteria"]():
        if crit.deadline is not None:
            if crit.deadline > last or crit.deadline not in years:
                continue                                  # rule 2: no row
            T0 = crit.deadline
            note = None
            if crit.district_based and not store.has_districts(T0):
                cand = [y for y in range(B, T0) if store.has_districts(y)]
                if not cand:
                    continue
                note = (f"deadline {T0} has no districts: evaluated at {cand[-1]}, the last "
                        f"review year that has them")
                T0 = cand[-1]
            eval_years = [(T0, note)]
        else:
            eval_years = [(T, None) for T in years]
            if crit.level == "district":
                eval_years = [(T, n) for T, n in eval_years if store.has_districts(T)]
        for T, note in eval_years:
            for unit, get, row, name in unit_series(store, crit.level, T, communes, terr):
                if not crit.applies(row):
                    continue
                ctx = Ctx(plan_id, store, get, T, B, crit.level, unit, communes, terr, note)
                res = crit.rule(ctx)
                ev = dict(res.ev)
                if note and "note" not in ev:
                    ev["deadline_note"] = note
                if crit.deadline is not None:
                    ev.setdefault("deadline", crit.deadline)
                rows.append({"plan": plan_id, "criterion_id": crit.id,
                             "criterion_text_vi": crit.text, "level": crit.level,
                             "unit_code": unit, "unit_name": name, "evaluation_year": T,
                             "standard": store.standard_of(T), "verdict": res.verdict,
                             "evidence": json.dumps(ev, ensure_ascii=False, sort_keys=True,
                                                    default=str),
                             "borderline": res.borderline})
    return rows


def unit_series(store: Store, level: str, T: int, communes, terr):
    """Yields (unit_code, series, admin row valid at T, name) for the units of a level at T."""
    if level == "province" and communes is not None:
        # a provincial plan's territory: its baseline province, later years mapped back
        has = any(store.territory_fig(communes, y) is not None
                  for y in store.data_years if y <= T)
        if not has:
            return
        cache = {}

        def get(y):
            if y not in cache:
                cache[y] = store.territory_fig(communes, y)
            return cache[y]
        name = None
        for r in store.admin.rows.get(terr, []):
            name = r.name
        yield terr, get, store.admin.get(terr, T), name
        return
    for u in store.units(level, T):
        row = store.admin_row(level, u, T)
        if communes is not None:
            if level == "district":
                if row is None or row.parent != terr:
                    continue
            elif level == "commune":
                if u not in communes:
                    continue
            elif level == "village":
                if u.split("/", 1)[0] not in communes:
                    continue
            else:
                continue
        cache = {}

        def get(y, u=u, cache=cache):
            if y not in cache:
                cache[y] = store.fig(level, u, y, T) if y in store.data_years else None
            return cache[y]
        if level == "village":
            name = u.split("/", 1)[1]
        else:
            name = row.name if row is not None else store.names.get((level, u))
        yield u, get, row, name


# --------------------------------------------------------------------------- output

CR_COLS = ["plan TEXT", "criterion_id TEXT", "criterion_text_vi TEXT", "level TEXT",
           "unit_code TEXT", "unit_name TEXT", "evaluation_year INTEGER", "standard TEXT",
           "verdict TEXT", "evidence TEXT", "borderline INTEGER"]


def write_results(con, rows):
    con.execute("DROP TABLE IF EXISTS criteria_results")
    con.execute(f"CREATE TABLE criteria_results ({', '.join(CR_COLS)})")
    names = [c.split()[0] for c in CR_COLS]
    con.executemany(f"INSERT INTO criteria_results ({', '.join(names)}) VALUES "
                    f"({', '.join('?' for _ in names)})",
                    [tuple(r[n] for n in names) for r in rows])
    con.commit()


def parse_territories(items):
    out = {}
    for it in items or []:
        if "=" in it:
            plan, code = it.split("=", 1)
            if plan not in PLANS or PLANS[plan]["territory"] is None:
                raise RunError(f"--territory {it}: {plan!r} is not a provincial plan")
            out[plan] = code.strip()
        else:
            for plan, p in PLANS.items():
                if p["territory"] is not None:
                    out.setdefault(plan, it.strip())
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="reference database written by povref.py")
    ap.add_argument("--admin", required=True)
    ap.add_argument("--crosswalk")
    ap.add_argument("--targets")
    ap.add_argument("--territory", action="append",
                    help="PLAN=CODE: evaluate a provincial plan on another province "
                         "(bare CODE: every provincial plan)")
    ap.add_argument("--plan", action="append", choices=sorted(PLANS),
                    help="plans to evaluate (default: all six)")
    a = ap.parse_args(argv)
    try:
        terrs = parse_territories(a.territory)
        admin = PlanAdmin(a.admin)
        con = sqlite3.connect(a.db)
        stores = {}
        rows = []
        for plan in a.plan or list(PLANS):
            std = PLANS[plan].get("standard")
            if std not in stores:
                stores[std] = Store(con, admin, a.crosswalk, a.targets,
                                    (lambda y, s=std: s) if std else None)
            rows += evaluate_plan(plan, stores[std], terrs.get(plan))
        write_results(con, rows)
        con.close()
    except RunError as e:
        print(f"refplans: failed: {e}", file=sys.stderr)
        return 1
    counts = defaultdict(lambda: defaultdict(int))
    for r in rows:
        counts[r["plan"]][r["verdict"]] += 1
    for plan in sorted(counts):
        print(f"{plan}: " + ", ".join(f"{v} {n}" for v, n in sorted(counts[plan].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
