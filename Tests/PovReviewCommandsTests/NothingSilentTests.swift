import Foundation
import PovReviewIO
import Testing

/// Nothing silent (issue 10, item 4): empty dumps, collapsed review years and plans without
/// data fail or warn with a reason, instead of publishing empty or zero results.
@Suite("Nothing silent")
struct NothingSilentTests {
    /// The tiny province's dumps in `inputs-X`, with `households_2024.csv` cut to its header
    /// and its first `rows2024` rows.
    static func inputs(in sets: TwoInputSets, rows2024: Int) throws -> URL {
        let folder = sets.workspace.appendingPathComponent("inputs-cut-\(rows2024)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for year in [2022, 2023] {
            try FileManager.default.copyItem(
                at: sets.workspace.appendingPathComponent("data/households_\(year).csv"),
                to: folder.appendingPathComponent("households_\(year).csv"))
        }
        let lines = try String(contentsOf: sets.workspace.appendingPathComponent("data/households_2024.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        try (lines.prefix(1 + rows2024).joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("households_2024.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The pipeline file with `key: true` added under `validation:`.
    static func allowing(_ key: String, in sets: TwoInputSets) throws -> String {
        let text = try String(contentsOf: sets.workspace.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
        let allowed = text.replacingOccurrences(of: "validation:\n", with: "validation:\n  \(key): true\n")
        #expect(allowed != text)
        let url = sets.workspace.appendingPathComponent("allow-\(key).yaml")
        try allowed.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func arguments(_ sets: TwoInputSets, inputs: URL, pipeline: String = "pipeline.yaml") -> [String] {
        var arguments = sets.arguments("A")
        arguments[2] = pipeline
        arguments[arguments.firstIndex(of: sets.workspace.appendingPathComponent("inputs-A").path)!] = inputs.path
        return arguments
    }

    @Test("A dump with a header and no rows fails the run unless validation.allow_empty_dump is set")
    func headerOnlyDump() async throws {
        let sets = try TwoInputSets()
        let good = try ChildRun(sets.arguments("A"), in: sets.workspace)
        #expect(EndToEnd.published(try await good.wait()))
        let before = try Data(contentsOf: sets.database)
        let cut = try Self.inputs(in: sets, rows2024: 0)

        let failing = try ChildRun(Self.arguments(sets, inputs: cut), in: sets.workspace)
        #expect(try await failing.wait() == 1)
        #expect(failing.errorText.contains("households_2024.csv: the dump has a header but no rows"), "\(failing.errorText)")
        #expect(failing.errorText.contains("validation.allow_empty_dump: true"))
        #expect(try Data(contentsOf: sets.database) == before)

        let allowed = try ChildRun(
            Self.arguments(sets, inputs: cut, pipeline: try Self.allowing("allow_empty_dump", in: sets)),
            in: sets.workspace)
        #expect(EndToEnd.published(try await allowed.wait()), "\(allowed.errorText)")
        #expect(
            try EndToEnd.open(sets.database).rows("SELECT DISTINCT review_year FROM household_status ORDER BY 1")
                == [[.integer(2022)], [.integer(2023)]])
    }

    @Test("A review year with fewer than half the rows of the previous one fails the run unless allowed")
    func collapsedYear() async throws {
        let sets = try TwoInputSets()
        // 2023 has 16 rows (15 with a readable year at least); 2024 cut to 7: 2 × 7 = 14 < 15.
        let cut = try Self.inputs(in: sets, rows2024: 7)
        let failing = try ChildRun(Self.arguments(sets, inputs: cut), in: sets.workspace)
        #expect(try await failing.wait() == 1)
        #expect(failing.errorText.contains("households_2024.csv: review year 2024 has 7 rows, fewer than half of the 1"), "\(failing.errorText)")
        #expect(failing.errorText.contains("rows of review year 2023"))
        #expect(failing.errorText.contains("validation.allow_year_drop: true"))
        #expect(!FileManager.default.fileExists(atPath: sets.database.path), "nothing published")

        // 8 rows: 2 × 8 = 16, not fewer than half of 16 (or 15): accepted without the key.
        let eight = try ChildRun(Self.arguments(sets, inputs: try Self.inputs(in: sets, rows2024: 8)), in: sets.workspace)
        #expect(EndToEnd.published(try await eight.wait()), "\(eight.errorText)")

        let allowed = try ChildRun(
            Self.arguments(sets, inputs: cut, pipeline: try Self.allowing("allow_year_drop", in: sets)),
            in: sets.workspace)
        #expect(EndToEnd.published(try await allowed.wait()), "\(allowed.errorText)")
    }

    @Test("evaluate on a plan whose territory has no data fails, naming the provinces present and --territory")
    func evaluateWithoutData() async throws {
        let (workspace, database) = try await TinyProvince.run()
        let output = try await EndToEnd.spawn(
            ["evaluate", "--pipeline", "pipeline.yaml", "--database", database.path, "--plan", "lang-son"], in: workspace)
        #expect(output.status == 1)
        #expect(output.stderr.contains("its territory, province 20, has no data in the database (provinces present: 77)"), "\(output.stderr)")
        #expect(output.stderr.contains("pass --territory 77"))
        #expect(!output.stdout.contains("0 results written"))
    }

    @Test("run warns in its summary and in the warnings table when a plan's territory has no data")
    func runWarnsAboutPlanWithoutData() async throws {
        let sets = try TwoInputSets()
        let text = try String(contentsOf: sets.workspace.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
        let pipeline = sets.workspace.appendingPathComponent("with-lang-son.yaml")
        try text.replacingOccurrences(of: "  - { id: national-666 }", with: "  - { id: national-666 }\n  - { id: lang-son }")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        var arguments = sets.arguments("A")
        arguments[2] = pipeline.path
        arguments.removeAll { $0 == "--quiet" }
        let run = try ChildRun(arguments, in: sets.workspace)
        #expect(EndToEnd.published(try await run.wait()), "\(run.errorText)")
        #expect(run.outputText.contains("warning: plan lang-son gave no result: its territory, province 20, has no data"), "\(run.outputText)")
        let rows = try EndToEnd.open(sets.database).rows("SELECT code FROM warnings WHERE code = 'plan_without_data'")
        #expect(rows.count == 1)
    }

    @Test("Exit codes: 0 with every row accepted, 3 with quarantined rows; the one-line summary says so")
    func exitCodes() async throws {
        let sets = try TwoInputSets()
        // households_2022.csv of the tiny province has no bad row (4 read, 4 accepted).
        let clean = sets.workspace.appendingPathComponent("inputs-clean")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: sets.workspace.appendingPathComponent("data/households_2022.csv"),
            to: clean.appendingPathComponent("households_2022.csv"))
        let first = try ChildRun(Self.arguments(sets, inputs: clean) + ["--one-line"], in: sets.workspace)
        #expect(try await first.wait() == 0, "\(first.errorText)")
        let line = first.outputText.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("povreview run 1 ok: 1 files, 4 rows read, 4 accepted, 0 quarantined"), "\(line)")

        let second = try ChildRun(sets.arguments("A") + ["--one-line", "--log-format", "json"], in: sets.workspace)
        #expect(try await second.wait() == 3)
        #expect(
            second.outputText.contains("povreview run 2 ok with quarantined rows: 3 files, 40 rows read, 34 accepted, 6 quarantined"), "\(second.outputText)")
    }

    @Test("Log lines when standard error is not a terminal: plain, or JSON with --log-format json")
    func logLines() async throws {
        let sets = try TwoInputSets()
        var arguments = sets.arguments("A")
        arguments.removeAll { $0 == "--quiet" }
        let plain = try ChildRun(arguments, in: sets.workspace)
        #expect(EndToEnd.published(try await plain.wait()))
        let plainLines = plain.errorText.split(separator: "\n")
        #expect(plainLines.contains { $0.contains(" info [publish] ") && $0.contains("stage=publish") }, "\(plain.errorText)")

        let json = try ChildRun(arguments + ["--log-format", "json", "--full"], in: sets.workspace)
        #expect(EndToEnd.published(try await json.wait()))
        let objects = try json.errorText.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        #expect(!objects.isEmpty)
        #expect(objects.allSatisfy { $0?["level"] == "info" && $0?["label"] == "povreview" && $0?["time"] != nil })
        #expect(objects.contains { $0?["stage"] == "ingest" && $0?["message"]?.contains("households_2024.csv") == true })
    }
}
