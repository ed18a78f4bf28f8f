import PovReviewCore

/// Reads what `explain --unit` shows of the analyst tables for one unit (outputs.md §3).
public enum UnitMeasuresReader {
    /// The unit's depth (scope `all`, each standard's own cut-off) in `year` (default: the
    /// unit's last year with measures), its integrity findings (of `year`, or all years) and the
    /// verdicts of `plan` (or of every plan) that flip under a scenario.
    public static func summary(database: SQLiteDatabase, unit: String, year: Int?, plan: String?) throws -> UnitMeasuresSummary {
        var summary = UnitMeasuresSummary(unitCode: unit)
        let depthYear: Int? =
            try year
            ?? database.rows(
                "SELECT max(review_year) FROM unit_af_measures WHERE unit_code = ?", [.text(unit)]
            ).first?[0].int
        if let depthYear {
            let measures = try database.rows(
                """
                SELECT m.standard, m.k, m.households, m.multidimensionally_poor, m.headcount_ratio, m.intensity,
                    m.adjusted_headcount
                FROM unit_af_measures m JOIN standards s ON s.standard = m.standard AND s.deprivation_cutoff = m.k
                WHERE m.unit_code = ? AND m.review_year = ? AND m.scope = 'all'
                ORDER BY m.standard
                """, [.text(unit), .integer(Int64(depthYear))])
            for row in measures {
                let standard = row[0].string ?? ""
                let leading = try database.rows(
                    """
                    SELECT indicator, contribution_percent FROM unit_af_indicators
                    WHERE unit_code = ? AND review_year = ? AND standard = ? AND scope = 'all' AND k = ?
                        AND contribution_percent > 0
                    ORDER BY contribution_percent DESC, indicator LIMIT 3
                    """, [.text(unit), .integer(Int64(depthYear)), .text(standard), row[1]])
                summary.depths.append(
                    UnitMeasuresSummary.Depth(
                        year: depthYear, standard: StandardID(standard), cutoff: row[1].int ?? 0, households: row[2].int ?? 0,
                        multidimensionallyPoor: row[3].int ?? 0, headcountRatio: row[4].double ?? 0, intensity: row[5].double,
                        adjustedHeadcount: row[6].double ?? 0,
                        leading: leading.compactMap { r in
                            IndicatorID(rawValue: r[0].string ?? "").map { ($0, r[1].double ?? 0) }
                        }))
            }
        }
        var sql = """
            SELECT review_year, standard, level, "check", severity, statistic, threshold, detail
            FROM integrity_findings WHERE unit_code = ?
            """
        var values: [SQLiteValue] = [.text(unit)]
        if let year { sql += " AND review_year = ?"; values.append(.integer(Int64(year))) }
        for row in try database.rows(sql + " ORDER BY review_year, standard, \"check\"", values) {
            guard let check = IntegrityCheck(rawValue: row[3].string ?? ""), let level = UnitLevel(rawValue: row[2].string ?? "") else { continue }
            summary.findings.append(
                IntegrityFinding(
                    reviewYear: row[0].int ?? 0, standard: StandardID(row[1].string ?? ""), level: level, unitCode: UnitCode(unit), check: check,
                    severity: FindingSeverity(rawValue: row[4].string ?? "") ?? .info, statistic: row[5].double ?? 0,
                    threshold: row[6].double ?? 0, detail: row[7].string ?? "{}"))
        }
        var where_ = "unit_code = ?"
        values = [.text(unit)]
        if let year { where_ += " AND evaluation_year = ?"; values.append(.integer(Int64(year))) }
        if let plan { where_ += " AND plan = ?"; values.append(.text(plan)) }
        summary.verdictsChecked = try database.rows("SELECT count(*) FROM criteria_sensitivity WHERE \(where_)", values).first?[0].int ?? 0
        for row in try database.rows(
            """
            SELECT plan, criterion_id, evaluation_year, scenario, official_verdict, verdict FROM criteria_sensitivity
            WHERE \(where_) AND flipped = 1 ORDER BY plan, evaluation_year, criterion_id, scenario
            """, values)
        {
            guard let scenario = SensitivityScenario(rawValue: row[3].string ?? "") else { continue }
            summary.flips.append(
                UnitMeasuresSummary.Flip(
                    plan: row[0].string ?? "", criterionID: row[1].string ?? "", year: row[2].int ?? 0, scenario: scenario,
                    officialVerdict: row[4].string ?? "", verdict: row[5].string ?? ""))
        }
        return summary
    }
}
