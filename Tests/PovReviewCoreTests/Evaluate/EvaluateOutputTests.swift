import PovReviewCore
import Testing

/// Evidence JSON, the plain-text explanation, and the sustained-escape list.
@Suite("Evaluate: outputs")
struct EvaluateOutputTests {
    typealias F = EvaluateFixture

    static func decreaseRow() throws -> CriterionResult {
        // District 992: rate_PN 12.50 % → 8.38 % in 2024 (decrease 4.12), after 4-point decreases.
        var f = F.province99()
        f.series(
            .district, "992",
            [
                2021: (10_000, 1000, 1050), 2022: (10_000, 800, 850),
                2023: (10_000, 600, 650), 2024: (10_000, 400, 438),
            ])
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
        // The fixture's criterion has no label: its Vietnamese text stands in, never its id.
        #expect(text.contains("Tiêu chí “tiêu chí” — Huyện Khá (992), năm 2024: ĐẠT ✓"))
        // 1250/10000 = 12.50% → 838/10000 = 8.38%: a fall of 4.12 points; 2050 → 1650: 4.00.
        #expect(text.contains("Năm 2023–2024: từ 12,50% còn 8,38%, giảm 4,12 điểm phần trăm (cần giảm từ 4 điểm phần trăm trở lên) ✓"))
        #expect(text.contains("Năm 2021–2022: từ 20,50% còn 16,50%, giảm 4,00 điểm phần trăm (cần giảm từ 4 điểm phần trăm trở lên) ✓"))
        #expect(text.contains("Yêu cầu: giảm tỷ lệ nghèo đa chiều (hộ nghèo và hộ cận nghèo) từ 4%/năm trở lên (điểm phần trăm), trong 3 năm liên tục."))
    }

    @Test func explanationInEnglish() throws {
        let text = Explanation(language: .en).text(for: try Self.decreaseRow())
        #expect(text.contains("Criterion “c” — Huyện Khá (992), 2024: MET ✓"))
        #expect(text.contains("2023–2024: from 12.50% to 8.38%, down 4.12 percentage points (needs a fall of at least 4 points) ✓"))
    }

    @Test func explanationOfMissingYearsAndRestatement() throws {
        var f = F.province99()
        f.series(.district, "992", [2021: (1000, 100, 100), 2022: (1000, 60, 60)])
        let plan = F.plan(
            AnyOfRule(parts: [
                ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, .n("4")), years: 3), FallVersusBaselineRule(),
            ]), level: .district)
        let text = Explanation().text(for: try #require(f.evaluate(plan).first))
        #expect(text.contains("CHƯA ĐỦ SỐ LIỆU"))
        // 2019 and 2020 lie before the 2021 baseline: not "missing", the year cannot be judged yet;
        // three decreases from 2021 first exist at 2024.
        #expect(text.contains("Chưa đủ 3 năm so sánh trong giai đoạn (năm gốc 2021); xét từ năm 2024."))
        #expect(!text.contains("Thiếu số liệu"))
        #expect(text.contains("Quy mô hộ nghèo và hộ cận nghèo: 200 hộ (năm 2021) → 120 hộ (năm 2022), giảm 40,00% (cần giảm trên 50%) ✗"))

        let merged = EvaluateReformTests.mergedCommunes(pnAt2025: 64)
        let row = try #require(merged.evaluate(F.plan(FallVersusBaselineRule(), level: .commune)).first { $0.unitCode == "99103" && $0.evaluationYear == 2025 })
        let restated = Explanation().text(for: row)
        #expect(restated.contains("129,99996") == false)  // counts are shown to 2 decimals
        #expect(restated.contains("130,00 hộ (năm 2021) → 64 hộ (năm 2025)"))
        #expect(restated.contains("đã được quy đổi"))
        #expect(
            row.evidenceJSON.contains(
                "\"restated\":{\"contributions\":[{\"code\":\"99101\",\"level\":\"commune\",\"share\":\"1\"},{\"code\":\"99102\",\"level\":\"commune\",\"share\":\"333333/1000000\"}],\"kind\":\"crosswalk\"}"
            ))
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
        #expect(
            list == [
                SustainedEscape(householdID: HouseholdID("h0"), village: v1),
                SustainedEscape(householdID: HouseholdID("h1"), village: v2),
            ])
    }
}
