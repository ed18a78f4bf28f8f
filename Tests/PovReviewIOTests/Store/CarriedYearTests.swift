import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// A pair's later year set aside for the next pair (`TransitionsBuilder.CarriedYear`): what is
/// read back is what was read from `household_status`, across the file's read chunks, and a
/// run of consecutive pairs gives the rows SQL itself pairs.
@Suite("A review year carried over to the next pair")
struct CarriedYearTests {
    /// Inserts rows (year, household, district, village, status) of standard vn-2022, commune
    /// 00001, and builds the indexes.
    static func database(
        _ rows: [(year: Int, household: String, district: String?, village: String, status: String)]
    ) throws -> (SQLiteDatabase, URL) {
        let (database, directory) = try TransitionsReadingTests.temporaryDatabase()
        let insert = try TransitionsReadingTests.statusInsert(database)
        try database.transaction {
            for row in rows {
                try insert.bind([
                    .integer(Int64(row.year)), .text("vn-2022"), .text(row.household), row.district.map { .text($0) } ?? .null,
                    .text("00001"), .text(row.village), .text(row.status),
                ])
                try insert.execute()
            }
        }
        try HouseholdLoadSettings.createKeyIndex(in: database)
        try HouseholdLoadSettings.createSecondaryIndexes(in: database)
        return (database, directory)
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("Rows read back as written, over several read chunks, a row longer than a chunk, and again after a restart")
    func roundTrip() throws {
        let statuses = ["poor", "near_poor", "average", "above"]
        // 30,000 rows of ~40 bytes (more than one 1 MB chunk, so rows straddle chunk ends), a
        // village of 1.5 MB (longer than a chunk), NULL and empty districts.
        let longVillage = String(repeating: "Bản Nà ", count: 1_500_000 / 9)
        var rows: [(year: Int, household: String, district: String?, village: String, status: String)] = []
        for index in 0..<30_000 {
            let district: String? = index % 7 == 0 ? nil : index % 11 == 0 ? "" : "20\(index % 10)"
            let village = index == 12_345 ? longVillage : "Thôn \(index % 13)"
            rows.append((2024, String(format: "h%05d", index), district, village, statuses[index % 4]))
        }
        let (database, directory) = try Self.database(rows)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scan = try TransitionsBuilder.PairScan(database: database)
        let carried = try TransitionsBuilder.CarriedYear()
        let side = TransitionsBuilder.PairSide()
        for round in 0..<2 {
            try carried.restart(standard: "vn-2022", year: 2024)
            try scan.start(standard: "vn-2022", onlyYear: 2024)
            while scan.hasRow {
                side.load(from: scan)
                try carried.append(side)
                try scan.step()
            }
            #expect(carried.holds(standard: "vn-2022", year: 2024))
            #expect(!carried.holds(standard: "vn-2022", year: 2023))
            var index = 0
            while try carried.next(into: side) {
                // The rows were inserted in key order (h00000, h00001, …), so row `index` is rows[index].
                let row = rows[index]
                #expect(Self.text(side.householdID) == row.household, "round \(round) row \(index)")
                #expect(side.status.rawValue == row.status, "round \(round) row \(index)")
                #expect(Self.text(side.place(0)) == "00001/" + row.village, "round \(round) row \(index)")
                #expect(Self.text(side.place(1)) == "00001", "round \(round) row \(index)")
                #expect(Self.text(side.place(2)) == row.district, "round \(round) row \(index)")
                #expect(Self.text(side.place(3)) == "20", "round \(round) row \(index)")
                index += 1
            }
            #expect(index == rows.count, "round \(round)")
        }
    }

    @Test("Four consecutive years, three of them carried over: the rows SQL pairs, in key order")
    func consecutivePairsMatchSQL() throws {
        // Households of ids of several lengths (h7 < h70 < h8), each present in some years,
        // with statuses and villages that change; a pseudo-random but fixed pattern.
        let statuses = ["poor", "near_poor", "average", "above"]
        var rows: [(year: Int, household: String, district: String?, village: String, status: String)] = []
        var seed: UInt64 = 20_261_204
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        for index in 0..<3_000 {
            let household = index % 3 == 0 ? "h\(index)" : index % 3 == 1 ? "hộ-\(index % 500)-\(index)" : "H\(index * 7)"
            for year in 2021...2024 where next() % 5 != 0 {
                rows.append((year, household, next() % 9 == 0 ? nil : "201", "Thôn \(next() % 4)", statuses[next() % 4]))
            }
        }
        let (database, directory) = try Self.database(rows.shuffled())
        defer { try? FileManager.default.removeItem(at: directory) }
        try TransitionsBuilder.build(in: database)
        let built = try database.rows(
            """
            SELECT from_year, household_id, from_status, to_status, from_village_code, to_village_code,
                from_district_code, to_district_code
            FROM household_transitions ORDER BY rowid
            """
        ).map { $0.map(\.shown) }
        // SQL pairs the years itself: every household in either year, both sides by LEFT JOIN.
        let paired = try database.rows(
            """
            WITH years(y) AS (VALUES (2021), (2022), (2023)),
            present AS (SELECT DISTINCT y, household_id FROM years JOIN household_status
                        ON review_year IN (y, y + 1))
            SELECT p.y, p.household_id, coalesce(a.status, 'absent'), coalesce(b.status, 'absent'),
                a.commune_code || '/' || a.village, b.commune_code || '/' || b.village, a.district_code, b.district_code
            FROM present p
            LEFT JOIN household_status a ON a.household_id = p.household_id AND a.review_year = p.y
            LEFT JOIN household_status b ON b.household_id = p.household_id AND b.review_year = p.y + 1
            ORDER BY p.y, p.household_id
            """
        ).map { $0.map(\.shown) }
        #expect(built.count == paired.count)
        #expect(built == paired)
    }
}
