/// Options of one evaluation run.
public struct EvaluationOptions: Sendable, Equatable {
    /// Judge a provincial plan on this province instead of its own (the sample data is a
    /// fictional province: "evaluate plan vinh-phuc on province 99"). For the national plan it
    /// restricts the units to this province.
    public var territoryOverride: UnitCode?

    public init(territoryOverride: UnitCode? = nil) {
        self.territoryOverride = territoryOverride
    }
}
