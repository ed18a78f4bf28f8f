/// "Giảm tỷ lệ … từ x%/năm trở lên, trong k năm liên tục" (Decision 666), and the each-year
/// decreases of Lạng Sơn (k = 1): for every `y` in `T−k+1 … T`, `rate(y−1) − rate(y) ⋈ x`
/// (percentage points). Needs the years `T−k … T`.
///
/// Plan file: `consecutive_decrease: {metric: rate_PN, at_least: 4, years: 3}`; optional
/// `also_report_at_least: 3` records whether a higher bar was also reached (Lạng Sơn's "2–3").
/// A monitoring criterion whose starting rate `rate(T−k)` is 0 is `not_applicable`; a rate with
/// no ethnic-minority household in a needed year is `not_applicable` (plans.md pin 5).
public struct ConsecutiveDecreaseRule: CriterionRule {
    public static let kind = "consecutive_decrease"
    public var metric: RateMetric
    public var bound: Bound
    public var years: Int
    public var alsoReportAtLeast: PlanParameter?

    public init(metric: RateMetric, bound: Bound, years: Int, alsoReportAtLeast: PlanParameter? = nil) {
        self.metric = metric
        self.bound = bound
        self.years = years
        self.alsoReportAtLeast = alsoReportAtLeast
    }

    public init(arguments: any RuleArguments) throws {
        metric = try arguments.choice("metric", as: RateMetric.self)
        bound = try arguments.bound([.atLeast, .moreThan])
        years = try arguments.integer("years", default: 1, minimum: 1)
        alsoReportAtLeast = try arguments.optionalNumber("also_report_at_least")
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let needed = (0...years).map { t.advanced(by: -years + $0) }
        var evidence = Evidence(rule: Self.kind, metric: .rate(metric), bound: bound)
        let figures: [ReviewYear: UnitFigures]
        let standards: [ReviewYear: StandardID]
        switch context.require(needed, rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.describe(metric: .rate(metric), bound: bound)
            outcome.evidence.consecutiveYears = years
            return outcome
        case .available(let f, let s):
            figures = f
            standards = s
        }
        evidence.consecutiveYears = years
        evidence.years = needed.map { .rate(metric, figures[$0]!, year: $0, standard: standards[$0]) }
        var rates: [ReviewYear: Rational] = [:]
        for y in needed {
            guard let rate = figures[y]!.value(of: metric) else {
                evidence.reason = metric.zeroDenominatorReason
                return RuleOutcome(verdict: metric.zeroDenominatorIsNotApplicable ? .notApplicable : .insufficientData, evidence: evidence)
            }
            rates[y] = rate
        }
        if context.monitoring, rates[needed[0]]!.isZero {
            evidence.reason = Evidence.Reason.zeroStartingRate
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        var allHold = true
        var allHoldRounded = true
        var checks: [Evidence.Check] = []
        for y in needed.dropFirst() {
            let previous = y.advanced(by: -1)
            let decrease = rates[previous]! - rates[y]!
            let roundedDecrease = rates[previous]!.rounded() - rates[y]!.rounded()
            let holds = bound.holds(decrease)
            let holdsRounded = bound.holds(roundedDecrease)
            allHold = allHold && holds
            allHoldRounded = allHoldRounded && holdsRounded
            checks.append(
                Evidence.Check(
                    label: "decrease", fromYear: previous.value, toYear: y.value, value: decrease,
                    roundedValue: roundedDecrease, comparison: bound.comparison, threshold: bound.threshold.value,
                    holds: holds, holdsRounded: holdsRounded))
            if let higher = alsoReportAtLeast {
                evidence.note(
                    .alsoAtLeast,
                    "\(previous)-\(y): decrease \(decrease.decimalText(places: 2)) ≥ \(higher.value.plainText): \(decrease >= higher.value ? "yes" : "no")"
                ) {
                    $0.fromYear = previous.value
                    $0.year = y.value
                    $0.value = decrease
                    $0.threshold = higher.value
                    $0.holds = decrease >= higher.value
                }
            }
        }
        evidence.checks = checks
        return RuleOutcome(verdict: allHold ? .met : .notMet, roundedVerdict: allHoldRounded ? .met : .notMet, evidence: evidence)
    }
}

extension ConsecutiveDecreaseRule: RuleWording {
    /// "Giảm tỷ lệ nghèo đa chiều … từ 2%/năm trở lên, trong 3 năm liên tục" (Decision 666): the
    /// plans write points a year as "%/năm".
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let metric = w.metric(e.metric)
        let k = e.consecutiveYears ?? 1
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: w.pick("%/năm", " percentage points a year"))
        if k > 1 {
            return w.vi
                ? "Yêu cầu: giảm \(metric) \(bound) (điểm phần trăm), trong \(k) năm liên tục."
                : "Rule: the \(metric) falls by \(bound), \(k) years in a row."
        }
        return w.vi
            ? "Yêu cầu: giảm \(metric) \(bound) (điểm phần trăm) so với năm trước."
            : "Rule: the \(metric) falls by \(bound) from the year before."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        (e.checks ?? []).map { check in
            let from = e.figure(check.fromYear)?.value
            let to = e.figure(check.toYear)?.value
            let change = w.change(decrease: check.value) { w.decimal($0) + w.pick(" điểm phần trăm", " percentage points") }
            let need = w.bound(check.comparison, check.threshold, unit: w.pick(" điểm phần trăm", " points"))
            return w.vi
                ? "Năm \(w.span(check.fromYear, check.toYear)): từ \(w.percent(from)) còn \(w.percent(to)), \(change) (cần giảm \(need)) \(w.mark(check.holds))"
                : "\(w.span(check.fromYear, check.toYear)): from \(w.percent(from)) to \(w.percent(to)), \(change) (needs a fall of \(need)) \(w.mark(check.holds))"
        }
    }
}
