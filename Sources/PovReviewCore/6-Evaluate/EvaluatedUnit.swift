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
