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
/// district where the rows carry one, province), year and standard (outputs.md §3): for
/// `povreview evaluate`, which has no village tallies of a run to roll up.
///
/// Each row is counted into its village's cells by the rule the ingest counts it with
/// (`VillageTally.addCell`), then the villages are rolled up once. The grouping is done here and
/// not in SQL: a GROUP BY over nine columns sorted every row of a standard. On 1,000,000
/// households × 5 years, `povreview evaluate --plan national-666` took 22.6–23.1 s with it,
/// nearly all in that sort, and 8.1–9.2 s with this scan (alternating runs, same rows written).
enum UnitCellsReader {
    /// A village of one review year under one standard, as its rows spell it
    /// (`household_status` holds the canonical spelling of each village identity).
    private struct VillageOfYear: Hashable {
        var standard: StandardID
        var year: Int
        var village: UnitCode
    }

    private static let standardColumn = HouseholdStatusRecord.position(of: "standard")
    private static let yearColumn = HouseholdStatusRecord.position(of: "review_year")
    private static let communeColumn = HouseholdStatusRecord.position(of: "commune_code")
    private static let villageColumn = HouseholdStatusRecord.position(of: "village")

    static func read(from database: SQLiteDatabase, standards: [StandardID: Standard]) throws -> [MeasureUnitKey: MeasureUnit] {
        let statement = try database.prepare("SELECT \(StoredHouseholdStatus.columns) FROM household_status")
        var positions: [VillageOfYear: Int] = [:]
        var villages: [(key: VillageOfYear, commune: UnitCode, tally: VillageTally)] = []
        // A dump lists a village's households together: a row of the same standard, year,
        // commune and spelling as the one before it (compared as bytes) goes to the same tally.
        var lastYear = Int.min
        var lastBytes: (standard: [UInt8], commune: [UInt8], village: [UInt8]) = ([], [], [])
        var lastPosition: Int?
        while try statement.step() {
            let year = statement.int(at: yearColumn)
            if let position = lastPosition, year == lastYear,
                let standard = statement.textBytes(at: standardColumn), ByteText.equal(standard, lastBytes.standard),
                let commune = statement.textBytes(at: communeColumn), ByteText.equal(commune, lastBytes.commune),
                let village = statement.textBytes(at: villageColumn), ByteText.equal(village, lastBytes.village)
            {
                let stored = StoredHouseholdStatus(statement: statement)
                villages[position].tally.addCell(stored.household, stored.classification)
                continue
            }
            let stored = StoredHouseholdStatus(statement: statement)
            guard let standard = standards[stored.standardID] else {
                lastPosition = nil
                continue
            }
            let household = stored.household
            let key = VillageOfYear(
                standard: stored.standardID, year: year, village: .village(commune: household.communeCode, name: household.village))
            let position: Int
            if let found = positions[key] {
                position = found
            } else {
                position = villages.count
                positions[key] = position
                var tally = VillageTally(district: household.districtCode, province: household.provinceCode)
                tally.lines = (standard.incomeLine, standard.scoreLine)
                villages.append((key, household.communeCode, tally))
            }
            villages[position].tally.addCell(household, stored.classification)
            lastYear = year
            lastBytes = (
                Array(stored.standardID.rawValue.utf8), Array(household.communeCode.rawValue.utf8), Array(household.village.utf8)
            )
            lastPosition = position
        }
        var units: [MeasureUnitKey: MeasureUnit] = [:]
        for village in villages {
            let unit = MeasureUnit(cells: village.tally.cells, province: village.tally.province)
            let (standard, year) = (village.key.standard, village.key.year)
            units[MeasureUnitKey(year: year, standard: standard, level: .village, unit: village.key.village)] = unit
            var parents: [(UnitLevel, UnitCode)] = [(.commune, village.commune), (.province, unit.province)]
            if let district = village.tally.district { parents.append((.district, district)) }
            for (level, code) in parents {
                let parentKey = MeasureUnitKey(year: year, standard: standard, level: level, unit: code)
                units[parentKey, default: MeasureUnit(province: unit.province)].cells.merge(unit.cells)
            }
        }
        return units
    }
}
