/// One province's `unit_rates` row (level `province`) as the national roll-up reads it: the
/// counts by column name, so counts that later schema versions add are summed too.
public struct ProvinceFigures: Sendable, Equatable {
    public var reviewYear: Int
    public var standard: StandardID
    public var province: UnitCode
    public var provisionalStandard: Bool
    /// `dump` or `totals` (outputs.md, `unit_rates.denominator_source`).
    public var denominatorSource: String
    /// Every count column of the row (households, poor, …, `poor_deprived_<id>`); nil = NULL.
    public var counts: [String: Int64?]

    public init(
        reviewYear: Int, standard: StandardID, province: UnitCode, provisionalStandard: Bool,
        denominatorSource: String, counts: [String: Int64?]
    ) {
        self.reviewYear = reviewYear
        self.standard = standard
        self.province = province
        self.provisionalStandard = provisionalStandard
        self.denominatorSource = denominatorSource
        self.counts = counts
    }
}
