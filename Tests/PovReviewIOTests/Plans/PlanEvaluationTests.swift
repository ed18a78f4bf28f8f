import Foundation
import PovReviewCore
import PovReviewIO
import Testing

/// The shipped plan files evaluated end to end on a small fictional province 99.
@Suite("Plans: shipped plans evaluated")
struct PlanEvaluationTests {
    static func tally(_ h: Int, _ p: Int, _ n: Int, em: (Int, Int) = (0, 0), special: Int = 0) -> UnitTally {
        var t = UnitTally()
        t.households = h
        t.poor = p
        t.nearPoor = n
        t.ethnicMinorityHouseholds = em.0
        t.ethnicMinorityPoor = em.1
        t.poorSpecialDifficulty = special
        return t
    }

    /// Province 99, one poor district 991 (commune 99101 region III), one district 992 (commune
    /// 99201 coastal), 2021–2024.
    static func input() -> EvaluationInput {
        let admin = AdminDirectory(units: [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(code: "991", name: "Huyện Một", level: .district, parentCode: "99", poorDistrict: true),
            AdminUnit(code: "992", name: "Huyện Hai", level: .district, parentCode: "99"),
            AdminUnit(code: "99101", name: "Xã Một", level: .commune, parentCode: "991", ethnicRegion: .iii),
            AdminUnit(code: "99201", name: "Xã Hai", level: .commune, parentCode: "992", coastalSpecialDifficulty: true),
        ])
        var table = FigureTable()
        // Commune 99101 (= district 991): rate_PN 60 → 53 → 46 → 40 (decreases 7, 7, 6).
        // Commune 99201 (= district 992): PN 300 → 200 → 150 → 140 (fall 53.3 % by 2024).
        let c1: [Int: (Int, Int)] = [2021: (400, 200), 2022: (350, 180), 2023: (300, 160), 2024: (250, 150)]
        let c2: [Int: (Int, Int)] = [2021: (200, 100), 2022: (120, 80), 2023: (90, 60), 2024: (80, 60)]
        for year in 2021...2024 {
            let a = tally(1000, c1[year]!.0, c1[year]!.1, em: (800, c1[year]!.0 - 20), special: 10)
            let b = tally(1000, c2[year]!.0, c2[year]!.1, special: 5)
            table.insert(FigureRow(name: "Xã Một", tally: a), level: .commune, unit: "99101", year: ReviewYear(year), standard: "vn-2022")
            table.insert(FigureRow(name: "Huyện Một", tally: a), level: .district, unit: "991", year: ReviewYear(year), standard: "vn-2022")
            table.insert(FigureRow(name: "Xã Hai", tally: b), level: .commune, unit: "99201", year: ReviewYear(year), standard: "vn-2022")
            table.insert(FigureRow(name: "Huyện Hai", tally: b), level: .district, unit: "992", year: ReviewYear(year), standard: "vn-2022")
            var total = a
            total += b
            table.insert(FigureRow(name: "Tỉnh Mẫu", tally: total), level: .province, unit: "99", year: ReviewYear(year), standard: "vn-2022")
        }
        return EvaluationInput(figures: table, admin: admin)
    }

    static func plan(_ id: String) throws -> Plan {
        try PlanLoader.load(contentsOf: PlanLoaderTests.plansFolder.appendingPathComponent("\(id).yaml"))
    }

    @Test func national666() throws {
        let rows = PlanEvaluator(input: Self.input()).evaluate(try Self.plan("national-666"), options: .init(territoryOverride: "99"))
        func row(_ id: String, _ unit: UnitCode, _ year: ReviewYear) -> CriterionResult? {
            rows.first { $0.criterionID == id && $0.unitCode == unit && $0.evaluationYear == year }
        }
        // Province: PN 900 → 820 → 760 → 710 of 2000: rate 45 → 41 → 38 → 35.5: decreases 4, 3, 2.5 ≥ 2;
        // PN fall 900 → 710 is 21 %: the any_of is met at 2024 through the 3-year decrease.
        #expect(row("province", "99", 2024)?.verdict == .met)
        #expect(row("province", "99", 2022)?.verdict == .insufficientData)
        // Poor district 991: decreases 7, 7, 6 ≥ 6 → met at 2024.
        #expect(row("district-poor", "991", 2024)?.verdict == .met)
        #expect(row("district-poor", "992", 2024) == nil)
        // District 992: PN 300 → 140, a 53.3 % fall → met through the second part.
        #expect(row("district-other", "992", 2024)?.verdict == .met)
        // 2023: 300 → 150 is exactly 50 % (not more), and the 3-year part lacks 2020 → insufficient.
        #expect(row("district-other", "992", 2023)?.verdict == .insufficientData)
        // Coastal commune 99201: decreases 10, 5, 1 (not ≥ 1.5 in 2024); fall 53.3 % → met.
        #expect(row("commune-coastal", "99201", 2024)?.verdict == .met)
        // Region III commune 99101: PN 600 → 400 (33 %) → not met.
        #expect(row("commune-ethnic-region", "99101", 2024)?.verdict == .notMet)
        #expect(Set(rows.map(\.evaluationYear)) == [2022, 2023, 2024])
        #expect(rows.allSatisfy { $0.criterionTextVi.isEmpty == false })
    }

    @Test func daNangAdoptsTheNationalCriteriaAndMonitorsCounts() throws {
        let rows = PlanEvaluator(input: Self.input()).evaluate(try Self.plan("da-nang"), options: .init(territoryOverride: "99"))
        let poor = rows.filter { $0.criterionID == "decrease-poor" && $0.evaluationYear == 2024 }
        #expect(poor.map(\.level) == [.commune, .commune, .district, .district, .province])
        #expect(Set(poor.map(\.unitCode)) == ["99101", "99201", "991", "992", "99"])
        // 99201: poor 90 → 80 fell; 99101: 300 → 250 fell.
        #expect(poor.allSatisfy { $0.verdict == .met })
        let special = rows.filter { $0.criterionID == "decrease-poor-special-difficulty" && $0.evaluationYear == 2024 }
        #expect(special.allSatisfy { $0.verdict == .notMet })  // 10 → 10, 5 → 5
        // The local standard is not in this run: national figures, and the evidence says so.
        #expect(rows.allSatisfy { $0.standard == "vn-2022" })
        #expect(rows.allSatisfy { $0.evidence.notes?.contains { $0.code == "local_standard_not_in_run" } == true })
        #expect(rows.contains { $0.criterionID == "district-poor" })
    }

    @Test func langSonEachYearAndDistrictExit() throws {
        let rows = PlanEvaluator(input: Self.input()).evaluate(try Self.plan("lang-son"), options: .init(territoryOverride: "99"))
        // rate_P: 600/2000 = 30 → 470/2000 = 23.5 → 380/2000 = 19 → 330/2000 = 16.5: decreases 6.5, 4.5, 2.5.
        #expect(rows.filter { $0.criterionID == "province-poor-rate" }.map(\.verdict) == [.met, .met, .met])
        // The exit criterion's deadline 2025 is after the data: no row.
        #expect(rows.filter { $0.criterionID == "province-district-exit" }.isEmpty)
        // Ethnic-minority rate: (580/800 = 72.5) → 53.75 → … falls > 3 each year.
        #expect(rows.filter { $0.criterionID == "province-ethnic-minority" }.map(\.verdict) == [.met, .met, .met])
        let text = Explanation().text(for: rows.first { $0.criterionID == "province-poor-rate" }!)
        #expect(text.contains("Mức cao hơn (giảm từ 3%/năm trở lên), năm 2021–2022: giảm 6,50 điểm phần trăm, đạt."))
    }

    @Test func bacNinhRunsFrom2023OnItsBaseYear2022() throws {
        let rows = PlanEvaluator(input: Self.input()).evaluate(try Self.plan("bac-ninh"), options: .init(territoryOverride: "99"))
        #expect(Set(rows.map(\.evaluationYear)) == [2023, 2024])
        let average = rows.filter { $0.criterionID == "poor-rate-average-decrease" && $0.unitCode == "99" }
        // rate_P 23.5 (2022) → 19 (2023) → 16.5 (2024): 4.5 and 3.5 a year ≥ 0.1.
        #expect(average.map(\.verdict) == [.met, .met])
        // No deprivation counts in this world: coverage met.
        #expect(rows.filter { $0.criterionID == "coverage-housing" }.allSatisfy { $0.verdict == .met })
        #expect(Set(rows.filter { $0.criterionID == "coverage-housing" }.map(\.level)) == [.province, .district, .commune])
    }
}
