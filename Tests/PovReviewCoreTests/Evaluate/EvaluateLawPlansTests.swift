import PovReviewCore
import Testing

/// Issue 8 items 4–5: poor-district exit by the admin file alone, Vĩnh Phúc's new-rural
/// criterion on `rate_PN`, the provisional plan `ntp-2026-2030`, and provisional marks. Every
/// expected value is computed by hand from plans.md (pins 2, 5, 6) in the comments.
@Suite("Evaluate: corrected readings and the 2026–2030 plan")
struct EvaluateLawPlansTests {
    typealias F = EvaluateFixture

    // MARK: poor-district exit (plans.md pin 6)

    /// Province 99 in 2023 (districts exist): poor districts 991 and 993 (poor_district = 1 in
    /// some row), 992 never poor.
    static func exitWorld(exited991: Bool, poorDistricts: Bool = true) -> F {
        var f = F()
        f.admin = [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(
                code: "991", name: "Huyện Một", level: .district, parentCode: "99", poorDistrict: poorDistricts,
                validTo: exited991 ? 2022 : nil),
            AdminUnit(code: "992", name: "Huyện Hai", level: .district, parentCode: "99"),
            AdminUnit(code: "993", name: "Huyện Ba", level: .district, parentCode: "99", poorDistrict: poorDistricts),
        ]
        if exited991 {
            f.admin.append(AdminUnit(code: "991", name: "Huyện Một", level: .district, parentCode: "99", poorDistrict: false, validFrom: 2023))
        }
        f.series(.province, "99", [2021: (3000, 900, 0), 2023: (3000, 600, 0)])
        // 991 keeps a high rate: 700/1000 = 70 %. 993 falls to 1/1000 = 0.1 %: near 0, still on the list.
        f.series(.district, "991", [2021: (1000, 800, 0), 2023: (1000, 600, 100)])
        f.series(.district, "992", [2021: (1000, 50, 0), 2023: (1000, 40, 0)])
        f.series(.district, "993", [2021: (1000, 50, 0), 2023: (1000, 1, 0)])
        return f
    }

    static let exitPlan = F.plan(PoorDistrictExitRule(), deadline: 2023)

    @Test func adminFileSaysExitedWithAHighRateIsMet() throws {
        let row = try #require(Self.exitWorld(exited991: true).evaluate(Self.exitPlan).first)
        #expect(row.evaluationYear == 2023)
        #expect(row.verdict == .met)
        #expect(row.borderline == false)
        let units = try #require(row.evidence.units)
        #expect(units.map(\.unitCode) == ["991", "993"])
        #expect(units.map(\.basis) == ["admin_file", "admin_file_still_poor"])
        #expect(units.map(\.verdict) == [.met, .notMet])
        // Rates as context only: 991 (600 + 100)/1000 = 70 %, 993 1/1000 = 0.1 %.
        #expect(units.map(\.value) == [Rational(70), Rational(1, 10)])
        #expect(row.evidence.threshold == nil)
    }

    @Test func notExitedWithARateNearZeroIsNotMet() throws {
        let row = try #require(Self.exitWorld(exited991: false).evaluate(Self.exitPlan).first)
        #expect(row.verdict == .notMet)
        #expect(row.evidence.units?.map(\.basis) == ["admin_file_still_poor", "admin_file_still_poor"])
        let en = Explanation(language: .en).text(for: row)
        #expect(en.contains("still on the poor-district list"))
        #expect(en.contains("(context)"))
    }

    @Test func provinceWithoutPoorDistrictIsNotApplicable() throws {
        let row = try #require(Self.exitWorld(exited991: false, poorDistricts: false).evaluate(Self.exitPlan).first)
        #expect(row.verdict == .notApplicable)
        #expect(row.evidence.reason?.rawValue == "no_poor_district")
    }

    // MARK: Vĩnh Phúc new-rural criterion on rate_PN (Decision 318/QĐ-TTg, criterion 11)

    @Test func ruralCommuneIsJudgedOnPoorAndNearPoor() throws {
        var f = F.province99()
        f.put(.province, "99", 2021, F.tally(households: 1200, poor: 30))
        f.put(.province, "99", 2022, F.tally(households: 1200, poor: 10, nearPoor: 12))
        // 99101 rural: P = 1, N = 2 of 100 → rate_P 1 (would pass ≤ 2), rate_PN 3 → not met.
        f.put(.commune, "99101", 2022, F.tally(households: 100, poor: 1, nearPoor: 2), rural: 100)
        // 99102 rural: P + N = 20 of 1000 → 2 % ≤ 2: holds.
        f.put(.commune, "99102", 2022, F.tally(households: 1000, poor: 8, nearPoor: 12), rural: 1000)
        // 99201 a ward (no rural household) with 90 %: excluded.
        f.put(.commune, "99201", 2022, F.tally(households: 100, poor: 0, nearPoor: 90), rural: 0)
        let rule = EveryUnitRule(
            level: .commune, filter: .rural, metric: .poorNearPoorRate,
            bound: Bound(.atMost, PlanParameter(.d("2"), provisional: true)))
        let row = try #require(f.evaluate(F.plan(rule, deadline: 2022)).first)
        #expect(row.verdict == .notMet)
        #expect(row.evidence.units?.map(\.unitCode) == ["99101", "99102"])
        #expect(row.evidence.units?.map(\.value) == [Rational(3), Rational(2)])
        #expect(row.evidence.notes?.contains { $0.code == "not_rural_skipped" && $0.detail == "1" } == true)
        #expect(row.evidence.provisional == true)

        // With 99101 at P = 1, N = 1 (2 %), every rural commune holds.
        f.put(.commune, "99101", 2022, F.tally(households: 100, poor: 1, nearPoor: 1), rural: 100)
        #expect(f.evaluate(F.plan(rule, deadline: 2022)).first?.verdict == .met)
    }

    // MARK: ntp-2026-2030

    /// The plan as the file encodes it (PlanLoaderTests checks the file says the same).
    static func ntpPlan(_ criteria: [Criterion]) -> Plan {
        Plan(
            id: "ntp-2026-2030", titleVi: "CTMTQG 2026–2035", baselineYear: 2026, period: 2026...2030, scope: .national,
            criteria: criteria, standard: "vn-2027", provisional: true)
    }

    static let decrease = ConsecutiveDecreaseRule(
        metric: .poorNearPoorRate, bound: Bound(.atLeast, PlanParameter(.d("1"), provisional: true)), years: 1,
        alsoReportAtLeast: PlanParameter(.d("1.5"), provisional: true))

    static let communeDecrease = Criterion(id: "commune-pn-decrease", textVi: "x", levels: [.commune], monitoring: true, rule: decrease)
    static let provinceDecrease = Criterion(id: "province-pn-decrease", textVi: "x", levels: [.province], monitoring: true, rule: decrease)

    /// Province 99 after the reform (no districts): communes 99101–99104, 2026–2028.
    static func ntpWorld() -> F {
        var f = F()
        f.admin = [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(code: "99101", name: "Xã A", level: .commune, parentCode: "99", ethnicRegion: .iii),
            AdminUnit(code: "99102", name: "Xã B", level: .commune, parentCode: "99", ethnicRegion: .ii),
            AdminUnit(code: "99103", name: "Xã C", level: .commune, parentCode: "99"),
            AdminUnit(code: "99104", name: "Xã D", level: .commune, parentCode: "99"),
        ]
        // 99101: 10 % → 9 % → 7 % (decreases exactly 1, then 2).
        f.series(.commune, "99101", [2026: (100, 6, 4), 2027: (100, 5, 4), 2028: (100, 3, 4)], standard: "vn-2027")
        // 99102: 10 % → 9.01 % (decrease 0.99) → 7.51 % (decrease exactly 1.5).
        f.series(.commune, "99102", [2026: (10_000, 600, 400), 2027: (10_000, 500, 401), 2028: (10_000, 400, 351)], standard: "vn-2027")
        // 99103: 0 % at 2026 → nothing to reduce (pin 5), then 0 → 1 %.
        f.series(.commune, "99103", [2026: (100, 0, 0), 2027: (100, 0, 0), 2028: (100, 1, 0)], standard: "vn-2027")
        // 99104: rises 5 % → 6 % (decrease −1).
        f.series(.commune, "99104", [2026: (100, 5, 0), 2027: (100, 6, 0), 2028: (100, 6, 0)], standard: "vn-2027")
        // 2026 under vn-2022 for every commune: 50 % (must never be compared with vn-2027).
        for code in ["99101", "99103", "99104"] as [UnitCode] {
            f.put(.commune, code, 2026, F.tally(households: 100, poor: 30, nearPoor: 20))
        }
        f.put(.commune, "99102", 2026, F.tally(households: 10_000, poor: 3000, nearPoor: 2000))
        f.put(.commune, "99101", 2025, F.tally(households: 100, poor: 40, nearPoor: 20))
        // Province (its own rows): PN 2026 1015, 2027 922, 2028 771 of 10300.
        f.series(.province, "99", [2026: (10_300, 611, 404), 2027: (10_300, 511, 411), 2028: (10_300, 410, 361)], standard: "vn-2027")
        f.put(.province, "99", 2026, F.tally(households: 10_300, poor: 3090, nearPoor: 2060))
        f.put(.province, "99", 2025, F.tally(households: 10_300, poor: 3100, nearPoor: 2070))
        return f
    }

    static func input(_ f: F) -> EvaluationInput {
        var input = f.input
        input.provisionalStandards = ["vn-2027"]
        return input
    }

    @Test func communeDecreaseOfOnePointEachYear() throws {
        let rows = PlanEvaluator(input: Self.input(Self.ntpWorld())).evaluate(Self.ntpPlan([Self.communeDecrease]))
        // Evaluation years 2027 and 2028 (baseline 2026 + 1 … last review year), one standard each.
        #expect(Set(rows.map(\.evaluationYear)) == [2027, 2028])
        #expect(rows.allSatisfy { $0.standard == "vn-2027" })
        func row(_ code: UnitCode, _ year: ReviewYear) throws -> CriterionResult {
            try #require(rows.first { $0.unitCode == code && $0.evaluationYear == year })
        }
        // Exactly 1 point → met; 1.5 not reached.
        let a27 = try row("99101", 2027)
        #expect(a27.verdict == .met)
        #expect(a27.evidence.checks?.first?.value == Rational(1))
        #expect(a27.evidence.notes?.first { $0.code == "also_at_least" }?.detail == "2026-2027: decrease 1.00 ≥ 1.5: no")
        // The baseline figure is 2026 under vn-2027 (10 %), not 2026 under vn-2022 (50 %).
        #expect(a27.evidence.years?.first?.value == Rational(10))
        #expect(a27.evidence.years?.first?.standard == "vn-2027")
        // 9 → 7: decrease 2, met, 1.5 reached.
        let a28 = try row("99101", 2028)
        #expect(a28.verdict == .met)
        #expect(a28.evidence.notes?.first { $0.code == "also_at_least" }?.detail == "2027-2028: decrease 2.00 ≥ 1.5: yes")
        // 10 → 9.01: decrease 0.99 → not met.
        let b27 = try row("99102", 2027)
        #expect(b27.verdict == .notMet)
        #expect(b27.evidence.checks?.first?.value == Rational(99, 100))
        // 9.01 → 7.51: exactly 1.5 → met, and the 1.5 flag says yes.
        let b28 = try row("99102", 2028)
        #expect(b28.verdict == .met)
        #expect(b28.evidence.checks?.first?.value == Rational(3, 2))
        #expect(b28.evidence.notes?.first { $0.code == "also_at_least" }?.detail == "2027-2028: decrease 1.50 ≥ 1.5: yes")
        // Starting rate 0 → not applicable (monitoring, pin 5), both years.
        #expect(try row("99103", 2027).verdict == .notApplicable)
        #expect(try row("99103", 2027).evidence.reason?.rawValue == "zero_starting_rate")
        #expect(try row("99103", 2028).verdict == .notApplicable)
        // A rise is a negative decrease.
        #expect(try row("99104", 2027).verdict == .notMet)
        #expect(try row("99104", 2027).evidence.checks?.first?.value == Rational(-1))
    }

    @Test func provinceDecreaseUsesTheVN2027Baseline() throws {
        let rows = PlanEvaluator(input: Self.input(Self.ntpWorld())).evaluate(Self.ntpPlan([Self.provinceDecrease]))
        #expect(rows.map(\.evaluationYear) == [2027, 2028])
        // 2026: 1015/10300 → 2027: 922/10300; decrease 93/103 points = 0.90… < 1 → not met.
        let r27 = try #require(rows.first)
        #expect(r27.verdict == .notMet)
        #expect(r27.evidence.checks?.first?.value == Rational(9300, 10_300))
        // 2027: 922/10300 → 2028: 771/10300; decrease 151/103 = 1.466… ≥ 1 → met, < 1.5.
        let r28 = try #require(rows.last)
        #expect(r28.verdict == .met)
        #expect(r28.evidence.checks?.first?.value == Rational(15_100, 10_300))
        #expect(r28.evidence.notes?.first { $0.code == "also_at_least" }?.detail?.hasSuffix(": no") == true)
    }

    @Test func noComparisonCrossesTheChangeOfStandard() throws {
        // 2026 classified under vn-2022 only: the 2027 (vn-2027) decrease has no 2026 vn-2027
        // figure, and vn-2022's 2026 is never used → insufficient_data, standard_change.
        var f = F()
        f.admin = Self.ntpWorld().admin
        f.put(.commune, "99101", 2026, F.tally(households: 100, poor: 30, nearPoor: 20))
        f.put(.commune, "99101", 2027, F.tally(households: 100, poor: 5, nearPoor: 4), standard: "vn-2027")
        f.put(.province, "99", 2026, F.tally(households: 100, poor: 30, nearPoor: 20))
        f.put(.province, "99", 2027, F.tally(households: 100, poor: 5, nearPoor: 4), standard: "vn-2027")
        let rows = PlanEvaluator(input: Self.input(f)).evaluate(Self.ntpPlan([Self.communeDecrease]))
        let row = try #require(rows.first { $0.unitCode == "99101" })
        #expect(row.evaluationYear == 2027)
        #expect(row.standard == "vn-2027")
        #expect(row.verdict == .insufficientData)
        #expect(row.evidence.reason?.rawValue == "standard_change")
    }

    // MARK: combined rate of region I–III communes

    static let ethnicGoal = Criterion(
        id: "province-ethnic-region-pn-2030", textVi: "x", levels: [.province], deadline: 2030,
        rule: GroupLevelRule(
            level: .commune, regions: [.i, .ii, .iii], metric: .poorNearPoorRate,
            bound: Bound(.lessThan, PlanParameter(.d("10"), provisional: true))))

    static func regionWorld(pnA: Int, hA: Int, pnB: Int, hB: Int) -> F {
        var f = F()
        f.admin = Self.ntpWorld().admin
        f.put(.commune, "99101", 2030, F.tally(households: hA, poor: pnA), standard: "vn-2027")
        f.put(.commune, "99102", 2030, F.tally(households: hB, poor: 0, nearPoor: pnB), standard: "vn-2027")
        // 99103 has no ethnic region: 90 % and excluded.
        f.put(.commune, "99103", 2030, F.tally(households: 100, poor: 90), standard: "vn-2027")
        f.put(.province, "99", 2030, F.tally(households: hA + hB + 100, poor: pnA + 90, nearPoor: pnB), standard: "vn-2027")
        f.put(.province, "99", 2026, F.tally(households: hA + hB + 100, poor: pnA + 90, nearPoor: pnB), standard: "vn-2027")
        return f
    }

    @Test(arguments: [
        // 120 + 280 = 400 of 1000 + 3000 = 4000 → exactly 10 %: not < 10.
        (120, 1000, 280, 3000, Verdict.notMet, false),
        // 399 of 4000 = 9.975 % → met (rounds to 9.98, still < 10).
        (120, 1000, 279, 3000, .met, false),
        // 5 of 100 (5 %) and 1400 of 10000 (14 %): counts give 1405/10100 = 13.91 % → not met,
        // although the mean of the two rates, 9.5 %, would pass.
        (5, 100, 1400, 10_000, .notMet, false),
        // 39999 of 400000 = 9.99975 % → met exactly, but 10.00 when rounded → borderline.
        (19_999, 200_000, 20_000, 200_000, .met, true),
    ])
    func ethnicRegionCommunesCombinedRate(pnA: Int, hA: Int, pnB: Int, hB: Int, expected: Verdict, borderline: Bool) throws {
        let f = Self.regionWorld(pnA: pnA, hA: hA, pnB: pnB, hB: hB)
        let rows = PlanEvaluator(input: Self.input(f)).evaluate(Self.ntpPlan([Self.ethnicGoal]))
        // Deadline criterion: only at 2030.
        #expect(rows.map(\.evaluationYear) == [2030])
        let row = try #require(rows.first)
        #expect(row.verdict == expected)
        #expect(row.borderline == borderline)
        #expect(row.evidence.years?.first?.numerator == Rational(pnA + pnB))
        #expect(row.evidence.years?.first?.denominator == Rational(hA + hB))
    }

    @Test func ethnicRegionGoalWithoutRegionCommunesOrWithout2030() throws {
        var f = Self.regionWorld(pnA: 1, hA: 100, pnB: 1, hB: 100)
        f.admin = f.admin.map {
            var u = $0; u.ethnicRegion = nil; return u
        }
        let none = try #require(PlanEvaluator(input: Self.input(f)).evaluate(Self.ntpPlan([Self.ethnicGoal])).first)
        #expect(none.verdict == .notApplicable)
        #expect(none.evidence.reason?.rawValue == "no_unit_in_group")
        // Data ending in 2028: the 2030 deadline lies after the last review year → no row (pin 2).
        #expect(PlanEvaluator(input: Self.input(Self.ntpWorld())).evaluate(Self.ntpPlan([Self.ethnicGoal])).isEmpty)
    }

    // MARK: provisional marks

    @Test func rowsUnderAProvisionalStandardOrPlanSayProvisional() throws {
        let rows = PlanEvaluator(input: Self.input(Self.ntpWorld())).evaluate(Self.ntpPlan([Self.communeDecrease]))
        let row = try #require(rows.first { $0.unitCode == "99101" && $0.evaluationYear == 2027 })
        #expect(row.evidence.provisional == true)
        #expect(
            row.evidence.provisionalReasons == [
                Evidence.Note("standard", "vn-2027"), Evidence.Note("plan_threshold", "≥ 1"), Evidence.Note("plan", "ntp-2026-2030"),
            ])
        #expect(row.evidenceJSON.contains("\"provisional\":true"))
        #expect(row.evidenceJSON.contains("\"provisional_reasons\":["))
        let vi = Explanation(language: .vi).text(for: row)
        let en = Explanation(language: .en).text(for: row)
        // Vietnamese names the standard (this fixture gives no name: "chuẩn nghèo của năm này"), never its id.
        #expect(vi.contains("(tạm tính: chuẩn nghèo của năm này chưa được xác nhận đầy đủ"))
        #expect(!vi.contains("vn-2027"))
        #expect(vi.contains("ngưỡng ≥ 1 là giá trị tạm tính"))
        #expect(en.contains("(provisional: standard vn-2027"))
    }

    @Test func rowsWithNothingProvisionalSayNothing() throws {
        var f = F.province99()
        f.series(.province, "99", [2021: (1000, 100, 0), 2022: (1000, 70, 0)])
        let rule = ConsecutiveDecreaseRule(metric: .poorRate, bound: Bound(.atLeast, .n("2")), years: 1)
        let row = try #require(PlanEvaluator(input: Self.input(f)).evaluate(F.plan(rule)).first)
        #expect(row.verdict == .met)
        #expect(row.evidence.provisional == nil)
        #expect(row.evidence.provisionalReasons == nil)
        #expect(!Explanation(language: .vi).text(for: row).contains("tạm tính"))
        #expect(!Explanation(language: .en).text(for: row).contains("provisional"))
    }
}

/// Edge cases of the two new readings that the main suite does not reach.
@Suite("Evaluate: group level and district exit, edge cases")
struct EvaluateLawPlansEdgeTests {
    typealias F = EvaluateFixture

    @Test func aGroupCommuneWithoutDataAtTheDeadlineIsInsufficient() throws {
        // 99102 (region II) has data in 2026 but none in 2030: the combined rate cannot be formed.
        var f = EvaluateLawPlansTests.regionWorld(pnA: 5, hA: 100, pnB: 5, hB: 100)
        f.table = FigureTable()
        f.put(.commune, "99101", 2030, F.tally(households: 100, poor: 5), standard: "vn-2027")
        f.put(.commune, "99102", 2026, F.tally(households: 100, poor: 5), standard: "vn-2027")
        f.put(.province, "99", 2026, F.tally(households: 200, poor: 10), standard: "vn-2027")
        f.put(.province, "99", 2030, F.tally(households: 100, poor: 5), standard: "vn-2027")
        let rows = PlanEvaluator(input: EvaluateLawPlansTests.input(f))
            .evaluate(EvaluateLawPlansTests.ntpPlan([EvaluateLawPlansTests.ethnicGoal]))
        let row = try #require(rows.first)
        #expect(row.verdict == .insufficientData)
        #expect(row.evidence.notes?.contains(Evidence.Note("group_units_missing", "99102")) == true)
    }

    @Test func aPoorDistrictWithoutAnAdminRowAtTheYearHasNotExited() throws {
        // 991 was a poor district until 2022 and has no row valid in 2023: no exit is recorded.
        var f = F()
        f.admin = [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(code: "991", name: "Huyện Một", level: .district, parentCode: "99", poorDistrict: true, validTo: 2022),
            AdminUnit(code: "992", name: "Huyện Hai", level: .district, parentCode: "99"),
        ]
        f.series(.province, "99", [2021: (2000, 900, 0), 2023: (2000, 600, 0)])
        f.series(.district, "992", [2021: (1000, 50, 0), 2023: (1000, 40, 0)])
        let row = try #require(f.evaluate(F.plan(PoorDistrictExitRule(), deadline: 2023)).first)
        #expect(row.verdict == .notMet)
        #expect(row.evidence.units?.map(\.basis) == ["admin_file_no_row"])
        #expect(row.evidence.units?.first?.value == nil)
    }
}
