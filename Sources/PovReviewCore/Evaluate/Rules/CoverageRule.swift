/// A coverage target ("100% hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế", Bắc Ninh): no
/// household of the group is deprived on any of the indicators at `T`. Counts only. A group with
/// no household is met vacuously (the evidence says so); an indicator the row's standard lacks
/// makes the criterion `not_applicable`.
///
/// A proxy: the review measures deprivation before support, the plan speaks of support
/// delivered (the plan file's criterion note says so).
///
/// Plan file: `coverage: {group: poor_near_poor, indicators: [health_insurance]}`.
public struct CoverageRule: CriterionRule {
    public static let kind = "coverage"
    public var group: HouseholdGroup
    public var indicators: [IndicatorID]

    public init(group: HouseholdGroup, indicators: [IndicatorID]) {
        self.group = group
        self.indicators = indicators
    }

    public init(arguments: any RuleArguments) throws {
        group = try arguments.choice("group", as: HouseholdGroup.self)
        guard let names = try arguments.optionalTextList("indicators"), !names.isEmpty else {
            throw arguments.problem(nil, "missing key \"indicators\" (a list of indicator ids)")
        }
        indicators = try names.map { name in
            guard let id = IndicatorID(rawValue: name) else {
                throw arguments.problem("indicators", "unknown indicator \"\(name)\"; expected one of \(IndicatorID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return id
        }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let metricName = group.rawValue + " deprived on " + indicators.map(\.rawValue).joined(separator: "|")
        let figures: UnitFigures
        switch context.require([t], rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.metric = metricName
            return outcome
        case .available(let f, _):
            figures = f[t]!
        }
        var evidence = Evidence(rule: Self.kind, metric: metricName, bound: nil)
        let missing = indicators.filter { !context.standardHas($0) }
        if !missing.isEmpty {
            evidence.reason = Evidence.Reason.indicatorNotInStandard.rawValue
            evidence.note("indicator_not_in_standard", missing.map(\.rawValue).joined(separator: ", "))
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        let total = figures.count(of: group)
        evidence.years = [Evidence.YearFigure(
            year: t.value, numerator: nil, denominator: total, value: nil, rounded: nil, standard: context.standard,
            restated: figures.restatement)]
        evidence.comparison = .atMost
        evidence.threshold = "0"
        var checks: [Evidence.Check] = []
        var allZero = true
        for id in indicators {
            let deprived = figures.deprived(group, on: id)
            let holds = deprived.isZero
            allZero = allZero && holds
            checks.append(Evidence.Check(
                label: "deprived:\(id.rawValue)", fromYear: nil, toYear: t.value, value: deprived, roundedValue: nil,
                comparison: .atMost, threshold: .zero, holds: holds, holdsRounded: nil))
        }
        evidence.checks = checks
        if total.isZero { evidence.note("vacuous", "no \(group.rawValue) household") }
        return RuleOutcome(verdict: allZero ? .met : .notMet, evidence: evidence)
    }
}
