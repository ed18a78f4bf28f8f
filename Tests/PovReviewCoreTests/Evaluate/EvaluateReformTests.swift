import PovReviewCore
import Testing

/// The 2025 reform: restatement through the crosswalk, a merged province's territory, districts
/// abolished, standards changing (plans.md).
@Suite("Evaluate: reform, territory, standards")
struct EvaluateReformTests {
    typealias F = EvaluateFixture

    /// Communes 99101 and 99102 (district 991) end in 2024; in 2025 99103 = all of 99101 plus
    /// 0.333333 of 99102, and 99104 the other 0.666667.
    static func mergedCommunes(pnAt2025: Int) -> F {
        var f = F.province99()
        f.admin = [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(code: "991", name: "Huyện Nghèo", level: .district, parentCode: "99", poorDistrict: true, validTo: 2024),
            AdminUnit(code: "99101", name: "Xã A", level: .commune, parentCode: "991", validTo: 2024),
            AdminUnit(code: "99102", name: "Xã B", level: .commune, parentCode: "991", ethnicRegion: .ii, validTo: 2024),
            AdminUnit(code: "99103", name: "Xã Mới", level: .commune, parentCode: "99", validFrom: 2025),
            AdminUnit(code: "99104", name: "Xã Mới Hai", level: .commune, parentCode: "99", validFrom: 2025),
        ]
        f.crosswalk = Crosswalk(rows: [
            ("99101", "99103", .one), ("99102", "99103", .d("0.333333")), ("99102", "99104", .d("0.666667")),
        ])
        f.put(.commune, "99101", 2021, F.tally(households: 300, poor: 60, nearPoor: 30))
        f.put(.commune, "99102", 2021, F.tally(households: 600, poor: 80, nearPoor: 40))
        f.put(.commune, "99103", 2025, F.tally(households: 500, poor: pnAt2025, nearPoor: 0))
        f.put(.commune, "99104", 2025, F.tally(households: 400, poor: 10, nearPoor: 0))
        return f
    }

    @Test func mergedCommuneIsRestatedExactlyThroughTheCrosswalk() throws {
        // PN(2021) restated onto 99103 = 90 + 120 × 0.333333 = 129.99996; households 300 + 199.9998.
        // 2 × 65 = 130 is not < 129.99996 (not met); 2 × 64 = 128 is (met).
        for (pn, expected) in [(65, Verdict.notMet), (64, .met)] {
            let rows = Self.mergedCommunes(pnAt2025: pn).evaluate(F.plan(FallVersusBaselineRule(), level: .commune))
            let row = try #require(rows.first { $0.unitCode == "99103" && $0.evaluationYear == 2025 })
            #expect(row.verdict == expected)
            let baseline = try #require(row.evidence.years?.first)
            #expect(baseline.year == 2021)
            #expect(baseline.value == Rational(12_999_996, 100_000))
            #expect(
                baseline.restated
                    == .crosswalk([
                        .init(level: .commune, code: "99101", share: .one),
                        .init(level: .commune, code: "99102", share: Rational(333_333, 1_000_000)),
                    ]))
            #expect(row.evidence.years?.last?.restated == nil)
        }
    }

    @Test func restatedHouseholdsKeepTheShareExactly() throws {
        let f = Self.mergedCommunes(pnAt2025: 65)
        let rows = f.evaluate(F.plan(LevelRule(metric: .poorRate, bound: Bound(.atMost, .n("100"))), level: .commune))
        // A level rule at 2022 on a commune valid then (99101) is not restated.
        #expect(rows.first { $0.unitCode == "99101" && $0.evaluationYear == 2022 }?.verdict == .insufficientData)
        // The old communes end in 2024: at 2025 only the new ones have rows.
        #expect(rows.filter { $0.evaluationYear == 2025 }.map(\.unitCode) == ["99103", "99104"])
        // 99104 at 2021 (through a fall rule): PN = 120 × 0.666667 = 80.00004 on 400.0002 households.
        let fall = f.evaluate(F.plan(FallVersusBaselineRule(), level: .commune)).first { $0.unitCode == "99104" && $0.evaluationYear == 2025 }
        #expect(fall?.evidence.years?.first?.value == Rational(8_000_004, 100_000))
        #expect(fall?.verdict == .met)  // 10 < 80.00004 / 2
    }

    @Test func aMergedUnitsKindComesFromItsOwnAdminRow() {
        // 99102 was ethnic region II; 99103 has no region, so the ethnic-region criterion skips it.
        let f = Self.mergedCommunes(pnAt2025: 65)
        let rows = f.evaluate(F.plan(FallVersusBaselineRule(), level: .commune, applicability: .ethnicRegion([.i, .ii, .iii])))
        #expect(Set(rows.map(\.unitCode)) == ["99102"])
        #expect(rows.allSatisfy { $0.evaluationYear < 2025 })
    }

    /// Old province 26 (district 261, communes 26101, 26102) merged in 2025 into province 25,
    /// where 26101 + 26102 became commune 25901 and 25101 (always in 25) continues.
    static func mergedProvince() -> F {
        var f = F()
        f.admin = [
            AdminUnit(code: "26", name: "Vĩnh Phúc", level: .province, parentCode: nil, validTo: 2024),
            AdminUnit(code: "25", name: "Phú Thọ", level: .province, parentCode: nil),
            AdminUnit(code: "261", name: "Huyện X", level: .district, parentCode: "26", validTo: 2024),
            AdminUnit(code: "251", name: "Huyện Y", level: .district, parentCode: "25", validTo: 2024),
            AdminUnit(code: "26101", name: "Xã 1", level: .commune, parentCode: "261", validTo: 2024),
            AdminUnit(code: "26102", name: "Xã 2", level: .commune, parentCode: "261", validTo: 2024),
            AdminUnit(code: "25101", name: "Xã 3", level: .commune, parentCode: "251", validTo: 2024),
            AdminUnit(code: "25101", name: "Xã 3", level: .commune, parentCode: "25", validFrom: 2025),
            AdminUnit(code: "25901", name: "Xã Hợp Nhất", level: .commune, parentCode: "25", validFrom: 2025),
        ]
        f.crosswalk = Crosswalk(rows: [("26101", "25901", .one), ("26102", "25901", .one)])
        for (year, p1, p2) in [(2021, 40, 30), (2024, 20, 15)] {
            f.put(.commune, "26101", year, F.tally(households: 200, poor: p1))
            f.put(.commune, "26102", year, F.tally(households: 100, poor: p2))
            f.put(.district, "261", year, F.tally(households: 300, poor: p1 + p2))
            f.put(.province, "26", year, F.tally(households: 300, poor: p1 + p2))
            f.put(.commune, "25101", year, F.tally(households: 1000, poor: 50))
            f.put(.district, "251", year, F.tally(households: 1000, poor: 50))
            f.put(.province, "25", year, F.tally(households: 1000, poor: 50))
        }
        f.put(.commune, "25901", 2025, F.tally(households: 310, poor: 34))
        f.put(.commune, "25101", 2025, F.tally(households: 1000, poor: 45))
        f.put(.province, "25", 2025, F.tally(households: 1310, poor: 79))
        return f
    }

    @Test func mergedProvinceIsJudgedOnItsOldTerritory() throws {
        let f = Self.mergedProvince()
        let plan = F.plan(CountFellRule(count: .poor), scope: .provincial(territory: "26", nameVi: "Vĩnh Phúc"))
        let rows = f.evaluate(plan)
        #expect(rows.map(\.evaluationYear) == [2022, 2023, 2024, 2025])
        let y2025 = try #require(rows.last)
        #expect(y2025.unitCode == "26")
        #expect(y2025.unitName == "Vĩnh Phúc")
        // 2024: the sum of 26101 + 26102 restated onto 25901 = 35; 2025: 25901 alone = 34 (not 79).
        #expect(y2025.evidence.years?.map(\.value) == [Rational(35), Rational(34)])
        #expect(y2025.verdict == .met)
        #expect(y2025.evidence.years?.first?.restated == .communeSum(communes: 1, asOf: 2025))
        #expect(y2025.evidence.notes?.contains { $0.code == "territory" } == true)
        // 2024 is still judged on province 26's own row (no restatement needed).
        #expect(rows[2].evidence.years?.last?.restated == nil)
        #expect(rows[2].evidence.missingYears == [2023])
    }

    @Test func territoryCommunesAndVillagesFollowTheCrosswalk() throws {
        var f = Self.mergedProvince()
        let oldVillage = UnitCode.village(commune: "26101", name: "Thôn Đông")
        let newVillage = UnitCode.village(commune: "25901", name: "Thôn Đông")
        f.put(.village, oldVillage, 2021, F.tally(households: 50, poor: 10, nearPoor: 10), name: "Thôn Đông")
        f.put(.village, newVillage, 2025, F.tally(households: 50, poor: 4, nearPoor: 5), name: "Thôn Đông")
        let plan = F.plan(FallVersusBaselineRule(), level: .village, scope: .provincial(territory: "26", nameVi: "Vĩnh Phúc"))
        let row = try #require(f.evaluate(plan).first { $0.evaluationYear == 2025 })
        #expect(row.unitCode == newVillage)
        // The commune went whole into 25901, so the village follows it: PN 20 → 9, a 55 % fall.
        #expect(row.verdict == .met)
        #expect(row.evidence.years?.first?.restated == .crosswalk([.init(level: .village, code: oldVillage, share: .one)]))
        let communes = F.plan(FallVersusBaselineRule(), level: .commune, scope: .provincial(territory: "26", nameVi: "Vĩnh Phúc"))
        #expect(f.evaluate(communes).filter { $0.evaluationYear == 2025 }.map(\.unitCode) == ["25901"])
    }

    @Test func districtCriterionWithDeadlineInAYearWithoutDistrictsUsesTheLastDistrictYear() throws {
        let f = Self.mergedProvince()
        let plan = F.plan(FallVersusBaselineRule(), level: .district, deadline: 2025, scope: .provincial(territory: "26", nameVi: "Vĩnh Phúc"))
        let rows = f.evaluate(plan)
        #expect(rows.count == 1)
        #expect(rows[0].unitCode == "261")
        #expect(rows[0].evaluationYear == 2024)
        #expect(rows[0].verdict == .notMet)  // 70 → 35 is exactly half
        #expect(rows[0].evidence.notes?.first { $0.code == "districts_abolished" } != nil)
        // Without a deadline, district rows stop when districts do.
        let plain = F.plan(FallVersusBaselineRule(), level: .district, scope: .provincial(territory: "26", nameVi: "Vĩnh Phúc"))
        #expect(f.evaluate(plain).map(\.evaluationYear) == [2022, 2023, 2024])
    }

    @Test func aNeededYearUnderAnotherStandardIsInsufficient() throws {
        var f = F.province99()
        f.schedule = StandardSchedule(entries: [
            .init(years: 2021...2022, standardIDs: ["vn-2022"]), .init(years: 2023...2025, standardIDs: ["vn-2027"]),
        ])
        f.put(.commune, "99201", 2021, F.tally(households: 100, poor: 10), standard: "vn-2022")
        f.put(.commune, "99201", 2022, F.tally(households: 100, poor: 9), standard: "vn-2022")
        f.put(.commune, "99201", 2023, F.tally(households: 100, poor: 12), standard: "vn-2027")
        let rows = f.evaluate(F.plan(CountFellRule(count: .poor), level: .commune))
        #expect(rows.map(\.standard) == ["vn-2022", "vn-2027"])
        #expect(rows[0].verdict == .met)
        #expect(rows[1].verdict == .insufficientData)
        #expect(rows[1].evidence.reason?.rawValue == "standard_change")
        // A plan that explicitly allows it compares across the change.
        var plan = F.plan(CountFellRule(count: .poor), level: .commune)
        plan.allowsCrossStandardComparison = true
        #expect(f.evaluate(plan).last?.verdict == .notMet)
    }

    @Test func aYearWithoutDataStillGetsInsufficientRows() {
        var f = F.province99()
        f.series(.commune, "99201", [2021: (100, 10, 0), 2022: (100, 9, 0), 2024: (100, 7, 0)])
        let rows = f.evaluate(F.plan(CountFellRule(count: .poor), level: .commune))
        #expect(rows.map(\.evaluationYear) == [2022, 2023, 2024])
        #expect(rows.map(\.verdict) == [.met, .insufficientData, .insufficientData])
        #expect(rows[1].evidence.missingYears == [2023])
    }

    // MARK: poor-district exit

    static func exitWorld(rate2024PN: Int, households: Int = 100_000, exitedInAdmin: Bool = false) -> F {
        var f = F.province99()
        f.admin = [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(code: "991", name: "Huyện Nghèo", level: .district, parentCode: "99", poorDistrict: true, validTo: exitedInAdmin ? 2023 : 2024),
            AdminUnit(code: "99101", name: "Xã A", level: .commune, parentCode: "991", validTo: 2024),
            AdminUnit(code: "99101", name: "Xã A", level: .commune, parentCode: "99", validFrom: 2025),
        ]
        if exitedInAdmin {
            f.admin.append(AdminUnit(code: "991", name: "Huyện Nghèo", level: .district, parentCode: "99", poorDistrict: false, validFrom: 2024, validTo: 2024))
        }
        f.series(.province, "99", [2021: (households, 50_000, 0), 2024: (households, 30_000, 0), 2025: (households, 20_000, 0)])
        f.series(.district, "991", [2021: (households, 50_000, 0), 2024: (households, rate2024PN, 0)])
        f.series(.commune, "99101", [2021: (households, 50_000, 0), 2024: (households, rate2024PN, 0), 2025: (households, 20_000, 0)])
        return f
    }

    static let exitPlan = F.plan(PoorDistrictExitRule(), deadline: 2025)

    /// plans.md pin 6: only the admin file decides; a rate never makes a district exited.
    @Test(arguments: [0, 10, 34_990, 35_000])
    func poorDistrictStillOnTheListHasNotExitedWhateverItsRate(pn: Int) throws {
        let rows = Self.exitWorld(rate2024PN: pn).evaluate(Self.exitPlan)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        // Deadline 2025 has no districts: evaluated at 2024, the last year that has them (plans.md).
        #expect(row.evaluationYear == 2024)
        #expect(row.verdict == .notMet)
        #expect(row.borderline == false)
        #expect(row.evidence.notes?.contains { $0.code == "districts_abolished" } == true)
        let unit = try #require(row.evidence.units?.first)
        #expect(unit.basis == "admin_file_still_poor")
        // The rate is context: 100 · pn / 100,000.
        #expect(unit.value == Rational(pn, 1000))
    }

    @Test func poorDistrictOffTheListInTheAdminFileHasExited() throws {
        // 60 % poor and near-poor: high, yet the admin file says it exited.
        let row = try #require(Self.exitWorld(rate2024PN: 60_000, exitedInAdmin: true).evaluate(Self.exitPlan).first)
        #expect(row.verdict == .met)
        #expect(row.evidence.units?.first?.basis == "admin_file")
        #expect(row.evidence.units?.first?.value == Rational(60))
    }

    @Test func provinceWithoutPoorDistrictIsNotApplicable() throws {
        var f = Self.exitWorld(rate2024PN: 60_000)
        f.admin = f.admin.map {
            var u = $0; u.poorDistrict = false; return u
        }
        #expect(f.evaluate(Self.exitPlan).first?.verdict == .notApplicable)
    }

    // MARK: every rural commune

    @Test func everyRuralCommuneMustMeetTheNewRuralThreshold() throws {
        // 99101: 1.9 %, 99102: 2.0 % (≤ 2 holds), 99201 is urban (skipped).
        var f = F.province99()
        f.put(.province, "99", 2021, F.tally(households: 3000, poor: 90))
        f.put(.province, "99", 2022, F.tally(households: 3000, poor: 60))
        f.put(.commune, "99101", 2022, F.tally(households: 1000, poor: 19), rural: 1000)
        f.put(.commune, "99102", 2022, F.tally(households: 1000, poor: 20), rural: 1000)
        f.put(.commune, "99201", 2022, F.tally(households: 1000, poor: 90), rural: 0)
        let rule = EveryUnitRule(level: .commune, filter: .rural, metric: .poorRate, bound: Bound(.atMost, PlanParameter(.d("2"), provisional: true)))
        let plan = F.plan(rule, deadline: 2022)
        let row = try #require(f.evaluate(plan).first)
        #expect(row.verdict == .met)
        #expect(row.evidence.units?.map(\.unitCode) == ["99101", "99102"])

        f.put(.commune, "99102", 2022, F.tally(households: 100_000, poor: 2004), rural: 100_000)
        let failing = try #require(f.evaluate(plan).first)
        #expect(failing.verdict == .notMet)
        #expect(failing.borderline == true)  // 2.004 rounds to 2.00

        f.put(.commune, "99102", 2022, F.tally(households: 1000, poor: 20), rural: nil)
        #expect(f.evaluate(plan).first?.verdict == .insufficientData)
    }

    // MARK: territory override

    @Test func territoryOverrideJudgesAnotherProvince() {
        var f = F.province99()
        f.series(.province, "99", [2021: (1000, 100, 0), 2022: (1000, 90, 0)])
        let plan = F.plan(CountFellRule(count: .poor), scope: .provincial(territory: "26", nameVi: "Vĩnh Phúc"))
        #expect(f.evaluate(plan).isEmpty)
        let rows = f.evaluate(plan, territory: "99")
        #expect(rows.map(\.unitCode) == ["99"])
        #expect(rows.map(\.unitName) == ["Tỉnh Mẫu"])
    }
}
