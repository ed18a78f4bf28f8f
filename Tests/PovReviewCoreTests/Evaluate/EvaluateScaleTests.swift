import PovReviewCore
import Testing

/// A province-sized world (2,000 communes, 20,000 villages, 5 years) must evaluate: the
/// evaluator caches hierarchy and figures and has no quadratic step. The limit is a hang guard
/// (a quadratic step takes hours), not a timing: about 10 s alone, up to 60 s on a loaded
/// shared machine; speed is measured by `make bench`, never asserted here.
@Suite("Evaluate: scale")
struct EvaluateScaleTests {
    @Test(.timeLimit(.minutes(5)))
    func provinceSizedWorldEvaluatesQuickly() {
        var f = EvaluateFixture()
        f.admin = [AdminUnit(code: "99", name: "Tỉnh", level: .province, parentCode: nil)]
        for d in 0..<20 {
            let district = UnitCode("9\(format2(d))")
            f.admin.append(AdminUnit(code: district, name: "Huyện \(d)", level: .district, parentCode: "99", poorDistrict: d < 3))
            for c in 0..<100 {
                let commune = UnitCode("\(district.rawValue)\(format2(c))")
                f.admin.append(AdminUnit(code: commune, name: "Xã \(c)", level: .commune, parentCode: district, ethnicRegion: c % 3 == 0 ? .ii : nil))
                for year in 2021...2025 {
                    let shrink = (year - 2021) * 3
                    f.put(.commune, commune, year, EvaluateFixture.tally(households: 500, poor: 60 - shrink, nearPoor: 40 - shrink))
                    for v in 0..<10 {
                        f.put(
                            .village, .village(commune: commune, name: "Thôn \(v)"), year,
                            EvaluateFixture.tally(households: 50, poor: 6 - (year - 2021), nearPoor: 4), name: "Thôn \(v)")
                    }
                }
            }
            for year in 2021...2025 {
                f.put(.district, district, year, EvaluateFixture.tally(households: 50_000, poor: 6000 - (year - 2021) * 300, nearPoor: 4000))
            }
        }
        for year in 2021...2025 {
            f.put(.province, "99", year, EvaluateFixture.tally(households: 1_000_000, poor: 120_000 - (year - 2021) * 6000, nearPoor: 80_000))
        }
        let plan = Plan(
            id: "scale", titleVi: "", baselineYear: 2021, period: 2021...2025, scope: .national,
            criteria: [
                Criterion(id: "village", textVi: "", levels: [.village], rule: FallVersusBaselineRule()),
                Criterion(id: "commune", textVi: "", levels: [.commune], applicability: .ethnicRegion([.i, .ii, .iii]), rule: FallVersusBaselineRule()),
                Criterion(
                    id: "district", textVi: "", levels: [.district],
                    rule: AnyOfRule(parts: [
                        ConsecutiveDecreaseRule(metric: .poorNearPoorRate, bound: Bound(.atLeast, PlanParameter(Rational(4))), years: 3),
                        FallVersusBaselineRule(),
                    ])),
                Criterion(id: "monitor", textVi: "", levels: [.village, .commune], monitoring: true, rule: CountFellRule(count: .poor)),
            ])
        let rows = f.evaluate(plan)
        // 4 years × (20,000 villages + 680 region-II communes + 20 districts + 20,000 villages + 2,000 communes).
        #expect(rows.count == 4 * (20_000 + 680 + 20 + 22_000))
        #expect(rows.first { $0.criterionID == "village" && $0.evaluationYear == 2025 }?.verdict == .notMet)
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
