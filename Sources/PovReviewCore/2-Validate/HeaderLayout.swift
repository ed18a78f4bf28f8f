/// Where each canonical column sits in a dump's header, after aliases.
public struct HeaderLayout: Sendable, Equatable {
    /// Number of fields in the header (every row must have as many).
    public let fieldCount: Int
    /// The header names as written (NFC, trimmed), by field position.
    public let names: [String]
    /// Field position of each column, indexed by `Column.index`; -1 when absent.
    public let positions: [Int]
    /// Field positions whose header matched no column (kept out of the statistics).
    public let unknownPositions: [Int]
    /// Field position of each extra input column of the run (`ValidationRules.extraColumns`
    /// order); -1 when absent.
    public var extraPositions: [Int] = []

    /// Resolves `names` with `aliases` (pinned rule 10: two headers mapping to one column is a
    /// header problem).
    /// Headers that match an extra input column (its name or one of its aliases, compared like
    /// built-in headers: NFC, trimmed, case-insensitive) are placed in `extraPositions`.
    public static func resolve(
        _ names: [String], aliases: AliasTable<Column> = DefaultAliases.headers, extraColumns: [ExtraColumn] = []
    ) -> Result<HeaderLayout, HeaderProblem> {
        var extraPositions = [Int](repeating: -1, count: extraColumns.count)
        let extraSpellings = extraColumns.map { column in
            Set(([column.name] + column.headerAliases).map { TextNormalization.normalizedText($0).lowercased() })
        }
        var positions = [Int](repeating: -1, count: Column.allCases.count)
        var unknown: [Int] = []
        var cleaned: [String] = []
        for (position, raw) in names.enumerated() {
            let name = TextNormalization.normalizedText(raw)
            cleaned.append(name)
            guard let column = aliases.value(for: name) else {
                let folded = name.lowercased()
                if let extra = extraSpellings.firstIndex(where: { $0.contains(folded) }) {
                    if extraPositions[extra] >= 0 {
                        return .failure(.duplicateExtraColumn(extraColumns[extra].name, firstHeader: cleaned[extraPositions[extra]], secondHeader: name))
                    }
                    extraPositions[extra] = position
                    continue
                }
                unknown.append(position)
                continue
            }
            let earlier = positions[column.index]
            if earlier >= 0 {
                return .failure(.duplicateColumn(column, firstHeader: cleaned[earlier], secondHeader: name))
            }
            positions[column.index] = position
        }
        return .success(
            HeaderLayout(
                fieldCount: names.count, names: cleaned, positions: positions,
                unknownPositions: unknown, extraPositions: extraPositions))
    }

    /// The field position of `column`, or nil when the header lacks it.
    public func position(of column: Column) -> Int? {
        let p = positions[column.index]
        return p >= 0 ? p : nil
    }

    /// The columns present in the header.
    public var columns: ColumnSet { ColumnSet(Column.allCases.filter { position(of: $0) != nil }) }

    /// The first header problem against `rules` that holds for every row: a missing required
    /// column, or (basis `auto`) neither income column. Year-specific columns are checked per
    /// row (`RowValidator`), since only rows say their year.
    public func problem(for rules: ValidationRules) -> HeaderProblem? {
        for column in rules.headerRequired.columns where position(of: column) == nil {
            return .missingColumn(column, year: nil)
        }
        if position(of: .incomePerCapita) == nil && position(of: .incomeScore) == nil {
            return .missingIncome
        }
        return nil
    }

    /// Field positions of the personal-data columns (masked in raw text, rule 11).
    public var personalPositions: [Int] {
        [Column.headName, .headIDNumber].compactMap { position(of: $0) }
    }
}

/// A problem with a dump's header: fails the run (pinned rule 10).
public enum HeaderProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required column is missing; `year` when only the standard of that review year needs it.
    case missingColumn(Column, year: ReviewYear?)
    /// Neither `income_per_capita` nor `income_score` is present.
    case missingIncome
    /// Two headers map to the same column.
    case duplicateColumn(Column, firstHeader: String, secondHeader: String)
    /// An extra input column a standard of `year` reads is missing.
    case missingExtraColumn(String, year: ReviewYear?)
    /// Two headers map to the same extra input column.
    case duplicateExtraColumn(String, firstHeader: String, secondHeader: String)

    /// The canonical column at fault.
    public var column: String {
        switch self {
        case .missingColumn(let column, _), .duplicateColumn(let column, _, _): column.rawValue
        case .missingIncome: "income_per_capita"
        case .missingExtraColumn(let name, _), .duplicateExtraColumn(let name, _, _): name
        }
    }

    public var description: String {
        switch self {
        case .missingColumn(let column, nil):
            "the header has no column \"\(column.rawValue)\" (or one of its aliases); every row needs it"
        case .missingColumn(let column, let year?):
            "the header has no column \"\(column.rawValue)\", which rows of review year \(year) need under its poverty standard"
        case .missingIncome:
            "the header has neither \"income_per_capita\" nor \"income_score\"; each row needs one of the two"
        case .duplicateColumn(let column, let first, let second):
            "headers \"\(first)\" and \"\(second)\" both mean column \"\(column.rawValue)\""
        case .missingExtraColumn(let name, let year):
            "the header has no column \"\(name)\" (or one of its aliases), which rows of review year \(year.map { "\($0)" } ?? "?") need under a standard of the pipeline that reads it; add the column, or classify that year without that standard"
        case .duplicateExtraColumn(let name, let first, let second):
            "headers \"\(first)\" and \"\(second)\" both mean column \"\(name)\""
        }
    }
}
