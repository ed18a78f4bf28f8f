import PovReviewCore

/// The `unit_rates` rows the report tables list, in report order (province, district, commune,
/// village; then unit code, review year, standard).
enum UnitRatesReportRows {
    /// A row of table (a), the review results.
    struct ReviewResult {
        var level: String
        var unitCode: String
        var unitName: String
        var parentCode: String?
        var reviewYear: Int
        var standard: String
        var households: Int
        var poor: Int
        var nearPoor: Int
        var poorNearPoor: Int
        var average: Int
        var poorMembers: Int
        var nearPoorMembers: Int
        var denominatorSource: String
    }

    static func reviewResults(in database: SQLiteDatabase) throws -> [ReviewResult] {
        try database.rows(
            """
            SELECT level, unit_code, unit_name, parent_code, review_year, standard, households, poor,
                   near_poor, poor_near_poor, average, poor_members, near_poor_members, denominator_source
            FROM unit_rates
            ORDER BY \(ReportOrdering.levelRank("level")), unit_code, review_year, standard
            """
        ).map { row in
            ReviewResult(
                level: row[0].string ?? "", unitCode: row[1].string ?? "", unitName: row[2].string ?? "",
                parentCode: row[3].string, reviewYear: row[4].int ?? 0, standard: row[5].string ?? "",
                households: row[6].int ?? 0, poor: row[7].int ?? 0, nearPoor: row[8].int ?? 0,
                poorNearPoor: row[9].int ?? 0, average: row[10].int ?? 0, poorMembers: row[11].int ?? 0,
                nearPoorMembers: row[12].int ?? 0, denominatorSource: row[13].string ?? "")
        }
    }

    /// A row of the deprivation table: the poor and near-poor deprived per indicator of
    /// `Indicator.catalog` (nil where the row's standard lacks the indicator).
    struct Deprivations {
        var level: String
        var unitCode: String
        var unitName: String
        var reviewYear: Int
        var standard: String
        var poor: Int
        var nearPoor: Int
        var poorDeprived: [Int?]
        var nearPoorDeprived: [Int?]
    }

    static func deprivations(in database: SQLiteDatabase) throws -> [Deprivations] {
        // Column names are spliced from the indicator catalog (code, not input).
        let counts = Indicator.catalog.map { "poor_deprived_\($0.id.rawValue), near_poor_deprived_\($0.id.rawValue)" }
        return try database.rows(
            """
            SELECT level, unit_code, unit_name, review_year, standard, poor, near_poor,
                   \(counts.joined(separator: ",\n       "))
            FROM unit_rates
            ORDER BY \(ReportOrdering.levelRank("level")), unit_code, review_year, standard
            """
        ).map { row in
            Deprivations(
                level: row[0].string ?? "", unitCode: row[1].string ?? "", unitName: row[2].string ?? "",
                reviewYear: row[3].int ?? 0, standard: row[4].string ?? "", poor: row[5].int ?? 0,
                nearPoor: row[6].int ?? 0,
                poorDeprived: Indicator.catalog.indices.map { row[7 + 2 * $0].int },
                nearPoorDeprived: Indicator.catalog.indices.map { row[8 + 2 * $0].int })
        }
    }

    /// A row of the ethnic-minority table.
    struct EthnicMinority {
        var level: String
        var unitCode: String
        var unitName: String
        var reviewYear: Int
        var standard: String
        var households: Int
        var poor: Int
        var ethnicMinorityHouseholds: Int
        var ethnicMinorityPoor: Int
        var poorWithoutLabourCapacity: Int
        var poorSpecialDifficulty: Int
    }

    static func ethnicMinority(in database: SQLiteDatabase) throws -> [EthnicMinority] {
        try database.rows(
            """
            SELECT level, unit_code, unit_name, review_year, standard, households, poor,
                   ethnic_minority_households, ethnic_minority_poor, poor_without_labour_capacity,
                   poor_special_difficulty
            FROM unit_rates
            ORDER BY \(ReportOrdering.levelRank("level")), unit_code, review_year, standard
            """
        ).map { row in
            EthnicMinority(
                level: row[0].string ?? "", unitCode: row[1].string ?? "", unitName: row[2].string ?? "",
                reviewYear: row[3].int ?? 0, standard: row[4].string ?? "", households: row[5].int ?? 0,
                poor: row[6].int ?? 0, ethnicMinorityHouseholds: row[7].int ?? 0, ethnicMinorityPoor: row[8].int ?? 0,
                poorWithoutLabourCapacity: row[9].int ?? 0, poorSpecialDifficulty: row[10].int ?? 0)
        }
    }
}

extension UnitRatesReportRows {
    /// A unit's counts in one year under one standard, for the HTML report.
    struct UnitYear {
        var level: String
        var unitCode: String
        var unitName: String
        var parentCode: String?
        var reviewYear: Int
        var standard: String
        var households: Int
        var poor: Int
        var nearPoor: Int
        /// Poor households deprived per indicator of `Indicator.catalog`, nil where the standard lacks it.
        var poorDeprived: [Int?]
    }

    /// Every row above the villages, in report order.
    static func unitYearsAboveVillages(in database: SQLiteDatabase) throws -> [UnitYear] {
        let deprived = Indicator.catalog.map { "poor_deprived_" + $0.id.rawValue }.joined(separator: ", ")
        return try database.rows(
            """
            SELECT level, unit_code, unit_name, parent_code, review_year, standard, households, poor, near_poor,
                   \(deprived)
            FROM unit_rates WHERE level <> 'village'
            ORDER BY \(ReportOrdering.levelRank("level")), unit_code, review_year, standard
            """
        ).map { row in
            UnitYear(
                level: row[0].string ?? "", unitCode: row[1].string ?? "", unitName: row[2].string ?? "",
                parentCode: row[3].string, reviewYear: row[4].int ?? 0, standard: row[5].string ?? "",
                households: row[6].int ?? 0, poor: row[7].int ?? 0, nearPoor: row[8].int ?? 0,
                poorDeprived: Indicator.catalog.indices.map { row[9 + $0].int })
        }
    }
}
