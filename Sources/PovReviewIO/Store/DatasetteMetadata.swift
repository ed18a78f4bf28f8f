import Foundation

/// The Datasette metadata file written beside the database (`<database>.metadata.json`, e.g.
/// `out/default.metadata.json`): every table's and column's description from the `columns`
/// table, the unit of the rate columns, and canned queries for the README's example questions,
/// so that `datasette out/default.sqlite --metadata out/default.metadata.json` explains the
/// database in the browser (issue 9, item 4).
///
/// Deterministic: keys sorted, no timestamp.
public enum DatasetteMetadata {
    /// One canned query: Datasette shows `title` and `description` above the results.
    public struct CannedQuery: Sendable {
        public var name: String
        public var title: String
        public var description: String
        public var sql: String
    }

    /// The README's example questions, answered from the analyst tables.
    public static let cannedQueries: [CannedQuery] = [
        CannedQuery(
            name: "communes_highest_poor_rate",
            title: "Xã có tỷ lệ hộ nghèo cao nhất năm gần nhất / Communes with the highest poor rate, latest year",
            description: "Chỉ các xã còn tồn tại trong năm rà soát gần nhất (latest_unit_rates).",
            sql: """
                SELECT review_year, standard, unit_code, unit_name, households, poor, round(poor_rate, 2) AS poor_rate
                FROM latest_unit_rates WHERE level = 'commune'
                ORDER BY standard, poor_rate DESC, unit_code LIMIT 10
                """),
        CannedQuery(
            name: "fell_back_by_commune",
            title: "Hộ tái nghèo theo xã và năm / Households that fell back into poverty, per commune and year",
            description: "Từ unit_dynamics (cột poor_fell_back).",
            sql: """
                SELECT to_year, standard, unit_code, unit_name, poor_fell_back
                FROM unit_dynamics WHERE level = 'commune' AND poor_fell_back > 0
                ORDER BY to_year DESC, poor_fell_back DESC, unit_code
                """),
        CannedQuery(
            name: "escaped_poverty_by_year",
            title: "Diễn biến hộ nghèo cấp tỉnh: thoát nghèo, tái nghèo, phát sinh / Province poor dynamics by year",
            description: "Thoát nghèo = chuyển thành hộ cận nghèo + thoát lên trên chuẩn cận nghèo (poor_escaped_total).",
            sql: """
                SELECT to_year, standard, unit_name, poor_start, poor_escaped_total, poor_to_near_poor,
                    poor_escaped_above, poor_fell_back, poor_newly, poor_end
                FROM unit_dynamics WHERE level = 'province' ORDER BY unit_code, standard, to_year
                """),
        CannedQuery(
            name: "province_deprivations",
            title: "Tỷ lệ hộ nghèo thiếu hụt từng chỉ số, cấp tỉnh / Share of poor households deprived per indicator, province",
            description: "Từ unit_deprivations; tỷ lệ tính trên số hộ nghèo.",
            sql: """
                SELECT review_year, standard, dimension_vi, indicator_name_vi, poor, poor_deprived,
                    round(100.0 * poor_deprived / nullif(poor, 0), 2) AS percent_of_poor
                FROM unit_deprivations WHERE level = 'province'
                ORDER BY review_year, standard, percent_of_poor DESC, indicator
                """),
        CannedQuery(
            name: "district_poor_verdicts",
            title: "Vì sao huyện đạt / không đạt tiêu chí huyện nghèo / Why a district met or failed district-poor",
            description: "Kết quả và giải thích của tiêu chí district-poor theo từng năm đánh giá.",
            sql: """
                SELECT plan, evaluation_year, unit_code, unit_name, verdict, borderline, explanation_vi
                FROM criteria_results WHERE criterion_id = 'district-poor'
                ORDER BY plan, evaluation_year, unit_code
                """),
        CannedQuery(
            name: "change_codes",
            title: "Ý nghĩa các mã biến động / What the transition codes mean",
            description: "Mỗi mã của household_transitions.change và cột của biểu diễn biến mà mã được cộng vào.",
            sql: "SELECT change, meaning_vi, meaning_en, report_column_vi FROM change_codes ORDER BY position"),
    ]

    /// The file beside `databaseFile`: `out/default.sqlite` → `out/default.metadata.json`.
    public static func url(besides databaseFile: URL) -> URL {
        databaseFile.deletingPathExtension().appendingPathExtension("metadata.json")
    }

    /// The metadata of `database`, published as `databaseName` (Datasette names a database by its
    /// file name without extension).
    public static func json(of database: SQLiteDatabase, databaseName: String) throws -> Data {
        var tables: [String: Any] = [:]
        let documented = Dictionary(ColumnDocumentation.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = try database.rows(
            "SELECT table_name, column_name, description_en, description_vi FROM columns ORDER BY table_name, column_name")
        var columns: [String: [String: String]] = [:]
        for row in rows {
            guard let table = row[0].string, let column = row[1].string else { continue }
            columns[table, default: [:]][column] = "\(row[3].string ?? "") — \(row[2].string ?? "")"
        }
        let realColumns = try database.rows(
            """
            SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type IN ('table', 'view') AND p.type = 'REAL' AND p.name LIKE '%rate'
            """)
        var units: [String: [String: String]] = [:]
        for row in realColumns {
            guard let table = row[0].string, let column = row[1].string else { continue }
            units[table, default: [:]][column] = "percent"
        }
        for table in Set(columns.keys).union(documented.keys) {
            var entry: [String: Any] = [:]
            if let doc = documented[table] {
                entry["description"] = "\(doc.descriptionVI) — \(doc.descriptionEN)"
            }
            if let described = columns[table] { entry["columns"] = described }
            if let tableUnits = units[table] { entry["units"] = tableUnits }
            if table == "schema_migrations" { entry["hidden"] = true }
            tables[table] = entry
        }
        var queries: [String: Any] = [:]
        for query in cannedQueries {
            queries[query.name] = ["title": query.title, "description": query.description, "sql": query.sql]
        }
        let metadata: [String: Any] = [
            "title": "povreview — rà soát hộ nghèo, hộ cận nghèo",
            "description": "Kết quả rà soát hộ nghèo, hộ cận nghèo: mô tả từng bảng và cột lấy từ bảng columns. "
                + "Poor-household review results; every table and column described from the columns table.",
            "databases": [databaseName: ["tables": tables, "queries": queries]],
        ]
        return try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Writes the metadata of the database at `databaseFile` beside it, replacing the file by
    /// rename so a reader never sees half of it.
    public static func write(besides databaseFile: URL) throws {
        let database = try SQLiteDatabase(path: databaseFile.path, readOnly: true)
        let name = databaseFile.deletingPathExtension().lastPathComponent
        let data = try json(of: database, databaseName: name)
        try data.write(to: url(besides: databaseFile), options: .atomic)
    }
}
