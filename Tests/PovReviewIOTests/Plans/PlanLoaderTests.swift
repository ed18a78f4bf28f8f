import Foundation
import PovReviewCore
import PovReviewIO
import Testing

@Suite("Plans: loading plan files")
struct PlanLoaderTests {
    static let plansFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pipelines/plans")

    static func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/plans/\(name)")
    }

    @Test func everyShippedPlanFileLoads() throws {
        let plans = try PlanLoader.loadAll(in: Self.plansFolder)
        #expect(plans.map(\.id) == ["bac-ninh", "da-nang", "lang-son", "national-666", "ntp-2026-2030", "vinh-phuc"])
        let byID = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        #expect(
            byID["national-666"]!.criteria.map(\.id) == [
                "province", "district-poor", "district-other", "commune-coastal", "commune-ethnic-region", "village",
            ])
        #expect(
            byID["lang-son"]!.criteria.map(\.id) == [
                "province-poor-rate", "province-ethnic-minority", "province-district-exit", "district-poor", "district-other",
                "commune-special-difficulty", "commune-ethnic-region", "village",
            ])
        #expect(
            byID["vinh-phuc"]!.criteria.map(\.id) == [
                "province-poor-rate-2025", "province-ethnic-minority-share-2025", "communes-ntm-poverty-2022", "district",
                "commune-target", "village-target",
            ])
        #expect(
            byID["bac-ninh"]!.criteria.map(\.id) == [
                "poor-rate-average-decrease", "coverage-health-insurance", "coverage-schooling", "coverage-housing",
                "coverage-water-sanitation", "coverage-information",
            ])
        let daNang = byID["da-nang"]!
        #expect(
            daNang.criteria.map(\.id) == byID["national-666"]!.criteria.map(\.id)
                + ["decrease-poor", "decrease-near-poor", "decrease-poor-special-difficulty"])
        #expect(daNang.localStandard?.placeholder == true)
        #expect(daNang.scope == .provincial(territory: "48", nameVi: "Đà Nẵng"))
        #expect(byID["bac-ninh"]!.baselineYear == 2022)
        #expect(byID["bac-ninh"]!.period == 2023...2025)
        #expect(byID["vinh-phuc"]!.scope.territory == "26")
        // Provisional parameters are marked.
        // District exit: the admin file alone decides (plans.md pin 6), no rate threshold.
        let exit = try #require(byID["lang-son"]!.criterion("province-district-exit")?.rule as? PoorDistrictExitRule)
        #expect(exit.minimum == 1)
        // Vĩnh Phúc's new-rural criterion counts poor and near-poor households (Decision 318/QĐ-TTg, criterion 11).
        let ntm = try #require(byID["vinh-phuc"]!.criterion("communes-ntm-poverty-2022")?.rule as? EveryUnitRule)
        #expect(ntm.bound == Bound(.atMost, PlanParameter(Rational(2), provisional: true)))
        #expect(ntm.metric == .poorNearPoorRate)
        #expect(ntm.filter == .rural)
        #expect(byID["vinh-phuc"]!.criterion("communes-ntm-poverty-2022")?.deadline == 2022)
        // The national province criterion is an any_of of the 3-year decrease and the fall.
        let province = try #require(byID["national-666"]!.criterion("province")?.rule as? AnyOfRule)
        let decrease = try #require(province.parts.first as? ConsecutiveDecreaseRule)
        #expect(decrease.bound == Bound(.atLeast, PlanParameter(Rational(2))))
        #expect(decrease.years == 3)
        #expect(
            byID["national-666"]!.criterion("commune-coastal").map { ($0.rule as! AnyOfRule).parts.first as! ConsecutiveDecreaseRule }?.bound.threshold.value
                == Rational(3, 2))
        #expect(byID["lang-son"]!.criterion("commune-special-difficulty")?.applicability == .ethnicRegion([.iii]))
    }

    @Test func adoptReadsTheOtherPlanBesideTheFile() throws {
        let plan = try PlanLoader.load(contentsOf: Self.fixture("adopting-plan.yaml"))
        #expect(plan.criteria.map(\.id) == ["village", "decrease-poor"])
        #expect(plan.criteria[1].levels == [.village, .commune])
        #expect(plan.criteria[1].monitoring)
    }

    static let valid = """
        version: 1
        id: p
        title_vi: "Kế hoạch"
        scope: national
        baseline: 2021
        period: {from: 2021, to: 2025}
        criteria:
          - id: c
            text_vi: "x"
            level: commune
            rule:
              fall_vs_baseline: {more_than: 50}
        """

    static func error(_ yaml: String) -> LocatedError? {
        do {
            _ = try PlanLoader.plan(yaml: yaml, path: "plans/p.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func validMinimalPlanLoads() throws {
        let plan = try PlanLoader.plan(yaml: Self.valid, path: "plans/p.yaml")
        #expect(plan.criteria.count == 1)
        #expect(plan.criteria[0].rule is FallVersusBaselineRule)
    }

    // (original line, replacement, expected line, expected column (1-based, of the offending node), message part)
    @Test(
        arguments: [
            ("    level: commune", "    level: hamlet", 10, 12, "unknown level \"hamlet\""),
            ("    level: commune", "    level: commune\n    colour: red", 11, 5, "unknown key \"colour\" in criterion"),
            ("      fall_vs_baseline: {more_than: 50}", "      fall_vs_baseline_x: {more_than: 50}", 12, 7, "unknown rule kind \"fall_vs_baseline_x\""),
            ("      fall_vs_baseline: {more_than: 50}", "      fall_vs_baseline: {more_than: 50, at_least: 4}", 12, 25, "expected exactly one of"),
            (
                "      fall_vs_baseline: {more_than: 50}", "      fall_vs_baseline: {more_than: 50, extra: 1}", 12, 41,
                "unknown key \"extra\" in rule fall_vs_baseline"
            ),
            ("      fall_vs_baseline: {more_than: 50}", "      fall_vs_baseline: {more_than: fifty}", 12, 37, "\"more_than\" must be a number"),
            ("      fall_vs_baseline: {more_than: 50}", "      consecutive_decrease: {metric: rate_X, at_least: 2}", 12, 38, "expected one of rate_P"),
            ("version: 1", "version: 2", 1, 10, "unsupported version"),
            ("scope: national", "scope: nationwide", 4, 8, "scope must be national or provincial"),
            // A syntax error has its line; the YAML parser's own text gives the column and the snippet.
            ("    text_vi: \"x\"", "    text_vi: \"x", 12, nil, "not valid YAML"),
        ] as [(String, String, Int, Int?, String)])
    func errorsNameTheLineAndWhatWasExpected(original: String, replacement: String, line: Int, column: Int?, message: String) throws {
        let yaml = Self.valid.replacingOccurrences(of: original, with: replacement)
        let error = try #require(Self.error(yaml))
        #expect(error.path == "plans/p.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("plans/p.yaml:\(line)\(column.map { ":\($0)" } ?? ""): "))
    }

    @Test func emptyAndUnreadableFilesAreNamed() throws {
        let empty = try #require(Self.error(""))
        #expect(empty.kind == .syntax)
        #expect(empty.description == "plans/p.yaml:1: the file is empty; expected a plan")
        let missing = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("no-such-plan-\(UUID().uuidString).yaml")
        #expect {
            try PlanLoader.load(contentsOf: missing, displayPath: "plans/missing.yaml")
        } throws: { error in
            let e = error as? LocatedError
            return e?.kind == .unreadable && e?.description.hasPrefix("plans/missing.yaml: cannot read the file: ") == true
        }
    }

    @Test func duplicateCriterionIDsAreRejected() throws {
        let yaml = Self.valid + "\n  - id: c\n    text_vi: \"y\"\n    level: village\n    rule: {count_fell: {count: poor}}\n"
        let error = try #require(Self.error(yaml))
        #expect(error.line == 13)
        #expect(error.message.contains("duplicate criterion id"))
    }

    @Test func missingKeysAreNamed() throws {
        let error = try #require(Self.error(Self.valid.replacingOccurrences(of: "baseline: 2021\n", with: "")))
        #expect(error.message.contains("missing key \"baseline\""))
    }
}

@Suite("Plans: crosswalk and targets files")
struct PlanReferenceFileTests {
    @Test func crosswalkSharesAreExactFractions() throws {
        let crosswalk = try CrosswalkFile.load(contentsOf: PlanLoaderTests.fixture("crosswalk.csv"), path: "crosswalk.csv")
        #expect(crosswalk.share(from: "99102", to: "99103") == Rational(333_333, 1_000_000))
        #expect(crosswalk.share(from: "99102", to: "99104") == Rational(666_667, 1_000_000))
        #expect(crosswalk.sources["99103"]?.map(\.oldCode) == ["99101", "99102"])
        #expect(crosswalk.share(from: "99102/Thôn Bắc", to: "99104/Thôn Bắc") == .one)
    }

    @Test func crosswalkSharesMustSumToOne() throws {
        do {
            _ = try CrosswalkFile.load(contentsOf: PlanLoaderTests.fixture("crosswalk-unbalanced.csv"), path: "crosswalk.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.contains("sum to 0.999900"))
        }
    }

    @Test(arguments: ["0", "1.5", "abc", "-0.2", "1,234"])
    func crosswalkShareOutOfRangeIsAnError(share: String) throws {
        let csv = "old_code,new_code,share\n99101,99103,\"\(share)\"\n"
        do {
            _ = try CrosswalkFile.parse(data: Data(csv.utf8), path: "crosswalk.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.columnName == "share")
        }
    }

    @Test func targetsAreReadExactly() throws {
        let targets = try TargetsFile.load(contentsOf: PlanLoaderTests.fixture("targets.csv"), path: "targets.csv")
        #expect(targets.target(.init(plan: "vinh-phuc", year: 2024, level: .commune, unitCode: "99201", metric: .poorRateDecrease)) == Rational(3, 2))
        #expect(targets.target(.init(plan: "vinh-phuc", year: 2024, level: .village, unitCode: "99201/Thôn A", metric: .poorCountDecrease)) == Rational(3))
        #expect(targets.target(.init(plan: "vinh-phuc", year: 2025, level: .commune, unitCode: "99201", metric: .poorRate)) == Rational(3, 4))
    }

    @Test func badTargetRowsNameTheLine() throws {
        let csv = "plan,review_year,level,unit_code,metric,target\nvinh-phuc,2024,commune,99201,poor_rate_fall,1\n"
        do {
            _ = try TargetsFile.parse(data: Data(csv.utf8), path: "targets.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("targets.csv:2 (column metric): metric must be one of"))
        }
    }
}
