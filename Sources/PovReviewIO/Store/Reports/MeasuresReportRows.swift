/// What the analyst sections of the HTML report read: `unit_af_measures`, `unit_af_indicators`,
/// `integrity_findings`, `sensitivity` and `criteria_sensitivity`.
enum MeasuresReportRows {
    /// The last review year of each national standard with AF measures, with its cutoff k.
    static func latestYears(in database: SQLiteDatabase) throws -> [(standard: String, year: Int, cutoff: Int)] {
        try database.rows(
            """
            SELECT m.standard, max(m.review_year), s.deprivation_cutoff FROM unit_af_measures m
            JOIN standards s ON s.standard = m.standard WHERE s.national = 1
            GROUP BY m.standard ORDER BY m.standard
            """
        ).map { ($0[0].string ?? "", $0[1].int ?? 0, $0[2].int ?? 0) }
    }

    /// A commune's Alkire–Foster measures (scope `all`).
    struct CommuneDepth {
        var unitCode: String
        var unitName: String
        var households: Int
        var headcountRatio: Double
        /// nil when no household is poor at k.
        var intensity: Double?
        var adjustedHeadcount: Double
    }

    /// The communes' measures of `standard` in `year` at `cutoff`, by M0 descending then code.
    static func communeDepth(standard: String, year: Int, cutoff: Int, in database: SQLiteDatabase) throws -> [CommuneDepth] {
        try database.rows(
            """
            SELECT m.unit_code, r.unit_name, m.households, m.headcount_ratio, m.intensity, m.adjusted_headcount
            FROM unit_af_measures m
            JOIN unit_rates r ON r.review_year = m.review_year AND r.standard = m.standard AND r.level = m.level
                AND r.unit_code = m.unit_code
            WHERE m.standard = ? AND m.review_year = ? AND m.level = 'commune' AND m.scope = 'all' AND m.k = ?
            ORDER BY m.adjusted_headcount DESC, m.unit_code
            """, [.text(standard), .integer(Int64(year)), .integer(Int64(cutoff))]
        ).map { row in
            CommuneDepth(
                unitCode: row[0].string ?? "", unitName: row[1].string ?? "", households: row[2].int ?? 0,
                headcountRatio: row[3].double ?? 0, intensity: row[4].double, adjustedHeadcount: row[5].double ?? 0)
        }
    }

    /// The three indicators contributing most to a commune's M0, one prepared statement for all communes.
    final class LeadingIndicators {
        private let statement: SQLiteStatement

        init(database: SQLiteDatabase) throws {
            statement = try database.prepare(
                """
                SELECT indicator, contribution_percent FROM unit_af_indicators
                WHERE standard = ? AND review_year = ? AND level = 'commune' AND unit_code = ? AND scope = 'all' AND k = ?
                    AND contribution_percent > 0
                ORDER BY contribution_percent DESC, indicator LIMIT 3
                """)
        }

        /// (indicator id, contribution in percent), largest first.
        func leading(standard: String, year: Int, unitCode: String, cutoff: Int) throws -> [(indicator: String, percent: Double)] {
            try statement.bind([.text(standard), .integer(Int64(year)), .text(unitCode), .integer(Int64(cutoff))])
            defer { statement.reset() }
            var rows: [(indicator: String, percent: Double)] = []
            while try statement.step() { rows.append((statement.string(at: 0) ?? "", statement.double(at: 1))) }
            return rows
        }
    }

    /// One `integrity_findings` row.
    struct Finding {
        var reviewYear: Int
        var standard: String
        var level: String
        var unitCode: String
        var check: String
        var severity: String?
        var statistic: Double
        var threshold: Double
    }

    /// Every finding, warnings first, then by year, standard, level, unit and check.
    static func findings(in database: SQLiteDatabase) throws -> [Finding] {
        try database.rows(
            """
            SELECT review_year, standard, level, unit_code, "check", severity, statistic, threshold FROM integrity_findings
            ORDER BY severity DESC, review_year, standard, level, unit_code, "check"
            """
        ).map { row in
            Finding(
                reviewYear: row[0].int ?? 0, standard: row[1].string ?? "", level: row[2].string ?? "",
                unitCode: row[3].string ?? "", check: row[4].string ?? "", severity: row[5].string,
                statistic: row[6].double ?? 0, threshold: row[7].double ?? 0)
        }
    }

    /// How many households of a province change status under one scenario.
    struct ProvinceSensitivity {
        var unitCode: String?
        var scenario: String?
        var householdsChangingStatus: Int
    }

    /// The province rows of `sensitivity` for `standard` and `year`, by province code.
    static func provinceSensitivity(standard: String, year: Int, in database: SQLiteDatabase) throws -> [ProvinceSensitivity] {
        try database.rows(
            """
            SELECT unit_code, scenario, households_changing_status FROM sensitivity
            WHERE standard = ? AND review_year = ? AND level = 'province' ORDER BY unit_code
            """, [.text(standard), .integer(Int64(year))]
        ).map { ProvinceSensitivity(unitCode: $0[0].string, scenario: $0[1].string, householdsChangingStatus: $0[2].int ?? 0) }
    }

    /// A verdict of a plan that a scenario changes.
    struct FlippedVerdict {
        var criterionID: String
        var level: String
        var unitCode: String
        var evaluationYear: Int
        var officialVerdict: String
        var scenario: String
        var verdict: String
    }

    /// The flipped verdicts of `plan`, by year, criterion, level, unit and scenario.
    static func flippedVerdicts(of plan: String, in database: SQLiteDatabase) throws -> [FlippedVerdict] {
        try database.rows(
            """
            SELECT criterion_id, level, unit_code, evaluation_year, official_verdict, scenario, verdict FROM criteria_sensitivity
            WHERE plan = ? AND flipped = 1
            ORDER BY evaluation_year, criterion_id,
                CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END, unit_code, scenario
            """, [.text(plan)]
        ).map { row in
            FlippedVerdict(
                criterionID: row[0].string ?? "", level: row[1].string ?? "", unitCode: row[2].string ?? "",
                evaluationYear: row[3].int ?? 0, officialVerdict: row[4].string ?? "", scenario: row[5].string ?? "",
                verdict: row[6].string ?? "")
        }
    }

    /// How many distinct results (criterion, unit, year, standard) of `plan` the scenarios re-decided.
    static func checkedResults(of plan: String, in database: SQLiteDatabase) throws -> Int {
        try database.rows(
            "SELECT count(DISTINCT criterion_id || '|' || unit_code || '|' || evaluation_year || '|' || standard) FROM criteria_sensitivity WHERE plan = ?",
            [.text(plan)]
        ).first?[0].int ?? 0
    }
}
