#!/usr/bin/env python3
"""Query household-level data across many province databases at once with DuckDB.

Each province database written by `povreview run` is a SQLite file. DuckDB's SQLite scanner
attaches them all in one session, so national ad-hoc questions need no engine of our own:

    python3 scripts/duckdb_provinces.py out/province-*.sqlite \\
        --sql "SELECT review_year, status, count(*) FROM households GROUP BY ALL ORDER BY ALL"

In a session of your own (Python):

    import duckdb, sys; sys.path.insert(0, "scripts")
    from duckdb_provinces import connect
    con = connect(["out/p20.sqlite", "out/p22.sqlite"])   # attaches p0, p1 and the views below
    con.sql("SELECT province_code, count(*) FROM households GROUP BY ALL").show()

Views over every attached database: `households` (household_status), `unit_rates`,
`household_transitions`, each with a `source_database` column. Each database is also attached on
its own (`p0`, `p1`, … in the order given) for any other table.

The scanner is loaded from the local wheel `duckdb-ext-sqlite` (pinned with duckdb in
scripts/requirements-duckdb.txt): DuckDB would otherwise download it, and this machine (like many
ministry servers) has no internet.
"""
import argparse
import glob
import os
import platform
import sys

import duckdb

VIEWS = {"households": "household_status", "unit_rates": "unit_rates",
         "household_transitions": "household_transitions"}


def sqlite_scanner_path():
    """Path of sqlite_scanner.duckdb_extension for the installed DuckDB, from the duckdb-ext-sqlite wheel."""
    try:
        import duckdb_ext  # namespace package installed by duckdb-ext-sqlite
        roots = list(duckdb_ext.__path__)
    except ImportError:
        roots = []
    machine = {"x86_64": "amd64", "AMD64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine(), platform.machine())
    version = "v" + duckdb.__version__
    for root in roots:
        candidate = os.path.join(root, "extensions", version, f"linux_{machine}", "sqlite_scanner.duckdb_extension")
        if os.path.exists(candidate):
            return candidate
        found = glob.glob(os.path.join(root, "extensions", version, "*", "sqlite_scanner.duckdb_extension"))
        if found:
            return found[0]
    raise SystemExit(
        f"no SQLite scanner for DuckDB {duckdb.__version__}: install the matching wheel, "
        "e.g. pip install -r scripts/requirements-duckdb.txt (duckdb==1.4.4, duckdb-ext-sqlite==1.4.4.20260205)")


def connect(databases):
    """A DuckDB connection with every database attached read-only (p0, p1, …) and the union views."""
    con = duckdb.connect()
    con.execute(f"LOAD '{sqlite_scanner_path()}'")
    for index, path in enumerate(databases):
        if not os.path.exists(path):
            raise SystemExit(f"{path}: no such database")
        quoted = path.replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS p{index} (TYPE sqlite, READ_ONLY)")
    for view, table in VIEWS.items():
        parts = [f"SELECT *, '{path.replace(chr(39), chr(39) * 2)}' AS source_database FROM p{index}.{table}"
                 for index, path in enumerate(databases)]
        con.execute(f"CREATE TEMP VIEW {view} AS " + " UNION ALL BY NAME ".join(parts))
    return con


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("databases", nargs="+", help="province databases written by povreview run")
    parser.add_argument("--sql", required=True, help="query over households, unit_rates, household_transitions or p0.…")
    args = parser.parse_args()
    con = connect(args.databases)
    result = con.execute(args.sql)
    names = [d[0] for d in result.description]
    print("\t".join(names))
    for row in result.fetchall():
        print("\t".join("" if v is None else str(v) for v in row))


if __name__ == "__main__":
    sys.exit(main())
