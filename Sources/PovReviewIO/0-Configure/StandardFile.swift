import Foundation
import PovReviewCore
import Yams

/// Loads poverty standards from their YAML files (`Pipelines/standards/*.yaml`): lines, band,
/// cut-off, extra input columns and every indicator's rule (standards.md, "Standards are data").
///
/// Every file is checked before any row is read; a problem is a `LocatedError` with the file,
/// line and (inside a rule) column, what was expected and what to do.
public enum StandardFile {
    struct Thresholds: Decodable {
        var rural: Int64
        var urban: Int64
    }

    struct IndicatorEntry: Decodable {
        var id: String
        var name_vi: String
        var name_en: String
        var dimension: String
        var legal_basis: String?
        var provisional: Bool?
        var deprived_when: String
    }

    struct ColumnEntry: Decodable {
        var name: String
        var type: String
        var values: [String]?
        var header_aliases: [String]?
    }

    struct Document: Decodable {
        var version: Int
        var id: String
        var name_vi: String
        var name_en: String?
        var legal_basis: String?
        var provisional: Bool?
        /// A file whose numbers are stand-ins until the real ones are known (documentation only).
        var placeholder: Bool?
        var national: Bool?
        var income_line: Thresholds
        var average_upper_bound: Thresholds?
        var score_line: Thresholds?
        var deprivation_cutoff: Int?
        var input_columns: [ColumnEntry]?
        var indicators: [IndicatorEntry]
    }

    static let shape: KeyShape = {
        let thresholds = KeyShape.mapping(["rural": .any, "urban": .any])
        let indicator = KeyShape.mapping([
            "id": .any, "name_vi": .any, "name_en": .any, "dimension": .any, "legal_basis": .any,
            "provisional": .any, "deprived_when": .any,
        ])
        let column = KeyShape.mapping(["name": .any, "type": .any, "values": .sequence(.any), "header_aliases": .sequence(.any)])
        return .mapping([
            "version": .any, "id": .any, "name_vi": .any, "name_en": .any, "legal_basis": .any,
            "provisional": .any, "placeholder": .any, "national": .any, "income_line": thresholds,
            "average_upper_bound": thresholds, "score_line": thresholds, "deprivation_cutoff": .any,
            "input_columns": .sequence(column), "indicators": .sequence(indicator),
        ])
    }()

    /// The standards of a run and the extra input columns they declare, in file order.
    public struct Loaded: Sendable {
        public var standards: [Standard]
        public var extraColumns: [ExtraColumn]
    }

    /// Reads one standard at `url` (its extra columns numbered from 0).
    public static func load(_ url: URL, displayPath: String? = nil) throws(LocatedError) -> Standard {
        try loadAll([url], displayPaths: displayPath.map { [$0] }).standards[0]
    }

    /// Reads the standards at `urls`: the extra input columns of all files are collected first
    /// (one name, one type), then every rule is checked and compiled against them.
    public static func loadAll(_ urls: [URL], displayPaths: [String]? = nil) throws(LocatedError) -> Loaded {
        var files: [(YAMLFile, Document)] = []
        for (index, url) in urls.enumerated() {
            let file = try YAMLFile(url: url, displayPath: displayPaths?[index])
            let document = try file.decode(Document.self, shape: shape)
            guard document.version == 1 else {
                throw LocatedError(path: file.path, line: file.line(at: []), message: "unsupported version \(document.version); expected 1")
            }
            if let earlier = files.first(where: { $0.1.id == document.id }) {
                throw LocatedError(
                    path: file.path, line: file.root["id"]?.mark?.line,
                    message: "standard id \"\(document.id)\" is already defined by \(earlier.0.path); give each standard file its own id")
            }
            files.append((file, document))
        }
        var extras: [ExtraColumn] = []
        var extraOrigin: [String: String] = [:]
        for (file, document) in files {
            for (index, entry) in (document.input_columns ?? []).enumerated() {
                let column = try extraColumn(entry, file: file, index: index)
                if let existing = extras.first(where: { $0.name == column.name }) {
                    guard existing.type == column.type else {
                        throw LocatedError(
                            path: file.path, line: node(file, "input_columns", index, "type")?.mark?.line,
                            message:
                                "input column \"\(column.name)\" is declared as \(column.type.name) here but differently in \(extraOrigin[column.name] ?? "another standard file"); one column has one type"
                        )
                    }
                    continue
                }
                extraOrigin[column.name] = file.path
                extras.append(column)
            }
        }
        var fields = RuleField.builtIn
        for (index, column) in extras.enumerated() {
            fields.append(RuleField(name: column.name, type: column.type, slot: .extra(index)))
        }
        var standards: [Standard] = []
        for (file, document) in files {
            standards.append(try standard(document, file: file, fields: fields))
        }
        return Loaded(standards: standards, extraColumns: extras)
    }

    static func node(_ file: YAMLFile, _ key: String, _ index: Int, _ child: String? = nil) -> Node? {
        guard let item = file.root[key]?.sequence?[index] else { return nil }
        guard let child else { return item }
        return item[child] ?? item
    }

    private static func standard(_ document: Document, file: YAMLFile, fields: [RuleField]) throws(LocatedError) -> Standard {
        var definitions: [IndicatorDefinition] = []
        for (index, entry) in document.indicators.enumerated() {
            if definitions.contains(where: { $0.id == entry.id }) {
                throw LocatedError(
                    path: file.path, line: node(file, "indicators", index, "id")?.mark?.line,
                    message: "indicator id \"\(entry.id)\" appears twice in standard \(document.id); each indicator once")
            }
            definitions.append(try definition(entry, file: file, index: index, fields: fields))
        }
        let cutoff = document.deprivation_cutoff ?? 3
        guard cutoff >= 1, cutoff <= definitions.count else {
            throw LocatedError(
                path: file.path, line: file.root["deprivation_cutoff"]?.mark?.line,
                message: "deprivation_cutoff must be a whole number between 1 and the number of indicators (\(definitions.count)), got \(cutoff)")
        }
        for (key, thresholds) in [
            ("income_line", Optional(document.income_line)), ("average_upper_bound", document.average_upper_bound), ("score_line", document.score_line),
        ] {
            if let thresholds, thresholds.rural < 0 || thresholds.urban < 0 {
                throw LocatedError(path: file.path, line: file.root[key]?.mark?.line, message: "\(key) must not be negative")
            }
        }
        if let upper = document.average_upper_bound,
            upper.rural < document.income_line.rural || upper.urban < document.income_line.urban
        {
            throw LocatedError(
                path: file.path, line: file.root["average_upper_bound"]?.mark?.line,
                message: "average_upper_bound must not be below income_line")
        }
        return Standard(
            id: StandardID(document.id), nameVi: document.name_vi, legalBasis: document.legal_basis ?? "",
            provisional: document.provisional ?? false, national: document.national ?? true,
            incomeLine: AreaThresholds(rural: document.income_line.rural, urban: document.income_line.urban),
            averageUpperBound: document.average_upper_bound.map { AreaThresholds(rural: $0.rural, urban: $0.urban) },
            scoreLine: document.score_line.map { AreaThresholds(rural: $0.rural, urban: $0.urban) },
            indicators: definitions, deprivationCutoff: cutoff)
    }
}
