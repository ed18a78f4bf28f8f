/// Evaluates a plan's criteria over the figures of a run (plans.md, "Evaluation semantics" and
/// "Evaluation details"): one `CriterionResult` per applicable criterion, unit, evaluation year
/// and standard. Pure: reads only its input.
public struct PlanEvaluator {
    public var input: EvaluationInput

    public init(input: EvaluationInput) { self.input = input }

    /// The review years a plan is evaluated at: from baseline + 1 (and the period's start) to the
    /// last review year in the data, within the period (plans.md pin 1). Years without data in
    /// that range are included (their rows are `insufficient_data`).
    public func evaluationYears(of plan: Plan) -> [ReviewYear] {
        let session = EvaluationSession(plan: plan, input: input, options: EvaluationOptions())
        return Self.evaluationYears(plan: plan, session: session)
    }

    static func evaluationYears(plan: Plan, session: EvaluationSession) -> [ReviewYear] {
        guard let last = session.dataYears.last else { return [] }
        let first = max(plan.baselineYear.advanced(by: 1), plan.period.lowerBound)
        let end = min(last, plan.period.upperBound)
        return first <= end ? Array(first...end) : []
    }

    /// Every `criteria_results` row of `plan`, ordered by criterion (file order), evaluation year,
    /// standard, level (as listed by the criterion) and unit code.
    public func evaluate(_ plan: Plan, options: EvaluationOptions = EvaluationOptions()) -> [CriterionResult] {
        let session = EvaluationSession(plan: plan, input: input, options: options)
        let years = Self.evaluationYears(plan: plan, session: session)
        guard let firstYear = years.first else { return [] }
        var results: [CriterionResult] = []
        for criterion in plan.criteria {
            let criterionYears: [ReviewYear]
            if let deadline = criterion.deadline {
                criterionYears = years.contains(deadline) ? [deadline] : []
            } else {
                criterionYears = years
            }
            for year in criterionYears {
                for standard in session.rowStandards(for: year) {
                    for level in criterion.levels {
                        var unitYear = year
                        var substituted = false
                        let judgesDistricts = level == .district || criterion.rule.kind == PoorDistrictExitRule.kind
                        if judgesDistricts && !session.yearHasDistricts(year, standard: standard) {
                            // plans.md: a district criterion with a deadline in a year without
                            // districts is evaluated at the last year that has them. That covers
                            // the province criterion judged on its districts (Lạng Sơn's "at least
                            // one poor district exits by 2025"), the only deadline criterion on
                            // districts in the plans: its row carries the last district year.
                            guard criterion.deadline != nil,
                                let last = session.lastYearWithDistricts(atOrBefore: year, standard: standard),
                                last >= firstYear
                            else { continue }
                            unitYear = last
                            substituted = true
                        }
                        for unit in session.units(level, year: unitYear, standard: standard)
                        where criterion.applicability.applies(level: level, row: unit.adminRow) {
                            let context = RuleContext(
                                session: session, planID: plan.id, criterionID: criterion.id,
                                monitoring: criterion.monitoring, unit: unit, year: unitYear, standard: standard)
                            var outcome = criterion.rule.evaluate(context)
                            if substituted {
                                outcome.evidence.note(.districtsAbolished, "deadline \(year); evaluated at \(unitYear), the last review year with districts") {
                                    $0.fromYear = year.value
                                    $0.year = unitYear.value
                                }
                            }
                            if unit.isTerritory {
                                let communes = session.territoryCommunes(at: unitYear).count
                                outcome.evidence.note(.territory, "old territory of province \(unit.code): sum of \(communes) communes valid in \(unitYear)") {
                                    $0.count = communes
                                    $0.year = unitYear.value
                                }
                                let straddling = session.straddlingCommunes(at: unitYear)
                                if !straddling.isEmpty {
                                    outcome.evidence.note(.territoryStraddling, straddling.map(\.rawValue).joined(separator: ", ")) {
                                        $0.items = straddling.map(\.rawValue)
                                    }
                                }
                            }
                            if let local = plan.localStandard, local.id != standard {
                                outcome.evidence.note(.localStandardNotInRun, local.id.rawValue) { $0.itemsVi = input.standardNamesVi[local.id].map { [$0] } }
                            } else if let local = plan.localStandard, local.placeholder {
                                outcome.evidence.note(.localStandardPlaceholder, local.id.rawValue) {
                                    $0.itemsVi = input.standardNamesVi[local.id].map { [$0] }
                                }
                            }
                            if let note = criterion.note { outcome.evidence.note(.criterionNote, note) { $0.detailEn = criterion.noteEn } }
                            outcome.evidence.markProvisional(
                                standard: standard, standardIsProvisional: input.provisionalStandards.contains(standard),
                                planID: plan.id, planIsProvisional: plan.provisional, standardNameVi: input.standardNamesVi[standard])
                            results.append(
                                CriterionResult(
                                    plan: plan.id, criterionID: criterion.id, criterionTextVi: criterion.textVi,
                                    criterionLabelVi: criterion.labelVi, criterionLabelEn: criterion.labelEn,
                                    level: level, unitCode: unit.code, unitName: unit.name,
                                    evaluationYear: unitYear, standard: standard, verdict: outcome.verdict,
                                    evidence: outcome.evidence, borderline: outcome.borderline))
                        }
                    }
                }
            }
        }
        return results
    }
}
