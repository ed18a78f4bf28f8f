/// A monitoring decrease of a count from `T−1` to `T` (Đà Nẵng: "giảm hộ nghèo, hộ cận nghèo và
/// hộ nghèo có hoàn cảnh đặc biệt khó khăn"): met iff `count(T) < count(T−1)`;
/// `count(T−1) = 0` is `not_applicable` (plans.md pin 5). Counts only.
///
/// Plan file: `count_fell: {count: poor}`.
public struct CountFellRule: CriterionRule {
    public static let kind = "count_fell"
    public var count: CountMetric

    public init(count: CountMetric) { self.count = count }

    public init(arguments: any RuleArguments) throws {
        count = try arguments.choice("count", as: CountMetric.self)
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let previous = t.advanced(by: -1)
        let figures: [ReviewYear: UnitFigures]
        let standards: [ReviewYear: StandardID]
        switch context.require([previous, t], rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.metric = .count(count)
            return outcome
        case .available(let f, let s):
            figures = f
            standards = s
        }
        var evidence = Evidence(rule: Self.kind, metric: .count(count), bound: nil)
        evidence.years = [previous, t].map { .count(count, figures[$0]!, year: $0, standard: standards[$0]) }
        let before = figures[previous]!.value(of: count)
        let now = figures[t]!.value(of: count)
        guard !before.isZero else {
            evidence.reason = Evidence.Reason.zeroStartingCount
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        let decrease = before - now
        let holds = decrease > .zero
        evidence.checks = [
            Evidence.Check(
                label: "decrease", fromYear: previous.value, toYear: t.value, value: decrease, roundedValue: nil,
                comparison: .moreThan, threshold: .zero, holds: holds, holdsRounded: nil)
        ]
        return RuleOutcome(verdict: holds ? .met : .notMet, evidence: evidence)
    }
}

extension CountFellRule: RuleWording {
    /// "Giảm hộ nghèo, hộ cận nghèo" (Đà Nẵng's monitoring criteria): the count fell from `T−1`.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        w.vi ? "Yêu cầu: \(w.metric(e.metric)) giảm so với năm trước." : "Rule: the \(w.metric(e.metric)) falls from the year before."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        (e.checks ?? []).map { check in
            let from = e.figure(check.fromYear)?.value
            let to = e.figure(check.toYear)?.value
            let change = w.change(decrease: check.value) { w.households($0) }
            return w.vi
                ? "\(w.sentence(w.metric(e.metric))): \(w.households(from)) (năm \(check.fromYear ?? 0)) → \(w.households(to)) (năm \(check.toYear ?? 0)), \(change) \(w.mark(check.holds))"
                : "\(w.sentence(w.metric(e.metric))): \(w.count(from)) (\(check.fromYear ?? 0)) → \(w.count(to)) (\(check.toYear ?? 0)), \(change) \(w.mark(check.holds))"
        }
    }
}
