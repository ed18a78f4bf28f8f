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
                throw arguments.problem(
                    "indicators", "unknown indicator \"\(name)\"; expected one of \(IndicatorID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return id
        }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let metricName = Evidence.Metric.coverage(group, indicators: indicators)
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
            evidence.reason = Evidence.Reason.indicatorNotInStandard
            evidence.note(.indicatorNotInStandard, missing.map(\.rawValue).joined(separator: ", ")) { $0.items = missing.map(\.rawValue) }
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        let total = figures.count(of: group)
        evidence.years = [
            Evidence.YearFigure(
                year: t.value, numerator: nil, denominator: total, value: nil, rounded: nil, standard: context.standard,
                restated: figures.restatement)
        ]
        evidence.comparison = .atMost
        evidence.threshold = "0"
        var checks: [Evidence.Check] = []
        var allZero = true
        for id in indicators {
            let deprived = figures.deprived(group, on: id)
            let holds = deprived.isZero
            allZero = allZero && holds
            checks.append(
                Evidence.Check(
                    label: "deprived:\(id.rawValue)", fromYear: nil, toYear: t.value, value: deprived, roundedValue: nil,
                    comparison: .atMost, threshold: .zero, holds: holds, holdsRounded: nil))
        }
        evidence.checks = checks
        if total.isZero { evidence.note("vacuous", "no \(group.rawValue) household") }
        return RuleOutcome(verdict: allZero ? .met : .notMet, evidence: evidence)
    }
}

extension CoverageRule: RuleWording {
    /// "100% hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế" (Bắc Ninh), measured through the
    /// review's deprivation indicator (a proxy: deprivation before support).
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let (group, indicators) = parts(e, w)
        return w.vi
            ? "Yêu cầu: không còn \(group) nào thiếu hụt \(indicators) (đo qua chỉ số thiếu hụt của kỳ rà soát, trước khi hỗ trợ)."
            : "Rule: none of the \(group) is still deprived on \(indicators) (measured through the review's deprivation indicator, before support)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        let (group, _) = parts(e, w)
        let total = e.years?.first?.denominator
        return (e.checks ?? []).map { check in
            let indicator = w.indicator(String(check.label.dropFirst("deprived:".count)))
            return w.vi
                ? "\(w.sentence(group)) còn thiếu hụt \(indicator) năm \(check.toYear ?? 0): \(w.fraction(check.value, total)) hộ \(w.mark(check.holds))"
                : "\(w.sentence(group)) still deprived on \(indicator) in \(check.toYear ?? 0): \(w.count(check.value)) of \(w.count(total)) \(w.mark(check.holds))"
        }
    }

    /// The group's and the indicators' names, from the evidence metric `.coverage(group, indicators:)`;
    /// the pieces of its text as written when stored evidence has another form.
    private static func parts(_ e: Evidence, _ w: Wording) -> (String, String) {
        let group: String
        let ids: [String]
        if case .coverage(let covered, let indicators) = e.metric {
            group = covered.name(w)
            ids = indicators.map(\.rawValue)
        } else {
            let pieces = (e.metric?.rawValue ?? "").split(separator: " ").map(String.init)
            group = pieces.first.flatMap(HouseholdGroup.init(rawValue:))?.name(w) ?? (pieces.first ?? "")
            ids = pieces.last.map { $0.split(separator: "|").map(String.init) } ?? []
        }
        return (group, ids.map(w.indicator).joined(separator: w.pick(" hoặc ", " or ")))
    }
}
