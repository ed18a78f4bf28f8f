/// Renders the schema of a database with its documentation as plain text, for
/// `povreview describe`: each table and view (in the reading order of
/// `ColumnDocumentation.tables`, then any other, by name), what it is for, and each column with
/// its declared type and description.
///
/// Column types and the list of columns come from the database itself (`pragma_table_info`),
/// descriptions from its `columns` table, falling back to `ColumnDocumentation.all` when the
/// table is empty, so the text describes the file at hand even when it is older or newer than
/// this build.
public enum SchemaDescription {
    public enum Language: String, Sendable, CaseIterable {
        case english = "en"
        case vietnamese = "vi"
    }

    static let objectsSQL = """
        SELECT name, type FROM sqlite_master
        WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'
        ORDER BY name
        """
    static let columnsSQL = "SELECT name, type FROM pragma_table_info(?) ORDER BY cid"
    static let descriptionsSQL = "SELECT table_name, column_name, description_en, description_vi FROM columns"

    /// The description of `database` in `language`.
    public static func render(_ database: SQLiteDatabase, language: Language = .english) throws -> String {
        let objects = try database.rows(objectsSQL).map { (name: $0[0].text, isView: $0[1].text == "view") }
        let names = Set(objects.map(\.name))
        var descriptions: [String: [String: String]] = [:]
        if names.contains("columns") {
            for row in try database.rows(descriptionsSQL) {
                descriptions[row[0].text, default: [:]][row[1].text] = language == .english ? row[2].text : row[3].text
            }
        }
        if descriptions.isEmpty {
            for doc in ColumnDocumentation.all {
                descriptions[doc.tableName, default: [:]][doc.columnName] =
                    language == .english ? doc.descriptionEN : doc.descriptionVI
            }
        }
        let tableDocs = Dictionary(uniqueKeysWithValues: ColumnDocumentation.tables.map { ($0.name, $0) })
        let ordered =
            ColumnDocumentation.tables.map(\.name).filter(names.contains)
            + objects.map(\.name).filter { tableDocs[$0] == nil }

        var text = ""
        for name in ordered {
            let isView = objects.first { $0.name == name }!.isView
            let kind =
                switch (language, isView) {
                case (.english, false): "table"
                case (.english, true): "view"
                case (.vietnamese, false): "bảng"
                case (.vietnamese, true): "khung nhìn"
                }
            if !text.isEmpty { text += "\n" }
            text += "\(name) (\(kind))\n"
            if let doc = tableDocs[name] {
                text += "  " + (language == .english ? doc.descriptionEN : doc.descriptionVI) + "\n"
            }
            let columns = try database.rows(columnsSQL, [.text(name)]).map { (name: $0[0].text, type: $0[1].text) }
            let nameWidth = columns.map(\.name.count).max() ?? 0
            let typeWidth = max(columns.map(\.type.count).max() ?? 0, 1)
            let missing = language == .english ? "(undocumented)" : "(chưa có mô tả)"
            for column in columns {
                let type = column.type.isEmpty ? "-" : column.type
                let description = descriptions[name]?[column.name] ?? missing
                text += "  " + pad(column.name, nameWidth) + "  " + pad(type, typeWidth) + "  " + description + "\n"
            }
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(width - text.count, 0))
    }
}
