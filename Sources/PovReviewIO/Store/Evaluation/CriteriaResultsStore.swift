import PovReviewCore

/// Writes and reads `criteria_results` for the evaluate stage and `povreview evaluate`.
enum CriteriaResultsStore {
    /// Deletes the rows of `planID` (of `year` only, when given).
    static func delete(planID: PlanID, year: ReviewYear?, in database: SQLiteDatabase) throws {
        if let year {
            try database.run(
                "DELETE FROM criteria_results WHERE plan = ? AND evaluation_year = ?",
                [.text(planID.rawValue), .integer(Int64(year.value))])
        } else {
            try database.run("DELETE FROM criteria_results WHERE plan = ?", [.text(planID.rawValue)])
        }
    }

    /// Inserts one row per result, with its explanations in both languages.
    static func insert(
        _ results: [CriterionResult], explanationVi: (CriterionResult) -> String,
        explanationEn: (CriterionResult) -> String, into database: SQLiteDatabase
    ) throws {
        let insert = try database.prepare(CriteriaResultRecord.insertStatement())
        for r in results {
            try insert.bind([
                .text(r.plan.rawValue), .text(r.criterionID), .text(r.criterionTextVi), .text(r.level.rawValue),
                .text(r.unitCode.rawValue), .text(r.unitName), .integer(Int64(r.evaluationYear.value)),
                .text(r.standard.rawValue), .text(r.verdict.rawValue), .text(r.evidenceJSON), .integer(r.borderline ? 1 : 0),
                .text(explanationVi(r)), .text(explanationEn(r)), .text(r.criterionLabelVi), .text(r.criterionLabelEn),
            ])
            try insert.execute()
        }
    }

    /// A stored verdict and the key it was decided for.
    struct StoredVerdict {
        var plan: String
        var criterionID: String
        var level: String
        var unitCode: String
        var evaluationYear: Int
        var standard: String
        var verdict: String
    }

    /// Every stored verdict, in the table's order.
    static func verdicts(in database: SQLiteDatabase) throws -> [StoredVerdict] {
        try database.rows(
            """
            SELECT plan, criterion_id, level, unit_code, evaluation_year, standard, verdict FROM criteria_results
            """
        ).map { row in
            StoredVerdict(
                plan: row[0].string ?? "", criterionID: row[1].string ?? "", level: row[2].string ?? "",
                unitCode: row[3].string ?? "", evaluationYear: row[4].int ?? 0, standard: row[5].string ?? "",
                verdict: row[6].string ?? "")
        }
    }

    /// The ids of the plans with rows, in no particular order.
    static func evaluatedPlans(in database: SQLiteDatabase) throws -> Set<String> {
        Set(try database.rows("SELECT DISTINCT plan FROM criteria_results").compactMap { $0[0].string })
    }
}
