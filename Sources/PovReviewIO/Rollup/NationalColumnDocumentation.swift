import PovReviewCore

/// The `columns` documentation of the national database (`povreview rollup`), in English and
/// Vietnamese (`Resources/national-column-documentation.yaml`). `unit_rates` reuses the province
/// schema's descriptions, with the few columns whose meaning widens (levels `region` and
/// `country`) described anew.
enum NationalColumnDocumentation {
    /// Every documented column of the national database whose `unit_rates` has `unitRatesColumns`.
    static func all(unitRatesColumns: [String]) -> [ColumnDocumentation] {
        var rows: [ColumnDocumentation] = []
        let widened = Dictionary(
            file.unitRates.widened.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newer = file.unitRates.newerColumn
        for table in ["unit_rates", "latest_unit_rates"] {
            let province = Dictionary(
                ColumnDocumentation.all.filter { $0.tableName == "unit_rates" }.map { ($0.columnName, $0) },
                uniquingKeysWith: { first, _ in first })
            for column in unitRatesColumns {
                if let text = widened[column] {
                    rows.append(ColumnDocumentation(table, column, en: text.en, vi: text.vi))
                } else if let doc = province[column] {
                    rows.append(ColumnDocumentation(table, column, en: doc.descriptionEN, vi: doc.descriptionVI))
                } else {
                    rows.append(ColumnDocumentation(table, column, en: newer.en, vi: newer.vi))
                }
            }
        }
        for table in file.tables {
            rows += table.columns.map { ColumnDocumentation(table.name, $0.name, en: $0.en, vi: $0.vi) }
        }
        rows += ColumnDocumentation.all.filter { $0.tableName == "columns" || $0.tableName == "schema_migrations" }
        return rows
    }

    /// The bundled file: the widened `unit_rates` columns, the text of a column only a newer
    /// province schema has, and the tables of the roll-up itself.
    private struct File: Decodable {
        struct Text: Decodable {
            var en: String
            var vi: String
        }
        struct UnitRates: Decodable {
            var widened: [ColumnDocumentationFile.Column]
            var newerColumn: Text

            private enum CodingKeys: String, CodingKey {
                case widened
                case newerColumn = "newer_column"
            }
        }
        struct Table: Decodable {
            var name: String
            var columns: [ColumnDocumentationFile.Column]
        }

        var unitRates: UnitRates
        var tables: [Table]

        private enum CodingKeys: String, CodingKey {
            case unitRates = "unit_rates"
            case tables
        }

        static let shape: KeyShape = .mapping([
            "unit_rates": .mapping([
                "widened": .sequence(ColumnDocumentationFile.columnShape),
                "newer_column": .mapping(["en": .any, "vi": .any]),
            ]),
            "tables": .sequence(.mapping(["name": .any, "columns": .sequence(ColumnDocumentationFile.columnShape)])),
        ])
    }

    private static let file = BundledResource.decode(File.self, "national-column-documentation", shape: File.shape)
}
