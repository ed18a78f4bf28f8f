import PovReviewCore

/// Reads the `unit_rates` figures the measure stage and its integrity checks need.
enum UnitRatesMeasureReader {
    /// Every `unit_rates` row's denominators, counts and rates.
    static func rates(in database: SQLiteDatabase) throws -> [MeasureUnitKey: MeasuresStage.RateRow] {
        let statement = try database.prepare(
            """
            SELECT review_year, standard, level, unit_code, households, reviewed_households, poor, near_poor, average,
                poor_rate, near_poor_rate, poor_near_poor_rate, ethnic_minority_poor_rate
            FROM unit_rates
            """)
        var rows: [MeasureUnitKey: MeasuresStage.RateRow] = [:]
        while try statement.step() {
            guard let level = UnitLevel(rawValue: statement.string(at: 2) ?? "") else { continue }
            var rates: [ChangeMeasure: Double] = [
                .poorRate: statement.double(at: 9), .nearPoorRate: statement.double(at: 10),
                .poorNearPoorRate: statement.double(at: 11),
            ]
            if !statement.isNull(at: 12) { rates[.ethnicMinorityPoorRate] = statement.double(at: 12) }
            rows[
                MeasureUnitKey(
                    year: statement.int(at: 0), standard: StandardID(statement.string(at: 1) ?? ""), level: level,
                    unit: UnitCode(statement.string(at: 3) ?? ""))] = MeasuresStage.RateRow(
                    households: statement.int(at: 4), reviewed: statement.int(at: 5), poor: statement.int(at: 6),
                    nearPoor: statement.int(at: 7), average: statement.int(at: 8), rates: rates)
        }
        return rows
    }

    /// One `unit_rates` row's reviewed counts, for the sum checks level against level.
    struct ReviewedCounts {
        var reviewYear: Int
        var standard: String
        var level: UnitLevel
        var unitCode: UnitCode
        var parentCode: UnitCode?
        /// reviewed_households, poor, near_poor, average.
        var counts: [Int]
    }

    /// The names of `ReviewedCounts.counts`, in order.
    static let reviewedCountNames = ["reviewed_households", "poor", "near_poor", "average"]

    /// Every `unit_rates` row's reviewed counts (rows of an unknown level are skipped).
    static func reviewedCounts(in database: SQLiteDatabase) throws -> [ReviewedCounts] {
        try database.rows(
            "SELECT review_year, standard, level, unit_code, parent_code, reviewed_households, poor, near_poor, average FROM unit_rates"
        ).compactMap { row in
            guard let level = UnitLevel(rawValue: row[2].string ?? "") else { return nil }
            return ReviewedCounts(
                reviewYear: row[0].int ?? 0, standard: row[1].string ?? "", level: level,
                unitCode: UnitCode(row[3].string ?? ""), parentCode: row[4].string.map { UnitCode($0) },
                counts: (5...8).map { row[$0].int ?? 0 })
        }
    }
}
