/// A unit judged at an evaluation year: a unit valid at that year, or a merged province's old
/// territory (plans.md "A plan's territory").
public struct EvaluatedUnit: Sendable, Equatable {
    public var level: UnitLevel
    public var code: UnitCode
    public var name: String
    /// The admin row valid at the evaluation year (nil for villages and for a territory).
    public var adminRow: AdminUnit?
    /// True for the old territory of a province merged in the 2025 reform: its figures are the
    /// sum of the communes valid at the evaluation year that descend from its old communes.
    public var isTerritory: Bool

    public init(level: UnitLevel, code: UnitCode, name: String, adminRow: AdminUnit? = nil, isTerritory: Bool = false) {
        self.level = level
        self.code = code
        self.name = name
        self.adminRow = adminRow
        self.isTerritory = isTerritory
    }
}

/// The figures of a unit in one year, or why there are none.
public enum FigureLookup: Sendable, Equatable {
    /// The (possibly restated) figures and the standard they were computed with.
    case figures(UnitFigures, standard: String)
    /// No data for this unit and year.
    case missing
    /// The year has data, but only under other standards (a change of standard).
    case otherStandard([String])

    public var figures: UnitFigures? {
        if case .figures(let f, _) = self { return f }
        return nil
    }
}

/// The figures of the years a rule needs, or the `insufficient_data` outcome.
public enum RequiredFigures {
    case available([ReviewYear: UnitFigures], standards: [ReviewYear: String])
    case unavailable(RuleOutcome)
}
