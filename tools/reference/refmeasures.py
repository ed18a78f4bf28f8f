#!/usr/bin/env python3
"""Reference computation of the analyst tables of outputs.md §3 (issue 12).

  python3 tools/reference/refmeasures.py --db IN.sqlite --out REF.sqlite [--k 2 --k 3 --k 4]

Reads only `household_status` and `unit_rates` of IN (a povreview or a povref database), so the
§3 tables are checked independently of classification, and writes `unit_af_measures`,
`unit_af_indicators`, `unit_changes`, `integrity_findings` (warnings only) and `sensitivity` into
REF (created afresh).  Written from shared/spec only (outputs.md §3, standards.md); the readings
taken where the spec leaves room are listed in README.md, section "Analyst tables (issue 12)".
Every count is an integer and every ratio an exact Fraction until it is written as a REAL.
"""
from __future__ import annotations

import argparse
import math
import sqlite3
import sys
from collections import defaultdict
from fractions import Fraction

# standards.md: income lines, the average band's upper bound, score lines, deprivation cut-off.
STANDARDS = {
    "vn-2022": dict(cutoff=3, income={"rural": 1_500_000, "urban": 2_000_000},
                    upper={"rural": 2_250_000, "urban": 3_000_000}, score={"rural": 140, "urban": 175}),
    "vn-2027": dict(cutoff=3, income={"rural": 2_200_000, "urban": 2_800_000}, upper=None, score=None),
}
DEFAULT_KS = (2, 3, 4)
LEVELS = ("village", "commune", "district", "province")

# Scenario names (README decision M12) and (line factor, cut-off shift).
SCENARIOS = (("line-10%", Fraction(90, 100), 0), ("line-5%", Fraction(95, 100), 0),
             ("line+5%", Fraction(105, 100), 0), ("line+10%", Fraction(110, 100), 0),
             ("k-1", Fraction(1), -1), ("k+1", Fraction(1), 1))

RATE_MEASURES = ("poor_rate", "near_poor_rate", "poor_near_poor_rate", "ethnic_minority_poor_rate")
AF_MEASURES = ("headcount_ratio", "intensity", "adjusted_headcount")


# ---------------------------------------------------------------- pure computations

def af_measures(ds, n, k):
    """AF measures of one scope: ds = deprivation counts D of its households, n indicators.
    Returns (N, q, sum D of the poor, H, A or None, M0) with exact Fractions."""
    N = len(ds)
    poor = [d for d in ds if d >= k]
    q, s = len(poor), sum(poor)
    return N, q, s, Fraction(q, N), (Fraction(s, q * n) if q else None), Fraction(s, N * n)


def af_indicators(flags, ds, n, k):
    """Per indicator j: (uncensored, censored, contribution % or None); flags[i][j] in {0, 1}."""
    N = len(ds)
    m0 = Fraction(sum(d for d in ds if d >= k), N * n)
    out = []
    for j in range(n):
        unc = Fraction(sum(f[j] for f in flags), N)
        cen = Fraction(sum(f[j] for f, d in zip(flags, ds) if d >= k), N)
        out.append((unc, cen, (100 * cen / n / m0) if m0 else None))
    return out


def change_row(frm, to, years):
    """unit_changes columns from exact values: (absolute, relative %, annualised absolute,
    annualised relative %) with the spec's NULL rules."""
    absolute = to - frm
    relative = 100 * absolute / frm if frm != 0 else None
    ann_abs = absolute / years
    if frm != 0 and to != 0:
        ratio = to / frm
        ann_rel = 100 * math.expm1((math.log(ratio.numerator) - math.log(ratio.denominator)) / years)
    else:
        ann_rel = None
    return absolute, relative, ann_abs, ann_rel


def classify(h, std, factor=Fraction(1), k=None):
    """Status of household h under standard std with the poverty line times factor and cut-off k
    (standards.md; only the line moves, the average band's upper bound stays)."""
    spec = STANDARDS[std]
    k = spec["cutoff"] if k is None else k
    if h.basis == "score":
        if Fraction(h.score) <= spec["score"][h.area] * factor:
            return "poor" if h.d >= k else "near_poor"
        return "above"
    inc = Fraction(h.income)
    if inc <= spec["income"][h.area] * factor:
        return "poor" if h.d >= k else "near_poor"
    upper = spec["upper"]
    if upper is not None and inc <= upper[h.area]:
        return "average"
    return "above"


def rate(count, households):
    return Fraction(100 * count, households) if households else None


# ---------------------------------------------------------------- loading

class Household:
    __slots__ = ("hid", "area", "basis", "income", "score", "d", "dcount", "flags", "status", "units",
                 "province", "ethnic", "members", "no_labour", "social")


def load(con, cutoffs):
    """Returns (rates, households, indicators):
    rates[(y, s, level, code)] = unit_rates row dict; households[(y, s)][hid] = Household;
    indicators[s] = the standard's indicator ids (the deprived_* columns non-NULL in its rows)."""
    con.row_factory = sqlite3.Row
    rates = {}
    for r in con.execute("SELECT * FROM unit_rates"):
        rates[(r["review_year"], r["standard"], r["level"], r["unit_code"])] = dict(r)
    cols = [r[1] for r in con.execute("PRAGMA table_info(household_status)")]
    ind_cols = [c for c in cols if c.startswith("deprived_")]
    indicators = {}
    for (s,) in con.execute("SELECT DISTINCT standard FROM household_status"):
        present = []
        for c in ind_cols:
            nn, nulls = con.execute(
                f'SELECT SUM("{c}" IS NOT NULL), SUM("{c}" IS NULL) FROM household_status WHERE standard=?',
                (s,)).fetchone()
            if nn and nulls:
                raise SystemExit(f"refmeasures: {c} is NULL in some rows of {s} and not in others")
            if nn:
                present.append(c)
        indicators[s] = present
    households = defaultdict(dict)
    missing_units = 0
    for r in con.execute("SELECT * FROM household_status"):
        y, s = r["review_year"], r["standard"]
        h = Household()
        h.hid, h.area, h.basis, h.status = r["household_id"], r["area"], r["income_basis"], r["status"]
        h.income, h.score = r["income_per_capita"], r["income_score"]
        h.flags = tuple(int(r[c]) for c in indicators[s])
        h.d = sum(h.flags)
        h.dcount = r["deprivation_count"]
        h.province = r["province_code"]
        h.ethnic, h.members, h.no_labour, h.social = (
            r[c] if c in cols else None
            for c in ("ethnic_minority", "members", "without_labour_capacity", "with_social_protection"))
        units = []
        for level, code in (("village", f'{r["commune_code"]}/{r["village"]}'), ("commune", r["commune_code"]),
                            ("district", r["district_code"]), ("province", r["province_code"])):
            if code is not None and (y, s, level, code) in rates:
                units.append((level, code))
            elif level != "district":
                missing_units += 1
        h.units = tuple(units)
        households[(y, s)][h.hid] = h
    if missing_units:
        print(f"refmeasures: {missing_units} household memberships have no unit_rates row", file=sys.stderr)
    return rates, households, {s: [c[len("deprived_"):] for c in v] for s, v in indicators.items()}


def group(hs):
    """{(level, code): [households]} of one (year, standard)."""
    g = defaultdict(list)
    for h in hs.values():
        for u in h.units:
            g[u].append(h)
    return g


# ---------------------------------------------------------------- the tables

def build_af(households, indicators, cutoffs, ks):
    meas, inds = [], []
    for (y, s), hs in sorted(households.items()):
        n = len(indicators[s])
        klist = sorted(set(ks) | {cutoffs[s]})
        for (level, code), members in sorted(group(hs).items()):
            for scope in ("all", "low_income"):
                sel = members if scope == "all" else [h for h in members if h.status in ("poor", "near_poor")]
                if not sel:
                    continue
                ds = [h.d for h in sel]
                flags = [h.flags for h in sel]
                for k in klist:
                    N, q, sd, H, A, M0 = af_measures(ds, n, k)
                    meas.append((y, s, level, code, scope, k, N, q, sd, H, A, M0))
                    for ind, (unc, cen, con) in zip(indicators[s], af_indicators(flags, ds, n, k)):
                        inds.append((y, s, level, code, scope, k, ind, unc, cen, con))
    return meas, inds


def build_changes(rates, af, cutoffs):
    values = defaultdict(dict)   # (s, level, code, measure) -> {year: Fraction or None}
    years = defaultdict(set)
    for (y, s, level, code), r in rates.items():
        years[s].add(y)
        hh = r["households"]
        pn = r["poor"] + r["near_poor"]
        for m, v in (("poor_rate", rate(r["poor"], hh)), ("near_poor_rate", rate(r["near_poor"], hh)),
                     ("poor_near_poor_rate", rate(pn, hh)),
                     ("ethnic_minority_poor_rate", rate(r["ethnic_minority_poor"], r["ethnic_minority_households"]))):
            values[(s, level, code, m)][y] = v
    for (y, s, level, code, scope, k, N, q, sd, H, A, M0) in af:
        if scope == "all" and k == cutoffs[s]:
            for m, v in zip(AF_MEASURES, (H, A, M0)):
                values[(s, level, code, m)][y] = v
    out = []
    for (s, level, code, m), series in sorted(values.items()):
        ys = sorted(years[s])
        pairs = [(y, y + 1, "consecutive") for y in ys if y + 1 in years[s]]
        if ys[-1] > ys[0]:
            pairs.append((ys[0], ys[-1], "whole_period"))
        for f, t, kind in pairs:
            a, b = series.get(f), series.get(t)
            if a is None or b is None:
                continue
            out.append((s, level, code, m, f, t, kind, a, b) + change_row(a, b, t - f))
    return out


def build_sensitivity(rates, households, cutoffs):
    out = []
    for (y, s), hs in sorted(households.items()):
        if s not in STANDARDS:
            continue
        units = {u[2:]: r for u, r in rates.items() if u[:2] == (y, s)}
        for name, factor, dk in SCENARIOS:
            agg = defaultdict(lambda: [0, 0, 0])
            for h in hs.values():
                st = classify(h, s, factor, cutoffs[s] + dk)
                for u in h.units:
                    a = agg[u]
                    a[0] += st == "poor"
                    a[1] += st == "near_poor"
                    a[2] += st != h.status
            for u, r in sorted(units.items()):
                poor, near, changed = agg.get(u, (0, 0, 0))
                hh = r["households"]
                out.append((y, s, u[0], u[1], name, poor, near, rate(poor, hh), rate(poor + near, hh), changed))
    return out


def self_check(rates, households, cutoffs):
    """The data must agree with itself: D = deprivation_count, the baseline classification gives the
    recorded status, and the poor/near-poor counts per unit equal unit_rates. Returns problems."""
    problems = []
    for (y, s), hs in households.items():
        for h in hs.values():
            if h.d != h.dcount:
                problems.append(f"{y} {s} {h.hid}: D from indicators {h.d} != deprivation_count {h.dcount}")
            if s in STANDARDS and classify(h, s) != h.status:
                problems.append(f"{y} {s} {h.hid}: reclassified {classify(h, s)} != status {h.status}")
        for u, ms in group(hs).items():
            r = rates[(y, s) + u]
            for st in ("poor", "near_poor"):
                c = sum(1 for h in ms if h.status == st)
                if c != r[st]:
                    problems.append(f"{y} {s} {u}: {c} {st} households != unit_rates {r[st]}")
    return problems


def real(v):
    return None if v is None else float(v)


SCHEMA = {
    "unit_af_measures": "review_year, standard, level, unit_code, scope, k, households, multidimensionally_poor, "
                        "deprivations_of_poor, headcount_ratio, intensity, adjusted_headcount",
    "unit_af_indicators": "review_year, standard, level, unit_code, scope, k, indicator, uncensored_headcount, "
                          "censored_headcount, contribution_percent",
    "unit_changes": "standard, level, unit_code, measure, from_year, to_year, kind, from_value, to_value, "
                    "absolute_change, relative_change_percent, annualised_absolute, annualised_relative_percent",
    "integrity_findings": 'review_year, standard, level, unit_code, "check", severity, statistic, threshold, detail',
    "sensitivity": "review_year, standard, level, unit_code, scenario, poor, near_poor, poor_rate, "
                   "poor_near_poor_rate, households_changing_status",
}


def compute(con, ks=DEFAULT_KS, cutoffs=None):
    from refintegrity import build_integrity
    cut = defaultdict(lambda: 3)
    cut.update({s: v["cutoff"] for s, v in STANDARDS.items()})
    cut.update(cutoffs or {})
    rates, households, indicators = load(con, cut)
    meas, inds = build_af(households, indicators, cut, ks)
    tables = {
        "unit_af_measures": meas,
        "unit_af_indicators": inds,
        "unit_changes": build_changes(rates, meas, cut),
        "integrity_findings": build_integrity(rates, households),
        "sensitivity": build_sensitivity(rates, households, cut),
    }
    return tables, self_check(rates, households, cut)


def write(path, tables):
    import os
    if os.path.exists(path):
        os.remove(path)
    out = sqlite3.connect(path)
    for name, cols in SCHEMA.items():
        out.execute(f"CREATE TABLE {name} ({cols})")
        ncol = cols.count(",") + 1
        rows = [tuple(real(v) if isinstance(v, Fraction) else v for v in row) for row in tables[name]]
        out.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * ncol)})", rows)
    out.commit()
    out.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="database with household_status and unit_rates")
    ap.add_argument("--out", required=True, help="reference database to write (replaced)")
    ap.add_argument("--k", type=int, action="append", help="AF cut-off (repeatable; default 2, 3, 4)")
    ap.add_argument("--cutoff", action="append", default=[], metavar="STANDARD=K",
                    help="own cut-off of a standard not in standards.md (default 3)")
    a = ap.parse_args(argv)
    cutoffs = {}
    for item in a.cutoff:
        s, _, k = item.partition("=")
        cutoffs[s] = int(k)
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    tables, problems = compute(con, tuple(a.k) if a.k else DEFAULT_KS, cutoffs)
    for p in problems[:20]:
        print(f"refmeasures: self-check: {p}", file=sys.stderr)
    if problems:
        print(f"refmeasures: {len(problems)} self-check problems in {a.db}", file=sys.stderr)
    write(a.out, tables)
    for name in SCHEMA:
        print(f"{name}: {len(tables[name])} rows")
    warnings = [r for r in tables["integrity_findings"]]
    for r in warnings:
        print(f"  warning {r[4]} {r[0]} {r[2]} {r[3]} statistic={r[6]:.6g}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
