/// "Tỷ lệ hộ nghèo bình quân hàng năm giảm x% so với năm B" (Bắc Ninh): the average annual
/// decrease since `B`, `(rate(B) − rate(T)) / (T − B) ⋈ x`. Needs `B` and `T`.
/// A monitoring criterion whose rate at `B` is 0 is `not_applicable` (plans.md pin 5).
///
/// Plan file: `average_decrease: {metric: rate_P, since: 2022, at_least: 0.1}` (`since` defaults
/// to the plan's baseline).
public struct AverageDecreaseRule: CriterionRule {
    public static let kind = "average_decrease"
    public var metric: RateMetric
    public var since: ReviewYear?
    public var bound: Bound

    public init(metric: RateMetric, since: ReviewYear?, bound: Bound) {
        self.metric = metric
        self.since = since
        self.bound = bound
    }

    public init(arguments: any RuleArguments) throws {
        metric = try arguments.choice("metric", as: RateMetric.self)
        if try arguments.optionalNumber("since") != nil {
            since = ReviewYear(try arguments.integer("since", minimum: 2000))
        }
        bound = try arguments.bound([.atLeast, .moreThan])
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let b = since ?? context.baselineYear
        let t = context.year
        guard t > b else {
            return .unresolved(.notApplicable, rule: Self.kind, reason: .beforeBaseYear) { $0.note("base_year", "\(b)") }
        }
        let figures: [ReviewYear: UnitFigures]
        let standards: [ReviewYear: StandardID]
        switch context.require([b, t], rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.describe(metric: .rate(metric), bound: bound)
            return outcome
        case .available(let f, let s):
            figures = f
            standards = s
        }
        var evidence = Evidence(rule: Self.kind, metric: .rate(metric), bound: bound)
        evidence.years = [b, t].map { .rate(metric, figures[$0]!, year: $0, standard: standards[$0]) }
        guard let start = figures[b]!.value(of: metric), let end = figures[t]!.value(of: metric) else {
            evidence.reason = metric.zeroDenominatorReason
            return RuleOutcome(verdict: metric.zeroDenominatorIsNotApplicable ? .notApplicable : .insufficientData, evidence: evidence)
        }
        if context.monitoring, start.isZero {
            evidence.reason = Evidence.Reason.zeroStartingRate
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        let span = Rational(t.value - b.value)
        let average = (start - end) / span
        let roundedAverage = (start.rounded() - end.rounded()) / span
        let holds = bound.holds(average)
        let holdsRounded = bound.holds(roundedAverage)
        evidence.checks = [
            Evidence.Check(
                label: "average_decrease", fromYear: b.value, toYear: t.value, value: average, roundedValue: roundedAverage,
                comparison: bound.comparison, threshold: bound.threshold.value, holds: holds, holdsRounded: holdsRounded)
        ]
        return RuleOutcome(verdict: holds ? .met : .notMet, roundedVerdict: holdsRounded ? .met : .notMet, evidence: evidence)
    }
}

extension AverageDecreaseRule: RuleWording {
    /// "Tỷ lệ hộ nghèo … bình quân hàng năm giảm 0,1% so với năm 2022" (Bắc Ninh), in points.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: w.pick("%/năm", " percentage points a year"))
        let base = e.checks?.first?.fromYear ?? e.years?.first?.year
        let since = base.map { w.pick(" so với năm \($0)", " since \($0)") } ?? ""
        return w.vi
            ? "Yêu cầu: \(w.metric(e.metric)) bình quân hằng năm giảm \(bound) (điểm phần trăm)\(since)."
            : "Rule: the \(w.metric(e.metric)) falls on average by \(bound)\(since)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        (e.checks ?? []).map { check in
            let from = e.figure(check.fromYear)?.value
            let to = e.figure(check.toYear)?.value
            let change = w.change(decrease: check.value) { w.decimal($0) + w.pick(" điểm phần trăm/năm", " percentage points a year") }
            let need = w.bound(check.comparison, check.threshold, unit: w.pick(" điểm phần trăm", " points"))
            return w.vi
                ? "Năm \(w.span(check.fromYear, check.toYear)): từ \(w.percent(from)) còn \(w.percent(to)), bình quân \(change) (cần giảm \(need)) \(w.mark(check.holds))"
                : "\(w.span(check.fromYear, check.toYear)): from \(w.percent(from)) to \(w.percent(to)), on average \(change) (needs a fall of \(need)) \(w.mark(check.holds))"
        }
    }
}
