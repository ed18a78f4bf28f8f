#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The measures whose change over time `unit_changes` records (outputs.md §3).
public enum ChangeMeasure: String, Sendable, CaseIterable, Hashable {
    case poorRate = "poor_rate"
    case nearPoorRate = "near_poor_rate"
    case poorNearPoorRate = "poor_near_poor_rate"
    case ethnicMinorityPoorRate = "ethnic_minority_poor_rate"
    /// Alkire–Foster measures, scope `all`, the standard's own cut-off.
    case headcountRatio = "headcount_ratio"
    case intensity
    case adjustedHeadcount = "adjusted_headcount"
}

/// `consecutive` (`to = from + 1`) or `whole_period` (first to last review year of the standard).
public enum ChangeKind: String, Sendable, CaseIterable, Hashable {
    case consecutive
    case wholePeriod = "whole_period"
}

/// One `unit_changes` row: the change of one measure of one unit between two review years of
/// the same standard.
public struct UnitChange: Sendable, Equatable {
    public var measure: ChangeMeasure
    public var kind: ChangeKind
    public var fromYear: Int
    public var toYear: Int
    public var fromValue: Double
    public var toValue: Double

    /// to − from (points for rates).
    public var absoluteChange: Double { toValue - fromValue }
    /// 100·(to − from)/from; nil when from = 0.
    public var relativeChangePercent: Double? { fromValue == 0 ? nil : 100 * (toValue - fromValue) / fromValue }
    /// absolute / years.
    public var annualisedAbsolute: Double { absoluteChange / Double(toYear - fromYear) }
    /// 100·((to/from)^(1/years) − 1); nil when from = 0 or to = 0.
    public var annualisedRelativePercent: Double? {
        guard fromValue != 0, toValue != 0 else { return nil }
        let years = toYear - fromYear
        return years == 1 ? 100 * (toValue / fromValue - 1) : 100 * (pow(toValue / fromValue, 1 / Double(years)) - 1)
    }

    /// The changes of one measure of one unit, from its values by review year under one
    /// standard (`values[y]` nil or absent when the unit has no value that year).
    ///
    /// - Parameter standardYears: every review year of the standard in the data, ascending: the
    ///   whole period runs from its first to its last, and needs the unit's value at both.
    public static func changes(of measure: ChangeMeasure, values: [Int: Double], standardYears: [Int]) -> [UnitChange] {
        var result: [UnitChange] = []
        for year in values.keys.sorted() {
            guard let from = values[year], let to = values[year + 1] else { continue }
            result.append(
                UnitChange(
                    measure: measure, kind: .consecutive, fromYear: year, toYear: year + 1,
                    fromValue: from, toValue: to))
        }
        if let first = standardYears.first, let last = standardYears.last, first < last,
            let from = values[first], let to = values[last]
        {
            result.append(
                UnitChange(
                    measure: measure, kind: .wholePeriod, fromYear: first, toYear: last,
                    fromValue: from, toValue: to))
        }
        return result
    }
}
