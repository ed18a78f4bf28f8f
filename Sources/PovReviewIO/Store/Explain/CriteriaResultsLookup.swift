/// What `povreview explain` reads of `criteria_results` (and a unit's name from `unit_rates`):
/// the ids it checks the user's plan, unit, criterion and year against, and the explanations.
public struct CriteriaResultsLookup {
    let database: SQLiteDatabase

    /// Reads from `database`.
    public init(database: SQLiteDatabase) { self.database = database }

    /// The plans with results, in id order.
    public func plans() throws -> [String] {
        try strings("SELECT DISTINCT plan FROM criteria_results ORDER BY plan", [])
    }

    /// The units `plan` judges, in code order.
    public func unitCodes(plan: String) throws -> [String] {
        try strings("SELECT DISTINCT unit_code FROM criteria_results WHERE plan = ? ORDER BY unit_code", [.text(plan)])
    }

    /// The name of unit `code` in `unit_rates`, nil when it has no row there.
    public func unitName(of code: String) throws -> String? {
        try UnitRatesQueries.unitName(of: code, in: database)
    }

    /// The criteria of `plan`, in id order.
    public func criteria(plan: String) throws -> [String] {
        try strings("SELECT DISTINCT criterion_id FROM criteria_results WHERE plan = ? ORDER BY criterion_id", [.text(plan)])
    }

    /// The criteria of `plan` that apply to `unit`, in id order.
    public func criteria(plan: String, unit: String) throws -> [String] {
        try strings(
            "SELECT DISTINCT criterion_id FROM criteria_results WHERE plan = ? AND unit_code = ? ORDER BY criterion_id",
            [.text(plan), .text(unit)])
    }

    /// The years `plan` judged `unit` in (on `criterion` only, when given), in order.
    public func evaluationYears(plan: String, unit: String, criterion: String?) throws -> [Int] {
        var sql = "SELECT DISTINCT evaluation_year FROM criteria_results WHERE plan = ? AND unit_code = ?"
        var values: [SQLiteValue] = [.text(plan), .text(unit)]
        if let criterion { sql += " AND criterion_id = ?"; values.append(.text(criterion)) }
        return try database.rows(sql + " ORDER BY evaluation_year", values).compactMap { $0[0].int }
    }

    /// One verdict's texts.
    public struct Explanation {
        public var criterionID: String?
        public var evaluationYear: Int?
        public var criterionTextVi: String?
        public var explanationVi: String?
        public var explanationEn: String?
        public var evidence: String?
    }

    /// The explanations of `plan` for `unit` (of `year` and `criterion` only, when given), by
    /// year, criterion and standard.
    public func explanations(plan: String, unit: String, year: Int?, criterion: String?) throws -> [Explanation] {
        var sql = """
            SELECT criterion_id, evaluation_year, criterion_text_vi, explanation_vi, explanation_en, evidence
            FROM criteria_results WHERE plan = ? AND unit_code = ?
            """
        var values: [SQLiteValue] = [.text(plan), .text(unit)]
        if let year { sql += " AND evaluation_year = ?"; values.append(.integer(Int64(year))) }
        if let criterion { sql += " AND criterion_id = ?"; values.append(.text(criterion)) }
        sql += " ORDER BY evaluation_year, criterion_id, standard"
        return try database.rows(sql, values).map { row in
            Explanation(
                criterionID: row[0].string, evaluationYear: row[1].int, criterionTextVi: row[2].string,
                explanationVi: row[3].string, explanationEn: row[4].string, evidence: row[5].string)
        }
    }

    private func strings(_ sql: String, _ values: [SQLiteValue]) throws -> [String] {
        try database.rows(sql, values).compactMap { $0[0].string }
    }
}
