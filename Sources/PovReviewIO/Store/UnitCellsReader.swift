import PovReviewCore

/// One unit of one review year under one standard, for the analyst measures.
struct MeasureUnitKey: Hashable, Comparable {
    var year: Int
    var standard: StandardID
    var level: UnitLevel
    var unit: UnitCode

    static func < (a: MeasureUnitKey, b: MeasureUnitKey) -> Bool {
        if a.standard != b.standard { return a.standard < b.standard }
        return (a.year, a.level, a.unit) < (b.year, b.level, b.unit)
    }
}

/// A unit's households grouped into cells, and its province.
struct MeasureUnit {
    var cells = UnitCells()
    var province: UnitCode
}

/// Reads `household_status` into `UnitCells` for every unit of every level (village, commune,
/// district where the rows carry one, province), year and standard: one grouped query per
/// standard, rolled up in memory (outputs.md §3).
enum UnitCellsReader {
    static func read(from database: SQLiteDatabase, standards: [StandardID: Standard]) throws -> [MeasureUnitKey: MeasureUnit] {
        let indicatorSums = IndicatorID.allCases.map { "ifnull(sum(deprived_\($0.rawValue)), 0)" }.joined(separator: ", ")
        // The band of the income measure against the household's line, decided on integers
        // (IncomeBand): 100·I against 90, 95, 100, 105, 110 × line.
        let statement = try database.prepare(
            """
            SELECT review_year, province_code, district_code, commune_code, village, income_basis,
                CASE WHEN l IS NULL OR v IS NULL THEN NULL
                     WHEN v * 100 <= 90 * l THEN 0 WHEN v * 100 < 95 * l THEN 1 WHEN v * 100 = 95 * l THEN 2
                     WHEN v * 100 <= 100 * l THEN 3 WHEN v * 100 <= 105 * l THEN 4 WHEN v * 100 <= 110 * l THEN 5
                     ELSE 6 END AS band,
                deprivation_count, status, count(*), sum(ethnic_minority), sum(members), sum(without_labour_capacity),
                sum(max(without_labour_capacity, with_social_protection)), \(indicatorSums)
            FROM (SELECT *,
                    CASE income_basis WHEN 'income' THEN income_per_capita ELSE income_score END AS v,
                    CASE income_basis WHEN 'income' THEN (CASE area WHEN 'rural' THEN ?2 ELSE ?3 END)
                                      ELSE (CASE area WHEN 'rural' THEN ?4 ELSE ?5 END) END AS l
                  FROM household_status WHERE standard = ?1)
            GROUP BY review_year, province_code, district_code, commune_code, village, income_basis, band,
                deprivation_count, status
            """)
        var units: [MeasureUnitKey: MeasureUnit] = [:]
        for (id, standard) in standards.sorted(by: { $0.key < $1.key }) {
            statement.bind(1, id.rawValue)
            statement.bind(2, standard.incomeLine.rural)
            statement.bind(3, standard.incomeLine.urban)
            if let score = standard.scoreLine {
                statement.bind(4, score.rural)
                statement.bind(5, score.urban)
            } else {
                statement.bindNull(4)
                statement.bindNull(5)
            }
            // Village tallies first (a village has few cells), then rolled up once per village.
            var villages: [MeasureUnitKey: (unit: MeasureUnit, commune: UnitCode, district: UnitCode?)] = [:]
            while try statement.step() {
                let year = statement.int(at: 0)
                let province = UnitCode(statement.string(at: 1) ?? "")
                let district = statement.string(at: 2).map { UnitCode($0) }
                let commune = UnitCode(statement.string(at: 3) ?? "")
                let village = UnitCode.village(commune: commune, name: statement.string(at: 4) ?? "")
                let cell = StatusCell(
                    basis: IncomeBasis(rawValue: statement.string(at: 5) ?? "") ?? .income,
                    band: statement.isNull(at: 6) ? nil : IncomeBand(rawValue: statement.int(at: 6)),
                    deprivationCount: statement.int(at: 7),
                    status: HouseholdStatus(rawValue: statement.string(at: 8) ?? "") ?? .above)
                var tally = CellTally()
                tally.households = statement.int(at: 9)
                tally.ethnicMinority = statement.int(at: 10)
                tally.members = statement.int(at: 11)
                tally.withoutLabourCapacity = statement.int(at: 12)
                tally.specialDifficulty = statement.int(at: 13)
                for i in tally.deprived.indices { tally.deprived[i] = statement.int(at: 14 + i) }
                let key = MeasureUnitKey(year: year, standard: id, level: .village, unit: village)
                if villages[key] == nil { villages[key] = (MeasureUnit(province: province), commune, district) }
                villages[key]!.unit.cells.add(cell, tally)
            }
            statement.reset()
            for (key, village) in villages {
                units[key] = village.unit
                var parents: [(UnitLevel, UnitCode)] = [(.commune, village.commune), (.province, village.unit.province)]
                if let district = village.district { parents.append((.district, district)) }
                for (level, code) in parents {
                    let parentKey = MeasureUnitKey(year: key.year, standard: id, level: level, unit: code)
                    units[parentKey, default: MeasureUnit(province: village.unit.province)].cells.merge(village.unit.cells)
                }
            }
        }
        return units
    }
}
