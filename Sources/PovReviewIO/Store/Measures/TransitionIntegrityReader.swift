import PovReviewCore

/// Reads the household transitions the integrity checks count (`exit_without_change`,
/// `bulk_absence`).
enum TransitionIntegrityReader {
    /// A household that escaped above the near-poor line between two review years, with what
    /// the check needs of its rows of both years.
    struct Exit {
        var toYear: Int
        var standard: String
        /// Village, commune, district and province of the later year (nil when not coded).
        var villageCode: String?
        var communeCode: String?
        var districtCode: String?
        var provinceCode: String?
        /// Every national indicator's verdict is the same in both years.
        var indicatorsUnchanged: Bool
        var incomeBasis: String?
        var area: String?
        var incomePerCapita: SQLiteValue
        var incomeScore: SQLiteValue
    }

    /// Every `escaped_above_near_poor` transition, in the database's order.
    static func exits(in database: SQLiteDatabase, _ body: (Exit) throws -> Void) throws {
        let unchanged = IndicatorID.allCases.map { "a.deprived_\($0.rawValue) IS b.deprived_\($0.rawValue)" }.joined(separator: " AND ")
        let exits = try database.prepare(
            """
            SELECT t.to_year, t.standard, t.to_village_code, t.to_commune_code, t.to_district_code, t.to_province_code,
                (\(unchanged)), b.income_basis, b.area, b.income_per_capita, b.income_score
            FROM household_transitions t
            JOIN household_status a ON a.household_id = t.household_id AND a.standard = t.standard AND a.review_year = t.from_year
            JOIN household_status b ON b.household_id = t.household_id AND b.standard = t.standard AND b.review_year = t.to_year
            WHERE t.change = 'escaped_above_near_poor'
            """)
        while try exits.step() {
            try body(
                Exit(
                    toYear: exits.int(at: 0), standard: exits.string(at: 1) ?? "", villageCode: exits.string(at: 2),
                    communeCode: exits.string(at: 3), districtCode: exits.string(at: 4), provinceCode: exits.string(at: 5),
                    indicatorsUnchanged: exits.int(at: 6) == 1, incomeBasis: exits.string(at: 7), area: exits.string(at: 8),
                    incomePerCapita: exits.value(at: 9), incomeScore: exits.value(at: 10)))
        }
    }

    /// Households of a unit of the earlier year, and how many of them are absent the next.
    struct Absences {
        var toYear: Int
        var standard: String
        var unitCode: String
        var householdsBefore: Int
        var absent: Int
    }

    /// Per unit of `level` of the earlier year: its households present then, and those absent at the later year.
    static func absences(at level: UnitLevel, in database: SQLiteDatabase) throws -> [Absences] {
        // The column name comes from `UnitLevel`, not from input.
        let column = "from_\(level.rawValue)_code"
        return try database.rows(
            """
            SELECT to_year, standard, \(column), count(*), sum(to_status = 'absent')
            FROM household_transitions WHERE from_status <> 'absent' AND \(column) IS NOT NULL
            GROUP BY to_year, standard, \(column)
            """
        ).map { row in
            Absences(
                toYear: row[0].int ?? 0, standard: row[1].string ?? "", unitCode: row[2].string ?? "",
                householdsBefore: row[3].int ?? 0, absent: row[4].int ?? 0)
        }
    }
}
