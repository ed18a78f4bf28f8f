import PovReviewCore

/// One row of the `columns` documentation table (outputs.md §1): what a column of a public
/// table or view holds, in English and in Vietnamese.
public struct ColumnDocumentation: Sendable, Equatable {
    public var tableName: String
    public var columnName: String
    public var descriptionEN: String
    /// Vietnamese with diacritics, NFC.
    public var descriptionVI: String

    public init(_ tableName: String, _ columnName: String, en: String, vi: String) {
        self.tableName = tableName
        self.columnName = columnName
        self.descriptionEN = en
        self.descriptionVI = vi
    }
}

/// What one table or view of the database is for, in English and Vietnamese.
public struct TableDocumentation: Sendable, Equatable {
    public var name: String
    public var isView: Bool
    public var descriptionEN: String
    public var descriptionVI: String
}

extension ColumnDocumentation {
    /// Every table and view of the schema, in the order a reader should meet them.
    public static let tables: [TableDocumentation] = bundled.tables

    /// Every documented column, table by table in the order they fill the `columns` table.
    public static let all: [ColumnDocumentation] = bundled.columns

    /// The text of `Resources/column-documentation.yaml`, read once.
    private static let bundled = ColumnDocumentationFile.bundled
}

/// Fills the `columns` table of `database` with `ColumnDocumentation.all`, replacing any
/// earlier text for the same columns.
public func insertColumnDocumentation(into database: SQLiteDatabase) throws {
    try database.transaction {
        let statement = try database.prepare(
            "INSERT OR REPLACE INTO columns (table_name, column_name, description_en, description_vi) VALUES (?, ?, ?, ?)")
        for row in ColumnDocumentation.all {
            try statement.bind([.text(row.tableName), .text(row.columnName), .text(row.descriptionEN), .text(row.descriptionVI)])
            try statement.execute()
        }
    }
}
