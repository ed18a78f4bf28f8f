import Foundation
import Testing

@testable import PovReviewIO

/// Every record type declares its table's columns once; the migrations keep their own CREATE
/// text (append-only history), so a fresh database is migrated and each record's `columns`
/// compared with `pragma_table_info`, and with the `columns` documentation.
@Suite("Table records match the schema")
struct TableRecordSchemaTests {
    static func migratedDatabase() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: ":memory:")
        try Migrator.migrate(database)
        return database
    }

    static let recordNames = TableRecords.all.map { $0.tableName }

    @Test("every record lists its table's columns, in the table's order", arguments: TableRecords.all.indices)
    func columnsMatchTheTable(index: Int) throws {
        let record = TableRecords.all[index]
        let columns = try Self.migratedDatabase().rows(
            "SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(record.tableName)]
        ).compactMap { $0[0].string }
        #expect(!columns.isEmpty, "no table \(record.tableName)")
        #expect(columns == record.columns, "\(record.tableName)")
    }

    @Test("the column documentation covers every record's columns", arguments: TableRecords.all.indices)
    func documentationCoversTheColumns(index: Int) {
        let record = TableRecords.all[index]
        let documented = ColumnDocumentation.all.filter { $0.tableName == record.tableName }.map(\.columnName)
        let undocumented = record.columns.filter { !documented.contains($0) }
        #expect(undocumented.isEmpty, "\(record.tableName): \(undocumented)")
    }

    @Test("one record per table")
    func recordsAreDistinct() {
        #expect(Set(Self.recordNames).count == Self.recordNames.count)
    }
}
