#!/usr/bin/env python3
"""Cross-check a database's Alkire–Foster tables with OPHI's MPI toolbox (`mpitb` on PyPI).

  python3 tools/reference/check_mpitb.py DB [--limit 20]

Installs nothing (the test installer runs `pip install -r scripts/requirements-test.txt`, which
holds mpitb, pandas and scipy); exits 2 with a message when mpitb cannot be imported.

Reads `household_status` and `unit_rates` of DB, recomputes with `mpitb` the headcount ratio H,
the intensity A, the adjusted headcount M0, the censored headcounts (`hdk`), the uncensored ones
(`hd`) and the percentage contributions (`pctb`) for every unit, review year, standard, scope
(`all`, `low_income` = poor + near-poor) and cut-off k found in DB's `unit_af_measures`, and
compares them with `unit_af_measures` / `unit_af_indicators` to 1e-12 (absolute, or relative
for contributions, which are percentages). Exit status 0 when everything agrees.

How mpitb is used (mpitb 0.2 API, `mpitb.core.MPIToolbox`):
  - one specification per standard, `mpi.set(name=STANDARD, dimensions=[([ind], ind) for ind in
    indicators])`: every indicator is its own dimension, so mpitb's `weights="equal"` (equal
    dimension weights, split equally within a dimension) gives every indicator w = 1/n, as
    outputs.md §3 requires. The indicators of a standard are the `deprived_*` columns that are not
    NULL in its rows.
  - mpitb has no per-unit call: `mpi.est(df, name, klist, over=[...])` computes the measures for
    every value of each `over` variable (pandas groupby), so the households of one review year,
    standard and scope are passed once with four group variables — the unit codes of the village
    (`<commune>/<village>`), commune, district and province of each household, a level's code
    being NaN when unit_rates has no row for it (districts in years without districts), so the
    household is left out of that level's groups.
  - mpitb's cut-off is a percentage of the weighted score: a household is poor when
    score >= k/100. The score of a household with D deprivations is the float sum of D weights 1/n,
    which may fall an ulp below D/n, so k (a count of indicators) is passed as 100·(k − ½)/n:
    score >= (k − ½)/n  ⇔  D >= k exactly, whatever the rounding.
  - mpitb returns A = 0 and pctb = 0 where the spec writes NULL (no poor household, M0 = 0);
    those pairs count as agreeing.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import defaultdict

LEVELS = ("village", "commune", "district", "province")
TOL = 1e-12


def close(a, b, relative=False):
    scale = max(1.0, abs(a), abs(b)) if relative else 1.0
    return abs(a - b) <= TOL * scale


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--limit", type=int, default=20)
    a = ap.parse_args(argv)
    try:
        import warnings
        warnings.simplefilter("ignore")
        import pandas as pd
        from mpitb.core import MPIToolbox
    except ImportError as e:
        print(f"check_mpitb: mpitb is not installed ({e}); pip install -r scripts/requirements-test.txt",
              file=sys.stderr)
        return 2

    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    units = {(r[0], r[1], r[2], r[3]) for r in
             con.execute("SELECT review_year, standard, level, unit_code FROM unit_rates")}
    ks = defaultdict(set)
    db_meas, db_ind = {}, {}
    for r in con.execute("SELECT * FROM unit_af_measures"):
        key = (r["review_year"], r["standard"], r["level"], r["unit_code"], r["scope"], int(r["k"]))
        ks[r["standard"]].add(int(r["k"]))
        db_meas[key] = (r["headcount_ratio"], r["intensity"], r["adjusted_headcount"])
    for r in con.execute("SELECT * FROM unit_af_indicators"):
        key = (r["review_year"], r["standard"], r["level"], r["unit_code"], r["scope"], int(r["k"]), r["indicator"])
        db_ind[key] = (r["uncensored_headcount"], r["censored_headcount"], r["contribution_percent"])
    if not db_meas:
        print("check_mpitb: the database has no unit_af_measures rows", file=sys.stderr)
        return 1

    cols = [r[1] for r in con.execute("PRAGMA table_info(household_status)")]
    ind_cols = [c for c in cols if c.startswith("deprived_")]
    frame = pd.read_sql_query("SELECT * FROM household_status", con)
    mine_meas, mine_ind = {}, {}
    for (year, std), hs in frame.groupby(["review_year", "standard"]):
        inds = [c for c in ind_cols if hs[c].notna().all()]
        n = len(inds)
        df = pd.DataFrame({c[len("deprived_"):]: hs[c].astype(int).to_numpy() for c in inds})
        names = list(df.columns)
        codes = {
            "village": hs["commune_code"] + "/" + hs["village"], "commune": hs["commune_code"],
            "district": hs["district_code"], "province": hs["province_code"]}
        for level in LEVELS:
            df[f"u_{level}"] = [c if (c is not None and (int(year), std, level, c) in units) else None
                                for c in codes[level].tolist()]
        df["status"] = hs["status"].to_numpy()
        mpi = MPIToolbox()
        mpi.set(name=std, dimensions=[([i], i) for i in names])
        klist = sorted(ks[std])
        kpct = {100 * (k - 0.5) / n: k for k in klist}
        for scope in ("all", "low_income"):
            sub = df if scope == "all" else df[df["status"].isin(["poor", "near_poor"])]
            sub = sub.reset_index(drop=True)
            if sub.empty:
                continue
            res = mpi.est(sub, std, list(kpct), measures=["M0", "H", "A"], indmeasures=["hdk", "actb", "pctb"],
                          aux=["hd"], over=[f"u_{lv}" for lv in LEVELS])
            for rec in res:
                if "subg" not in rec:
                    continue
                level, code = rec["loa"][2:], rec["subg"]
                k = kpct[rec["k"]]
                base = (int(year), std, level, code, scope, k)
                if rec.get("indicator") is None:
                    mine_meas.setdefault(base, {})[rec["measure"]] = rec["b"]
                else:
                    mine_ind.setdefault(base + (rec["indicator"],), {})[rec["measure"]] = rec["b"]

    bad = []
    for key, (H, A, M0) in sorted(db_meas.items(), key=str):
        got = mine_meas.get(key)
        if got is None:
            bad.append(f"{key}: in the database, not computed by mpitb")
            continue
        for name, mine, theirs in (("H", got["H"], H), ("A", got["A"], A), ("M0", got["M0"], M0)):
            if theirs is None and name == "A" and mine == 0:
                continue
            if theirs is None or not close(float(mine), float(theirs)):
                bad.append(f"{key} {name}: mpitb {mine!r}, database {theirs!r}")
    for key in sorted(set(mine_meas) - set(db_meas), key=str):
        bad.append(f"{key}: computed by mpitb, not in the database")
    for key, (unc, cen, con_pct) in sorted(db_ind.items(), key=str):
        got = mine_ind.get(key)
        if got is None:
            bad.append(f"{key}: indicator row in the database, not computed by mpitb")
            continue
        pairs = (("hd", got["hd"], unc, False), ("hdk", got["hdk"], cen, False),
                 ("pctb", 100 * got["pctb"], con_pct, True))
        for name, mine, theirs, rel in pairs:
            if theirs is None and name == "pctb" and mine == 0:
                continue
            if theirs is None or not close(float(mine), float(theirs), rel):
                bad.append(f"{key} {name}: mpitb {mine!r}, database {theirs!r}")
    for key in sorted(set(mine_ind) - set(db_ind), key=str):
        bad.append(f"{key}: indicator computed by mpitb, not in the database")
    for line in bad[:a.limit]:
        print(f"  {line}")
    print(f"check_mpitb: {len(db_meas)} unit_af_measures rows and {len(db_ind)} unit_af_indicators rows; "
          + ("all agree with mpitb to 1e-12" if not bad else f"{len(bad)} disagreements"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
