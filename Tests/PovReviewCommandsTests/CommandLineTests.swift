import Foundation
import PovReviewIO
import Testing

/// The command-line contract: which files a run reads (input-format.md §3, "Which files a run
/// reads"), exit codes and messages, and the read-only commands.
@Suite("Command-line contract")
struct CommandLineTests {
    /// Official totals for the tiny province's communes (a variant pipeline names this file).
    static let totals = """
        review_year,commune_code,households
        2022,77001,10
        2022,77002,5
        2023,77001,18
        2023,77002,12
        2024,77001,20
        2024,77002,10

        """

    /// The tiny pipeline with `inputs.totals` set, in `workspace`.
    static func pipelineWithTotals(in workspace: URL) throws -> URL {
        try totals.write(to: workspace.appendingPathComponent("data/household_totals.csv"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: workspace.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
        let marker = "  admin: data/admin_units.csv\n"
        #expect(text.contains(marker))
        let url = workspace.appendingPathComponent("with-totals.yaml")
        try text.replacingOccurrences(of: marker, with: marker + "  totals: data/household_totals.csv\n")
            .write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("The pipeline's optional files are used from the pipeline file (totals as commune denominators)")
    func optionalFilesFromPipeline() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let pipeline = try Self.pipelineWithTotals(in: workspace)
        let status = await EndToEnd.povreview(["run", "--pipeline", pipeline.path, "--quiet", "--no-exports"])
        try #require(EndToEnd.published(status))
        let db = try EndToEnd.open(workspace.appendingPathComponent("out/tiny.sqlite"))
        // 2024: commune 77001 has 4 poor of a total of 20 households, 77002 1 of 10; the
        // district and province add their communes' totals (30, 5 poor). Villages stay on the
        // dump (village A: 6 households); the ethnic-minority rate stays on dump counts (3 of 5).
        let rows = try db.rows(
            """
            SELECT level, unit_code, households, poor, poor_rate, denominator_source, ethnic_minority_poor_rate
            FROM unit_rates WHERE review_year = 2024 AND level IN ('commune', 'district', 'village') ORDER BY level, unit_code
            """)
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0[1].string!, $0) })
        #expect(byCode["77001"]?[2...5] == [.integer(20), .integer(4), .real(percent(4, 20)), .text("totals")])
        #expect(byCode["77001"]?[6] == .real(percent(3, 5)))
        #expect(byCode["77002"]?[2...5] == [.integer(10), .integer(1), .real(percent(1, 10)), .text("totals")])
        #expect(byCode["771"]?[2...5] == [.integer(30), .integer(5), .real(percent(5, 30)), .text("totals")])
        #expect(byCode[TinyProvince.villageA]?[2...5] == [.integer(6), .integer(2), .real(percent(2, 6)), .text("dump")])
    }

    @Test("--inputs reads only matching dumps and takes no optional file from the pipeline; --admin and --database are used")
    func inputsAdminDatabaseOverrides() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let pipeline = try Self.pipelineWithTotals(in: workspace)
        // Another folder with the same dumps and files the pattern households*.csv must skip.
        let manager = FileManager.default
        let inputs = workspace.appendingPathComponent("elsewhere")
        try manager.createDirectory(at: inputs, withIntermediateDirectories: true)
        for year in 2022...2024 {
            try manager.copyItem(
                at: workspace.appendingPathComponent("data/households_\(year).csv"),
                to: inputs.appendingPathComponent("households_\(year).csv"))
        }
        try "not,a,dump\n".write(to: inputs.appendingPathComponent("households_2024.csv.bak"), atomically: true, encoding: .utf8)
        try "not,a,dump\n".write(to: inputs.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
        // An admin file elsewhere that renames commune 77002.
        let admin = workspace.appendingPathComponent("admin-renamed.csv")
        try String(contentsOf: workspace.appendingPathComponent("data/admin_units.csv"), encoding: .utf8)
            .replacingOccurrences(of: "Xã Đồng Bằng", with: "Xã Đổi Tên")
            .write(to: admin, atomically: true, encoding: .utf8)
        let database = workspace.appendingPathComponent("custom/place.sqlite")

        let status = await EndToEnd.povreview(
            [
                "run", "--pipeline", pipeline.path, "--inputs", inputs.path, "--admin", admin.path,
                "--database", database.path, "--quiet", "--no-exports",
            ])
        try #require(EndToEnd.published(status))

        #expect(
            !manager.fileExists(atPath: workspace.appendingPathComponent("out/tiny.sqlite").path),
            "--database replaces the pipeline's database")
        let db = try EndToEnd.open(database)
        let files = try db.rows("SELECT path FROM input_files ORDER BY path").map { $0[0].string! }
        #expect(files == ["households_2022.csv", "households_2023.csv", "households_2024.csv"])
        let sources = try db.rows("SELECT DISTINCT denominator_source FROM unit_rates")
        #expect(sources == [[.text("dump")]], "with --inputs, the pipeline's totals file is not used")
        let names = try db.rows("SELECT DISTINCT unit_name FROM unit_rates WHERE unit_code = '77002'")
        #expect(names == [[.text("Xã Đổi Tên")]])
        let households = try db.rows("SELECT households FROM unit_rates WHERE review_year = 2024 AND unit_code = '77001'")
        #expect(households == [[.integer(9)]])
    }

    @Test("dump-config shows the pipeline file's values, then the command-line overrides")
    func dumpConfig() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let pipeline = try Self.pipelineWithTotals(in: workspace)
        let base = workspace.standardizedFileURL.path

        let plain = try await EndToEnd.spawn(["dump-config", "--pipeline", pipeline.path], in: workspace)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("name: tiny\n"))
        #expect(plain.stdout.contains("  folder: \(base)/data\n"))
        #expect(plain.stdout.contains("  admin: \(base)/data/admin_units.csv\n"))
        #expect(plain.stdout.contains("  totals: \(base)/data/household_totals.csv\n"))
        #expect(plain.stdout.contains("  database: \(base)/out/tiny.sqlite\n"))
        #expect(plain.stdout.contains("  quarantine_limit_percent: 40"))

        let overridden = try await EndToEnd.spawn(
            [
                "dump-config", "--pipeline", pipeline.path, "--inputs", "/srv/dumps", "--admin", "/srv/admin.csv",
                "--database", "/srv/out/x.sqlite", "--exports", "/srv/exports", "--targets", "/srv/targets.csv",
            ], in: workspace)
        #expect(overridden.status == 0)
        #expect(overridden.stdout.contains("  folder: /srv/dumps\n"))
        #expect(overridden.stdout.contains("  admin: /srv/admin.csv\n"))
        #expect(overridden.stdout.contains("  totals: null\n"), "--inputs drops the pipeline's optional files")
        #expect(overridden.stdout.contains("  crosswalk: null\n"))
        #expect(overridden.stdout.contains("  targets: /srv/targets.csv\n"))
        #expect(overridden.stdout.contains("  database: /srv/out/x.sqlite\n"))
        #expect(overridden.stdout.contains("  exports: /srv/exports\n"))
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var name: String
        /// Arguments after `run`, in the tiny province's workspace.
        var arguments: [String]
        /// Texts the error message must contain.
        var message: [String]
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(
            name: "missing pipeline file", arguments: ["--pipeline", "nowhere/missing.yaml"],
            message: ["nowhere/missing.yaml", "not found"]),
        Failure(
            name: "missing dump folder",
            arguments: ["--pipeline", "pipeline.yaml", "--inputs", "no-such-folder", "--admin", "data/admin_units.csv"],
            message: ["no-such-folder"]),
        Failure(
            name: "no matching dumps",
            arguments: ["--pipeline", "pipeline.yaml", "--inputs", "empty", "--admin", "data/admin_units.csv"],
            message: ["households*.csv", "/empty"]),
        Failure(
            name: "--inputs without --admin", arguments: ["--pipeline", "pipeline.yaml", "--inputs", "data"],
            message: ["--inputs data", "Pass --admin FILE", "admin_units.csv"]),
        Failure(
            name: "bad admin file", arguments: ["--pipeline", "pipeline.yaml", "--admin", "bad-admin.csv"],
            message: ["bad-admin.csv:4", "level"]),
    ]

    @Test("Exit codes and messages of runs that cannot start", arguments: failures)
    func failure(_ failure: Failure) async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        // A folder with no dump (a file the pattern skips), and an admin file whose line 4
        // has a level that does not exist.
        let empty = workspace.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "x\n".write(to: empty.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
        try String(contentsOf: workspace.appendingPathComponent("data/admin_units.csv"), encoding: .utf8)
            .replacingOccurrences(of: "77001,Xã Núi Cao,commune,", with: "77001,Xã Núi Cao,hamlet,")
            .write(to: workspace.appendingPathComponent("bad-admin.csv"), atomically: true, encoding: .utf8)

        let output = try await EndToEnd.spawn(["run"] + failure.arguments + ["--no-exports"], in: workspace)
        #expect(output.status != 0)
        for text in failure.message { #expect(output.stderr.contains(text), "\(output.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("out/tiny.sqlite").path))
    }

    @Test("validate reports the files and their quarantined rows and creates no file, not even a temporary one")
    func validateWritesNothing() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let manager = FileManager.default
        func files() -> Set<String> {
            Set((manager.subpaths(atPath: workspace.path) ?? []).filter { !$0.hasPrefix(".child-") })
        }
        let before = files()
        // A temporary folder that does not exist: any scratch file would have to create it.
        let temporary = workspace.appendingPathComponent("no-such-tmp")
        let child = try ChildRun(
            ["validate", "--pipeline", "pipeline.yaml"], in: workspace,
            environment: ["TMPDIR": temporary.path])
        let status = try await child.wait()
        #expect(status == 0, "\(child.errorText)")
        let output = child.outputText
        #expect(output.contains("households_2023.csv: 16 rows read, 15 accepted, 1 quarantined"), "\(output)")
        #expect(output.contains("households_2024.csv: 20 rows read, 15 accepted, 5 quarantined"))
        #expect(output.contains("households_2024.csv:17 [housing_type]: invalid_enum"))
        #expect(!manager.fileExists(atPath: temporary.path), "validate used a temporary folder")
        #expect(files() == before, "validate wrote \(files().subtracting(before).sorted())")
    }

    @Test("validate exits non-zero when a file is over the quarantine limit")
    func validateOverLimit() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let strict = try AtomicityTests.strictPipeline(in: workspace)
        let output = try await EndToEnd.spawn(["validate", "--pipeline", strict.path], in: workspace)
        #expect(output.status != 0)
        #expect(output.stderr.contains("households_2023.csv"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("out/tiny.sqlite").path))
    }

    @Test("describe lists every table and view with a description of it and of each column")
    func describe() async throws {
        let database = try await TinyProvince.shared.value
        let workspace = try EndToEnd.workspace()
        let db = try EndToEnd.open(database)
        let objects = try db.rows("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
        #expect(objects.count >= 17)
        for (language, table, view, undocumented) in [("en", "table", "view", "(undocumented)"), ("vi", "bảng", "khung nhìn", "(chưa có mô tả)")] {
            let output = try await EndToEnd.spawn(["describe", "--database", database.path, "--lang", language], in: workspace)
            #expect(output.status == 0)
            let lines = output.stdout.components(separatedBy: "\n")
            for object in objects {
                let name = object[0].string!
                let heading = "\(name) (\(object[1].string == "view" ? view : table))"
                guard let index = lines.firstIndex(of: heading) else {
                    Issue.record("describe --lang \(language) does not list \(heading)")
                    continue
                }
                // The next line describes the table (indented prose, not a column line).
                let description = lines[index + 1].trimmingCharacters(in: .whitespaces)
                #expect(lines[index + 1].hasPrefix("  ") && description.count > 10, "\(name): \(lines[index + 1])")
            }
            #expect(!output.stdout.contains(undocumented))
        }
        // The `columns` table documents every column of the public contract tables (outputs.md).
        for name in [
            "household_status", "unit_rates", "household_transitions", "unit_dynamics", "criteria_results",
            "quarantine", "runs", "input_files", "warnings",
        ] {
            let missing = try db.rows(
                """
                SELECT p.name FROM pragma_table_info(?) p
                WHERE NOT EXISTS (SELECT 1 FROM columns c WHERE c.table_name = ? AND c.column_name = p.name
                                  AND c.description_en <> '' AND c.description_vi <> '')
                """, [.text(name), .text(name)])
            #expect(missing.isEmpty, "\(name): undocumented columns \(missing)")
        }
    }
}
