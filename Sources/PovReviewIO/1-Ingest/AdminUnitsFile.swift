import Foundation
import PovReviewCore

/// Loads `admin_units.csv` (input-format.md §2) into an `AdminDirectory`.
///
/// Columns `code`, `name`, `level`, `parent_code` are required; `poor_district`,
/// `coastal_special_difficulty` (0/1, empty = 0), `ethnic_region` (empty, `I`, `II`, `III`),
/// `valid_from`, `valid_to` (review years, inclusive, empty = open) are optional. Any bad row
/// throws with file, line and column: a bad level, a code that is not digits or not the
/// level's length, a parent that is missing, of the wrong level or not valid in any year of
/// the child's validity, a bad 0/1, a bad region, `valid_from > valid_to`, or two rows of one
/// code valid in the same year.
public enum AdminUnitsFile {
    /// Reads and checks the file at `url`; `path` names it in messages.
    public static func load(contentsOf url: URL, path: String) throws(LocatedError) -> AdminDirectory {
        try directory(from: ReferenceTable(contentsOf: url, path: path))
    }

    /// Checks an already read table.
    public static func directory(from table: ReferenceTable) throws(LocatedError) -> AdminDirectory {
        let path = table.path
        let codeIndex = try table.columnIndex("code")!
        let nameIndex = try table.columnIndex("name")!
        let levelIndex = try table.columnIndex("level")!
        let parentIndex = try table.columnIndex("parent_code")!
        let poorIndex = try table.columnIndex("poor_district", required: false)
        let coastalIndex = try table.columnIndex("coastal_special_difficulty", required: false)
        let regionIndex = try table.columnIndex("ethnic_region", required: false)
        let fromIndex = try table.columnIndex("valid_from", required: false)
        let toIndex = try table.columnIndex("valid_to", required: false)

        func fail(_ line: Int, _ column: String, _ message: String) -> LocatedError {
            LocatedError(path: path, line: line, columnName: column, message: message)
        }
        func flag(_ record: ReferenceTable.Record, _ index: Int?, _ column: String) throws(LocatedError) -> Bool {
            guard let index else { return false }
            switch record.fields[index] {
            case "", "0": return false
            case "1": return true
            case let other: throw fail(record.line, column, "\(column) must be 0 or 1, got \"\(other)\"")
            }
        }
        func year(_ record: ReferenceTable.Record, _ index: Int?, _ column: String) throws(LocatedError) -> ReviewYear? {
            guard let index, !record.fields[index].isEmpty else { return nil }
            guard let value = Int(record.fields[index]), value > 0, value < 10_000 else {
                throw fail(record.line, column, "\(column) must be a review year or empty, got \"\(record.fields[index])\"")
            }
            return ReviewYear(value)
        }

        var units: [AdminUnit] = []
        for record in table.records {
            let line = record.line
            let code = record.fields[codeIndex]
            let levelText = record.fields[levelIndex].lowercased()
            guard let level = UnitLevel(rawValue: levelText), level != .village else {
                throw fail(line, "level", "level must be province, district or commune, got \"\(record.fields[levelIndex])\"")
            }
            let length = UnitCodeField.length(of: level)
            guard !code.isEmpty, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw fail(line, "code", "code must be digits, got \"\(code)\"")
            }
            guard code.utf8.count == length else {
                throw fail(line, "code", "a \(level.rawValue) code has \(length) digits, got \"\(code)\"")
            }
            let name = record.fields[nameIndex]
            guard !name.isEmpty else { throw fail(line, "name", "name is empty") }
            let parentText = record.fields[parentIndex]
            let parent: UnitCode? = parentText.isEmpty ? nil : UnitCode(parentText)
            if level == .province, parent != nil {
                throw fail(line, "parent_code", "a province has no parent, got \"\(parentText)\"")
            }
            if level != .province, parent == nil {
                throw fail(line, "parent_code", "a \(level.rawValue) needs a parent_code")
            }
            var region: EthnicRegion? = nil
            if let regionIndex, !record.fields[regionIndex].isEmpty {
                guard let value = EthnicRegion(rawValue: record.fields[regionIndex].uppercased()) else {
                    throw fail(line, "ethnic_region", "ethnic_region must be empty, I, II or III, got \"\(record.fields[regionIndex])\"")
                }
                region = value
            }
            let from = try year(record, fromIndex, "valid_from")
            let to = try year(record, toIndex, "valid_to")
            if let from, let to, from > to {
                throw fail(line, "valid_to", "valid_to \(to) is before valid_from \(from)")
            }
            units.append(
                AdminUnit(
                    code: UnitCode(code), name: name, level: level, parentCode: parent,
                    poorDistrict: try flag(record, poorIndex, "poor_district"),
                    coastalSpecialDifficulty: try flag(record, coastalIndex, "coastal_special_difficulty"),
                    ethnicRegion: region, validFrom: from, validTo: to, line: line))
        }

        // Validity windows of one code must not overlap; parents must exist at the right level.
        var byCode: [UnitCode: [AdminUnit]] = [:]
        for unit in units { byCode[unit.code, default: []].append(unit) }
        func overlaps(_ a: AdminUnit, _ b: AdminUnit) -> Bool {
            let aFrom = a.validFrom?.value ?? Int.min, aTo = a.validTo?.value ?? Int.max
            let bFrom = b.validFrom?.value ?? Int.min, bTo = b.validTo?.value ?? Int.max
            return aFrom <= bTo && bFrom <= aTo
        }
        func window(_ unit: AdminUnit) -> String {
            "\(unit.validFrom.map(String.init(describing:)) ?? "open")–\(unit.validTo.map(String.init(describing:)) ?? "open")"
        }
        for unit in units {
            for other in byCode[unit.code]! where other.line < unit.line && overlaps(other, unit) {
                throw fail(
                    unit.line, "valid_from",
                    "code \(unit.code) is already valid in \(window(other)) (line \(other.line)); validity windows of one code must not overlap")
            }
        }
        for unit in units {
            guard let parentCode = unit.parentCode else { continue }
            let allowed: Set<UnitLevel> = unit.level == .district ? [.province] : [.district, .province]
            let candidates = (byCode[parentCode] ?? []).filter { allowed.contains($0.level) }
            guard !candidates.isEmpty else {
                throw fail(
                    unit.line, "parent_code",
                    "parent_code \(parentCode) is not a \(allowed.map(\.rawValue).sorted().joined(separator: " or ")) of this file")
            }
            guard candidates.contains(where: { overlaps($0, unit) }) else {
                throw fail(
                    unit.line, "parent_code",
                    "parent_code \(parentCode) is not valid in any year of \(unit.code)'s validity (\(window(unit)))")
            }
        }
        return AdminDirectory(units: units)
    }
}
