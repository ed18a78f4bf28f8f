import PovReviewCore
import Testing

/// The integrity checks' arithmetic on hand-made inputs (outputs.md §3).
@Suite struct IntegrityChecksTests {
    @Test func binomialUpperTailAgainstHandComputedValues() {
        // P(X ≥ 4), n = 5, p = 1/2: (C(5,4) + C(5,5)) / 32 = 6/32.
        #expect(abs(BinomialTail.upperTail(successes: 4, trials: 5, probability: 0.5) - 0.1875) < 1e-15)
        // P(X ≥ 3), n = 10, p = 0.1: 1 − 0.9¹⁰ − 10·0.1·0.9⁹ − 45·0.01·0.9⁸ = 0.0701908264.
        #expect(abs(BinomialTail.upperTail(successes: 3, trials: 10, probability: 0.1) - 0.0701908264) < 1e-12)
        // P(X ≥ 100), n = 100, p = 0.01: 0.01¹⁰⁰ = 1e-200, far below what 1 − CDF can show.
        let tiny = BinomialTail.upperTail(successes: 100, trials: 100, probability: 0.01)
        #expect(abs(tiny / 1e-200 - 1) < 1e-12)
        #expect(BinomialTail.upperTail(successes: 0, trials: 7, probability: 0.3) == 1)
        #expect(BinomialTail.upperTail(successes: 8, trials: 7, probability: 0.3) == 0)
    }

    @Test func medianAndMAD() {
        #expect(RobustSpread.median([4, 1, 3, 2]) == 2.5)
        #expect(RobustSpread.median([20, 1, 3, 2, 4]) == 3)
        #expect(RobustSpread.medianAbsoluteDeviation([1, 2, 3, 4, 20]) == 1)  // |−2|,|−1|,0,1,17 → 1
        #expect(RobustSpread.median([]) == nil)
    }

    static func fall(_ unit: String, _ fall: Double, households: Int = 100, deprivationChange: Double = 0.05) -> IntegrityChecks.RateFall {
        IntegrityChecks.RateFall(
            level: .commune, unit: UnitCode(unit), province: "99", householdsBefore: households,
            householdsAfter: households, rateBefore: 30, rateAfter: 30 - fall,
            meanDeprivationsBefore: 2, meanDeprivationsAfter: 2 + deprivationChange)
    }

    /// Falls 1, 2, 3, 4, 20 (and 20 with the deprivations moving, and 30 in a unit of 24
    /// households): median 3, MAD 1, robust threshold 3 + 6·1.4826·1 = 11.8956.
    @Test func implausibleDropUsesMedianAndMAD() {
        let units = [
            Self.fall("01", 1), Self.fall("02", 2), Self.fall("03", 3), Self.fall("04", 4), Self.fall("05", 20),
            Self.fall("07", 30, households: 24),
        ]
        let findings = IntegrityChecks.implausibleDrops(year: 2024, standard: "vn-2022", units: units, thresholds: IntegrityThresholds())
        #expect(findings.map(\.unitCode) == ["05"])
        #expect(findings[0].statistic == 20)
        #expect(abs(findings[0].threshold - 11.8956) < 1e-12)
        #expect(findings[0].severity == .warning)
        // The same falls, but unit 05's mean deprivation count moved by 0.2: nothing is flagged.
        var moved = units
        moved[4] = Self.fall("05", 20, deprivationChange: 0.2)
        #expect(IntegrityChecks.implausibleDrops(year: 2024, standard: "vn-2022", units: moved, thresholds: IntegrityThresholds()).isEmpty)
        // A second fall of 20: median (3 + 4)/2 = 3.5, deviations 2.5, 1.5, 0.5, 0.5, 16.5, 16.5,
        // MAD (1.5 + 2.5)/2 = 2, threshold 3.5 + 6·1.4826·2 = 21.2912 > 20: neither is flagged.
        let twice = IntegrityChecks.implausibleDrops(
            year: 2024, standard: "vn-2022", units: units + [Self.fall("06", 20)], thresholds: IntegrityThresholds())
        #expect(twice.isEmpty)
    }

    @Test func bulkAbsenceAtExactlyTenPercentIsNotFlagged() {
        let units = [
            IntegrityChecks.Absence(level: .village, unit: "01/A", householdsBefore: 100, absent: 10),
            IntegrityChecks.Absence(level: .village, unit: "01/B", householdsBefore: 100, absent: 11),
            IntegrityChecks.Absence(level: .village, unit: "01/C", householdsBefore: 10, absent: 2),
        ]
        let findings = IntegrityChecks.bulkAbsences(year: 2023, standard: "vn-2022", units: units, thresholds: IntegrityThresholds())
        #expect(findings.map(\.unitCode) == ["01/B", "01/C"])
        #expect(findings[0].statistic == 11 && findings[0].threshold == 10 && findings[0].severity == .warning)
        #expect(findings[1].severity == .info)  // 10 households at T − 1: context only
        #expect(findings[0].detail == #"{"households_before":100,"absent":11}"#)
    }

    @Test func binomialExcessNeedsEnoughHouseholdsAndASmallPValue() {
        // Province: 100 of 200 just above. Unit A: 30 of 30 above: p = 0.5³⁰ ≈ 9.3e-10 < 0.001.
        // Unit B: 29 of 29 (below the minimum of 30). Unit C: 20 of 30: p ≈ 0.049.
        let units = [
            IntegrityChecks.UnitProportion(level: .commune, unit: "A", province: "99", successes: 30, trials: 30),
            IntegrityChecks.UnitProportion(level: .commune, unit: "B", province: "99", successes: 29, trials: 29),
            IntegrityChecks.UnitProportion(level: .commune, unit: "C", province: "99", successes: 20, trials: 30),
        ]
        let findings = IntegrityChecks.binomialExcess(
            check: .incomeBunching, year: 2024, standard: "vn-2022", units: units, provinces: ["99": (100, 200)],
            minimumTrials: 30, minimumSuccesses: 0, pValue: 0.001, names: ("just_above", "within_5_percent"))
        #expect(findings.map(\.unitCode) == ["A"])
        #expect(abs(findings[0].statistic / 0.5.power(30) - 1) < 1e-12)
    }

    @Test func sumMismatchComparesEachLevelWithTheOneBelow() {
        let units = [
            IntegrityChecks.UnitCounts(level: .village, unit: "01/A", parent: "01", counts: [10, 2]),
            IntegrityChecks.UnitCounts(level: .village, unit: "01/B", parent: "01", counts: [5, 1]),
            IntegrityChecks.UnitCounts(level: .commune, unit: "01", parent: "99", counts: [15, 3]),
            IntegrityChecks.UnitCounts(level: .village, unit: "02/A", parent: "02", counts: [7, 1]),
            IntegrityChecks.UnitCounts(level: .commune, unit: "02", parent: "99", counts: [7, 2]),
            IntegrityChecks.UnitCounts(level: .province, unit: "99", parent: nil, counts: [22, 5]),
        ]
        let findings = IntegrityChecks.sumMismatches(year: 2024, standard: "vn-2022", units: units, countNames: ["households", "poor"])
        #expect(findings.map(\.unitCode) == ["02"])  // the province (22, 5) adds up: 15 + 7, 3 + 2
        #expect(findings[0].statistic == 1)
    }
}

extension Double {
    fileprivate func power(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * self } }
}
