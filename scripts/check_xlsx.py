#!/usr/bin/env python3
"""Checks a povreview workbook with openpyxl, a reader independent of the writer.

Usage:
    check_xlsx.py WORKBOOK [--sheets "NAME|NAME|..."] [--cell 'SHEET!A1=VALUE' ...]

For every sheet after the first ("Thông tin"), asserts that the header row is bold, non-empty
and frozen (pane at A2), that an autofilter covers the table, and that every column whose
header ends in "(%)" holds numbers shown with the 0.00 format. --sheets asserts the sheet names
in order; each --cell asserts one value (numbers compared to 1e-9, text exactly; an empty VALUE
means an empty cell). Prints what it saw; exits 1 with the failures listed.
"""
import argparse
import sys

import openpyxl


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook")
    parser.add_argument("--sheets", help="expected sheet names, separated by |, in order")
    parser.add_argument("--cell", action="append", default=[], help="SHEET!A1=VALUE")
    args = parser.parse_args()

    failures = []
    book = openpyxl.load_workbook(args.workbook)
    names = book.sheetnames
    print("sheets:", " | ".join(names))
    if args.sheets is not None:
        expected = args.sheets.split("|") if args.sheets else []
        if names != expected:
            failures.append(f"sheet names {names} != expected {expected}")
    if not names or names[0] != "Thông tin":
        failures.append("the first sheet must be 'Thông tin'")

    for sheet in book.worksheets[1:]:
        header = [cell for cell in sheet[1]]
        headers = [cell.value for cell in header]
        print(f"[{sheet.title}] rows={sheet.max_row - 1} freeze={sheet.freeze_panes} "
              f"filter={sheet.auto_filter.ref} header={headers}")
        if len(sheet.title) > 31:
            failures.append(f"{sheet.title}: sheet name longer than 31 characters")
        if sheet.freeze_panes != "A2":
            failures.append(f"{sheet.title}: header row not frozen (freeze_panes={sheet.freeze_panes})")
        if not sheet.auto_filter.ref:
            failures.append(f"{sheet.title}: no autofilter")
        for cell in header:
            if not cell.value:
                failures.append(f"{sheet.title}!{cell.coordinate}: empty header")
            if not cell.font.b:
                failures.append(f"{sheet.title}!{cell.coordinate}: header not bold")
        for column, title in enumerate(headers, start=1):
            if not (isinstance(title, str) and title.endswith("(%)")):
                continue
            for row in range(2, sheet.max_row + 1):
                cell = sheet.cell(row=row, column=column)
                if cell.value is None:
                    continue
                if not isinstance(cell.value, (int, float)):
                    failures.append(f"{sheet.title}!{cell.coordinate}: rate is not a number: {cell.value!r}")
                if cell.number_format != "0.00":
                    failures.append(f"{sheet.title}!{cell.coordinate}: rate format {cell.number_format!r}, not 0.00")

    for check in args.cell:
        reference, _, expected = check.partition("=")
        sheet_name, _, coordinate = reference.rpartition("!")
        if sheet_name not in names:
            failures.append(f"{check}: no sheet {sheet_name!r}")
            continue
        value = book[sheet_name][coordinate].value
        print(f"{reference} = {value!r}")
        if expected == "":
            ok = value is None
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                ok = abs(value - float(expected)) <= 1e-9
            except ValueError:
                ok = False
        else:
            ok = value == expected
        if not ok:
            failures.append(f"{reference}: {value!r} != expected {expected!r}")

    if failures:
        print("FAILED:", file=sys.stderr)
        for failure in failures:
            print("  " + failure, file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
