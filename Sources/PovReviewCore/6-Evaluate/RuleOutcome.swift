/// What a rule decides for one unit and evaluation year: the exact verdict, the verdict
/// re-decided on rates rounded to 2 decimals (for `borderline`), and the evidence.
public struct RuleOutcome: Sendable, Equatable {
    public var verdict: Verdict
    /// The verdict with every rate and share rounded half away from zero to 2 decimals
    /// (thresholds and targets exact). Equal to `verdict` for rules on counts only.
    public var roundedVerdict: Verdict
    public var evidence: Evidence

    public init(verdict: Verdict, roundedVerdict: Verdict? = nil, evidence: Evidence) {
        self.verdict = verdict
        self.roundedVerdict = roundedVerdict ?? verdict
        self.evidence = evidence
    }

    /// `borderline = 1` (plans.md): rounding would flip a met / not_met verdict.
    public var borderline: Bool {
        (verdict == .met || verdict == .notMet) && roundedVerdict != verdict
    }

    /// An `insufficient_data` or `not_applicable` outcome with a reason.
    public static func unresolved(
        _ verdict: Verdict, rule: String, reason: Evidence.Reason, missingYears: [ReviewYear]? = nil,
        fill: (inout Evidence) -> Void = { _ in }
    ) -> RuleOutcome {
        var evidence = Evidence(rule: rule)
        evidence.reason = reason
        if let missingYears { evidence.missingYears = missingYears.map(\.value) }
        fill(&evidence)
        return RuleOutcome(verdict: verdict, evidence: evidence)
    }
}
