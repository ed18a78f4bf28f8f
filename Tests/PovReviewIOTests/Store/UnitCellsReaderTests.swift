import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

/// `UnitCellsReader` (for `povreview evaluate`) groups `household_status` rows into the analyst
/// cells of every unit, whatever the order of the rows: villages interleaved, years interleaved,
/// and rows of a standard it was not asked for left out. Every expected cell is counted by hand.
@Suite struct UnitCellsReaderTests {
    /// Inserts one rural household of `village` in commune C1 (district 991, province 99),
    /// deprived on employment and dependants (D = 2), with 4 members.
    static func insert(
        _ db: SQLiteDatabase, year: Int, id: String, village: String, income: Int, status: String, standard: String = "vn-2022"
    ) throws {
        let indicators = IntegrityFindingsBuilderTests.standard.indicators
        let flags = indicators.map { [.employment, .dependants].contains($0) ? "1" : "0" }
        try db.run(
            """
            INSERT INTO household_status (review_year, standard, household_id, province_code, district_code, commune_code,
                village, area, members, ethnic_minority, income_basis, income_per_capita, deprivation_count, status,
                without_labour_capacity, with_social_protection, \(indicators.map { "deprived_\($0.rawValue)" }.joined(separator: ", ")))
            VALUES (?, ?, ?, '99', '991', 'C1', ?, 'rural', 4, 1, 'income', ?, 2, ?, 0, 0, \(flags.joined(separator: ", ")))
            """,
            [.integer(Int64(year)), .text(standard), .text(id), .text(village), .integer(Int64(income)), .text(status)])
    }

    @Test func rowsInAnyOrderAreCountedIntoTheirVillageAndEveryLevelAbove() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = try SQLiteDatabase(path: directory.appendingPathComponent("cells.sqlite").path)
        try Migrator.migrate(db)
        // Rural line 1,500,000: an income of 1,000,000 is at or below 90% of it (band 0);
        // 1,600,000 is above 105% (1,575,000) and at or below 110% (1,650,000): band 5.
        try Self.insert(db, year: 2024, id: "h1", village: "A", income: 1_000_000, status: "poor")
        try Self.insert(db, year: 2024, id: "h2", village: "B", income: 1_600_000, status: "average")
        try Self.insert(db, year: 2024, id: "h3", village: "A", income: 1_000_000, status: "poor")
        try Self.insert(db, year: 2023, id: "h3", village: "A", income: 1_000_000, status: "poor")
        try Self.insert(db, year: 2024, id: "h4", village: "A", income: 1_000_000, status: "poor", standard: "vn-2027")
        try Self.insert(db, year: 2024, id: "h5", village: "A", income: 1_600_000, status: "average")

        let units = try UnitCellsReader.read(from: db, standards: ["vn-2022": IntegrityFindingsBuilderTests.standard])

        let poor = StatusCell(basis: .income, band: .atOrBelow90, deprivationCount: 2, status: .poor)
        let average = StatusCell(basis: .income, band: .atOrBelow110, deprivationCount: 2, status: .average)
        func tally(_ households: Int) -> CellTally {
            var tally = CellTally()
            tally.households = households
            tally.ethnicMinority = households
            tally.members = 4 * households
            tally.deprived[IndicatorID.employment.bit] = households
            tally.deprived[IndicatorID.dependants.bit] = households
            return tally
        }
        func cells(_ key: (Int, UnitLevel, String)) -> [StatusCell: CellTally]? {
            units[MeasureUnitKey(year: key.0, standard: "vn-2022", level: key.1, unit: UnitCode(key.2))]?.cells.cells
        }
        // 2024: village A holds h1, h3 (poor) and h5 (average); village B holds h2 (average).
        #expect(cells((2024, .village, "C1/A")) == [poor: tally(2), average: tally(1)])
        #expect(cells((2024, .village, "C1/B")) == [average: tally(1)])
        for (level, code) in [(UnitLevel.commune, "C1"), (.district, "991"), (.province, "99")] {
            #expect(cells((2024, level, code)) == [poor: tally(2), average: tally(2)], "\(level) \(code) in 2024")
        }
        // 2023: h3 alone.
        #expect(cells((2023, .village, "C1/A")) == [poor: tally(1)])
        #expect(cells((2023, .province, "99")) == [poor: tally(1)])
        // 2024: two villages, the commune, the district and the province; 2023: one village and
        // the three units above it. Nothing under vn-2027, which was not asked for.
        #expect(units.count == 5 + 4)
        #expect(units.keys.allSatisfy { $0.standard == "vn-2022" })
    }
}
