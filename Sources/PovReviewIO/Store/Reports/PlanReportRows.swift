/// What the plan reports read of `criteria_results` and `sustained_escapes`.
enum PlanReportRows {
    /// One `criteria_results` row of a plan, as the criteria table and the HTML report show it.
    struct Criterion {
        var criterionID: String
        var criterionTextVi: String
        var level: String
        var unitCode: String
        var unitName: String
        var evaluationYear: Int
        var standard: String
        var verdict: String
        var borderline: Bool
        var explanationVi: String?
        var evidence: String
        /// `criterion_label_vi`, else the criterion's text.
        var labelOrText: String
    }

    /// The rows of `plan`, in report order (level, unit, year, criterion, standard).
    static func criteria(of plan: String, in database: SQLiteDatabase) throws -> [Criterion] {
        try database.rows(
            """
            SELECT plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year,
                   standard, verdict, borderline, explanation_vi, evidence,
                   coalesce(criterion_label_vi, criterion_text_vi)
            FROM criteria_results
            WHERE plan = ?
            ORDER BY \(ReportOrdering.levelRank("level")), unit_code, evaluation_year, criterion_id, standard
            """, [.text(plan)]
        ).map { row in
            Criterion(
                criterionID: row[1].string ?? "", criterionTextVi: row[2].string ?? "", level: row[3].string ?? "",
                unitCode: row[4].string ?? "", unitName: row[5].string ?? "", evaluationYear: row[6].int ?? 0,
                standard: row[7].string ?? "", verdict: row[8].string ?? "", borderline: row[9].int == 1,
                explanationVi: row[10].string, evidence: row[11].string ?? "", labelOrText: row[12].string ?? "")
        }
    }

    /// One household of a plan's sustained-escape list, with its commune's and village's names.
    struct SustainedEscape {
        var plan: String
        var baselineYear: Int
        var evaluationYear: Int
        var standard: String
        var provinceCode: String
        var communeCode: String
        var communeName: String?
        var villageCode: String
        var villageName: String?
        var householdID: String
    }

    /// The list of `plan`, by village, year and household.
    static func sustainedEscapes(of plan: String, in database: SQLiteDatabase) throws -> [SustainedEscape] {
        try database.rows(
            """
            SELECT s.plan, s.baseline_year, s.evaluation_year, s.standard, s.province_code, s.commune_code,
                (SELECT r.unit_name FROM unit_rates r WHERE r.review_year = s.evaluation_year
                    AND r.standard = s.standard AND r.level = 'commune' AND r.unit_code = s.commune_code),
                s.village_code,
                (SELECT r.unit_name FROM unit_rates r WHERE r.review_year = s.evaluation_year
                    AND r.standard = s.standard AND r.level = 'village' AND r.unit_code = s.village_code),
                s.household_id
            FROM sustained_escapes s
            WHERE s.plan = ?
            ORDER BY s.village_code, s.evaluation_year, s.household_id
            """, [.text(plan)]
        ).map { row in
            SustainedEscape(
                plan: row[0].string ?? "", baselineYear: row[1].int ?? 0, evaluationYear: row[2].int ?? 0,
                standard: row[3].string ?? "", provinceCode: row[4].string ?? "", communeCode: row[5].string ?? "",
                communeName: row[6].string, villageCode: row[7].string ?? "", villageName: row[8].string,
                householdID: row[9].string ?? "")
        }
    }

    /// Sustained escapes of a plan counted per year and village.
    struct EscapesOfVillage {
        var year: Int
        var communeCode: String
        /// The commune's name in the year, else its code.
        var communeName: String
        var villageCode: String
        var households: Int
    }

    /// The sustained escapes of `plan` per year and village, by year and village code.
    static func escapesByVillage(of plan: String, in database: SQLiteDatabase) throws -> [EscapesOfVillage] {
        try database.rows(
            """
            SELECT s.evaluation_year, s.commune_code,
                coalesce((SELECT r.unit_name FROM unit_rates r WHERE r.review_year = s.evaluation_year
                    AND r.standard = s.standard AND r.level = 'commune' AND r.unit_code = s.commune_code), s.commune_code),
                s.village_code, count(*)
            FROM sustained_escapes s WHERE s.plan = ?
            GROUP BY s.evaluation_year, s.commune_code, s.village_code
            ORDER BY s.evaluation_year, s.village_code
            """, [.text(plan)]
        ).map { row in
            EscapesOfVillage(
                year: row[0].int ?? 0, communeCode: row[1].string ?? "", communeName: row[2].string ?? "",
                villageCode: row[3].string ?? "", households: row[4].int ?? 0)
        }
    }

    /// The province codes `plan` judges, in code order.
    static func provinces(of plan: String, in database: SQLiteDatabase) throws -> [String] {
        try database.rows(
            "SELECT DISTINCT unit_code FROM criteria_results WHERE plan = ? AND level = 'province' ORDER BY unit_code",
            [.text(plan)]
        ).map { $0[0].string ?? "" }
    }

    /// Every unit code `plan` judges.
    static func units(of plan: String, in database: SQLiteDatabase) throws -> [String] {
        try database.rows("SELECT DISTINCT unit_code FROM criteria_results WHERE plan = ?", [.text(plan)])
            .map { $0[0].string ?? "" }
    }

    /// Per evaluation year of `plan`, the smallest standard id its rows use.
    static func standardsByYear(of plan: String, in database: SQLiteDatabase) throws -> [(year: Int, standard: String)] {
        try database.rows(
            "SELECT evaluation_year, min(standard) FROM criteria_results WHERE plan = ? GROUP BY evaluation_year",
            [.text(plan)]
        ).map { (year: $0[0].int ?? 0, standard: $0[1].string ?? "") }
    }
}
