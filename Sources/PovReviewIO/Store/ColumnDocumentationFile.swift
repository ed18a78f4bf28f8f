import Foundation
import PovReviewCore

/// The column documentation of the province database as bundled with the program
/// (`Resources/column-documentation.yaml`): every table and view with its columns, in English and
/// Vietnamese. The file is data, not code, so that a translator or an analyst edits the text
/// without touching Swift; `ColumnDocumentationTests` checks it documents every table and column.
///
/// A column entry is `{name, en, vi}`, or `per_indicator:` with a list of such entries whose
/// `{id}`, `{name_en}` and `{name_vi}` are replaced by each indicator of `Indicator.catalog` in
/// turn (its id, and its English and Vietnamese names in lower case).
struct ColumnDocumentationFile: Decodable {
    /// One column: its name and its description in both languages.
    struct Column: Decodable {
        var name: String
        var en: String
        var vi: String
    }

    /// A column, or columns repeated for every indicator of the catalogue.
    enum Entry: Decodable {
        case column(Column)
        case perIndicator([Column])

        private enum CodingKeys: String, CodingKey { case perIndicator = "per_indicator" }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let templates = try container.decodeIfPresent([Column].self, forKey: .perIndicator) {
                self = .perIndicator(templates)
            } else {
                self = .column(try Column(from: decoder))
            }
        }
    }

    /// A table or view: what it is for and its columns.
    struct Table: Decodable {
        var name: String
        var view: Bool?
        var en: String
        var vi: String
        var columns: [Entry]
    }

    /// Tables and views in reading order (`povreview describe`).
    var tables: [Table]
    /// The tables in the order their columns fill the `columns` table of a new database.
    var fillOrder: [String]

    private enum CodingKeys: String, CodingKey {
        case tables
        case fillOrder = "fill_order"
    }

    static let columnShape: KeyShape = .mapping(["name": .any, "en": .any, "vi": .any])
    static let shape: KeyShape = .mapping([
        "tables": .sequence(
            .mapping([
                "name": .any, "view": .any, "en": .any, "vi": .any,
                "columns": .sequence(
                    .mapping([
                        "name": .any, "en": .any, "vi": .any, "per_indicator": .sequence(columnShape),
                    ])),
            ])),
        "fill_order": .sequence(.any),
    ])

    /// The bundled file, decoded and expanded. A missing or broken file is a broken build, so it
    /// stops the program with the file's error.
    static let bundled: (tables: [TableDocumentation], columns: [ColumnDocumentation]) = {
        let file = BundledResource.decode(ColumnDocumentationFile.self, "column-documentation", shape: shape)
        let tables = file.tables.map {
            TableDocumentation(name: $0.name, isView: $0.view ?? false, descriptionEN: $0.en, descriptionVI: $0.vi)
        }
        let byName = Dictionary(file.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        precondition(
            file.fillOrder.count == file.tables.count && Set(file.fillOrder) == Set(byName.keys),
            "column-documentation.yaml: fill_order must list every table once")
        let columns = file.fillOrder.flatMap { name in
            expanded(byName[name]!.columns).map { ColumnDocumentation(name, $0.name, en: $0.en, vi: $0.vi) }
        }
        return (tables, columns)
    }()

    /// The columns of `entries`, with each `per_indicator` list repeated for every indicator.
    static func expanded(_ entries: [Entry]) -> [Column] {
        entries.flatMap { entry -> [Column] in
            switch entry {
            case .column(let column):
                return [column]
            case .perIndicator(let templates):
                return Indicator.catalog.flatMap { indicator in
                    templates.map { template in
                        func fill(_ text: String) -> String {
                            text.replacingOccurrences(of: "{id}", with: indicator.id.rawValue)
                                .replacingOccurrences(of: "{name_en}", with: indicator.nameEn.lowercased())
                                .replacingOccurrences(of: "{name_vi}", with: indicator.nameVi.lowercased())
                        }
                        return Column(name: fill(template.name), en: fill(template.en), vi: fill(template.vi))
                    }
                }
            }
        }
    }
}
