/// An in-memory figures source: every row keyed by standard, year, level and unit.
public struct FigureTable: FiguresSource, Sendable {
    public struct Key: Hashable, Sendable {
        public var standard: StandardID
        public var year: ReviewYear
        public var level: UnitLevel
        public var unit: UnitCode
    }

    public private(set) var rows: [Key: FigureRow] = [:]
    /// Codes in insertion order; sorted when read (inserting in order would be quadratic).
    private var codes: [StandardID: [ReviewYear: [UnitLevel: [UnitCode]]]] = [:]

    public init() {}

    /// Adds or replaces one row.
    public mutating func insert(
        _ row: FigureRow, level: UnitLevel, unit: UnitCode, year: ReviewYear, standard: StandardID
    ) {
        let key = Key(standard: standard, year: year, level: level, unit: unit)
        if rows[key] == nil {
            codes[standard, default: [:]][year, default: [:]][level, default: []].append(unit)
        }
        rows[key] = row
    }

    public func reviewYears(standard: StandardID) -> [ReviewYear] {
        (codes[standard]?.keys).map { Array($0).sorted() } ?? []
    }

    public func row(level: UnitLevel, unit: UnitCode, year: ReviewYear, standard: StandardID) -> FigureRow? {
        rows[Key(standard: standard, year: year, level: level, unit: unit)]
    }

    public func unitCodes(level: UnitLevel, year: ReviewYear, standard: StandardID) -> [UnitCode] {
        (codes[standard]?[year]?[level] ?? []).sorted()
    }
}
