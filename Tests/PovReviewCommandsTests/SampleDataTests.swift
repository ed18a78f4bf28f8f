import Foundation
import PovReviewIO
import Testing

/// `povreview run` on the bundled SampleData (the default pipeline), end to end.
@Suite("SampleData through the default pipeline")
struct SampleDataTests {
    static func database() async throws -> SQLiteDatabase {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status), "povreview run on SampleData exited with \(run.status)")
        return try EndToEnd.open(run.database)
    }

    /// The bad rows of households_2023.csv, from the table in SampleData/README.md, each checked
    /// by hand against its line of the CSV: e.g. line 669 has members "-2", line 4675 has 25
    /// fields for 26 headers, line 6011 has dependants 9 for 7 members, line 9349 has
    /// working_age_without_job 2 and members_with_labour_capacity 1, line 2005 repeats the id
    /// 99001-2201000 of line 1003.
    static let quarantined2023: Set<String> = [
        "669 invalid_number", "1003 duplicate_household", "1337 unknown_unit", "2005 duplicate_household",
        "2672 invalid_enum", "3340 malformed_row", "4008 missing_value", "4675 malformed_row",
        "5343 unsupported_year", "6011 inconsistent_counts", "6678 invalid_number", "7346 invalid_number",
        "8014 invalid_encoding", "8681 unknown_unit", "9349 inconsistent_counts",
    ]

    @Test("The 2023 dump's bad rows are quarantined with the README's reasons, and nothing else is")
    func quarantine() async throws {
        let db = try await Self.database()
        let rows = try db.rows("SELECT source_file, line, reason FROM quarantine")
        #expect(Set(rows.map { $0[0].string! }) == ["households_2023.csv"])
        #expect(rows.count == 15)
        #expect(Set(rows.map { "\($0[1].int!) \($0[2].string!)" }) == Self.quarantined2023)
    }

    @Test("input_files: 10,000 households a year; 2023 has 14 bad rows more and 15 quarantined (the duplicate pair)")
    func inputFiles() async throws {
        let db = try await Self.database()
        let rows = try db.rows("SELECT path, rows_read, rows_accepted, rows_quarantined FROM input_files ORDER BY path")
        #expect(
            rows == [
                [.text("households_2021.csv"), .integer(10_000), .integer(10_000), .integer(0)],
                [.text("households_2022.csv"), .integer(10_000), .integer(10_000), .integer(0)],
                [.text("households_2023.csv"), .integer(10_014), .integer(9_999), .integer(15)],
                [.text("households_2024.csv"), .integer(10_000), .integer(10_000), .integer(0)],
                [.text("households_2025.csv"), .integer(10_000), .integer(10_000), .integer(0)],
            ])
        let perYear = try db.rows("SELECT review_year, count(*) FROM household_status GROUP BY 1 ORDER BY 1")
        #expect(perYear.map { $0[1].int! } == [10_000, 10_000, 9_999, 10_000, 10_000])
    }

    @Test("criteria_results has rows for all five plans")
    func criteriaForEveryPlan() async throws {
        let db = try await Self.database()
        let plans = try db.rows("SELECT plan, count(*) FROM criteria_results GROUP BY plan ORDER BY plan")
        #expect(plans.map { $0[0].string! } == ["bac-ninh", "da-nang", "lang-son", "national-666", "vinh-phuc"])
        for plan in plans { #expect(plan[1].int! > 0) }
    }

    @Test("Every unit_dynamics row reconciles and starts and ends on unit_rates' counts")
    func dynamicsReconcile() async throws {
        try DynamicsCheck.expectReconciled(try await Self.database())
    }

    /// The five villages whose tone-mark placement changes between dumps (SampleData/README.md).
    /// Old placement (Hoà, Thuỷ) is the smaller spelling in code-point order: "o" (U+006F) sorts
    /// before "ò" (U+00F2), and "u" (U+0075) before "ủ" (U+1EE7).
    @Test(
        "A village whose spelling changes keeps one code, the smallest spelling, in 2021–2024",
        arguments: [
            ("99003", "Thôn Hoà Bình", "Thôn Hòa Bình"), ("99007", "Thôn Thái Hoà", "Thôn Thái Hòa"),
            ("99013", "Thôn Cồn Thuỷ", "Thôn Cồn Thủy"), ("99006", "Thôn Khe Thuỷ", "Thôn Khe Thủy"),
            ("99014", "Thôn Trung Hoà", "Thôn Trung Hòa"),
        ])
    func villageSpelling(commune: String, canonical: String, other: String) async throws {
        let db = try await Self.database()
        let years = try db.rows(
            "SELECT review_year, unit_name FROM unit_rates WHERE level = 'village' AND unit_code = ? ORDER BY 1",
            [.text("\(commune)/\(canonical)")])
        #expect(years.map { $0[0].int! }.filter { $0 <= 2024 } == [2021, 2022, 2023, 2024])
        #expect(Set(years.map { $0[1].string! }) == [canonical])
        let others = try db.rows("SELECT count(*) FROM unit_rates WHERE unit_code = ?", [.text("\(commune)/\(other)")])
        #expect(others[0][0].int == 0)
        let households = try db.rows(
            "SELECT DISTINCT village FROM household_status WHERE commune_code = ? AND village IN (?, ?)",
            [.text(commune), .text(canonical), .text(other)])
        #expect(households == [[.text(canonical)]])
    }

    @Test("explain prints Vietnamese by default and English with --lang en")
    func explain() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let workspace = try EndToEnd.workspace()
        let vi = try await EndToEnd.spawn(["explain", "--plan", "national-666", "--unit", "99", "--database", run.database.path], in: workspace)
        let en = try await EndToEnd.spawn(
            ["explain", "--plan", "national-666", "--unit", "99", "--database", run.database.path, "--lang", "en"],
            in: workspace)
        #expect(vi.status == 0 && en.status == 0, "\(vi.stderr)\(en.stderr)")
        // The province's poor + near-poor rate falls 28.1 → 24.9 → 21.4 → 18.0 (README), more
        // than 2 points a year for 2022–2024: the province criterion is met at 2024. The header
        // names the criterion by its label in the plan file, never by its id.
        #expect(vi.stdout.contains("== Tiêu chí “Cấp tỉnh: giảm nghèo đa chiều” — Tỉnh Sơn Hà (99), năm 2024: ĐẠT ✓\n"), "\(vi.stdout)")
        #expect(en.stdout.contains("== Criterion “Province: multidimensional poverty reduction” — Tỉnh Sơn Hà (99), 2024: MET ✓\n"))
        #expect(vi.stdout.contains("giảm tỷ lệ nghèo đa chiều (hộ nghèo và hộ cận nghèo) từ 2%/năm trở lên"))
        #expect(!vi.stdout.contains("Criterion") && !vi.stdout.contains("Rule:") && !vi.stdout.contains("verdict"))
        #expect(en.stdout.contains("Rule:") && en.stdout.contains("MET"))
        #expect(!en.stdout.contains("Tiêu chí") && !en.stdout.contains("Yêu cầu"))
        // 2022 cannot be judged on 3 consecutive decreases from a 2021 baseline: it says so
        // instead of asking for the 2019 and 2020 data (which lie before the plan).
        #expect(vi.stdout.contains("Chưa đủ 3 năm so sánh trong giai đoạn (năm gốc 2021); xét từ năm 2024."))
        #expect(!vi.stdout.contains("Thiếu số liệu năm 2019"))
        // Numbers: decimal comma and "." thousands in Vietnamese, the reverse in English. The
        // province has 2,811 poor and near-poor households at the 2021 baseline (28.11% of 10,000).
        #expect(vi.stdout.range(of: #"giảm \d+,\d\d điểm phần trăm"#, options: .regularExpression) != nil)
        #expect(en.stdout.range(of: #"down \d+\.\d\d percentage points"#, options: .regularExpression) != nil)
        #expect(vi.stdout.contains("2.811 hộ (năm 2021)"))
        #expect(en.stdout.contains("2,811 (2021)"))
    }

    @Test("evaluate --plan lang-son --year 2024 replaces only that plan-year's rows")
    func evaluateOnePlanYear() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let workspace = try EndToEnd.workspace()
        let copy = workspace.appendingPathComponent("default.sqlite")
        try FileManager.default.copyItem(at: run.database, to: copy)
        let select = """
            SELECT plan, criterion_id, unit_code, evaluation_year, standard, criterion_text_vi, level, unit_name,
                   verdict, evidence, borderline, explanation_vi, explanation_en
            FROM criteria_results ORDER BY plan, criterion_id, unit_code, evaluation_year, standard
            """
        let isLangSon2024: ([SQLiteValue]) -> Bool = { $0[0] == .text("lang-son") && $0[3] == .integer(2024) }
        let original = try EndToEnd.open(copy).rows(select)
        #expect(original.contains(where: isLangSon2024))

        // Tamper with the plan-year's rows (they must be rewritten), add a stray row to it (it
        // must go), and mark rows of another year and another plan (they must stay as marked).
        do {
            let db = try SQLiteDatabase(path: copy.path)
            try db.execute(
                """
                UPDATE criteria_results SET verdict = 'not_applicable', evidence = '{"tampered":1}', explanation_en = 'tampered'
                    WHERE plan = 'lang-son' AND evaluation_year = 2024;
                INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name,
                    evaluation_year, standard, verdict, evidence, borderline)
                    VALUES ('lang-son', 'stray', 'x', 'province', '99', 'x', 2024, 'vn-2022', 'met', '{}', 0);
                UPDATE criteria_results SET explanation_en = 'kept'
                    WHERE (plan = 'lang-son' AND evaluation_year = 2023) OR (plan = 'national-666' AND evaluation_year = 2024);
                """)
        }
        let tampered = try EndToEnd.open(copy).rows(select)

        let status = await EndToEnd.povreview(
            ["evaluate", "--pipeline", SampleDataRun.pipeline.path, "--database", copy.path, "--plan", "lang-son", "--year", "2024"])
        #expect(status == 0)

        let after = try EndToEnd.open(copy).rows(select)
        #expect(after.filter(isLangSon2024) == original.filter(isLangSon2024), "the plan-year is evaluated afresh")
        #expect(after.filter { !isLangSon2024($0) } == tampered.filter { !isLangSon2024($0) }, "every other row is untouched")
        #expect(after.contains { $0[0] == .text("lang-son") && $0[3] == .integer(2023) && $0[12] == .text("kept") })
    }

    @Test("evaluate --plan refreshes what run writes for the plan: criteria, sustained escapes, sensitivity verdicts")
    func evaluateRefreshesLikeRun() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let workspace = try EndToEnd.workspace()
        let copy = workspace.appendingPathComponent("default.sqlite")
        try FileManager.default.copyItem(at: run.database, to: copy)
        let tables = ["criteria_results", "sustained_escapes", "criteria_sensitivity"]
        func rows(_ table: String, plan: String) throws -> [[SQLiteValue]] {
            try EndToEnd.open(copy).rows("SELECT * FROM \(table) WHERE plan = ? ORDER BY 1, 2, 3, 4, 5, 6, 7", [.text(plan)])
        }
        var original: [String: [[SQLiteValue]]] = [:]
        for table in tables {
            original[table] = try rows(table, plan: "national-666")
            #expect(!(original[table] ?? []).isEmpty, "run wrote \(table) rows for national-666")
        }
        let otherPlan = try rows("criteria_sensitivity", plan: "lang-son")
        do {
            let db = try SQLiteDatabase(path: copy.path)
            for table in tables { try db.run("DELETE FROM \(table) WHERE plan = 'national-666'") }
        }
        let status = await EndToEnd.povreview(
            ["evaluate", "--pipeline", SampleDataRun.pipeline.path, "--database", copy.path, "--plan", "national-666"])
        #expect(status == 0)
        for table in tables {
            #expect(try rows(table, plan: "national-666") == original[table], "\(table) of national-666 as run wrote it")
        }
        #expect(try rows("criteria_sensitivity", plan: "lang-son") == otherPlan, "another plan's rows are untouched")
    }
}
