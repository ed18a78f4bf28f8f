import Foundation
import PovReviewCore

@testable import PovReviewIO

/// A small hand-made database for the export tests: province 20 with districts 201 and 202 and
/// communes 00001–00003 in 2023 and 2024; in 2025 (after the reform) no districts, and commune
/// 00002 merged into 00001. Every expected value in the tests is computed by hand from these rows.
enum ExportFixture {
    /// Run whose data-quality rows the exports show (run 1 has one stray quarantine row).
    static let runID = 2

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("povreview-exports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Creates, migrates and fills the fixture database in `directory`.
    static func makeDatabase(in directory: URL) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("fixture.sqlite").path)
        try Migrator.migrate(database)
        try insertColumnDocumentation(into: database)
        try fill(database)
        return database
    }

    struct Rates {
        var year: Int
        var level: String
        var code: String
        var name: String
        var parent: String?
        var households: Int
        var poor: Int
        var nearPoor: Int
        var ethnicHouseholds = 0
        var ethnicPoor = 0
        var withoutLabour = 0
        var specialDifficulty = 0
        /// Poor / near-poor households deprived on health insurance.
        var healthInsurance: (Int, Int) = (0, 0)
        /// Poor households deprived per indicator, overriding the defaults.
        var poorDeprived: [IndicatorID: Int] = [:]
    }

    static let rates: [Rates] = [
        // 2023
        Rates(
            year: 2023, level: "province", code: "20", name: "Lạng Sơn", parent: nil, households: 20_000, poor: 201,
            nearPoor: 300, ethnicHouseholds: 5_000, ethnicPoor: 150, withoutLabour: 30, specialDifficulty: 40,
            healthInsurance: (101, 30)),
        Rates(
            year: 2023, level: "district", code: "201", name: "Huyện Văn Lãng", parent: "20", households: 12_000,
            poor: 160, nearPoor: 200),
        Rates(
            year: 2023, level: "district", code: "202", name: "Huyện Cao Lộc", parent: "20", households: 8_000,
            poor: 41, nearPoor: 100),
        Rates(
            year: 2023, level: "commune", code: "00001", name: "Xã Tân Thanh", parent: "201", households: 8_000,
            poor: 100, nearPoor: 120),
        Rates(
            year: 2023, level: "commune", code: "00002", name: "Xã Hoàng Việt", parent: "201", households: 4_000,
            poor: 60, nearPoor: 80),
        Rates(
            year: 2023, level: "commune", code: "00003", name: "Xã Đồng Đăng", parent: "202", households: 8_000,
            poor: 41, nearPoor: 100),
        Rates(
            year: 2023, level: "village", code: "00003/Thôn Hạ", name: "Thôn Hạ", parent: "00003", households: 400,
            poor: 8, nearPoor: 10),
        // 2024
        Rates(
            year: 2024, level: "province", code: "20", name: "Lạng Sơn", parent: nil, households: 20_000, poor: 160,
            nearPoor: 270, ethnicHouseholds: 5_000, ethnicPoor: 120, withoutLabour: 20, specialDifficulty: 25,
            healthInsurance: (40, 27)),
        Rates(
            year: 2024, level: "district", code: "201", name: "Huyện Văn Lãng", parent: "20", households: 12_000,
            poor: 130, nearPoor: 180),
        Rates(
            year: 2024, level: "district", code: "202", name: "Huyện Cao Lộc", parent: "20", households: 8_000,
            poor: 30, nearPoor: 90),
        Rates(
            year: 2024, level: "commune", code: "00001", name: "Xã Tân Thanh", parent: "201", households: 8_000,
            poor: 80, nearPoor: 110),
        Rates(
            year: 2024, level: "commune", code: "00002", name: "Xã Hoàng Việt", parent: "201", households: 4_000,
            poor: 50, nearPoor: 70),
        Rates(
            year: 2024, level: "commune", code: "00003", name: "Xã Đồng Đăng", parent: "202", households: 8_000,
            poor: 30, nearPoor: 90),
        Rates(
            year: 2024, level: "village", code: "00003/Thôn Hạ", name: "Thôn Hạ", parent: "00003", households: 400,
            poor: 8, nearPoor: 6),
        // 2025: no districts; 00002 merged into 00001.
        Rates(
            year: 2025, level: "province", code: "20", name: "Lạng Sơn", parent: nil, households: 20_000, poor: 120,
            nearPoor: 230, ethnicHouseholds: 0, ethnicPoor: 0, withoutLabour: 0, specialDifficulty: 0,
            healthInsurance: (12, 23)),
        Rates(
            year: 2025, level: "commune", code: "00001", name: "Xã Tân Thanh", parent: "20", households: 12_000,
            poor: 100, nearPoor: 150),
        Rates(
            year: 2025, level: "commune", code: "00003", name: "Xã Đồng Đăng", parent: "20", households: 8_000,
            poor: 20, nearPoor: 80),
        Rates(
            year: 2025, level: "village", code: "00003/Thôn Hạ", name: "Thôn Hạ", parent: "00003", households: 400,
            poor: 5, nearPoor: 6),
    ]

    /// Inserts `rates` into `unit_rates` (rates computed from the counts, as the pipeline stores them).
    static func insert(_ rates: [Rates], into database: SQLiteDatabase) throws {
        let indicators = IndicatorID.allCases
        let deprivationColumns = indicators.flatMap { ["poor_deprived_\($0.rawValue)", "near_poor_deprived_\($0.rawValue)"] }
        let columns =
            [
                "review_year", "standard", "standard_provisional", "level", "unit_code", "unit_name", "parent_code",
                "households", "poor", "near_poor", "average", "poor_near_poor", "poor_rate", "near_poor_rate",
                "poor_near_poor_rate", "ethnic_minority_households", "ethnic_minority_poor", "ethnic_minority_poor_rate",
                "poor_without_labour_capacity", "poor_special_difficulty", "poor_members", "near_poor_members",
                "denominator_source", "reviewed_households", "rural_households",
            ] + deprivationColumns
        let insert = try database.prepare(
            "INSERT INTO unit_rates (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
        for r in rates {
            var values: [SQLiteValue] = [
                .integer(Int64(r.year)), .text("vn-2022"), .integer(0), .text(r.level), .text(r.code), .text(r.name),
                r.parent.map(SQLiteValue.text) ?? .null,
                .integer(Int64(r.households)), .integer(Int64(r.poor)), .integer(Int64(r.nearPoor)),
                .integer(Int64(r.households / 10)), .integer(Int64(r.poor + r.nearPoor)),
                .real(100 * Double(r.poor) / Double(r.households)), .real(100 * Double(r.nearPoor) / Double(r.households)),
                .real(100 * Double(r.poor + r.nearPoor) / Double(r.households)),
                .integer(Int64(r.ethnicHouseholds)), .integer(Int64(r.ethnicPoor)),
                r.ethnicHouseholds == 0 ? .null : .real(100 * Double(r.ethnicPoor) / Double(r.ethnicHouseholds)),
                .integer(Int64(r.withoutLabour)), .integer(Int64(r.specialDifficulty)),
                .integer(Int64(r.poor * 4)), .integer(Int64(r.nearPoor * 4)), .text("dump"),
                .integer(Int64(r.households)), .integer(Int64(r.households)),
            ]
            for id in indicators {
                switch id {
                case .digitalServices, .waste:
                    values += [.null, .null]  // not in vn-2022
                case _ where r.poorDeprived[id] != nil:
                    values += [.integer(Int64(r.poorDeprived[id]!)), .integer(0)]
                case .healthInsurance:
                    values += [.integer(Int64(r.healthInsurance.0)), .integer(Int64(r.healthInsurance.1))]
                case .water:
                    values += [.integer(Int64(r.poor / 2)), .integer(Int64(r.nearPoor / 4))]
                default:
                    values += [.integer(0), .integer(0)]
                }
            }
            try insert.bind(values)
            try insert.execute()
        }

    }

    static func fill(_ database: SQLiteDatabase) throws {
        try insert(rates, into: database)
        try database.execute(
            """
            INSERT INTO runs VALUES (1, '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z', 'succeeded', 'lang-son', 'aa', '0.1', NULL, NULL, NULL, NULL);
            INSERT INTO runs VALUES (2, '2025-02-01T00:00:00Z', '2025-02-01T00:01:00Z', 'succeeded', 'lang-son', 'aa', '0.1', NULL, NULL, NULL, NULL);
            INSERT INTO standards VALUES ('vn-2022', 'Chuẩn nghèo đa chiều giai đoạn 2022–2025', 'Nghị định 07/2021/NĐ-CP',
                0, 1, 1500000, 2000000, 2250000, 3000000, NULL, NULL, 3, 'employment,dependants');
            """)
        // Transitions in village 00003/Thôn Hạ, 2023 → 2024 and one in 2024 → 2025 (after the reform).
        let transitions: [(String, Int, String, String, String)] = [
            ("h1", 2023, "poor", "poor", "stayed_poor"),
            ("h2", 2023, "poor", "near_poor", "poor_to_near_poor"),
            ("h3", 2023, "poor", "average", "escaped_above_near_poor"),
            ("h4", 2023, "poor", "absent", "poor_left"),
            ("h5", 2023, "absent", "poor", "entered_poor"),
            ("h6", 2023, "near_poor", "poor", "near_poor_to_poor"),
            ("h7", 2023, "average", "poor", "newly_poor"),
            ("h8", 2023, "near_poor", "near_poor", "stayed_near_poor"),
            ("h1", 2024, "poor", "poor", "stayed_poor"),
        ]
        let insertTransition = try database.prepare(
            """
            INSERT INTO household_transitions VALUES (?, ?, ?, 'vn-2022', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (id, from, fromStatus, toStatus, change) in transitions {
            let fromPresent = fromStatus != "absent", toPresent = toStatus != "absent"
            func side(_ present: Bool, _ value: String?) -> SQLiteValue { present ? value.map(SQLiteValue.text) ?? .null : .null }
            try insertTransition.bind([
                .text(id), .integer(Int64(from)), .integer(Int64(from + 1)), .text(fromStatus), .text(toStatus), .text(change),
                side(fromPresent, "00003/Thôn Hạ"), side(toPresent, "00003/Thôn Hạ"),
                side(fromPresent, "00003"), side(toPresent, "00003"),
                side(fromPresent, "202"), side(toPresent, from + 1 >= 2025 ? nil : "202"),
                side(fromPresent, "20"), side(toPresent, "20"),
            ])
            try insertTransition.execute()
        }
        try AnalystTables.build(in: database)

        try database.execute(
            """
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en) VALUES ('national-666', 'province',
                'Tỷ lệ hộ nghèo và hộ cận nghèo giảm từ 2%/năm trở lên trong 3 năm liên tục', 'province', '20',
                'Lạng Sơn', 2024, 'vn-2022', 'met', '{"decrease":2.15}', 0,
                'Tỷ lệ nghèo đa chiều giảm 2,15 điểm (≥ 2).', NULL);
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en) VALUES ('national-666', 'province',
                'Tỷ lệ hộ nghèo và hộ cận nghèo giảm từ 2%/năm trở lên trong 3 năm liên tục', 'province', '20',
                'Lạng Sơn', 2025, 'vn-2022', 'not_met',
                '{"years":[2024,2025],"rate_pn":[2.15,1.75],"threshold":2,"check":{"decrease":0.4,"met":false}}', 1,
                NULL, NULL);
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en) VALUES ('national-666', 'district-poor',
                'Huyện nghèo: tỷ lệ giảm từ 6%/năm trở lên', 'district', '201', 'Huyện Văn Lãng', 2024, 'vn-2022',
                'insufficient_data', '{"missing_years":[2021,2022]}', 0, NULL, NULL);
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en) VALUES ('national-666', 'commune-ethnic-region',
                'Xã khu vực I, II, III: quy mô hộ nghèo và hộ cận nghèo giảm trên 50%', 'commune', '00003',
                'Xã Đồng Đăng', 2025, 'vn-2022', 'not_applicable', '{"reason":"PN(B) = 0"}', 0, NULL, NULL);
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name, evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en) VALUES ('national-666', 'village',
                'Thôn: quy mô hộ nghèo và hộ cận nghèo giảm trên 50%', 'village', '00003/Thôn Hạ', 'Thôn Hạ', 2024,
                'vn-2022', 'met', '{"pn_baseline":30,"pn":14}', 0, 'Quy mô giảm từ 30 xuống 14 hộ (< 50%).', NULL);
            INSERT INTO sustained_escapes VALUES ('national-666', 2021, 2025, 'vn-2022', 'h3', '00003/Thôn Hạ', '00003', '20');
            INSERT INTO sustained_escapes VALUES ('national-666', 2021, 2025, 'vn-2022', 'h9', '00001/Bản Nà', '00001', '20');
            INSERT INTO quarantine VALUES (1, 'households_2024.csv', 7, NULL, 'malformed_row', 'old run', NULL, NULL, NULL);
            INSERT INTO quarantine VALUES (2, 'households_2024.csv', 12, 'members', 'missing_value', 'm', NULL, 2024, NULL);
            INSERT INTO quarantine VALUES (2, 'households_2024.csv', 15, 'members', 'missing_value', 'm', NULL, 2024, NULL);
            INSERT INTO quarantine VALUES (2, 'households_2024.csv', 40, 'income_per_capita', 'invalid_number', 'm', NULL, 2024, NULL);
            INSERT INTO quarantine VALUES (2, 'households_2025.csv', 3, 'household_id', 'duplicate_household', 'm', NULL, 2025, 'h1');
            INSERT INTO input_files VALUES (2, 'households_2024.csv', 'abc', 100, 97, 3);
            INSERT INTO input_files VALUES (2, 'households_2025.csv', 'def', 50, 49, 1);
            INSERT INTO warnings VALUES (2, 'households_2024.csv', 20, 'padded_code', 'm');
            INSERT INTO warnings VALUES (2, 'households_2024.csv', 21, 'padded_code', 'm');
            """)
    }
}
