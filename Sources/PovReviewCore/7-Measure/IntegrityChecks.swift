/// The integrity checks of outputs.md §3 as pure functions over counts the store prepares.
/// Every function returns only the flagged units, sorted by level and unit code.
public enum IntegrityChecks {
    /// A count of "successes" among "trials" in one unit, for the binomial checks.
    public struct UnitProportion: Sendable, Equatable {
        public var level: UnitLevel
        public var unit: UnitCode
        public var province: UnitCode
        public var successes: Int
        public var trials: Int
        public init(level: UnitLevel, unit: UnitCode, province: UnitCode, successes: Int, trials: Int) {
            self.level = level
            self.unit = unit
            self.province = province
            self.successes = successes
            self.trials = trials
        }
    }

    /// `income_bunching` and `exit_without_change`: a unit is flagged when it has enough
    /// trials (`minimumTrials`) and successes (`minimumSuccesses`), and the exact one-sided
    /// binomial test of its successes against its province's share gives `p < pValue`.
    /// Province rows are the reference share, never judged themselves.
    ///
    /// - Parameters:
    ///   - units: the units of every level except the province.
    ///   - provinces: the province totals (successes, trials) by province code.
    public static func binomialExcess(
        check: IntegrityCheck, year: Int, standard: StandardID, units: [UnitProportion],
        provinces: [UnitCode: (successes: Int, trials: Int)], minimumTrials: Int, minimumSuccesses: Int,
        pValue: Double, names: (successes: String, trials: String)
    ) -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        for unit in units where unit.level != .province && unit.trials >= minimumTrials && unit.successes >= minimumSuccesses {
            guard let province = provinces[unit.province], province.trials > 0 else { continue }
            let share = Double(province.successes) / Double(province.trials)
            let p = BinomialTail.upperTail(successes: unit.successes, trials: unit.trials, probability: share)
            guard p < pValue else { continue }
            var detail = JSONFields()
            detail.add(names.successes, unit.successes)
            detail.add(names.trials, unit.trials)
            detail.add("unit_share", Double(unit.successes) / Double(unit.trials))
            detail.add("province_" + names.successes, province.successes)
            detail.add("province_" + names.trials, province.trials)
            detail.add("province_share", share)
            detail.add("p_value", p)
            findings.append(
                IntegrityFinding(
                    reviewYear: year, standard: standard, level: unit.level, unitCode: unit.unit, check: check,
                    severity: .warning, statistic: p, threshold: pValue, detail: detail.text))
        }
        return sorted(findings)
    }

    /// One unit's poor rate and mean deprivation count in two consecutive years.
    public struct RateFall: Sendable, Equatable {
        public var level: UnitLevel
        public var unit: UnitCode
        public var province: UnitCode
        public var householdsBefore: Int
        public var householdsAfter: Int
        public var rateBefore: Double
        public var rateAfter: Double
        public var meanDeprivationsBefore: Double
        public var meanDeprivationsAfter: Double
        public init(
            level: UnitLevel, unit: UnitCode, province: UnitCode, householdsBefore: Int, householdsAfter: Int,
            rateBefore: Double, rateAfter: Double, meanDeprivationsBefore: Double, meanDeprivationsAfter: Double
        ) {
            self.level = level
            self.unit = unit
            self.province = province
            self.householdsBefore = householdsBefore
            self.householdsAfter = householdsAfter
            self.rateBefore = rateBefore
            self.rateAfter = rateAfter
            self.meanDeprivationsBefore = meanDeprivationsBefore
            self.meanDeprivationsAfter = meanDeprivationsAfter
        }
        public var fall: Double { rateBefore - rateAfter }
    }

    /// `implausible_drop`: the poor rate fell by more than both `dropMinimumPoints` and the
    /// median fall + 6 × 1.4826 × MAD of the falls of the same level's units of the province
    /// with enough households in both years, while the mean deprivation count moved by less
    /// than `dropMaximumDeprivationChange`. Units with too few households are not judged.
    public static func implausibleDrops(
        year: Int, standard: StandardID, units: [RateFall],
        thresholds: IntegrityThresholds
    ) -> [IntegrityFinding] {
        struct Group: Hashable { var level: UnitLevel; var province: UnitCode }
        let judged = units.filter {
            $0.householdsBefore >= thresholds.dropMinimumHouseholds && $0.householdsAfter >= thresholds.dropMinimumHouseholds
        }
        var findings: [IntegrityFinding] = []
        for (_, members) in Dictionary(grouping: judged, by: { Group(level: $0.level, province: $0.province) }) {
            let falls = members.map(\.fall)
            guard let median = RobustSpread.median(falls), let mad = RobustSpread.medianAbsoluteDeviation(falls) else { continue }
            let robust = median + thresholds.dropMADMultiplier * 1.4826 * mad
            for unit in members {
                let deprivationChange = unit.meanDeprivationsAfter - unit.meanDeprivationsBefore
                guard unit.fall > thresholds.dropMinimumPoints, unit.fall > robust,
                    abs(deprivationChange) < thresholds.dropMaximumDeprivationChange
                else { continue }
                var detail = JSONFields()
                detail.add("poor_rate_before", unit.rateBefore)
                detail.add("poor_rate_after", unit.rateAfter)
                detail.add("households_before", unit.householdsBefore)
                detail.add("households_after", unit.householdsAfter)
                detail.add("units_compared", members.count)
                detail.add("median_fall", median)
                detail.add("mad", mad)
                detail.add("mean_deprivations_before", unit.meanDeprivationsBefore)
                detail.add("mean_deprivations_after", unit.meanDeprivationsAfter)
                findings.append(
                    IntegrityFinding(
                        reviewYear: year, standard: standard, level: unit.level, unitCode: unit.unit, check: .implausibleDrop,
                        severity: .warning, statistic: unit.fall, threshold: max(thresholds.dropMinimumPoints, robust),
                        detail: detail.text))
            }
        }
        return sorted(findings)
    }

    /// One unit's households of `T − 1` and how many of them are absent at `T`.
    public struct Absence: Sendable, Equatable {
        public var level: UnitLevel
        public var unit: UnitCode
        public var householdsBefore: Int
        public var absent: Int
        public init(level: UnitLevel, unit: UnitCode, householdsBefore: Int, absent: Int) {
            self.level = level
            self.unit = unit
            self.householdsBefore = householdsBefore
            self.absent = absent
        }
    }

    /// `bulk_absence`: more than `absenceMaximumPercent` of the unit's households of `T − 1` are
    /// absent at `T` (`100·absent > limit·households`, so exactly 10% is not flagged). A
    /// `warning` for units with at least `absenceWarningMinimumHouseholds` households at `T − 1`,
    /// `info` below (in a village of 8 households one family moving away is 12.5%).
    public static func bulkAbsences(
        year: Int, standard: StandardID, units: [Absence],
        thresholds: IntegrityThresholds
    ) -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        for unit in units where unit.householdsBefore > 0 {
            guard Double(unit.absent) * 100 > thresholds.absenceMaximumPercent * Double(unit.householdsBefore) else { continue }
            var detail = JSONFields()
            detail.add("households_before", unit.householdsBefore)
            detail.add("absent", unit.absent)
            findings.append(
                IntegrityFinding(
                    reviewYear: year, standard: standard, level: unit.level, unitCode: unit.unit, check: .bulkAbsence,
                    severity: unit.householdsBefore >= thresholds.absenceWarningMinimumHouseholds ? .warning : .info,
                    statistic: 100 * Double(unit.absent) / Double(unit.householdsBefore),
                    threshold: thresholds.absenceMaximumPercent, detail: detail.text))
        }
        return sorted(findings)
    }

    /// One unit's reviewed counts, with its parent, for `sum_mismatch`.
    public struct UnitCounts: Sendable, Equatable {
        public var level: UnitLevel
        public var unit: UnitCode
        public var parent: UnitCode?
        public var counts: [Int]
        public init(level: UnitLevel, unit: UnitCode, parent: UnitCode?, counts: [Int]) {
            self.level = level
            self.unit = unit
            self.parent = parent
            self.counts = counts
        }
    }

    /// `sum_mismatch`: a commune's counts differ from the sum of its villages, a district's from
    /// the sum of its communes, or a province's from the sum of its communes (a self-check).
    /// `counts` are compared position by position; `countNames` name them in the detail.
    public static func sumMismatches(year: Int, standard: StandardID, units: [UnitCounts], countNames: [String]) -> [IntegrityFinding] {
        var byCode: [UnitLevel: [UnitCode: UnitCounts]] = [:]
        for unit in units { byCode[unit.level, default: [:]][unit.unit] = unit }
        var sums: [UnitLevel: [UnitCode: [Int]]] = [:]
        func add(_ counts: [Int], to level: UnitLevel, _ code: UnitCode) {
            var sum = sums[level]?[code] ?? Array(repeating: 0, count: counts.count)
            for i in counts.indices { sum[i] += counts[i] }
            sums[level, default: [:]][code] = sum
        }
        for unit in units {
            switch unit.level {
            case .village:
                if let parent = unit.parent { add(unit.counts, to: .commune, parent) }
            case .commune:
                guard let parent = unit.parent else { continue }
                if byCode[.district]?[parent] != nil {
                    add(unit.counts, to: .district, parent)
                    if let province = byCode[.district]?[parent]?.parent { add(unit.counts, to: .province, province) }
                } else {
                    add(unit.counts, to: .province, parent)
                }
            default:
                break
            }
        }
        var findings: [IntegrityFinding] = []
        for level in [UnitLevel.commune, .district, .province] {
            for (code, unit) in byCode[level] ?? [:] {
                // A commune without villages (only an official total) has nothing to add up.
                guard let sum = sums[level]?[code] ?? (level == .commune ? nil : Array(repeating: 0, count: unit.counts.count)) else { continue }
                let difference = zip(unit.counts, sum).map { abs($0 - $1) }.max() ?? 0
                guard difference != 0 else { continue }
                var detail = JSONFields()
                for (i, name) in countNames.enumerated() {
                    detail.add(name, unit.counts[i])
                    detail.add(name + "_sum_below", sum[i])
                }
                findings.append(
                    IntegrityFinding(
                        reviewYear: year, standard: standard, level: level, unitCode: code, check: .sumMismatch,
                        severity: .warning, statistic: Double(difference), threshold: 0, detail: detail.text))
            }
        }
        return sorted(findings)
    }

    static func sorted(_ findings: [IntegrityFinding]) -> [IntegrityFinding] {
        findings.sorted { ($0.level, $0.unitCode) < ($1.level, $1.unitCode) }
    }
}
