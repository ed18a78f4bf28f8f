#!/usr/bin/env python3
"""Prints a manifest of one run's outputs: a digest per table and view of the database (every
column but `run_id`, rows sorted; `runs` left out: it holds the clock), a digest of the schema,
and a SHA-256 per export file. Two runs whose manifests are equal published the same content and
byte-identical exports. Used by scripts/check_baseline.sh.

usage: output_manifest.py DATABASE EXPORTS_FOLDER
"""
import hashlib
import os
import sqlite3
import sys


def digest(items):
    h = hashlib.sha256()
    for item in items:
        h.update(repr(item).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def main(database, exports):
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    schema = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    print(f"schema {len(schema)} {digest(schema)}")
    for (name,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'runs' ORDER BY name"
    ).fetchall():
        columns = [c for (c,) in con.execute("SELECT name FROM pragma_table_info(?)", (name,)) if c != "run_id"]
        listed = ", ".join(f'"{c}"' for c in columns)
        rows = con.execute(f'SELECT {listed} FROM "{name}"').fetchall()
        rows.sort(key=lambda row: tuple((v is None, type(v).__name__, v if v is not None else 0) for v in row))
        print(f"table {name} {len(rows)} {digest([columns] + rows)}")
    for folder, _, files in sorted(os.walk(exports)):
        for file in sorted(files):
            path = os.path.join(folder, file)
            with open(path, "rb") as f:
                print(f"file {os.path.relpath(path, exports)} {hashlib.sha256(f.read()).hexdigest()}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
