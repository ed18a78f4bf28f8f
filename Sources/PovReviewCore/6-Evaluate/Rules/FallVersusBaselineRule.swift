/// "Quy mô hộ nghèo và hộ cận nghèo đa chiều giảm trên 50% so với đầu kỳ" (Decision 666): the
/// count fell by more than p% from the plan's baseline review `B` to `T`:
/// `100·(count(B) − count(T)) > p·count(B)` — for p = 50, `2·PN(T) < PN(B)`. Counts only, so
/// never borderline. `count(B) = 0` is `not_applicable` (plans.md pin 5).
///
/// Plan file: `fall_vs_baseline: {count: poor_near_poor, more_than: 50}` (percent).
public struct FallVersusBaselineRule: CriterionRule {
    public static let kind = "fall_vs_baseline"
    public var count: CountMetric
    /// The fall, in percent of the baseline count.
    public var bound: Bound

    public init(count: CountMetric = .poorNearPoor, bound: Bound = Bound(.moreThan, PlanParameter(Rational(50)))) {
        self.count = count
        self.bound = bound
    }

    public init(arguments: any RuleArguments) throws {
        count = try arguments.choice("count", as: CountMetric.self, default: .poorNearPoor)
        bound = try arguments.bound([.moreThan, .atLeast])
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let b = context.baselineYear
        let t = context.year
        let figures: [ReviewYear: UnitFigures]
        let standards: [ReviewYear: StandardID]
        switch context.require([b, t], rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.describe(metric: .count(count), bound: bound)
            return outcome
        case .available(let f, let s):
            figures = f
            standards = s
        }
        var evidence = Evidence(rule: Self.kind, metric: .count(count), bound: bound)
        evidence.years = [b, t].map { .count(count, figures[$0]!, year: $0, standard: standards[$0]) }
        let base = figures[b]!.value(of: count)
        let now = figures[t]!.value(of: count)
        guard !base.isZero else {
            evidence.reason = Evidence.Reason.zeroBaseline
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        let fall = Rational.hundred * (base - now) / base
        let holds = bound.holds(fall)
        evidence.checks = [
            Evidence.Check(
                label: "fall_percent", fromYear: b.value, toYear: t.value, value: fall, roundedValue: nil,
                comparison: bound.comparison, threshold: bound.threshold.value, holds: holds, holdsRounded: nil)
        ]
        return RuleOutcome(verdict: holds ? .met : .notMet, evidence: evidence)
    }
}

extension FallVersusBaselineRule: RuleWording {
    /// "Quy mô hộ nghèo và hộ cận nghèo đa chiều giảm trên 50% so với đầu kỳ" (Decision 666).
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: "%")
        let baseline = e.checks?.first?.fromYear ?? e.years?.first?.year
        let since = baseline.map { w.pick(" (năm \($0))", " (\($0))") } ?? ""
        return w.vi
            ? "Yêu cầu: \(w.metric(e.metric)) giảm \(bound) so với đầu kỳ\(since)."
            : "Rule: the \(w.metric(e.metric)) falls by \(bound) from the baseline\(since)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        (e.checks ?? []).map { check in
            let from = e.figure(check.fromYear)?.value
            let to = e.figure(check.toYear)?.value
            let change = w.change(decrease: check.value) { w.decimal($0) + "%" }
            let need = w.bound(check.comparison, check.threshold, unit: "%")
            return w.vi
                ? "\(w.sentence(w.metric(e.metric))): \(w.households(from)) (năm \(check.fromYear ?? 0)) → \(w.households(to)) (năm \(check.toYear ?? 0)), \(change) (cần giảm \(need)) \(w.mark(check.holds))"
                : "\(w.sentence(w.metric(e.metric))): \(w.count(from)) (\(check.fromYear ?? 0)) → \(w.count(to)) (\(check.toYear ?? 0)), \(change) (needs a fall of \(need)) \(w.mark(check.holds))"
        }
    }
}
