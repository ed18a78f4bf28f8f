/// A level at or below / below a threshold at the evaluation year ("giảm … xuống dưới 0,5%"):
/// `rate(T) ⋈ x`. Usually with a deadline (Vĩnh Phúc: `rate_P < 0.5` at 2025).
///
/// Plan file: `level: {metric: rate_P, less_than: 0.5}`.
public struct LevelRule: CriterionRule {
    public static let kind = "level"
    public var metric: RateMetric
    public var bound: Bound

    public init(metric: RateMetric, bound: Bound) {
        self.metric = metric
        self.bound = bound
    }

    public init(arguments: any RuleArguments) throws {
        metric = try arguments.choice("metric", as: RateMetric.self)
        bound = try arguments.bound([.atMost, .lessThan])
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let figures: UnitFigures
        let standard: StandardID?
        switch context.require([t], rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.describe(metric: .rate(metric), bound: bound)
            return outcome
        case .available(let f, let s):
            figures = f[t]!
            standard = s[t]
        }
        var evidence = Evidence(rule: Self.kind, metric: .rate(metric), bound: bound)
        evidence.years = [.rate(metric, figures, year: t, standard: standard)]
        return Self.decide(metric, of: figures, against: bound, at: t, evidence: evidence)
    }

    /// The verdict of `metric(T) ⋈ bound` on `figures`, exact and with the rate rounded as
    /// published, its check added to `evidence` (shared with `GroupLevelRule`).
    static func decide(
        _ metric: RateMetric, of figures: UnitFigures, against bound: Bound, at t: ReviewYear,
        evidence: Evidence
    ) -> RuleOutcome {
        var evidence = evidence
        guard let rate = figures.value(of: metric) else {
            evidence.reason = metric.zeroDenominatorReason
            return RuleOutcome(verdict: metric.zeroDenominatorIsNotApplicable ? .notApplicable : .insufficientData, evidence: evidence)
        }
        let holds = bound.holds(rate)
        let holdsRounded = bound.holds(rate.rounded())
        evidence.checks = [
            Evidence.Check(
                label: "level", fromYear: nil, toYear: t.value, value: rate, roundedValue: rate.rounded(),
                comparison: bound.comparison, threshold: bound.threshold.value, holds: holds, holdsRounded: holdsRounded)
        ]
        return RuleOutcome(verdict: holds ? .met : .notMet, roundedVerdict: holdsRounded ? .met : .notMet, evidence: evidence)
    }
}

extension LevelRule: RuleWording {
    /// "Tỷ lệ hộ nghèo … dưới 0,5%" (Vĩnh Phúc, by 2025).
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: "%")
        return w.vi ? "Yêu cầu: \(w.metric(e.metric)) \(bound)." : "Rule: the \(w.metric(e.metric)) is \(bound)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        (e.checks ?? []).map { check in
            let figure = e.figure(check.toYear)
            let detail = figure?.numerator.map { " (\(w.fraction($0, figure?.denominator)) \(w.pick("hộ", "households")))" } ?? ""
            let need = w.bound(check.comparison, check.threshold, unit: "%")
            return w.vi
                ? "\(w.sentence(w.metric(e.metric))) năm \(check.toYear ?? 0): \(w.percent(check.value))\(detail), cần \(need) \(w.mark(check.holds))"
                : "\(w.sentence(w.metric(e.metric))) in \(check.toYear ?? 0): \(w.percent(check.value))\(detail), needs \(need) \(w.mark(check.holds))"
        }
    }
}
