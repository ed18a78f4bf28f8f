import PovReviewCore

/// Writes `criteria_sensitivity` rows, with one prepared statement.
final class CriteriaSensitivityWriter {
    private let database: SQLiteDatabase
    private let insert: SQLiteStatement

    init(database: SQLiteDatabase) throws {
        self.database = database
        insert = try database.prepare(CriteriaSensitivityRecord.insertStatement(onConflict: .replace))
    }

    /// Deletes the rows of `planID` (of `year` only, when given).
    func delete(planID: PlanID, year: ReviewYear?) throws {
        if let year {
            try database.run(
                "DELETE FROM criteria_sensitivity WHERE plan = ? AND evaluation_year = ?",
                [.text(planID.rawValue), .integer(Int64(year.value))])
        } else {
            try database.run("DELETE FROM criteria_sensitivity WHERE plan = ?", [.text(planID.rawValue)])
        }
    }

    /// Inserts (or replaces) the verdict of `result` under `scenario`, beside the official one.
    func insert(_ r: CriterionResult, scenario: SensitivityScenario, officialVerdict: String) throws {
        try insert.bind([
            .text(r.plan.rawValue), .text(r.criterionID), .text(r.level.rawValue), .text(r.unitCode.rawValue),
            .integer(Int64(r.evaluationYear.value)), .text(r.standard.rawValue), .text(scenario.rawValue),
            .text(r.verdict.rawValue), .text(officialVerdict),
            .integer(officialVerdict == r.verdict.rawValue ? 0 : 1),
        ])
        try insert.execute()
    }
}
