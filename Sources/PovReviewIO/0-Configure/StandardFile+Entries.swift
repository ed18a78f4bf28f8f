import Foundation
import PovReviewCore
import Yams

extension StandardFile {
    /// Dimension ids a standard file may use (the six of the multidimensional standard).
    static let dimensions = Dimension.allCases.map(\.rawValue)

    /// Checks and compiles one indicator entry; a rule error is located at its line and column.
    static func definition(
        _ entry: IndicatorEntry, file: YAMLFile, index: Int, fields: [RuleField]
    ) throws(LocatedError) -> IndicatorDefinition {
        guard isIdentifier(entry.id) else {
            throw LocatedError(
                path: file.path, line: node(file, "indicators", index, "id")?.mark?.line,
                message: "indicator id \"\(entry.id)\" must be lower-case letters, digits and _ (it names database values)")
        }
        guard dimensions.contains(entry.dimension) else {
            throw LocatedError(
                path: file.path, line: node(file, "indicators", index, "dimension")?.mark?.line,
                message: "unknown dimension \"\(entry.dimension)\"; expected one of: \(dimensions.joined(separator: ", "))")
        }
        do {
            return try IndicatorDefinition(
                id: entry.id, nameVi: entry.name_vi, nameEn: entry.name_en, dimension: entry.dimension,
                legalBasis: entry.legal_basis ?? "", provisional: entry.provisional ?? false,
                rule: entry.deprived_when, fields: fields)
        } catch {
            let rule = node(file, "indicators", index, "deprived_when")
            var column: Int? = nil
            if let mark = rule?.mark, let scalar = rule?.scalar {
                switch scalar.style {
                case .plain: column = mark.column + error.offset
                case .singleQuoted, .doubleQuoted: column = mark.column + 1 + error.offset
                default: column = nil
                }
                // Only single-line rules map offsets to columns.
                if scalar.string.contains("\n") { column = nil }
            }
            throw LocatedError(
                path: file.path, line: rule?.mark?.line, column: column,
                message: "indicator \"\(entry.id)\", deprived_when: \(error.message)")
        }
    }

    /// Checks one `input_columns` entry.
    static func extraColumn(_ entry: ColumnEntry, file: YAMLFile, index: Int) throws(LocatedError) -> ExtraColumn {
        guard isIdentifier(entry.name) else {
            throw LocatedError(
                path: file.path, line: node(file, "input_columns", index, "name")?.mark?.line,
                message: "input column name \"\(entry.name)\" must be lower-case letters, digits and _ (the canonical header)")
        }
        if Column(rawValue: entry.name) != nil {
            throw LocatedError(
                path: file.path, line: node(file, "input_columns", index, "name")?.mark?.line,
                message: "\"\(entry.name)\" is already a column of the dump format; declare only new columns")
        }
        let type: RuleValueType
        switch entry.type {
        case "integer": type = .integer
        case "boolean": type = .boolean
        case "decimal": type = .decimal
        case "enum":
            let values = entry.values ?? []
            guard !values.isEmpty, values.allSatisfy(isIdentifier), Set(values).count == values.count, values.count <= 64 else {
                throw LocatedError(
                    path: file.path, line: node(file, "input_columns", index, "values")?.mark?.line,
                    message: "an enum column needs `values:` — a list of distinct lower-case values (letters, digits, _), at most 64")
            }
            type = .enumeration(values)
        default:
            throw LocatedError(
                path: file.path, line: node(file, "input_columns", index, "type")?.mark?.line,
                message: "unknown column type \"\(entry.type)\"; expected integer, boolean, decimal or enum")
        }
        if entry.values != nil, entry.type != "enum" {
            throw LocatedError(
                path: file.path, line: node(file, "input_columns", index, "values")?.mark?.line,
                message: "`values:` is only for type enum")
        }
        return ExtraColumn(name: entry.name, type: type, headerAliases: entry.header_aliases ?? [])
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
