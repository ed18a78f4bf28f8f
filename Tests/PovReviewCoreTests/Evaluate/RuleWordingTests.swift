import PovReviewCore
import Testing

/// Number formats, the sign of a change, and each rule kind's words (issue 9 item 1).
@Suite("Evaluate: wording")
struct RuleWordingTests {
    typealias F = EvaluateFixture
    let vi = Wording(.vi)
    let en = Wording(.en)

    @Test func vietnameseAndEnglishNumbers() {
        #expect(vi.households(Rational(2811)) == "2.811 hộ")
        #expect(en.households(Rational(2811)) == "2,811 households")
        #expect(vi.count(Rational(1_234_567)) == "1.234.567")
        #expect(vi.count(Rational(999)) == "999")
        // 556/10000 = 5.56%.
        #expect(vi.percent(Rational(556, 100)) == "5,56%")
        #expect(en.percent(Rational(556, 100)) == "5.56%")
        #expect(vi.fraction(Rational(556), Rational(10_000)) == "556/10.000")
        #expect(vi.exact(Rational(3, 2)) == "1,5")
        #expect(vi.decimal(Rational(-182, 100)) == "-1,82")
        // A restated count keeps 2 decimals: 129.99996 → 130.00.
        #expect(vi.count(Rational(12_999_996, 100_000)) == "130,00")
    }

    @Test func boundsAsThePlansPhraseThem() {
        #expect(vi.bound(.atLeast, "4", unit: "%/năm") == "từ 4%/năm trở lên")
        #expect(vi.bound(.moreThan, "50", unit: "%") == "trên 50%")
        #expect(vi.bound(.lessThan, "0.5", unit: "%") == "dưới 0,5%")
        #expect(vi.bound(.atMost, "2", unit: "%") == "không quá 2%")
        #expect(en.bound(.moreThan, "50", unit: "%") == "more than 50%")
    }

    /// A rise is a rise: 3 → 7 near-poor households is "tăng 4 hộ", never "giảm -4".
    @Test func aRiseIsTang() {
        #expect(vi.change(decrease: Rational(-4)) { vi.households($0) } == "tăng 4 hộ")
        #expect(vi.change(decrease: Rational(-13_333, 100)) { vi.decimal($0) + "%" } == "tăng 133,33%")
        #expect(en.change(decrease: Rational(-4)) { en.households($0) } == "up 4 households")
        #expect(vi.change(decrease: .zero) { vi.households($0) } == "không đổi")
    }

    @Test func everyRuleKindOwnsItsWords() {
        for kind in RuleRegistry.all {
            #expect(kind is any RuleWording.Type, "\(kind) has no RuleWording conformance")
        }
        for note in NoteKind.allCases { _ = note.sentence(Evidence.Note(note.rawValue), vi) }
    }

    /// The count of poor and near-poor households of a commune rose from 3 to 7 against a
    /// baseline of 3: a rise of 133.33% (4/3), written "tăng".
    @Test func fallVersusBaselineSaysARiseIsARise() throws {
        var f = F.province99()
        f.series(.commune, "99201", [2021: (100, 2, 1), 2022: (100, 4, 3)])
        let plan = F.plan(FallVersusBaselineRule(), level: .commune)
        let row = try #require(f.evaluate(plan).first { $0.unitCode == "99201" && $0.evaluationYear == 2022 })
        let text = Explanation().text(for: row)
        #expect(text.contains("Quy mô hộ nghèo và hộ cận nghèo: 3 hộ (năm 2021) → 7 hộ (năm 2022), tăng 133,33% (cần giảm trên 50%) ✗"), "\(text)")
        let english = Explanation(language: .en).text(for: row)
        #expect(english.contains("3 (2021) → 7 (2022), up 133.33% (needs a fall of more than 50%) ✗"), "\(english)")
    }

    /// A gap inside the plan's period is missing data, said as such (not "not yet judgeable").
    @Test func aGapAfterTheBaselineIsMissingData() throws {
        var f = F.province99()
        f.series(.district, "992", [2021: (1000, 100, 100), 2023: (1000, 60, 60), 2024: (1000, 50, 50)])
        let plan = F.plan(ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, .n("4")), years: 1), level: .district)
        let row = try #require(f.evaluate(plan).first { $0.evaluationYear == 2023 })
        #expect(row.evidence.reason?.rawValue == "missing_years")
        #expect(Explanation().text(for: row).contains("Thiếu số liệu năm 2022."))
    }
}
