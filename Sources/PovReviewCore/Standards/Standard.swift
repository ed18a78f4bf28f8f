/// A poverty standard ("chuẩn nghèo đa chiều"): income or score lines by area, the optional
/// average-living-standard band, the indicator list and the deprivation cut-off.
///
/// Standards are data (files under `Pipelines/standards/`), loaded by the I/O layer into this
/// value. Thresholds are VND per person per month, or B1 points for the score lines.
public struct Standard: Sendable, Identifiable, Equatable {
    public static func == (lhs: Standard, rhs: Standard) -> Bool { lhs.id == rhs.id }

    /// Stable id, e.g. `vn-2022`.
    public let id: String
    public let nameVi: String
    public let legalBasis: String
    /// True when the figures are not confirmed (every output computed under it says so).
    public let provisional: Bool
    /// True for a national standard, false for a provincial ("local") one.
    public let national: Bool
    /// Poverty line on income: `I ≤ line` is poor or near-poor.
    public let incomeLine: AreaThresholds
    /// Upper bound of the average-living-standard band (income basis only), when the standard has one.
    public let averageUpperBound: AreaThresholds?
    /// Poverty line on the B1 proxy score, when published.
    public let scoreLine: AreaThresholds?
    /// The indicators of the standard, in catalogue order.
    public let indicators: [IndicatorID]
    /// A household at or below the line is poor when deprived on at least this many indicators.
    public let deprivationCutoff: Int

    public init(
        id: String, nameVi: String, legalBasis: String = "", provisional: Bool = false,
        national: Bool = true, incomeLine: AreaThresholds, averageUpperBound: AreaThresholds?,
        scoreLine: AreaThresholds?, indicators: [IndicatorID], deprivationCutoff: Int = 3
    ) {
        self.id = id
        self.nameVi = nameVi
        self.legalBasis = legalBasis
        self.provisional = provisional
        self.national = national
        self.incomeLine = incomeLine
        self.averageUpperBound = averageUpperBound
        self.scoreLine = scoreLine
        self.indicators = indicators.sorted()
        self.indicatorSet = DeprivationSet(indicators)
        self.deprivationCutoff = deprivationCutoff
    }

    /// The indicators of the standard as a set, for constant-time membership.
    public let indicatorSet: DeprivationSet

    /// Canonical input columns a row must carry to be classified under this standard, beyond the
    /// columns every row needs (the indicator fields; `income_per_capita` when no score line).
    public var requiredFields: Set<String> {
        var fields = Set(indicators.flatMap { Indicator.withID($0).fields })
        if scoreLine == nil { fields.insert("income_per_capita") }
        return fields
    }
}

/// A pair of thresholds, one for rural and one for urban areas.
public struct AreaThresholds: Sendable, Equatable {
    public var rural: Int64
    public var urban: Int64
    public init(rural: Int64, urban: Int64) {
        self.rural = rural
        self.urban = urban
    }
    public subscript(area: Area) -> Int64 { area == .rural ? rural : urban }
}
