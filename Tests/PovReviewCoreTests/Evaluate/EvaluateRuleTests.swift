import PovReviewCore
import Testing

/// Each rule kind at its boundaries, on hand-computed figures (plans.md "Evaluation semantics").
@Suite("Evaluate: rules")
struct EvaluateRuleTests {
    typealias F = EvaluateFixture

    // MARK: consecutive_decrease

    /// District 992: rate_PN 20 → 16 → 12 → 8 (households 1000).
    static func decreasingDistrict(last2024 pn: Int = 80, households: Int = 1000) -> F {
        var f = F.province99()
        f.series(.district, "992", [2021: (1000, 100, 100), 2022: (1000, 80, 80), 2023: (1000, 60, 60)])
        f.series(.district, "992", [2024: (households, pn / 2, pn - pn / 2)])
        return f
    }

    static let fourPointsThreeYears = F.plan(
        ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, .n("4")), years: 3), level: .district)

    @Test func decreaseOfExactlyFourPointsMeetsAtLeastFour() throws {
        let results = Self.decreasingDistrict().evaluate(Self.fourPointsThreeYears)
        let row = try #require(results.first { $0.evaluationYear == 2024 && $0.unitCode == "992" })
        #expect(row.verdict == .met)
        #expect(row.borderline == false)
        let checks = try #require(row.evidence.checks)
        #expect(checks.map(\.value) == [Rational(4), Rational(4), Rational(4)])
        #expect(checks.map(\.fromYear) == [2021, 2022, 2023])
    }

    @Test func missingYearsAreInsufficientAndListed() throws {
        let results = Self.decreasingDistrict().evaluate(Self.fourPointsThreeYears)
        let y2022 = try #require(results.first { $0.evaluationYear == 2022 })
        #expect(y2022.verdict == .insufficientData)
        #expect(y2022.evidence.missingYears == [2019, 2020])
        // Both lie before the 2021 baseline: the reason says the year cannot be judged yet.
        #expect(y2022.evidence.reason?.rawValue == "before_baseline")
        #expect(y2022.evidence.baselineYear == 2021)
        let y2023 = try #require(results.first { $0.evaluationYear == 2023 })
        #expect(y2023.evidence.missingYears == [2020])
        #expect(y2023.borderline == false)
    }

    @Test func decreaseJustBelowFourIsNotMetAndBorderlineWhenRoundingReachesFour() throws {
        // 2023: 12.000 %; 2024: 8004 / 100000 = 8.004 % → decrease 3.996 (exact) but 12.00 − 8.00 = 4.00 rounded.
        var f = F.province99()
        f.series(
            .district, "992",
            [
                2021: (100_000, 10_000, 10_000), 2022: (100_000, 8000, 8000),
                2023: (100_000, 6000, 6000), 2024: (100_000, 4000, 4004),
            ])
        let row = try #require(f.evaluate(Self.fourPointsThreeYears).first { $0.evaluationYear == 2024 })
        #expect(row.verdict == .notMet)
        #expect(row.borderline == true)
        #expect(row.evidence.checks?.last?.value == Rational(3996, 1000))
        #expect(row.evidence.checks?.last?.holdsRounded == true)
    }

    @Test func strictMoreThanExcludesTheThreshold() throws {
        // Lạng Sơn's ethnic-minority rate "giảm trên 3%/năm": 10 → 7 is exactly 3, not more.
        var f = F.province99()
        f.put(.province, "99", 2021, F.tally(households: 1000, poor: 50, emHouseholds: 100, emPoor: 10))
        f.put(.province, "99", 2022, F.tally(households: 1000, poor: 40, emHouseholds: 100, emPoor: 7))
        f.put(.province, "99", 2023, F.tally(households: 1000, poor: 40, emHouseholds: 100, emPoor: 3))
        let plan = F.plan(ConsecutiveDecreaseRule(metric: .ethnicMinorityPoorRate, bound: Bound(.moreThan, .n("3")), years: 1), monitoring: true)
        let rows = f.evaluate(plan)
        #expect(rows.map(\.verdict) == [.notMet, .met])
        #expect(rows.map(\.evaluationYear) == [2022, 2023])
    }

    @Test func noEthnicMinorityHouseholdIsNotApplicable() throws {
        var f = F.province99()
        f.put(.province, "99", 2021, F.tally(households: 1000, poor: 50))
        f.put(.province, "99", 2022, F.tally(households: 1000, poor: 40))
        let plan = F.plan(ConsecutiveDecreaseRule(metric: .ethnicMinorityPoorRate, bound: Bound(.moreThan, .n("3")), years: 1))
        let row = try #require(f.evaluate(plan).first)
        #expect(row.verdict == .notApplicable)
        #expect(row.evidence.reason?.rawValue == "no_ethnic_minority_households")
    }

    @Test func monitoringDecreaseFromZeroIsNotApplicableButAwardCriterionIsNot() throws {
        var f = F.province99()
        f.series(.province, "99", [2021: (1000, 0, 10), 2022: (1000, 0, 5)])
        let rule = ConsecutiveDecreaseRule(metric: .poorRate, bound: Bound(.atLeast, .n("2")), years: 1, alsoReportAtLeast: .n("3"))
        #expect(f.evaluate(F.plan(rule, monitoring: true)).first?.verdict == .notApplicable)
        #expect(f.evaluate(F.plan(rule, monitoring: false)).first?.verdict == .notMet)
    }

    @Test func eachYearTargetRecordsTheHigherBar() throws {
        // Lạng Sơn: rate_P 10 → 7.5 → 5: decreases 2.5 (≥ 2, not ≥ 3) each year.
        var f = F.province99()
        f.series(.province, "99", [2021: (1000, 100, 0), 2022: (1000, 75, 0), 2023: (1000, 50, 0)])
        let rule = ConsecutiveDecreaseRule(metric: .poorRate, bound: Bound(.atLeast, .n("2")), years: 1, alsoReportAtLeast: .n("3"))
        let rows = f.evaluate(F.plan(rule, monitoring: true))
        #expect(rows.map(\.verdict) == [.met, .met])
        #expect(rows[0].evidence.notes?.first { $0.code == "also_at_least" }?.detail == "2021-2022: decrease 2.50 ≥ 3: no")
    }

    // MARK: fall_vs_baseline

    @Test(arguments: [(50, Verdict.notMet), (49, .met), (51, .notMet)])
    func fallOfExactlyHalfIsNotMoreThanHalf(pnAtT: Int, expected: Verdict) throws {
        var f = F.province99()
        let village = UnitCode.village(commune: "99201", name: "Thôn A")
        f.put(.village, village, 2021, F.tally(households: 400, poor: 60, nearPoor: 40), name: "Thôn A")
        f.put(.village, village, 2022, F.tally(households: 400, poor: pnAtT, nearPoor: 0), name: "Thôn A")
        let row = try #require(f.evaluate(F.plan(FallVersusBaselineRule(), level: .village)).first)
        #expect(row.verdict == expected)
        #expect(row.borderline == false)
        #expect(row.unitName == "Thôn A")
        #expect(row.evidence.checks?.first?.value == Rational(100 * (100 - pnAtT), 100))
    }

    @Test func zeroBaselineIsNotApplicable() throws {
        var f = F.province99()
        f.series(.commune, "99201", [2021: (300, 0, 0), 2022: (300, 1, 0)])
        let row = try #require(f.evaluate(F.plan(FallVersusBaselineRule(), level: .commune)).first)
        #expect(row.verdict == .notApplicable)
        #expect(row.evidence.reason?.rawValue == "zero_baseline")
    }

    // MARK: level and share

    @Test func levelBelowHalfAPercentIsBorderlineWhenItRoundsUp() throws {
        // 4999 / 1,000,000 = 0.4999 % < 0.5 exactly, but rounds to 0.50.
        var f = F.province99()
        f.series(.province, "99", [2021: (1_000_000, 9000, 0), 2025: (1_000_000, 4999, 0)])
        let plan = F.plan(LevelRule(metric: .poorRate, bound: Bound(.lessThan, .n("0.5"))), deadline: 2025)
        let rows = f.evaluate(plan)
        #expect(rows.count == 1)
        #expect(rows[0].evaluationYear == 2025)
        #expect(rows[0].verdict == .met)
        #expect(rows[0].borderline == true)
        #expect(rows[0].evidence.years?.first?.rounded == "0.50")
    }

    @Test func deadlineAfterTheLastDataYearGivesNoRow() {
        var f = F.province99()
        f.series(.province, "99", [2021: (1000, 9, 0), 2024: (1000, 4, 0)])
        let plan = F.plan(LevelRule(metric: .poorRate, bound: Bound(.lessThan, .n("0.5"))), deadline: 2025)
        #expect(f.evaluate(plan).isEmpty)
    }

    @Test func deadlineCriterionIsEvaluatedOnlyAtItsYear() {
        var f = F.province99()
        f.series(.province, "99", [2021: (1000, 30, 0), 2022: (1000, 20, 0), 2023: (1000, 10, 0)])
        let plan = F.plan(LevelRule(metric: .poorRate, bound: Bound(.atMost, .n("2"))), deadline: 2022)
        let rows = f.evaluate(plan)
        #expect(rows.map(\.evaluationYear) == [2022])
        #expect(rows.map(\.verdict) == [.met])
    }

    @Test(arguments: [(2, 100, Verdict.met), (3, 100, .notMet), (0, 0, .notApplicable), (5, 200, .notMet), (4, 200, .met)])
    func ethnicMinorityShareOfPoor(emPoor: Int, poor: Int, expected: Verdict) throws {
        var f = F.province99()
        f.put(.province, "99", 2021, F.tally(households: 5000, poor: 300))
        f.put(.province, "99", 2025, F.tally(households: 5000, poor: poor, emHouseholds: 400, emPoor: emPoor))
        let plan = F.plan(ShareRule(part: .ethnicMinorityPoor, whole: .poor, bound: Bound(.lessThan, .n("2.5"))), deadline: 2025)
        let row = try #require(f.evaluate(plan).first)
        #expect(row.verdict == expected)
    }

    // MARK: average_decrease

    @Test(arguments: [(1000, 800, Verdict.met), (1000, 801, .notMet)])
    func averageDecreaseSinceBaseYear(p2022: Int, p2024: Int, expected: Verdict) throws {
        // 100,000 households: 1.000 % → 0.800 % over 2 years = 0.1 point a year exactly (≥ 0.1).
        var f = F.province99()
        f.series(.province, "99", [2022: (100_000, p2022, 0), 2023: (100_000, 900, 0), 2024: (100_000, p2024, 0)])
        let plan = F.plan(
            AverageDecreaseRule(metric: .poorRate, since: 2022, bound: Bound(.atLeast, .n("0.1"))),
            monitoring: true, baseline: 2022, period: 2023...2025)
        let row = try #require(f.evaluate(plan).first { $0.evaluationYear == 2024 })
        #expect(row.verdict == expected)
        #expect(row.evidence.checks?.first?.value == Rational(100 * (p2022 - p2024), 100_000 * 2))
    }

    @Test func averageDecreaseFromZeroIsNotApplicable() {
        var f = F.province99()
        f.series(.province, "99", [2022: (1000, 0, 4), 2023: (1000, 0, 2)])
        let plan = F.plan(
            AverageDecreaseRule(metric: .poorRate, since: nil, bound: Bound(.atLeast, .n("0.1"))),
            monitoring: true, baseline: 2022, period: 2023...2025)
        #expect(f.evaluate(plan).map(\.verdict) == [.notApplicable])
    }

    // MARK: coverage

    @Test func coverageIsMetOnlyWithNoDeprivedHousehold() throws {
        var f = F.province99()
        f.put(.commune, "99101", 2021, F.tally(households: 100, poor: 5))
        f.put(.commune, "99101", 2022, F.tally(households: 100, poor: 5, nearPoor: 5, nearPoorDeprived: [.healthInsurance: 1]))
        f.put(.commune, "99102", 2022, F.tally(households: 100, poor: 0))
        f.put(.commune, "99201", 2022, F.tally(households: 100, poor: 4, nearPoor: 2, poorDeprived: [.water: 0, .latrine: 0, .healthInsurance: 0]))
        let insurance = F.plan(CoverageRule(group: .poorNearPoor, indicators: [.healthInsurance]), level: .commune)
        let rows = f.evaluate(insurance).filter { $0.evaluationYear == 2022 }
        #expect(rows.map(\.unitCode) == ["99101", "99102", "99201"])
        #expect(rows.map(\.verdict) == [.notMet, .met, .met])
        #expect(rows[1].evidence.notes?.contains { $0.code == "vacuous" } == true)
        let poorOnly = F.plan(CoverageRule(group: .poor, indicators: [.healthInsurance]), level: .commune)
        #expect(f.evaluate(poorOnly).first { $0.unitCode == "99101" && $0.evaluationYear == 2022 }?.verdict == .met)
    }

    @Test func coverageOnAnIndicatorTheStandardLacksIsNotApplicable() throws {
        var f = F.province99()
        f.put(.province, "99", 2021, F.tally(households: 100, poor: 5))
        f.put(.province, "99", 2022, F.tally(households: 100, poor: 5))
        var input = f.input
        input.standardIndicators["vn-2022"] = Set(IndicatorID.allCases).subtracting([.informationAccess])
        let plan = F.plan(CoverageRule(group: .poorNearPoor, indicators: [.informationAccess]))
        let row = try #require(PlanEvaluator(input: input).evaluate(plan).first)
        #expect(row.verdict == .notApplicable)
        #expect(row.evidence.reason?.rawValue == "indicator_not_in_standard")
    }

    // MARK: target

    @Test(arguments: [
        (Targets.Metric.poorRateDecrease, "2", Verdict.notMet), (.poorRateDecrease, "1.5", .met),
        (.poorRate, "8", .notMet), (.poorRate, "8.5", .met), (.poorCountDecrease, "19", .met), (.poorCountDecrease, "20", .notMet),
    ])
    func targetComparisonIsStrict(metric: Targets.Metric, target: String, expected: Verdict) throws {
        // rate_P 10.00 % → 8.00 % (100 → 80 poor of 1000): actual decrease 2 points, 20 households.
        var f = F.province99()
        f.series(.commune, "99201", [2021: (1000, 120, 0), 2023: (1000, 100, 0), 2024: (1000, 80, 0)])
        _ = f.targets.insert(Targets.Key(plan: "test-plan", year: 2024, level: .commune, unitCode: "99201", metric: metric), .d(target))
        let rows = f.evaluate(F.plan(TargetComparisonRule(), level: .commune))
        let row = try #require(rows.first { $0.evaluationYear == 2024 })
        #expect(row.verdict == expected)
        #expect(row.evidence.metric == .target(metric))
        // 2023 has no target row; 2022 has no data.
        #expect(rows.first { $0.evaluationYear == 2023 }?.evidence.missingYears == [2022])
        #expect(rows.first { $0.evaluationYear == 2022 }?.verdict == .insufficientData)
    }

    @Test func noTargetRowIsInsufficient() throws {
        var f = F.province99()
        f.series(.commune, "99201", [2021: (1000, 120, 0), 2022: (1000, 100, 0)])
        let row = try #require(f.evaluate(F.plan(TargetComparisonRule(), level: .commune)).first)
        #expect(row.verdict == .insufficientData)
        #expect(row.evidence.reason?.rawValue == "no_target")
    }

    // MARK: count_fell

    @Test(arguments: [(10, 9, Verdict.met), (10, 10, .notMet), (0, 0, .notApplicable), (0, 3, .notApplicable)])
    func countFell(before: Int, after: Int, expected: Verdict) throws {
        var f = F.province99()
        f.put(.commune, "99201", 2021, F.tally(households: 100, poor: before, specialDifficulty: before))
        f.put(.commune, "99201", 2022, F.tally(households: 100, poor: after, specialDifficulty: after))
        let row = try #require(f.evaluate(F.plan(CountFellRule(count: .poorSpecialDifficulty), level: .commune, monitoring: true)).first)
        #expect(row.verdict == expected)
        #expect(row.borderline == false)
    }

    // MARK: any_of / all_of

    @Test func anyOfIsThreeValued() throws {
        // 2022: the 3-year decrease lacks 2019–2020; the fall vs 2021 decides.
        var f = F.province99()
        f.series(.district, "992", [2021: (1000, 100, 100), 2022: (1000, 50, 49)])
        let anyOf = AnyOfRule(parts: [
            ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, .n("4")), years: 3),
            FallVersusBaselineRule(),
        ])
        let met = try #require(f.evaluate(F.plan(anyOf, level: .district)).first)
        #expect(met.verdict == .met)
        #expect(met.evidence.parts?.map(\.verdict) == [.insufficientData, .met])

        f.series(.district, "992", [2022: (1000, 60, 60)])
        let insufficient = try #require(f.evaluate(F.plan(anyOf, level: .district)).first)
        #expect(insufficient.verdict == .insufficientData)
        #expect(insufficient.evidence.parts?.map(\.verdict) == [.insufficientData, .notMet])

        let allOf = AllOfRule(parts: anyOf.parts)
        #expect(f.evaluate(F.plan(allOf, level: .district)).first?.verdict == .notMet)
    }

    // MARK: applicability

    @Test func criteriaApplyOnlyToTheirKindOfUnit() {
        var f = F.province99()
        for code: UnitCode in ["99101", "99102", "99201"] {
            f.series(.commune, code, [2021: (100, 10, 10), 2022: (100, 5, 5)])
        }
        for code: UnitCode in ["991", "992"] {
            f.series(.district, code, [2021: (100, 10, 10), 2022: (100, 5, 5)])
        }
        let coastal = F.plan(FallVersusBaselineRule(), level: .commune, applicability: .coastalSpecialDifficulty)
        #expect(f.evaluate(coastal).map(\.unitCode) == ["99101"])
        let region = F.plan(FallVersusBaselineRule(), level: .commune, applicability: .ethnicRegion([.i, .ii, .iii]))
        #expect(f.evaluate(region).map(\.unitCode) == ["99102"])
        #expect(f.evaluate(F.plan(FallVersusBaselineRule(), level: .district, applicability: .poorDistrict)).map(\.unitCode) == ["991"])
        #expect(f.evaluate(F.plan(FallVersusBaselineRule(), level: .district, applicability: .notPoorDistrict)).map(\.unitCode) == ["992"])
    }
}
