import Foundation
import PovReviewIO
import Testing

// `povreview rollup` on the three tiny provinces of `RollupProvinces` (20 Lạng Sơn, 22 Quảng Ninh,
// 01 Hà Nội; figures by hand in that file's comment). Expected values, by hand:
//   2023: Trung du (20): 4 households, 2 poor, 1 near-poor, 0 average; ethnic 2, ethnic poor 1.
//         Đồng bằng sông Hồng (22 only; 01 missing): 5, 1 poor, 2 near-poor, 2 average.
//         Country: 9, 3 poor, 3 near-poor, 2 average; ethnic 2 / 1 poor.
//   2024: Trung du (20): 4, 1 poor, 1 near-poor; ethnic 2, ethnic poor 1.
//         Đồng bằng sông Hồng (22 + 01): 5 + 2 = 7, 1 + 1 = 2 poor, 1 near-poor.
//         Country: 11, 3 poor, 2 near-poor; ethnic 2 / 1 poor.
// Every poor household has 4 members and is deprived on health insurance.
@Suite struct NationalRollupTests {
    struct Expected {
        var year: Int
        var level: String
        var code: String
        var households: Int
        var poor: Int
        var nearPoor: Int
        var average: Int
        var ethnicHouseholds: Int
        var ethnicPoor: Int
        var summed: Int
        var missing: Int
    }

    static let expected: [Expected] = [
        Expected(
            year: 2023, level: "region", code: "trung-du-mien-nui-phia-bac", households: 4, poor: 2, nearPoor: 1,
            average: 0, ethnicHouseholds: 2, ethnicPoor: 1, summed: 1, missing: 0),
        Expected(
            year: 2023, level: "region", code: "dong-bang-song-hong", households: 5, poor: 1, nearPoor: 2,
            average: 2, ethnicHouseholds: 0, ethnicPoor: 0, summed: 1, missing: 1),
        Expected(
            year: 2023, level: "country", code: "VN", households: 9, poor: 3, nearPoor: 3, average: 2,
            ethnicHouseholds: 2, ethnicPoor: 1, summed: 2, missing: 1),
        Expected(
            year: 2024, level: "region", code: "trung-du-mien-nui-phia-bac", households: 4, poor: 1, nearPoor: 1,
            average: 0, ethnicHouseholds: 2, ethnicPoor: 1, summed: 1, missing: 0),
        Expected(
            year: 2024, level: "region", code: "dong-bang-song-hong", households: 7, poor: 2, nearPoor: 1,
            average: 0, ethnicHouseholds: 0, ethnicPoor: 0, summed: 2, missing: 0),
        Expected(
            year: 2024, level: "country", code: "VN", households: 11, poor: 3, nearPoor: 2, average: 0,
            ethnicHouseholds: 2, ethnicPoor: 1, summed: 3, missing: 0),
    ]

    @Test func regionAndCountryRowsAreSummedFromCountsAndRatesRecomputed() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let national = workspace.appendingPathComponent("national.sqlite")
        let status = await EndToEnd.povreview(
            ["rollup", "--databases"] + databases.map(\.path) + ["--database", national.path, "--regions", RollupProvinces.regionsFile])
        #expect(status == 0)
        let db = try EndToEnd.open(national)
        let rows = try db.rows(
            """
            SELECT review_year, level, unit_code, households, poor, near_poor, average, poor_near_poor, poor_rate,
                   near_poor_rate, poor_near_poor_rate, ethnic_minority_households, ethnic_minority_poor,
                   ethnic_minority_poor_rate, poor_members, near_poor_members, poor_deprived_health_insurance,
                   provinces_summed, provinces_missing, parent_code, standard, unit_name
            FROM unit_rates WHERE level IN ('region', 'country') ORDER BY review_year, level DESC, unit_code DESC
            """)
        #expect(rows.count == Self.expected.count)
        for (row, e) in zip(rows, Self.expected) {
            let label = "\(e.year) \(e.code)"
            #expect(row[0].int == e.year && row[1].string == e.level && row[2].string == e.code, "\(label)")
            #expect(row[3].int == e.households, "\(label) households")
            #expect(row[4].int == e.poor, "\(label) poor")
            #expect(row[5].int == e.nearPoor, "\(label) near_poor")
            #expect(row[6].int == e.average, "\(label) average")
            #expect(row[7].int == e.poor + e.nearPoor, "\(label) poor_near_poor")
            #expect(row[8].double == percent(e.poor, e.households), "\(label) poor_rate")
            #expect(row[9].double == percent(e.nearPoor, e.households), "\(label) near_poor_rate")
            #expect(row[10].double == percent(e.poor + e.nearPoor, e.households), "\(label) poor_near_poor_rate")
            #expect(row[11].int == e.ethnicHouseholds && row[12].int == e.ethnicPoor, "\(label) ethnic")
            #expect(row[13].double == (e.ethnicHouseholds == 0 ? nil : percent(e.ethnicPoor, e.ethnicHouseholds)), "\(label)")
            #expect(row[14].int == 4 * e.poor && row[15].int == 4 * e.nearPoor, "\(label) members")
            #expect(row[16].int == e.poor, "\(label) poor deprived on health insurance")
            #expect(row[17].int == e.summed && row[18].int == e.missing, "\(label) provinces summed/missing")
            #expect(row[19].string == (e.level == "country" ? nil : "VN"), "\(label) parent")
            #expect(row[20].string == "vn-2022")
        }
        // 2024 country poor rate: 3 of 11 households (never the mean of the province rates 25%, 20%, 50%).
        #expect(rows[5][8].double == 300.0 / 11.0)
        #expect(
            try db.rows("SELECT unit_name FROM unit_rates WHERE unit_code = 'dong-bang-song-hong' LIMIT 1")[0][0]
                .string == "Đồng bằng sông Hồng")

        // Every province's rows are copied: province, district, commune and village of each year.
        let copied = try db.rows("SELECT level, count(*) FROM unit_rates WHERE provinces_summed IS NULL GROUP BY level ORDER BY level")
        #expect(copied.map { "\($0[0].string!)=\($0[1].int!)" } == ["commune=5", "district=5", "province=5", "village=5"])
        #expect(try db.rows("SELECT poor FROM unit_rates WHERE level = 'village' AND unit_code = '22001/Thôn Một' AND review_year = 2023")[0][0].int == 1)

        // The missing province is marked.
        let gaps = try db.rows("SELECT review_year, province_code, province_name, region_code, present_in FROM rollup_gaps")
        #expect(gaps == [[.integer(2023), .text("01"), .text("Thành phố Hà Nội"), .text("dong-bang-song-hong"), .text("2024")]])

        // rollup_sources: one row per database, with its hash, province, last run and schema version.
        let sources = try db.rows("SELECT path, sha256, province, review_years, run_id, schema_version FROM rollup_sources ORDER BY province")
        #expect(sources.map { $0[2].string } == ["01", "20", "22"])
        #expect(sources.map { $0[3].string } == ["2024", "2023,2024", "2023,2024"])
        #expect(sources.allSatisfy { $0[4].int == 1 && $0[1].string?.count == 64 })
        let lastMigration = try EndToEnd.open(databases[0]).rows("SELECT name FROM schema_migrations ORDER BY position DESC LIMIT 1")[0][0]
        #expect(sources.allSatisfy { $0[5] == lastMigration })
        let haNoi = try #require(sources.first { $0[2].string == "01" })
        #expect(haNoi[0].string == databases[2].path)
        #expect(haNoi[1].string == FileDigest.sha256(of: try Data(contentsOf: databases[2])))
        #expect(EndToEnd.leftovers(in: workspace) == [])
    }

    @Test func theOrderOfTheDatabasesDoesNotChangeTheResult() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let a = workspace.appendingPathComponent("a.sqlite"), b = workspace.appendingPathComponent("b.sqlite")
        _ = try NationalRollup.build(databases: databases.map(\.path), output: a.path, regionsFile: RollupProvinces.regionsFile)
        _ = try NationalRollup.build(databases: databases.reversed().map(\.path), output: b.path, regionsFile: RollupProvinces.regionsFile)
        #expect(try EndToEnd.contentDifferences(a, b) == [])
    }

    @Test func everyColumnOfTheNationalDatabaseIsDocumented() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let national = workspace.appendingPathComponent("national.sqlite")
        _ = try NationalRollup.build(databases: databases.map(\.path), output: national.path, regionsFile: RollupProvinces.regionsFile)
        let db = try EndToEnd.open(national)
        var schema: Set<String> = []
        for object in try db.rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'") {
            for column in try db.rows("SELECT name FROM pragma_table_info(?)", [object[0]]) {
                schema.insert("\(object[0].string!).\(column[0].string!)")
            }
        }
        let documented = Set(try db.rows("SELECT table_name || '.' || column_name FROM columns").map { $0[0].string! })
        #expect(schema.subtracting(documented).sorted() == [])
        #expect(documented.subtracting(schema).sorted() == [])
        let vietnamese = try db.rows("SELECT description_vi FROM columns").compactMap { $0[0].string }
        #expect(vietnamese.allSatisfy { !$0.isEmpty && $0 == $0.precomposedStringWithCanonicalMapping })
        #expect(try db.rows("SELECT name FROM schema_migrations ORDER BY position").compactMap { $0[0].string }.allSatisfy { $0.hasPrefix("014-") })
    }

    @Test func databasesOfOneNewerSchemaCombineOnTheSharedColumns() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        for database in databases {
            let db = try SQLiteDatabase(path: database.path)
            try db.execute(
                """
                ALTER TABLE unit_rates ADD COLUMN future_count INTEGER;
                UPDATE unit_rates SET future_count = 7;
                INSERT INTO schema_migrations (position, name) VALUES (999, '999-from-a-newer-version');
                """)
        }
        let national = workspace.appendingPathComponent("national.sqlite")
        _ = try NationalRollup.build(databases: databases.map(\.path), output: national.path, regionsFile: RollupProvinces.regionsFile)
        let db = try EndToEnd.open(national)
        #expect(try db.rows("SELECT count(*) FROM pragma_table_info('unit_rates') WHERE name = 'future_count'")[0][0].int == 0)
        #expect(
            try db.rows("SELECT households, poor FROM unit_rates WHERE level = 'country' AND review_year = 2024")
                == [[.integer(11), .integer(3)]])
        #expect(try db.rows("SELECT DISTINCT schema_version FROM rollup_sources") == [[.text("999-from-a-newer-version")]])
    }

    // MARK: Refusals

    /// Rolls up `databases` into `workspace/national.sqlite` over a previous national database and
    /// checks that the refusal left that database untouched; returns the error.
    func refusal(_ workspace: URL, _ databases: [URL]) throws -> RollupError? {
        let national = workspace.appendingPathComponent("national.sqlite")
        try Data("previous".utf8).write(to: national)
        defer {
            #expect((try? Data(contentsOf: national)) == Data("previous".utf8), "the previous national database is kept")
            #expect(EndToEnd.leftovers(in: workspace) == [])
        }
        do {
            _ = try NationalRollup.build(databases: databases.map(\.path), output: national.path, regionsFile: RollupProvinces.regionsFile)
            return nil
        } catch {
            return error
        }
    }

    @Test func twoDatabasesForOneProvinceAreRefused() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let copy = workspace.appendingPathComponent("copy-of-20.sqlite")
        try FileManager.default.copyItem(at: databases[0], to: copy)
        let error = try refusal(workspace, databases + [copy])
        guard case .duplicateProvince(let province, let year, let first, let second) = error else {
            Issue.record("expected duplicateProvince, got \(String(describing: error))"); return
        }
        #expect(province == "20" && year == 2023 && first == databases[0].path && second == copy.path)
        #expect(error!.description.contains("give each province's database once"))
        // The same file twice is refused too.
        guard case .sameFile = try refusal(workspace, [databases[1], databases[1]]) else {
            Issue.record("expected sameFile"); return
        }
    }

    @Test func mismatchedSchemaVersionsAreRefused() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let newer = try SQLiteDatabase(path: databases[1].path)
        try newer.execute("INSERT INTO schema_migrations (position, name) VALUES (999, '999-from-a-newer-version')")
        let error = try refusal(workspace, databases)
        guard case .schemaMismatch(let path, _, let expectedFrom, let found) = error else {
            Issue.record("expected schemaMismatch, got \(String(describing: error))"); return
        }
        #expect(path == databases[1].path && expectedFrom == databases[0].path)
        #expect(found.contains("999-from-a-newer-version"))
        #expect(error!.description.contains("rerun `povreview run` for every province with one povreview version"))
    }

    @Test func aDatabaseWhoseLastRunFailedIsRefused() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let failed = try SQLiteDatabase(path: databases[2].path)
        try failed.execute("UPDATE runs SET status = 'failed' WHERE run_id = (SELECT max(run_id) FROM runs)")
        let error = try refusal(workspace, databases)
        guard case .lastRunNotSucceeded(let path, let runID, let status) = error else {
            Issue.record("expected lastRunNotSucceeded, got \(String(describing: error))"); return
        }
        #expect(path == databases[2].path && runID == 1 && status == "failed")
    }

    @Test func theCommandPrintsTheMissingProvinceAndFailsWithALocatedError() async throws {
        let (workspace, databases) = try await RollupProvinces.buildAll()
        let national = workspace.appendingPathComponent("national.sqlite")
        let ok = try await EndToEnd.spawn(
            ["rollup", "--databases"] + databases.map(\.path) + ["--database", national.path, "--regions", RollupProvinces.regionsFile],
            in: workspace)
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("warning: province 01 is missing from review year 2023 (present in 2024)"))
        let failed = try await EndToEnd.spawn(
            [
                "rollup", "--databases", databases[0].path, databases[0].path, "--database", national.path,
                "--regions", RollupProvinces.regionsFile,
            ], in: workspace)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("are the same file"))
        let noRegions = try await EndToEnd.spawn(
            ["rollup", "--databases", databases[0].path, "--database", national.path, "--regions", "nowhere.csv"], in: workspace)
        #expect(noRegions.status == 1 && noRegions.stderr.contains("nowhere.csv") && noRegions.stderr.contains("--regions FILE"))
    }
}
