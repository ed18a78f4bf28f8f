import Foundation
import PovReviewCore

/// Reads `crosswalk.csv` (`old_code, new_code, share`; input-format.md §3). Shares are parsed from
/// their decimal text into exact fractions; each must be in (0, 1] and the shares of one old code
/// must sum to 1 within 10⁻⁶. Any problem fails the run with file and line.
public enum CrosswalkFile {
    public static func load(contentsOf url: URL, path: String) throws(LocatedError) -> Crosswalk {
        try parse(ReferenceTable(contentsOf: url, path: path))
    }

    public static func parse(data: Data, path: String) throws(LocatedError) -> Crosswalk {
        try parse(ReferenceTable(data: data, path: path))
    }

    static func parse(_ table: ReferenceTable) throws(LocatedError) -> Crosswalk {
        let oldIndex = try table.columnIndex("old_code")!
        let newIndex = try table.columnIndex("new_code")!
        let shareIndex = try table.columnIndex("share")!
        var rows: [(old: UnitCode, new: UnitCode, share: Rational)] = []
        var firstLine: [UnitCode: Int] = [:]
        var seen = Set<[String]>()
        for record in table.records {
            let old = record.fields[oldIndex]
            let new = record.fields[newIndex]
            let shareText = record.fields[shareIndex]
            guard !old.isEmpty else {
                throw LocatedError(path: table.path, line: record.line, columnName: "old_code", message: "old_code must not be empty")
            }
            guard !new.isEmpty else {
                throw LocatedError(path: table.path, line: record.line, columnName: "new_code", message: "new_code must not be empty")
            }
            guard let share = Rational(decimalText: shareText), share > .zero, share <= .one else {
                throw LocatedError(
                    path: table.path, line: record.line, columnName: "share",
                    message: "share must be a decimal number with 0 < share ≤ 1, got \"\(shareText)\"")
            }
            guard seen.insert([old, new]).inserted else {
                throw LocatedError(path: table.path, line: record.line, message: "the pair \(old) → \(new) appears twice")
            }
            if firstLine[UnitCode(old)] == nil { firstLine[UnitCode(old)] = record.line }
            rows.append((UnitCode(old), UnitCode(new), share))
        }
        let crosswalk = Crosswalk(rows: rows)
        if let (code, sum) = crosswalk.unbalancedCodes().first {
            throw LocatedError(
                path: table.path, line: firstLine[code], columnName: "share",
                message: "the shares of old code \(code) sum to \(sum.decimalText(places: 6)), expected 1 (within 0.000001)")
        }
        return crosswalk
    }
}
