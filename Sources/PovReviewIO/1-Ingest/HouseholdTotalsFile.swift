import Foundation
import PovReviewCore

/// Loads `household_totals.csv` (`review_year, commune_code, households`; input-format.md §3).
///
/// Every row must be right (reference files fail the run with file, line and column): an
/// integer review year, a 5-digit commune code (a commune of the admin directory valid that
/// year, when one is given), a whole number of households ≥ 0 (thousands separators as in
/// dumps), and no (year, commune) twice.
public enum HouseholdTotalsFile {
    /// Reads and checks the file at `url`; `path` names it in messages.
    public static func load(
        contentsOf url: URL, path: String, admin: AdminDirectory? = nil
    ) throws(LocatedError) -> HouseholdTotals {
        try totals(from: ReferenceTable(contentsOf: url, path: path), admin: admin)
    }

    /// Checks an already read table.
    public static func totals(from table: ReferenceTable, admin: AdminDirectory? = nil) throws(LocatedError) -> HouseholdTotals {
        let yearIndex = try table.columnIndex("review_year")!
        let communeIndex = try table.columnIndex("commune_code")!
        let householdsIndex = try table.columnIndex("households")!
        var totals: [HouseholdTotals.Key: Int] = [:]
        var lines: [HouseholdTotals.Key: Int] = [:]
        for record in table.records {
            func fail(_ column: String, _ message: String) -> LocatedError {
                LocatedError(path: table.path, line: record.line, columnName: column, message: message)
            }
            let yearText = record.fields[yearIndex]
            guard let year = Int(yearText), year > 0, year < 10_000 else {
                throw fail("review_year", "review_year must be a year, got \"\(yearText)\"")
            }
            let code = record.fields[communeIndex]
            guard code.utf8.count == 5, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw fail("commune_code", "commune_code must be 5 digits, got \"\(code)\"")
            }
            let householdsText = record.fields[householdsIndex]
            guard let households = IntegerField.parse(householdsText), households >= 0 else {
                throw fail("households", "households must be a whole number ≥ 0, got \"\(householdsText)\"")
            }
            let key = HouseholdTotals.Key(reviewYear: ReviewYear(year), communeCode: UnitCode(code))
            if let admin, admin.unit(key.communeCode, in: key.reviewYear)?.level != .commune {
                throw fail("commune_code", "commune_code \(code) is not a commune of the admin-units file in \(year)")
            }
            if let earlier = lines[key] {
                throw fail("commune_code", "commune \(code) in \(year) already has a total (line \(earlier))")
            }
            lines[key] = record.line
            totals[key] = Int(households)
        }
        return HouseholdTotals(totals: totals)
    }
}
