import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

/// The analyst tables of migration 011 on the export fixture (`ExportFixture`): every expected
/// value is counted by hand from the fixture's eight 2023 → 2024 transitions in village
/// 00003/Thôn Hạ (commune 00003 "Xã Đồng Đăng", district 202, province 20) and its one
/// 2024 → 2025 transition, and from its `unit_rates` rows.
@Suite("Analyst tables")
struct AnalystTablesTests {
    static func withFixture<T>(_ body: (SQLiteDatabase) throws -> T) throws -> T {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(try ExportFixture.makeDatabase(in: directory))
    }

    @Test("unit_dynamics is a table with names and the escaped total, counted by hand")
    func unitDynamicsCommune() throws {
        try Self.withFixture { database in
            #expect(try database.rows("SELECT type FROM sqlite_master WHERE name = 'unit_dynamics'")[0][0].string == "table")
            let row = try database.rows(
                """
                SELECT unit_name, poor_start, poor_to_near_poor, poor_escaped_above, poor_left, poor_from_near_poor,
                    poor_fell_back, poor_newly, poor_entered, poor_end, poor_escaped_total,
                    near_poor_start, near_poor_to_poor, near_poor_escaped, near_poor_left, near_poor_from_poor,
                    near_poor_fell_back, near_poor_newly, near_poor_entered, near_poor_end
                FROM unit_dynamics WHERE level = 'commune' AND unit_code = '00003' AND to_year = 2024
                """)
            #expect(row.count == 1)
            // h1 stayed, h2 → near-poor, h3 → above, h4 left; h5 entered, h6 from near-poor, h7 newly.
            #expect(row[0][0].string == "Xã Đồng Đăng")
            #expect(row[0][1...].map(\.int) == [4, 1, 1, 1, 1, 0, 1, 1, 4, 2, 2, 1, 0, 0, 1, 0, 0, 0, 2])
        }
    }

    /// Rows of `unit_dynamics` that differ from the GROUP BY over the view, both ways.
    static func differencesFromTheView(_ database: SQLiteDatabase) throws -> Int {
        let columns =
            "level, unit_code, standard, from_year, to_year, "
            + AnalystTables.dynamicsCounts.map(\.column).joined(separator: ", ")
        let table = "SELECT \(columns) FROM unit_dynamics"
        let view = AnalystTables.definitionSQL
        let sql = "SELECT (SELECT count(*) FROM (\(table) EXCEPT \(view))) + (SELECT count(*) FROM (\(view) EXCEPT \(table)))"
        return try database.rows(sql)[0][0].int ?? -1
    }

    @Test("The one-pass tally equals the GROUP BY over unit_transition_events")
    func tallyEqualsTheView() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        let rows = try database.rows("SELECT count(*) FROM unit_dynamics")[0][0].int ?? 0
        let differences = try Self.differencesFromTheView(database)
        #expect(rows > 0)
        #expect(differences == 0)
    }

    @Test("A unit gone in to_year keeps its name from from_year")
    func nameOfAnAbolishedDistrict() throws {
        try Self.withFixture { database in
            // 2024 → 2025: h1 (poor) was in district 202, which no longer exists in 2025.
            let row = try database.rows(
                """
                SELECT unit_name, poor_start, poor_left, poor_end FROM unit_dynamics
                WHERE level = 'district' AND unit_code = '202' AND to_year = 2025
                """)
            #expect(row.map { $0.map(\.shown) } == [["Huyện Cao Lộc", "1", "1", "0"]])
        }
    }

    @Test(
        "Filtered queries on unit_dynamics and unit_deprivations use an index",
        arguments: [
            "SELECT * FROM unit_dynamics WHERE unit_code = '00003'",
            "SELECT * FROM unit_dynamics WHERE to_year = 2024",
            "SELECT * FROM unit_dynamics WHERE level = 'commune' AND to_year = 2024",
            "SELECT * FROM unit_dynamics WHERE standard = 'vn-2022' AND level = 'commune'",
            "SELECT * FROM unit_deprivations WHERE unit_code = '00003'",
            "SELECT * FROM unit_deprivations WHERE indicator = 'health_insurance' AND review_year = 2024",
            "SELECT * FROM unit_deprivations WHERE review_year = 2024 AND level = 'province'",
        ])
    func filtersUseAnIndex(sql: String) throws {
        try Self.withFixture { database in
            let plan = try database.rows("EXPLAIN QUERY PLAN " + sql).map { $0[3].string ?? "" }
            #expect(
                plan.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") || $0.contains("USING PRIMARY KEY") },
                "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("INDEX") }, "\(plan)")
        }
    }

    @Test("unit_deprivations: one row per unit_rates row and indicator of vn-2022, with names")
    func unitDeprivations() throws {
        try Self.withFixture { database in
            // 18 unit_rates rows × the 12 indicators of vn-2022 (digital_services and waste are NULL).
            #expect(try database.rows("SELECT count(*) FROM unit_deprivations")[0][0].int == 18 * 12)
            #expect(try database.rows("SELECT count(*) FROM unit_deprivations WHERE indicator IN ('waste', 'digital_services')")[0][0].int == 0)
            let insurance = try database.rows(
                """
                SELECT indicator_name_vi, dimension, dimension_vi, poor, poor_deprived, near_poor, near_poor_deprived
                FROM unit_deprivations WHERE review_year = 2024 AND level = 'province' AND indicator = 'health_insurance'
                """)
            #expect(insurance.map { $0.map(\.shown) } == [["Bảo hiểm y tế", "health", "Y tế", "160", "40", "270", "27"]])
            // Water: poor / 2 and near-poor / 4 in the fixture: 2023 province 201 → 100, 300 → 75.
            let water = try database.rows(
                """
                SELECT poor_deprived, near_poor_deprived FROM unit_deprivations
                WHERE review_year = 2023 AND unit_code = '20' AND indicator = 'water'
                """)
            #expect(water.map { $0.map(\.int) } == [[100, 75]])
        }
    }

    @Test("change_codes: the 15 codes, each feeding the unit_dynamics column that counts it")
    func changeCodes() throws {
        try Self.withFixture { database in
            let rows = try database.rows(
                "SELECT change, poor_dynamics_column, near_poor_dynamics_column, report_column_vi, meaning_vi, meaning_en FROM change_codes ORDER BY position")
            #expect(rows.count == 15)
            #expect(Set(rows.map { $0[0].string! }) == Set(TransitionChange.allCases.map(\.rawValue)))
            let poorToNearPoor = rows.first { $0[0].string == "poor_to_near_poor" }!
            #expect(poorToNearPoor[1].string == "poor_to_near_poor")
            #expect(poorToNearPoor[2].string == "near_poor_from_poor")
            #expect(
                poorToNearPoor[3].string
                    == "Diễn biến hộ nghèo: Giảm: chuyển thành hộ cận nghèo; Diễn biến hộ cận nghèo: Tăng: từ hộ nghèo")
            let stayed = rows.first { $0[0].string == "stayed_poor" }!
            #expect(stayed[1] == .null && stayed[2] == .null && stayed[3] == .null)
            for row in rows {
                #expect(row[4].string!.count > 10 && row[5].string!.count > 10)
                #expect(row[4].string == row[4].string!.precomposedStringWithCanonicalMapping)
            }
            // Each code's column in unit_dynamics equals the count of that code among the unit's
            // events: the hand-written mapping agrees with the sums of the table, unit by unit.
            for row in rows {
                for column in [row[1].string, row[2].string].compactMap({ $0 }) {
                    let mismatches = try database.rows(
                        """
                        SELECT count(*) FROM unit_dynamics d
                        WHERE d.\(column) <> (SELECT count(*) FROM unit_transition_events e
                            WHERE e.level = d.level AND e.unit_code = d.unit_code AND e.standard = d.standard
                              AND e.to_year = d.to_year AND e.change = ?)
                        """, [row[0]])
                    #expect(mismatches[0][0].int == 0, "\(row[0]) → \(column)")
                }
            }
        }
    }

    @Test("latest_unit_rates: only units of the latest year, with the year")
    func latestUnitRates() throws {
        try Self.withFixture { database in
            let rows = try database.rows("SELECT review_year, level, unit_code FROM latest_unit_rates ORDER BY level, unit_code")
            // 2025 has the province, communes 00001 and 00003 and village 00003/Thôn Hạ; commune
            // 00002 (merged into 00001) and the districts end in 2024 and are not listed.
            #expect(
                rows.map { $0.map(\.shown) } == [
                    ["2025", "commune", "00001"], ["2025", "commune", "00003"],
                    ["2025", "province", "20"], ["2025", "village", "00003/Thôn Hạ"],
                ])
        }
    }
}

extension SQLiteValue {
    /// The value as text for comparisons in tests ("NULL" for NULL).
    var shown: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let text): text
        }
    }
}
