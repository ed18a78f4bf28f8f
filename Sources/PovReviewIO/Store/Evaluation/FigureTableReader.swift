import PovReviewCore

/// Reads `unit_rates` as the figures the plan evaluator judges.
enum FigureTableReader {
    /// Every `unit_rates` row as a figures source. `households` is the rate denominator (the
    /// official total when totals were given); the rural count answers "all households rural".
    static func figures(from database: SQLiteDatabase) throws -> FigureTable {
        let statement = try database.prepare(
            """
            SELECT standard, review_year, level, unit_code, unit_name, parent_code, households, poor, near_poor,
                average, ethnic_minority_households, ethnic_minority_poor, poor_without_labour_capacity,
                poor_special_difficulty, poor_members, near_poor_members, reviewed_households, rural_households,
                \(IndicatorID.allCases.map { "poor_deprived_\($0.rawValue), near_poor_deprived_\($0.rawValue)" }.joined(separator: ", "))
            FROM unit_rates ORDER BY standard, review_year, level, unit_code
            """)
        var table = FigureTable()
        while try statement.step() {
            var tally = UnitTally()
            tally.households = statement.int(at: 6)
            tally.poor = statement.int(at: 7)
            tally.nearPoor = statement.int(at: 8)
            tally.average = statement.int(at: 9)
            tally.ethnicMinorityHouseholds = statement.int(at: 10)
            tally.ethnicMinorityPoor = statement.int(at: 11)
            tally.poorWithoutLabourCapacity = statement.int(at: 12)
            tally.poorSpecialDifficulty = statement.int(at: 13)
            tally.poorMembers = statement.int(at: 14)
            tally.nearPoorMembers = statement.int(at: 15)
            let reviewed = statement.int(at: 16)
            let rural = statement.int(at: 17)
            // With official totals the denominator exceeds the reviewed households; a unit whose
            // reviewed households are all rural still counts as all rural.
            tally.ruralHouseholds = rural == reviewed ? tally.households : rural
            for id in IndicatorID.allCases {
                tally.poorDeprived[id.bit] = statement.int(at: 18 + 2 * id.bit)
                tally.nearPoorDeprived[id.bit] = statement.int(at: 19 + 2 * id.bit)
            }
            guard let level = UnitLevel(rawValue: statement.string(at: 2) ?? "") else { continue }
            table.insert(
                FigureRow(
                    name: statement.string(at: 4) ?? "", parentCode: statement.string(at: 5).map { UnitCode($0) },
                    tally: tally, ruralHouseholds: tally.ruralHouseholds),
                level: level, unit: UnitCode(statement.string(at: 3) ?? ""),
                year: ReviewYear(statement.int(at: 1)), standard: StandardID(statement.string(at: 0) ?? ""))
        }
        return table
    }
}
