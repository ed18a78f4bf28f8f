import PovReviewCore

/// `criteria_sensitivity` (outputs.md §3): every plan's criteria re-decided by the same
/// `PlanEvaluator` on each scenario's unit figures, beside the official verdict, so a reader
/// sees which verdicts depend on where the line is drawn. The scenario replaces each unit's
/// poor and near-poor counts (and the counts among them: ethnic minority, members, without
/// labour capacity, deprivations); households, denominators and the rural count stay official.
public enum CriteriaSensitivity {
    /// Every plan of the run's configuration (`plans`, as `PlanEvaluation.plans(of:)` loads them).
    static func write(
        plans: [(plan: Plan, territory: UnitCode?)], database: SQLiteDatabase, config: PipelineConfig,
        inputs: RunInputs, units: [MeasureUnitKey: MeasureUnit]
    ) throws {
        guard !plans.isEmpty else { return }
        let input = try PlanEvaluation.input(
            database: database, standards: Array(inputs.standards.values), admin: inputs.admin,
            schedule: config.schedule, crosswalkFile: config.crosswalkFile, targetsFile: config.targetsFile)
        try write(plans: plans, input: input, standards: inputs.standards, units: units, year: nil, database: database)
    }

    /// `povreview evaluate`: the scenarios of the plans evaluated, over the database's own unit
    /// cells, replacing their rows (of `year` only, when given).
    public static func refresh(
        plans: [(plan: Plan, territory: UnitCode?)], input: EvaluationInput,
        standards: [Standard], year: ReviewYear?, database: SQLiteDatabase
    ) throws {
        let byID = Dictionary(standards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let units = try UnitCellsReader.read(from: database, standards: byID)
        try write(plans: plans, input: input, standards: byID, units: units, year: year, database: database)
    }

    static func write(
        plans: [(plan: Plan, territory: UnitCode?)], input: EvaluationInput, standards: [StandardID: Standard],
        units: [MeasureUnitKey: MeasureUnit], year: ReviewYear?, database: SQLiteDatabase
    ) throws {
        guard let official = input.figures as? FigureTable else { return }
        var verdicts: [String: String] = [:]
        for row in try CriteriaResultsStore.verdicts(in: database) {
            verdicts[Self.key(row.plan, row.criterionID, row.level, row.unitCode, row.evaluationYear, row.standard)] = row.verdict
        }
        let writer = try CriteriaSensitivityWriter(database: database)
        try database.beginTransaction()
        for (plan, _) in plans { try writer.delete(planID: plan.id, year: year) }
        for scenario in SensitivityScenario.allCases {
            var table = FigureTable()
            for (key, row) in official.rows {
                var moved = row
                let unitKey = MeasureUnitKey(year: key.year.value, standard: key.standard, level: key.level, unit: key.unit)
                if let standard = standards[key.standard] {
                    let cells = units[unitKey]?.cells ?? UnitCells()
                    let figures = ScenarioFigures(
                        cells: cells, scenario: scenario, cutoff: standard.deprivationCutoff,
                        hasAverageBand: standard.averageUpperBound != nil)
                    moved.tally = figures.applied(to: row.tally)
                }
                table.insert(moved, level: key.level, unit: key.unit, year: key.year, standard: key.standard)
            }
            var scenarioInput = input
            scenarioInput.figures = table
            let evaluator = PlanEvaluator(input: scenarioInput)
            for (plan, territory) in plans {
                for r in evaluator.evaluate(plan, options: EvaluationOptions(territoryOverride: territory))
                where year == nil || r.evaluationYear == year {
                    let officialVerdict =
                        verdicts[
                            Self.key(
                                r.plan, r.criterionID, r.level.rawValue, r.unitCode.rawValue,
                                r.evaluationYear.value, r.standard)] ?? r.verdict.rawValue
                    try writer.insert(r, scenario: scenario, officialVerdict: officialVerdict)
                }
            }
        }
        try database.commitTransaction()
    }

    private static func key(_ parts: (any CustomStringConvertible)?...) -> String {
        parts.map { $0.map { "\($0)" } ?? "" }.joined(separator: "\u{1F}")
    }
}
