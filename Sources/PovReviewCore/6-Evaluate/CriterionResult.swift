/// One row of `criteria_results`.
public struct CriterionResult: Sendable, Equatable {
    public var plan: PlanID
    public var criterionID: String
    public var criterionTextVi: String
    /// The criterion's short labels (`label_vi`, `label_en` in the plan file).
    public var criterionLabelVi: String
    public var criterionLabelEn: String
    public var level: UnitLevel
    public var unitCode: UnitCode
    public var unitName: String
    public var evaluationYear: ReviewYear
    public var standard: StandardID
    public var verdict: Verdict
    public var evidence: Evidence
    /// 1 when rounding the rates to the published 2 decimals would flip the verdict.
    public var borderline: Bool

    public init(
        plan: PlanID, criterionID: String, criterionTextVi: String,
        criterionLabelVi: String? = nil, criterionLabelEn: String? = nil, level: UnitLevel,
        unitCode: UnitCode, unitName: String, evaluationYear: ReviewYear, standard: StandardID,
        verdict: Verdict, evidence: Evidence, borderline: Bool
    ) {
        self.plan = plan
        self.criterionID = criterionID
        self.criterionTextVi = criterionTextVi
        self.criterionLabelVi = criterionLabelVi ?? criterionTextVi
        self.criterionLabelEn = criterionLabelEn ?? criterionID
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
