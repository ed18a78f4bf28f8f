import Foundation
import PovReviewCore
import PovReviewIO
import Testing

/// The plan files of issue 8 items 4–5: `ntp-2026-2030` as specified (ids fixed for the
/// independent reference), and the corrected readings refusing the old rate threshold.
@Suite("Plans: ntp-2026-2030 and the corrected readings")
struct PlanFileLawPlansTests {
    static let plansFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pipelines/plans")

    @Test func ntpPlanFileSaysWhatTheIssueAsks() throws {
        let url = Self.plansFolder.appendingPathComponent("ntp-2026-2030.yaml")
        let plan = try PlanLoader.load(contentsOf: url)
        #expect(plan.id == "ntp-2026-2030")
        #expect(plan.baselineYear == 2026)
        #expect(plan.period == 2026...2030)
        #expect(plan.scope == .national)
        #expect(plan.standard == "vn-2027")
        #expect(plan.provisional)
        #expect(plan.criteria.map(\.id) == ["province-pn-decrease", "commune-pn-decrease", "province-ethnic-region-pn-2030"])
        for id in ["province-pn-decrease", "commune-pn-decrease"] {
            let criterion = try #require(plan.criterion(id))
            #expect(criterion.monitoring)
            let rule = try #require(criterion.rule as? ConsecutiveDecreaseRule)
            #expect(rule.metric == .poorNearPoorRate)
            #expect(rule.years == 1)
            #expect(rule.bound == Bound(.atLeast, PlanParameter(Rational(1), provisional: true)))
            #expect(rule.alsoReportAtLeast == PlanParameter(Rational(3, 2), provisional: true))
        }
        #expect(plan.criterion("province-pn-decrease")?.levels == [.province])
        #expect(plan.criterion("commune-pn-decrease")?.levels == [.commune])
        let goal = try #require(plan.criterion("province-ethnic-region-pn-2030"))
        #expect(goal.deadline == 2030)
        #expect(goal.levels == [.province])
        let group = try #require(goal.rule as? GroupLevelRule)
        #expect(group.regions == [.i, .ii, .iii])
        #expect(group.metric == .poorNearPoorRate)
        #expect(group.bound == Bound(.lessThan, PlanParameter(Rational(10), provisional: true)))
        // Paraphrases are marked as such; the poor-commune goal is recorded as not encoded.
        for criterion in plan.criteria { #expect(criterion.textVi.hasPrefix("Diễn đạt lại")) }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("not_encoded:"))
        #expect(text.contains("xã nghèo"))
    }

    @Test func correctedReadingsNameTheirSources() throws {
        let langSon = try String(contentsOf: Self.plansFolder.appendingPathComponent("lang-son.yaml"), encoding: .utf8)
        #expect(langSon.contains("36/2021/QĐ-TTg"))
        #expect(!langSon.contains("rate_PN_below"))
        let vinhPhuc = try String(contentsOf: Self.plansFolder.appendingPathComponent("vinh-phuc.yaml"), encoding: .utf8)
        #expect(vinhPhuc.contains("318/QĐ-TTg"))
        #expect(vinhPhuc.contains("Nghèo đa chiều"))
    }

    static let exitPlan = """
        version: 1
        id: p
        title_vi: "Kế hoạch"
        scope: national
        baseline: 2021
        period: {from: 2021, to: 2025}
        criteria:
          - id: c
            text_vi: "x"
            level: province
            rule:
              poor_district_exit: {rate_PN_below: 35, at_least: 1}
        """

    @Test func aRateThresholdForDistrictExitIsRefusedWithItsLine() {
        do {
            _ = try PlanLoader.plan(yaml: Self.exitPlan, path: "plans/p.yaml")
            Issue.record("a rate threshold for district exit was accepted")
        } catch {
            #expect(error.path == "plans/p.yaml")
            #expect(error.line == 12)
            #expect(error.message.contains("only the admin file decides"))
        }
    }

    @Test func planStandardAndProvisionalKeysAreRead() throws {
        let yaml = Self.exitPlan.replacingOccurrences(of: "rate_PN_below: 35, ", with: "")
            .replacingOccurrences(of: "scope: national", with: "scope: national\nstandard: vn-2027\nprovisional: true")
        let plan = try PlanLoader.plan(yaml: yaml, path: "plans/p.yaml")
        #expect(plan.standard == "vn-2027")
        #expect(plan.provisional)
        let bad = Self.exitPlan.replacingOccurrences(of: "scope: national", with: "scope: national\nprovisional: maybe")
        #expect(throws: LocatedError.self) { try PlanLoader.plan(yaml: bad, path: "plans/p.yaml") }
    }

    @Test func aGroupLevelRuleWithAnUnknownRegionIsRefusedWithItsLine() {
        let yaml = Self.exitPlan.replacingOccurrences(
            of: "poor_district_exit: {rate_PN_below: 35, at_least: 1}",
            with: "group_level: {level: commune, ethnic_region: [I, IV], metric: rate_PN, less_than: 10}")
        do {
            _ = try PlanLoader.plan(yaml: yaml, path: "plans/p.yaml")
            Issue.record("an unknown ethnic region was accepted")
        } catch {
            #expect(error.line == 12)
            #expect(error.message.contains("unknown ethnic region \"IV\""))
        }
    }
}
