/// Exact integer counts of one unit in one review year under one standard: the additive part of
/// a `unit_rates` row. Rates are derived from these counts, never stored in them.
public struct UnitTally: Sendable, Equatable {
    public var households = 0
    /// Households in rural areas (for criteria on rural communes).
    public var ruralHouseholds = 0
    public var poor = 0
    public var nearPoor = 0
    public var average = 0
    public var ethnicMinorityHouseholds = 0
    public var ethnicMinorityPoor = 0
    /// Poor households without labour capacity.
    public var poorWithoutLabourCapacity = 0
    /// Poor households without labour capacity or with a social-protection member
    /// (hộ nghèo có hoàn cảnh đặc biệt khó khăn; provisional proxy, plans.md).
    public var poorSpecialDifficulty = 0
    /// Persons (nhân khẩu) in poor households.
    public var poorMembers = 0
    /// Persons in near-poor households.
    public var nearPoorMembers = 0
    /// Poor households deprived on each indicator, indexed by `IndicatorID.bit`.
    public var poorDeprived = [Int](repeating: 0, count: IndicatorID.allCases.count)
    /// Near-poor households deprived on each indicator, indexed by `IndicatorID.bit`.
    public var nearPoorDeprived = [Int](repeating: 0, count: IndicatorID.allCases.count)

    public init() {}

    /// Poor plus near-poor households (quy mô hộ nghèo và hộ cận nghèo).
    public var poorNearPoor: Int { poor + nearPoor }

    /// Counts one classified household (`sign` -1 removes it again).
    ///
    /// Walks the deprivation bits directly (bit `i` is `IndicatorID.bit` `i`): iterating the
    /// `DeprivationSet` builds an array per call.
    public mutating func add(_ household: Household, _ classification: Classification, sign: Int = 1) {
        households += sign
        if household.area == .rural { ruralHouseholds += sign }
        if household.ethnicMinority { ethnicMinorityHouseholds += sign }
        switch classification.status {
        case .poor:
            poor += sign
            poorMembers += sign * household.members
            if household.ethnicMinority { ethnicMinorityPoor += sign }
            if household.withoutLabourCapacity { poorWithoutLabourCapacity += sign }
            if household.withoutLabourCapacity || household.withSocialProtection {
                poorSpecialDifficulty += sign
            }
            var bits = classification.deprivations.bits
            while bits != 0 {
                poorDeprived[bits.trailingZeroBitCount] += sign
                bits &= bits - 1
            }
        case .nearPoor:
            nearPoor += sign
            nearPoorMembers += sign * household.members
            var bits = classification.deprivations.bits
            while bits != 0 {
                nearPoorDeprived[bits.trailingZeroBitCount] += sign
                bits &= bits - 1
            }
        case .average:
            average += sign
        case .above:
            break
        }
    }

    /// Adds every count of `other` (rolling villages up into communes, communes into districts).
    public static func += (lhs: inout UnitTally, rhs: UnitTally) {
        lhs.households += rhs.households
        lhs.ruralHouseholds += rhs.ruralHouseholds
        lhs.poor += rhs.poor
        lhs.nearPoor += rhs.nearPoor
        lhs.average += rhs.average
        lhs.ethnicMinorityHouseholds += rhs.ethnicMinorityHouseholds
        lhs.ethnicMinorityPoor += rhs.ethnicMinorityPoor
        lhs.poorWithoutLabourCapacity += rhs.poorWithoutLabourCapacity
        lhs.poorSpecialDifficulty += rhs.poorSpecialDifficulty
        lhs.poorMembers += rhs.poorMembers
        lhs.nearPoorMembers += rhs.nearPoorMembers
        for i in lhs.poorDeprived.indices {
            lhs.poorDeprived[i] += rhs.poorDeprived[i]
            lhs.nearPoorDeprived[i] += rhs.nearPoorDeprived[i]
        }
    }
}

/// A percentage `100 × part / whole` (REAL, full precision), or nil when `whole` is 0.
public func percentage(_ part: Int, of whole: Int) -> Double? {
    whole == 0 ? nil : 100.0 * Double(part) / Double(whole)
}
