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
        evidence.reason = reason.rawValue
        if let missingYears { evidence.missingYears = missingYears.map(\.value) }
        fill(&evidence)
        return RuleOutcome(verdict: verdict, evidence: evidence)
    }
}

/// One row of `criteria_results`.
public struct CriterionResult: Sendable, Equatable {
    public var plan: String
    public var criterionID: String
    public var criterionTextVi: String
    public var level: UnitLevel
    public var unitCode: UnitCode
    public var unitName: String
    public var evaluationYear: ReviewYear
    public var standard: String
    public var verdict: Verdict
    public var evidence: Evidence
    /// 1 when rounding the rates to the published 2 decimals would flip the verdict.
    public var borderline: Bool

    public init(
        plan: String, criterionID: String, criterionTextVi: String, level: UnitLevel,
        unitCode: UnitCode, unitName: String, evaluationYear: ReviewYear, standard: String,
        verdict: Verdict, evidence: Evidence, borderline: Bool
    ) {
        self.plan = plan
        self.criterionID = criterionID
        self.criterionTextVi = criterionTextVi
        self.level = level
        self.unitCode = unitCode
        self.unitName = unitName
        self.evaluationYear = evaluationYear
        self.standard = standard
        self.verdict = verdict
        self.evidence = evidence
        self.borderline = borderline
    }

    /// `criteria_results.evidence`.
    public var evidenceJSON: String { evidence.jsonText }
}
