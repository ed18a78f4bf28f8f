/// A public table of the database whose columns are declared once, in the table's order: the
/// insert statements, the reads and the schema test (`pragma_table_info` and the `columns`
/// documentation must list the same columns) all use `columns`.
///
/// The migrations are append-only history and keep their own CREATE text; a test migrates a
/// fresh database and checks every record's `columns` against it, so a column added by a
/// migration without the record (or the other way round) fails that test.
protocol TableRecord {
    /// The table's name in the schema.
    static var tableName: String { get }
    /// The table's columns, in the order of `pragma_table_info`.
    static var columns: [String] { get }
}

/// Column names of the schema that are SQL keywords, quoted wherever a record lists its columns.
private let sqlKeywords: Set<String> = ["check"]

extension TableRecord {
    /// `columns` joined for a SELECT list or an INSERT column list (a column named like an SQL
    /// keyword, `integrity_findings."check"`, in double quotes).
    static var columnList: String {
        columns.map { sqlKeywords.contains($0) ? "\"\($0)\"" : $0 }.joined(separator: ", ")
    }

    /// The position of `column` in `columns` (a result column index; the bound parameter index
    /// of `insertStatement` is one more).
    static func position(of column: String) -> Int {
        guard let index = columns.firstIndex(of: column) else {
            preconditionFailure("\(tableName) has no column \(column)")
        }
        return index
    }

    /// `INSERT [OR REPLACE | OR FAIL] INTO <table> (<columns>) VALUES (?, …)[, (?, …) …]`, every
    /// column bound in order, `rows` rows per execution: row `r`'s column `c` (both from 0) is
    /// parameter `r * columns.count + c + 1`. SQLite inserts the rows in the order of the list.
    static func insertStatement(onConflict: InsertConflict = .abort, rows: Int = 1) -> String {
        precondition(rows >= 1)
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: rows).joined(separator: ", ")
        return "INSERT \(onConflict.rawValue)INTO \(tableName) (\(columnList)) VALUES \(values)"
    }
}

/// What an insert does with a row that breaks a constraint (SQLite's conflict clause).
enum InsertConflict: String {
    /// Undo the statement's rows and fail (SQLite's default). Inside a transaction, a statement
    /// that writes several rows then keeps a statement journal: every page it changes is copied
    /// to a temporary file first, so that it can be undone alone.
    case abort = ""
    /// Delete the row in the way and insert this one.
    case replace = "OR REPLACE "
    /// Fail, keeping the statement's rows before the one that broke the constraint: no
    /// statement journal. For a bulk build whose failure discards the whole database anyway.
    case fail = "OR FAIL "
}

/// Every record type, for the schema test.
enum TableRecords {
    static let all: [any TableRecord.Type] = [
        HouseholdStatusRecord.self, HouseholdContactRecord.self, HouseholdDeprivationRecord.self,
        QuarantineRecord.self, WarningRecord.self, UnitRatesRecord.self, CriteriaResultRecord.self,
        SustainedEscapeRecord.self, VillageSpellingRecord.self, CriteriaSensitivityRecord.self,
        InputFileRecord.self, InputFileYearRecord.self, AdminUnitRecord.self, StandardRecord.self,
        StandardIndicatorRecord.self, ChangeCodeRecord.self, AFMeasureRecord.self, AFIndicatorRecord.self,
        UnitChangeRecord.self, SensitivityRecord.self, IntegrityFindingRecord.self, UnitDeprivationRecord.self,
        HouseholdTransitionRecord.self,
    ]
}
