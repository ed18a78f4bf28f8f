#!/usr/bin/env python3
"""Checks a povreview workbook with openpyxl, a reader independent of the writer.

Usage:
    check_xlsx.py WORKBOOK [--sheets "NAME|NAME|..."] [--cell 'SHEET!A1=VALUE' ...]

Every sheet prints on A4 landscape fitted to one page wide. Every sheet after the first
("Thông tin") is a print-ready report form: a title in A1, the header row at row 6 (bold,
non-empty, frozen below it and repeated on every printed page); in the table (down to the first
empty row, before the signature block) columns whose header ends in "(%)" hold numbers shown
with the 0.00 format, and other number cells use #,##0. --sheets asserts the sheet names in order; each
--cell asserts one value (numbers compared to 1e-9, text exactly; an empty VALUE means an
empty cell). Prints what it saw; exits 1 with the failures listed.
"""
import argparse
import sys

import openpyxl

HEADER_ROW = 6


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

    for sheet in book.worksheets:
        setup = sheet.page_setup
        if setup.orientation != "landscape" or str(setup.paperSize) != "9":
            failures.append(f"{sheet.title}: not A4 landscape ({setup.orientation}, paper {setup.paperSize})")
        # fitToWidth is omitted from the file when it is 1 (the default).
        if not sheet.sheet_properties.pageSetUpPr.fitToPage or setup.fitToWidth not in (None, 1, "1") \
                or setup.fitToHeight not in (0, "0"):
            failures.append(f"{sheet.title}: not fitted to one page wide "
                            f"(fitToWidth={setup.fitToWidth}, fitToHeight={setup.fitToHeight})")

    for sheet in book.worksheets[1:]:
        header = [cell for cell in sheet[HEADER_ROW] if cell.value is not None]
        headers = [cell.value for cell in header]
        print(f"[{sheet.title}] rows={sheet.max_row} freeze={sheet.freeze_panes} "
              f"titles={sheet.print_title_rows} header={headers}")
        if len(sheet.title) > 31:
            failures.append(f"{sheet.title}: sheet name longer than 31 characters")
        if not sheet["A1"].value:
            failures.append(f"{sheet.title}: no title in A1")
        if sheet.freeze_panes != f"A{HEADER_ROW + 1}":
            failures.append(f"{sheet.title}: header row not frozen (freeze_panes={sheet.freeze_panes})")
        if (sheet.print_title_rows or "").replace("$", "") != f"{HEADER_ROW}:{HEADER_ROW}":
            failures.append(f"{sheet.title}: header row not repeated on every page ({sheet.print_title_rows})")
        if not header:
            failures.append(f"{sheet.title}: empty header row")
        for cell in header:
            if not cell.font.b:
                failures.append(f"{sheet.title}!{cell.coordinate}: header not bold")
        # The table ends at the first empty row (the signature block follows it).
        end = HEADER_ROW + 1
        while end <= sheet.max_row and any(cell.value is not None for cell in sheet[end]):
            end += 1
        for column, title in enumerate(headers, start=1):
            is_rate = isinstance(title, str) and title.endswith("(%)")
            for row in range(HEADER_ROW + 1, end):
                cell = sheet.cell(row=row, column=column)
                if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
                    if is_rate and cell.value not in (None, ""):
                        failures.append(f"{sheet.title}!{cell.coordinate}: rate is not a number: {cell.value!r}")
                    continue
                wanted = "0.00" if is_rate else "#,##0"
                if cell.number_format != wanted:
                    failures.append(f"{sheet.title}!{cell.coordinate}: format {cell.number_format!r}, not {wanted}")

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
        for failure in failures[:200]:
            print("  " + failure, file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
