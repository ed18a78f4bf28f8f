import PovReviewCore

/// `criteria_sensitivity` (outputs.md §3): every plan's criteria re-decided by the same
/// `PlanEvaluator` on each scenario's unit figures, beside the official verdict, so a reader
/// sees which verdicts depend on where the line is drawn. The scenario replaces each unit's
/// poor and near-poor counts (and the counts among them: ethnic minority, members, without
/// labour capacity, deprivations); households, denominators and the rural count stay official.
enum CriteriaSensitivity {
    static func write(database: SQLiteDatabase, config: PipelineConfig, inputs: RunInputs,
                      units: [MeasureUnitKey: MeasureUnit]) throws {
        let plans = try PlanEvaluation.plans(of: config)
        guard !plans.isEmpty else { return }
        let input = try PlanEvaluation.input(
            database: database, standards: Array(inputs.standards.values), admin: inputs.admin,
            schedule: config.schedule, crosswalkFile: config.crosswalkFile, targetsFile: config.targetsFile)
        guard let official = input.figures as? FigureTable else { return }
        var verdicts: [String: String] = [:]
        for row in try database.rows("""
            SELECT plan, criterion_id, level, unit_code, evaluation_year, standard, verdict FROM criteria_results
            """) {
            verdicts[Self.key(row[0].string, row[1].string, row[2].string, row[3].string, row[4].int, row[5].string)] = row[6].string
        }
        let insert = try database.prepare("""
            INSERT OR REPLACE INTO criteria_sensitivity (plan, criterion_id, level, unit_code, evaluation_year, standard,
                scenario, verdict, official_verdict, flipped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try database.execute("BEGIN")
        for scenario in SensitivityScenario.allCases {
            var table = FigureTable()
            for (key, row) in official.rows {
                var moved = row
                let unitKey = MeasureUnitKey(year: key.year.value, standard: key.standard, level: key.level, unit: key.unit)
                if let standard = inputs.standards[key.standard] {
                    let cells = units[unitKey]?.cells ?? UnitCells()
                    let figures = ScenarioFigures(cells: cells, scenario: scenario, cutoff: standard.deprivationCutoff,
                                                  hasAverageBand: standard.averageUpperBound != nil)
                    moved.tally = figures.applied(to: row.tally)
                }
                table.insert(moved, level: key.level, unit: key.unit, year: key.year, standard: key.standard)
            }
            var scenarioInput = input
            scenarioInput.figures = table
            let evaluator = PlanEvaluator(input: scenarioInput)
            for (plan, territory) in plans {
                for r in evaluator.evaluate(plan, options: EvaluationOptions(territoryOverride: territory)) {
                    let officialVerdict = verdicts[Self.key(r.plan, r.criterionID, r.level.rawValue, r.unitCode.rawValue,
                                                            r.evaluationYear.value, r.standard)] ?? r.verdict.rawValue
                    try insert.bind([
                        .text(r.plan), .text(r.criterionID), .text(r.level.rawValue), .text(r.unitCode.rawValue),
                        .integer(Int64(r.evaluationYear.value)), .text(r.standard), .text(scenario.rawValue),
                        .text(r.verdict.rawValue), .text(officialVerdict),
                        .integer(officialVerdict == r.verdict.rawValue ? 0 : 1),
                    ])
                    try insert.execute()
                }
            }
        }
        try database.execute("COMMIT")
    }

    private static func key(_ parts: (any CustomStringConvertible)?...) -> String {
        parts.map { $0.map { "\($0)" } ?? "" }.joined(separator: "\u{1F}")
    }
}
