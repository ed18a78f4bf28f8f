import PovReviewCore

/// Writes `unit_rates` rows. Rates are REAL percentages at full precision, derived from the
/// exact counts at write time (outputs.md).
enum UnitRatesWriter {
    static func insert(_ rows: [UnitRate], standards: [StandardID: Standard], into database: SQLiteDatabase) throws {
        let statement = try database.prepare(UnitRatesRecord.insertStatement())
        for row in rows {
            let t = row.tally
            let standard = standards[row.standardID]
            var values: [SQLiteValue] = [
                .integer(Int64(row.reviewYear.value)), .text(row.standardID.rawValue),
                .integer(standard?.provisional == true ? 1 : 0), .text(row.level.rawValue),
                .text(row.unitCode.rawValue), .text(row.unitName),
                row.parentCode.map { .text($0.rawValue) } ?? .null,
                .integer(Int64(row.households)), .integer(Int64(t.poor)), .integer(Int64(t.nearPoor)),
                .integer(Int64(t.average)), .integer(Int64(t.poorNearPoor)), .real(row.poorRate),
                .real(row.nearPoorRate), .real(row.poorNearPoorRate),
                .integer(Int64(t.ethnicMinorityHouseholds)), .integer(Int64(t.ethnicMinorityPoor)),
                row.ethnicMinorityPoorRate.map { .real($0) } ?? .null,
                .integer(Int64(t.poorWithoutLabourCapacity)), .integer(Int64(t.poorSpecialDifficulty)),
                .integer(Int64(t.poorMembers)), .integer(Int64(t.nearPoorMembers)),
                .text(row.denominatorSource.rawValue), .integer(Int64(t.households)),
                .integer(Int64(t.ruralHouseholds)),
            ]
            for id in IndicatorID.allCases {
                if standard?.indicators.contains(id) ?? true {
                    values.append(.integer(Int64(t.poorDeprived[id.bit])))
                    values.append(.integer(Int64(t.nearPoorDeprived[id.bit])))
                } else {
                    values.append(.null)
                    values.append(.null)
                }
            }
            try statement.bind(values)
            try statement.execute()
        }
    }
}
