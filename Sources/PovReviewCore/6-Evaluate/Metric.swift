/// A rate or share a criterion can judge (percentages).
public enum RateMetric: String, Sendable, Codable, CaseIterable {
    /// `rate_P = 100·P/H` ("tỷ lệ hộ nghèo").
    case poorRate = "rate_P"
    /// `100·N/H`.
    case nearPoorRate = "rate_N"
    /// `rate_PN = 100·(P+N)/H` ("tỷ lệ nghèo đa chiều").
    case poorNearPoorRate = "rate_PN"
    /// `100 × ethnic-minority poor / ethnic-minority households`.
    case ethnicMinorityPoorRate = "ethnic_minority_poor_rate"
    /// `100 × ethnic-minority poor / poor` (Vĩnh Phúc's share).
    case ethnicMinorityPoorShare = "ethnic_minority_poor_share"

    /// True when a zero denominator means "nothing to judge" (`not_applicable`, plans.md pin 5)
    /// rather than missing data.
    public var zeroDenominatorIsNotApplicable: Bool {
        switch self {
        case .ethnicMinorityPoorRate, .ethnicMinorityPoorShare: true
        case .poorRate, .nearPoorRate, .poorNearPoorRate: false
        }
    }
}

/// A count of households a criterion can judge.
public enum CountMetric: String, Sendable, Codable, CaseIterable {
    case poor
    case nearPoor = "near_poor"
    case poorNearPoor = "poor_near_poor"
    case poorSpecialDifficulty = "poor_special_difficulty"
    case households
}

/// The households a coverage target speaks of.
public enum HouseholdGroup: String, Sendable, Codable, CaseIterable {
    case poor
    case poorNearPoor = "poor_near_poor"
}
