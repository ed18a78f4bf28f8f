/// A share of one group of households in another at the evaluation year, e.g. Vĩnh Phúc's
/// "tỷ lệ hộ nghèo dân tộc thiểu số giảm dưới 2,5% trong tổng số hộ nghèo đa chiều":
/// `100 × ethnic-minority poor / poor < 2.5`. No household in the whole → `not_applicable`
/// (plans.md pin 5).
///
/// Plan file: `share: {part: ethnic_minority_poor, of: poor, less_than: 2.5}`.
public struct ShareRule: CriterionRule {
    public static let kind = "share"

    /// Households counted in the numerator.
    public enum Part: String, Sendable, CaseIterable {
        case ethnicMinorityPoor = "ethnic_minority_poor"
        case poorSpecialDifficulty = "poor_special_difficulty"
        case poor
        case nearPoor = "near_poor"
    }
    /// Households counted in the denominator.
    public enum Whole: String, Sendable, CaseIterable {
        case poor
        case poorNearPoor = "poor_near_poor"
        case households
    }

    public var part: Part
    public var whole: Whole
    public var bound: Bound

    public init(part: Part, whole: Whole, bound: Bound) {
        self.part = part
        self.whole = whole
        self.bound = bound
    }

    public init(arguments: any RuleArguments) throws {
        part = try arguments.choice("part", as: Part.self)
        whole = try arguments.choice("of", as: Whole.self)
        bound = try arguments.bound([.lessThan, .atMost, .atLeast, .moreThan])
    }

    private func numerator(_ f: UnitFigures) -> Rational {
        switch part {
        case .ethnicMinorityPoor: f.ethnicMinorityPoor
        case .poorSpecialDifficulty: f.poorSpecialDifficulty
        case .poor: f.poor
        case .nearPoor: f.nearPoor
        }
    }

    private func denominator(_ f: UnitFigures) -> Rational {
        switch whole {
        case .poor: f.poor
        case .poorNearPoor: f.poorNearPoor
        case .households: f.households
        }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        let metricName = Evidence.Metric.share(part, of: whole)
        let figures: UnitFigures
        let standard: StandardID?
        switch context.require([t], rule: Self.kind) {
        case .unavailable(var outcome):
            outcome.evidence.describe(metric: metricName, bound: bound)
            return outcome
        case .available(let f, let s):
            figures = f[t]!
            standard = s[t]
        }
        var evidence = Evidence(rule: Self.kind, metric: metricName, bound: bound)
        let n = numerator(figures)
        let d = denominator(figures)
        let share = Rational.percentage(n, of: d)
        evidence.years = [
            Evidence.YearFigure(
                year: t.value, numerator: n, denominator: d, value: share, rounded: share?.decimalText(places: 2),
                standard: standard, restated: figures.restatement)
        ]
        guard let share else {
            evidence.reason = whole == .households ? Evidence.Reason.missingYears : .noPoorHouseholds
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        let holds = bound.holds(share)
        let holdsRounded = bound.holds(share.rounded())
        evidence.checks = [
            Evidence.Check(
                label: "share", fromYear: nil, toYear: t.value, value: share, roundedValue: share.rounded(),
                comparison: bound.comparison, threshold: bound.threshold.value, holds: holds, holdsRounded: holdsRounded)
        ]
        return RuleOutcome(verdict: holds ? .met : .notMet, roundedVerdict: holdsRounded ? .met : .notMet, evidence: evidence)
    }
}

extension ShareRule: RuleWording {
    /// "Hộ nghèo dân tộc thiểu số … dưới 2,5% tổng số hộ nghèo" (Vĩnh Phúc).
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let (part, whole) = names(e, w)
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: "%")
        return w.vi
            ? "Yêu cầu: \(part) chiếm \(bound) \(whole)."
            : "Rule: \(part) make up \(bound) of \(whole)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        let (part, whole) = names(e, w)
        return (e.checks ?? []).map { check in
            let figure = e.figure(check.toYear)
            let need = w.bound(check.comparison, check.threshold, unit: "%")
            return w.vi
                ? "Năm \(check.toYear ?? 0): \(w.fraction(figure?.numerator, figure?.denominator)) hộ (\(part) / \(whole)) = \(w.percent(check.value)), cần \(need) \(w.mark(check.holds))"
                : "\(check.toYear ?? 0): \(w.count(figure?.numerator)) of \(w.count(figure?.denominator)) (\(part) / \(whole)) = \(w.percent(check.value)), needs \(need) \(w.mark(check.holds))"
        }
    }

    /// The part's and the whole's names, from the evidence metric `.share(part, of: whole)`;
    /// the pieces of its text as written when stored evidence has another form.
    private static func names(_ e: Evidence, _ w: Wording) -> (String, String) {
        guard case .share(let part, let whole) = e.metric else {
            let ids = (e.metric?.rawValue ?? "").split(separator: "/").map(String.init)
            return (ids.first ?? "", ids.dropFirst().first ?? "")
        }
        return (part.name(w), whole.name(w))
    }
}

extension ShareRule.Part {
    /// The households counted, as the plans name them.
    func name(_ w: Wording) -> String {
        switch self {
        case .ethnicMinorityPoor: w.pick("hộ nghèo dân tộc thiểu số", "ethnic-minority poor households")
        case .poorSpecialDifficulty: w.pick("hộ nghèo có hoàn cảnh đặc biệt khó khăn", "poor households in especially difficult circumstances")
        case .poor: w.pick("hộ nghèo", "poor households")
        case .nearPoor: w.pick("hộ cận nghèo", "near-poor households")
        }
    }
}

extension ShareRule.Whole {
    /// All the households of the whole, as the plans name them.
    func name(_ w: Wording) -> String {
        switch self {
        case .poor: w.pick("tổng số hộ nghèo", "all poor households")
        case .poorNearPoor: w.pick("tổng số hộ nghèo và hộ cận nghèo", "all poor and near-poor households")
        case .households: w.pick("tổng số hộ", "all households")
        }
    }
}
