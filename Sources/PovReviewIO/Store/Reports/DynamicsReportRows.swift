/// What the dynamics tables read of `unit_dynamics`: one row per unit, pair of review years and
/// standard, with the unit's name and the flow counts of the poor and the near-poor.
enum DynamicsReportRows {
    struct Row {
        var level: String
        var unitCode: String
        /// The unit's name in the later year, else the earlier, else "".
        var unitName: String
        var fromYear: Int
        var toYear: Int
        var standard: String
        /// start, to_near_poor, escaped_above, left, from_near_poor, fell_back, newly, entered, end.
        var poor: [Int]
        /// start, to_poor, escaped, left, from_poor, fell_back, newly, entered, end.
        var nearPoor: [Int]
    }

    /// The rows whose later year has `unit_rates` rows at the unit's level, in report order.
    static func rows(in database: SQLiteDatabase) throws -> [Row] {
        try database.rows(
            """
            SELECT d.level, d.unit_code,
                coalesce(
                    (SELECT r.unit_name FROM unit_rates r WHERE r.review_year = d.to_year
                        AND r.standard = d.standard AND r.level = d.level AND r.unit_code = d.unit_code),
                    (SELECT r.unit_name FROM unit_rates r WHERE r.review_year = d.from_year
                        AND r.standard = d.standard AND r.level = d.level AND r.unit_code = d.unit_code),
                    ''),
                d.from_year, d.to_year, d.standard,
                d.poor_start, d.poor_to_near_poor, d.poor_escaped_above, d.poor_left,
                d.poor_from_near_poor, d.poor_fell_back, d.poor_newly, d.poor_entered, d.poor_end,
                d.near_poor_start, d.near_poor_to_poor, d.near_poor_escaped, d.near_poor_left,
                d.near_poor_from_poor, d.near_poor_fell_back, d.near_poor_newly, d.near_poor_entered,
                d.near_poor_end
            FROM unit_dynamics d
            WHERE EXISTS (SELECT 1 FROM unit_rates r WHERE r.review_year = d.to_year
                            AND r.standard = d.standard AND r.level = d.level)
            ORDER BY \(ReportOrdering.levelRank("d.level")), d.unit_code, d.to_year, d.standard
            """
        ).map { row in
            Row(
                level: row[0].string ?? "", unitCode: row[1].string ?? "", unitName: row[2].string ?? "",
                fromYear: row[3].int ?? 0, toYear: row[4].int ?? 0, standard: row[5].string ?? "",
                poor: (6..<15).map { row[$0].int ?? 0 }, nearPoor: (15..<24).map { row[$0].int ?? 0 })
        }
    }
}
