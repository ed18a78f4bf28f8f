/// "Giảm tỷ lệ hộ nghèo vượt chỉ tiêu kế hoạch" (Vĩnh Phúc, communes and villages): the unit's
/// actual decrease from `T−1` to `T` is greater than the planned one from `targets.csv`
/// (plans.md pin 7):
/// - `poor_rate_decrease`: planned decrease of `rate_P` in points;
/// - `poor_rate`: planned `rate_P(T)`; planned decrease = `rate_P(T−1) − target`;
/// - `poor_count_decrease`: planned fall in the number of poor households (counts only).
/// The first metric of `metrics` that has a target row for the unit and year is used; none →
/// `insufficient_data`. Missing years are reported before a missing target.
///
/// Plan file: `target: {metrics: [poor_rate_decrease, poor_rate, poor_count_decrease]}`.
public struct TargetComparisonRule: CriterionRule {
    public static let kind = "target"
    public var metrics: [Targets.Metric]

    public init(metrics: [Targets.Metric] = Targets.Metric.allCases) { self.metrics = metrics }

    public init(arguments: any RuleArguments) throws {
        if let names = try arguments.optionalTextList("metrics") {
            metrics = try names.map { name in
                guard let metric = Targets.Metric(rawValue: name) else {
                    throw arguments.problem(
                        "metrics", "unknown target metric \"\(name)\"; expected one of \(Targets.Metric.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return metric
            }
            guard !metrics.isEmpty else { throw arguments.problem("metrics", "expected at least one target metric") }
        } else {
            metrics = Targets.Metric.allCases
        }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let previous = t.advanced(by: -1)
        let figures: [ReviewYear: UnitFigures]
        let standards: [ReviewYear: StandardID]
        switch context.require([previous, t], rule: Self.kind) {
        case .unavailable(let outcome):
            return outcome
        case .available(let f, let s):
            figures = f
            standards = s
        }
        guard let (metric, target) = metrics.lazy.compactMap({ m in context.target(m).map { (m, $0) } }).first else {
            return .unresolved(.insufficientData, rule: Self.kind, reason: .noTarget) {
                $0.note("target_metrics", metrics.map(\.rawValue).joined(separator: ", "))
            }
        }
        var evidence = Evidence(rule: Self.kind)
        evidence.metric = .target(metric)
        evidence.comparison = .moreThan
        let before = figures[previous]!
        let now = figures[t]!
        let actual: Rational
        let planned: Rational
        var roundedActual: Rational?
        var roundedPlanned: Rational?
        switch metric {
        case .poorCountDecrease:
            evidence.years = [previous, t].map { .count(.poor, figures[$0]!, year: $0, standard: standards[$0]) }
            actual = before.poor - now.poor
            planned = target
        case .poorRateDecrease, .poorRate:
            evidence.years = [previous, t].map { .rate(.poorRate, figures[$0]!, year: $0, standard: standards[$0]) }
            let r0 = before.value(of: .poorRate)!
            let r1 = now.value(of: .poorRate)!
            actual = r0 - r1
            roundedActual = r0.rounded() - r1.rounded()
            if metric == .poorRate {
                planned = r0 - target
                roundedPlanned = r0.rounded() - target
                evidence.note(.plannedRate, target.plainText) {
                    $0.value = target
                    $0.year = t.value
                }
            } else {
                planned = target
                roundedPlanned = target
            }
        }
        evidence.threshold = planned.plainText
        let holds = actual > planned
        var holdsRounded: Bool?
        if let roundedActual, let roundedPlanned { holdsRounded = roundedActual > roundedPlanned }
        evidence.checks = [
            Evidence.Check(
                label: "decrease_vs_plan", fromYear: previous.value, toYear: t.value, value: actual, roundedValue: roundedActual,
                comparison: .moreThan, threshold: planned, holds: holds, holdsRounded: holdsRounded)
        ]
        let verdict: Verdict = holds ? .met : .notMet
        let rounded: Verdict = (holdsRounded ?? holds) ? .met : .notMet
        return RuleOutcome(verdict: verdict, roundedVerdict: rounded, evidence: evidence)
    }
}

extension TargetComparisonRule: RuleWording {
    /// "Vượt chỉ tiêu kế hoạch" (Vĩnh Phúc): the year's decrease is greater than the planned one.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let what =
            e.metric == .target(.poorCountDecrease)
            ? w.pick("số hộ nghèo", "number of poor households") : w.pick("tỷ lệ hộ nghèo", "poor-household rate")
        return w.vi
            ? "Yêu cầu: mức giảm \(what) trong năm vượt chỉ tiêu kế hoạch giao."
            : "Rule: the year's fall in the \(what) exceeds the planned fall."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        let isCount = e.metric == .target(.poorCountDecrease)
        return (e.checks ?? []).map { check in
            let from = e.figure(check.fromYear)?.value
            let to = e.figure(check.toYear)?.value
            let amount: (Rational) -> String =
                isCount
                ? { w.households($0) }
                : { w.decimal($0) + w.pick(" điểm phần trăm", " percentage points") }
            let actual = w.change(decrease: check.value, amount: amount)
            let planned = w.change(decrease: check.threshold, amount: amount)
            let values = isCount ? "\(w.count(from)) → \(w.count(to))" : "\(w.percent(from)) → \(w.percent(to))"
            return w.vi
                ? "Năm \(w.span(check.fromYear, check.toYear)): thực tế \(actual) (\(values)); kế hoạch \(planned): \(check.holds ? "vượt kế hoạch" : "không vượt kế hoạch") \(w.mark(check.holds))"
                : "\(w.span(check.fromYear, check.toYear)): actual \(actual) (\(values)); planned \(planned): \(check.holds ? "exceeded" : "not exceeded") \(w.mark(check.holds))"
        }
    }
}
