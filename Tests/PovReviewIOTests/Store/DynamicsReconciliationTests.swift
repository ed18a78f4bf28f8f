import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// Property: for random household panels, `unit_dynamics` reconciles exactly at every level
/// (poor(to) = poor(from) − decreases + increases, the same for near-poor), and its start and
/// end counts equal the counts of `household_status` in the unit that year (outputs.md).
@Suite("Dynamics reconcile for random panels")
struct DynamicsReconciliationTests {
    /// SplitMix64: a seedable generator, so a failing seed can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func makeDatabase() throws -> SQLiteDatabase {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dyn-\(UUID().uuidString).sqlite")
        let database = try SQLiteDatabase(path: url.path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try Migrator.migrate(database)
        return database
    }

    @Test(arguments: [1, 2, 3, 42, 2025] as [UInt64])
    func dynamicsReconcile(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let database = try makeDatabase()
        let statuses = ["poor", "near_poor", "average", "above"]
        // Two districts, four communes, eight villages; households move, enter and leave;
        // year 2023 is missing for a tenth of the panel; 2026 exists under two standards.
        let insert = try database.prepare(
            """
            INSERT INTO household_status (review_year, standard, household_id, province_code, district_code,
                commune_code, village, area, members, ethnic_minority, income_basis, deprivation_count, status,
                without_labour_capacity, with_social_protection) VALUES (?, ?, ?, '99', ?, ?, ?, 'rural', 3, 0, 'income', 0, ?, 0, 0)
            """)
        try database.execute("BEGIN")
        for household in 0..<400 {
            for year in 2021...2026 {
                guard Int.random(in: 0..<10, using: &random) > 0 else { continue }  // absent this year
                let commune = Int.random(in: 1...4, using: &random)
                let village = "Thôn \(Int.random(in: 1...2, using: &random))"
                let district = commune <= 2 ? "991" : "992"
                let standards = year == 2026 ? ["vn-2022", "vn-2027"] : ["vn-2022"]
                for standard in standards {
                    try insert.bind([
                        .integer(Int64(year)), .text(standard), .text("H\(household)"),
                        .text(district), .text(String(format: "9900%d", commune)), .text(village),
                        .text(statuses[Int.random(in: 0..<4, using: &random)]),
                    ])
                    try insert.execute()
                }
            }
        }
        try database.execute("COMMIT")
        try database.execute("CREATE UNIQUE INDEX household_status_key ON household_status (household_id, standard, review_year)")
        let tally = try TransitionsBuilder.build(in: database)
        // The materialised table equals the GROUP BY over the view it replaced.
        let differences = try AnalystTablesTests.differencesFromTheView(database)
        #expect(differences == 0)
        // The presence counts tallied in the same pass equal the integrity check's GROUP BY, row
        // for row and in its order.
        for level in UnitLevel.allCases {
            let tallied = tally.absences(at: level), grouped = try TransitionIntegrityReader.absences(at: level, in: database)
            #expect(grouped.count > 0)
            #expect(tallied.count == grouped.count)
            for (a, b) in zip(tallied, grouped) {
                #expect(
                    [String(a.toYear), a.standard, a.unitCode, String(a.householdsBefore), String(a.absent)]
                        == [String(b.toYear), b.standard, b.unitCode, String(b.householdsBefore), String(b.absent)])
            }
        }

        let rows = try database.rows(
            """
            SELECT level, unit_code, standard, from_year, to_year,
                poor_start, poor_to_near_poor, poor_escaped_above, poor_left, poor_from_near_poor,
                poor_fell_back, poor_newly, poor_entered, poor_end,
                near_poor_start, near_poor_to_poor, near_poor_escaped, near_poor_left, near_poor_from_poor,
                near_poor_fell_back, near_poor_newly, near_poor_entered, near_poor_end
            FROM unit_dynamics
            """)
        #expect(rows.count > 50)
        // Direct counts per (level, unit, standard, year, status), from household_status.
        var counts: [String: Int] = [:]
        for (level, unit) in [
            ("village", "commune_code || '/' || village"), ("commune", "commune_code"),
            ("district", "district_code"), ("province", "province_code"),
        ] {
            for r in try database.rows(
                """
                SELECT \(unit), standard, review_year, status, count(*) FROM household_status
                GROUP BY 1, 2, 3, 4
                """)
            {
                counts["\(level)|\(r[0].string ?? "")|\(r[1].string ?? "")|\(r[2].int ?? 0)|\(r[3].string ?? "")"] = r[4].int
            }
        }
        func direct(_ row: [SQLiteValue], year: Int, status: String) -> Int {
            counts["\(row[0].string ?? "")|\(row[1].string ?? "")|\(row[2].string ?? "")|\(year)|\(status)"] ?? 0
        }
        for row in rows {
            let v = row.map { $0.int ?? 0 }
            let poorEnd = v[5] - (v[6] + v[7] + v[8]) + (v[9] + v[10] + v[11] + v[12])
            let nearPoorEnd = v[14] - (v[15] + v[16] + v[17]) + (v[18] + v[19] + v[20] + v[21])
            #expect(poorEnd == v[13], "poor does not reconcile: \(row)")
            #expect(nearPoorEnd == v[22], "near-poor does not reconcile: \(row)")
            #expect(v[5] == (direct(row, year: v[3], status: "poor")), "poor_start ≠ household_status: \(row)")
            #expect(v[13] == (direct(row, year: v[4], status: "poor")), "poor_end ≠ household_status: \(row)")
            #expect(v[14] == (direct(row, year: v[3], status: "near_poor")))
            #expect(v[22] == (direct(row, year: v[4], status: "near_poor")))
        }
        // No pair spans a missing year or a change of standard.
        let spans = try database.rows("SELECT count(*) FROM household_transitions WHERE to_year <> from_year + 1")
        #expect(spans[0][0].int == 0)
        let vn2027Pairs = try database.rows("SELECT count(*) FROM household_transitions WHERE standard = 'vn-2027'")
        #expect(vn2027Pairs[0][0].int == 0)  // vn-2027 has a single year (2026)
    }
}
