import PovReviewCore
import Testing

/// Evidence JSON, the plain-text explanation, and the sustained-escape list.
@Suite("Evaluate: outputs")
struct EvaluateOutputTests {
    typealias F = EvaluateFixture

    static func decreaseRow() throws -> CriterionResult {
        // District 992: rate_PN 12.50 % → 8.38 % in 2024 (decrease 4.12), after 4-point decreases.
        var f = F.province99()
        f.series(.district, "992", [2021: (10_000, 1000, 1050), 2022: (10_000, 800, 850),
                                    2023: (10_000, 600, 650), 2024: (10_000, 400, 438)])
        let plan = F.plan(ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, .n("4")), years: 3), level: .district)
        return try #require(f.evaluate(plan).first { $0.evaluationYear == 2024 })
    }

    @Test func evidenceJSONIsDeterministicWithSortedKeys() throws {
        let row = try Self.decreaseRow()
        let json = row.evidenceJSON
        #expect(json == (try Self.decreaseRow()).evidenceJSON)
        #expect(try Evidence(jsonText: json) == row.evidence)
        #expect(json.hasPrefix("{\"checks\":[{\"comparison\":\"at_least\",\"from_year\":2021,\"holds\":true,\"holds_rounded\":true,"))
        #expect(json.contains("\"consecutive_years\":3,\"metric\":\"rate_PN\",\"rule\":\"consecutive_decrease\",\"threshold\":\"4\",\"years\":["))
        #expect(json.contains("\"threshold\":\"4\""))
        #expect(json.contains("\"rounded\":\"12.50\""))
    }

    @Test func explanationInVietnamese() throws {
        let text = Explanation().text(for: try Self.decreaseRow())
        #expect(text.contains("Tiêu chí c — Huyện Khá (992), năm 2024: ĐẠT ✓"))
        #expect(text.contains("Tỷ lệ hộ nghèo và cận nghèo giảm 4,12 điểm % năm 2023–2024 (từ 12,50% xuống 8,38%) (cần ≥ 4) ✓"))
        #expect(text.contains("Tỷ lệ hộ nghèo và cận nghèo giảm 4,00 điểm % năm 2021–2022 (từ 20,50% xuống 16,50%) (cần ≥ 4) ✓"))
        #expect(text.contains("Yêu cầu: Tỷ lệ hộ nghèo và cận nghèo giảm ≥ 4 điểm %/năm, 3 năm liên tục."))
    }

    @Test func explanationInEnglish() throws {
        let text = Explanation(language: .en).text(for: try Self.decreaseRow())
        #expect(text.contains("Criterion c — Huyện Khá (992), 2024: MET ✓"))
        #expect(text.contains("Poor and near-poor rate fell 4.12 points in 2023–2024 (from 12.50% to 8.38%) (needs ≥ 4) ✓"))
    }

    @Test func explanationOfMissingYearsAndRestatement() throws {
        var f = F.province99()
        f.series(.district, "992", [2021: (1000, 100, 100), 2022: (1000, 60, 60)])
        let plan = F.plan(AnyOfRule(parts: [
            ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, .n("4")), years: 3), FallVersusBaselineRule(),
        ]), level: .district)
        let text = Explanation().text(for: try #require(f.evaluate(plan).first))
        #expect(text.contains("CHƯA ĐỦ SỐ LIỆU"))
        #expect(text.contains("Thiếu số liệu năm 2019, 2020."))
        #expect(text.contains("Số hộ nghèo và cận nghèo: 200 hộ (2021) → 120 hộ (2022), giảm 40,00% (cần > 50%) ✗"))

        let merged = EvaluateReformTests.mergedCommunes(pnAt2025: 64)
        let row = try #require(merged.evaluate(F.plan(FallVersusBaselineRule(), level: .commune)).first { $0.unitCode == "99103" && $0.evaluationYear == 2025 })
        let restated = Explanation().text(for: row)
        #expect(restated.contains("129,99996") == false)  // counts are shown to 2 decimals
        #expect(restated.contains("130,00 hộ (2021) → 64 hộ (2025)"))
        #expect(restated.contains("đã được quy đổi"))
        #expect(row.evidenceJSON.contains("\"restated\":{\"contributions\":[{\"code\":\"99101\",\"level\":\"commune\",\"share\":\"1\"},{\"code\":\"99102\",\"level\":\"commune\",\"share\":\"333333/1000000\"}],\"kind\":\"crosswalk\"}"))
        #expect(try Evidence(jsonText: row.evidenceJSON) == row.evidence)
    }

    @Test func sustainedEscapesArePoorAtBaselineAndOutInTheLastTwoYears() {
        typealias O = SustainedEscape.Observation
        let v1: UnitCode = "99201/Thôn A"
        let v2: UnitCode = "99201/Thôn B"
        let observations: [O] = [
            // h1: poor 2021, above in 2023 and 2024 → listed, in its 2024 village.
            O(householdID: HouseholdID("h1"), year: 2021, status: .poor, village: v1),
            O(householdID: HouseholdID("h1"), year: 2023, status: .above, village: v1),
            O(householdID: HouseholdID("h1"), year: 2024, status: .average, village: v2),
            // h2: near-poor in 2023 → not sustained.
            O(householdID: HouseholdID("h2"), year: 2021, status: .poor, village: v1),
            O(householdID: HouseholdID("h2"), year: 2023, status: .nearPoor, village: v1),
            O(householdID: HouseholdID("h2"), year: 2024, status: .above, village: v1),
            // h3: absent in 2023 → not listed.
            O(householdID: HouseholdID("h3"), year: 2021, status: .poor, village: v1),
            O(householdID: HouseholdID("h3"), year: 2024, status: .above, village: v1),
            // h4: near-poor at baseline → not listed.
            O(householdID: HouseholdID("h4"), year: 2021, status: .nearPoor, village: v1),
            O(householdID: HouseholdID("h4"), year: 2023, status: .above, village: v1),
            O(householdID: HouseholdID("h4"), year: 2024, status: .above, village: v1),
            // h0: listed, in village A, sorts before h1's village B.
            O(householdID: HouseholdID("h0"), year: 2021, status: .poor, village: v1),
            O(householdID: HouseholdID("h0"), year: 2023, status: .above, village: v1),
            O(householdID: HouseholdID("h0"), year: 2024, status: .above, village: v1),
        ]
        let list = SustainedEscape.list(from: observations, baseline: 2021, lastYear: 2024)
        #expect(list == [SustainedEscape(householdID: HouseholdID("h0"), village: v1),
                         SustainedEscape(householdID: HouseholdID("h1"), village: v2)])
    }
}
