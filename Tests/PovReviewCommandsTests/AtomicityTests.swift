import Foundation
import PovReviewIO
import Testing

/// A failed or killed run leaves the previous database as it was (outputs.md, "Atomicity";
/// input-format.md §4 rule 12).
@Suite("Atomicity of a run")
struct AtomicityTests {
    /// The tiny province's pipeline with the default 5% quarantine limit instead of its 40%.
    static func strictPipeline(in workspace: URL) throws -> URL {
        let original = workspace.appendingPathComponent("pipeline.yaml")
        let text = try String(contentsOf: original, encoding: .utf8)
        #expect(text.contains("quarantine_limit_percent: 40"))
        let strict = workspace.appendingPathComponent("strict.yaml")
        try text.replacingOccurrences(of: "quarantine_limit_percent: 40", with: "quarantine_limit_percent: 5")
            .write(to: strict, atomically: true, encoding: .utf8)
        return strict
    }

    @Test("A dump over the quarantine limit fails the run, names the file, keeps the old database and writes quarantine.csv")
    func quarantineLimit() async throws {
        let (workspace, database) = try await TinyProvince.run()
        let before = try Data(contentsOf: database)
        let strict = try Self.strictPipeline(in: workspace)

        let output = try await EndToEnd.spawn(["run", "--pipeline", strict.path, "--no-exports"], in: workspace)

        // households_2023.csv has 1 quarantined line of 16 (6.25% > 5%); it is the first file
        // read (name order), so it is the one the message names.
        #expect(output.status != 0)
        #expect(output.stderr.contains("households_2023.csv"), "\(output.stderr)")
        #expect(output.stderr.contains("1 of 16 lines"), "\(output.stderr)")
        #expect(try Data(contentsOf: database) == before, "the previous database is byte-identical")
        let out = database.deletingLastPathComponent()
        #expect(EndToEnd.leftovers(in: out).isEmpty)
        let quarantine = try String(contentsOf: out.appendingPathComponent("quarantine.csv"), encoding: .utf8)
        #expect(quarantine.contains("households_2023.csv,8,,malformed_row,"), "\(quarantine)")
    }

    @Test("A header without a required column fails the run with file and column; the old database stays")
    func missingColumn() async throws {
        let (workspace, database) = try await TinyProvince.run()
        let before = try Data(contentsOf: database)
        // households_2024.csv without its `members` column (8th field of every line).
        let folder = workspace.appendingPathComponent("no-members")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try String(contentsOf: workspace.appendingPathComponent("data/households_2024.csv"), encoding: .utf8)
        let cut =
            original.split(separator: "\n").map { line in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false)
                fields.remove(at: 7)
                return fields.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        #expect(!cut.contains("members,ethnic_minority") && cut.contains("area,ethnic_minority"))
        try cut.write(to: folder.appendingPathComponent("households_2024.csv"), atomically: true, encoding: .utf8)

        let output = try await EndToEnd.spawn(
            [
                "run", "--pipeline", "pipeline.yaml", "--inputs", folder.path, "--admin", "data/admin_units.csv",
                "--database", database.path, "--no-exports",
            ], in: workspace)

        #expect(output.status != 0)
        #expect(output.stderr.contains("households_2024.csv"), "\(output.stderr)")
        #expect(output.stderr.contains("members"), "\(output.stderr)")
        #expect(try Data(contentsOf: database) == before)
        #expect(EndToEnd.leftovers(in: database.deletingLastPathComponent()).isEmpty)
    }

    @Test(
        "A run killed while ingesting leaves the previous database intact; the next run cleans up after it",
        .timeLimit(.minutes(5)))  // a hang guard: the suite runs 2 cores busy
    func killedRun() async throws {
        let (workspace, database) = try await TinyProvince.run()
        let before = try Data(contentsOf: database)
        let big = workspace.appendingPathComponent("big")
        defer { try? FileManager.default.removeItem(at: big) }
        let generated = await EndToEnd.povreview(
            ["sample", "--households", "200000", "--years", "2024-2024", "--no-messy", "--out", big.path])
        try #require(generated == 0)

        let process = Process()
        process.executableURL = EndToEnd.executable
        process.arguments = [
            "run", "--pipeline", "pipeline.yaml", "--inputs", big.path,
            "--admin", big.appendingPathComponent("admin_units.csv").path,
            "--database", database.path, "--no-exports",
        ]
        process.currentDirectoryURL = workspace
        // The run kills itself (SIGKILL) where ingest starts, its new database already begun
        // beside the old one (FaultInjection `kill:ingest-started`). Polling for a moment to kill
        // it from here raced the full suite on 2 cores, where the polling task could wait longer
        // than the whole run; random-moment kills are `PublicationTests`' job.
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["POVREVIEW_FAULT": "kill:ingest-started"]) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let out = database.deletingLastPathComponent()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        #expect(try Data(contentsOf: database) == before, "the previous database is byte-identical")
        let db = try EndToEnd.open(database)
        #expect(try db.rows("PRAGMA integrity_check") == [[.text("ok")]])
        #expect(try db.rows("SELECT count(*) FROM household_status")[0][0].int == 34)

        // The killed run's half-built file is still there; the next run removes it, also when it
        // finds nothing changed since the published run (exit 4, nothing written).
        #expect(!EndToEnd.leftovers(in: out).isEmpty)
        let rerun = await EndToEnd.povreview(
            ["run", "--pipeline", workspace.appendingPathComponent("pipeline.yaml").path, "--quiet", "--no-exports"])
        #expect(rerun == 4)
        #expect(EndToEnd.leftovers(in: out).isEmpty, "\(EndToEnd.leftovers(in: out))")
        #expect(try Data(contentsOf: database) == before, "nothing changed: the database is not rewritten")
        #expect(try EndToEnd.open(database).rows("SELECT count(*) FROM runs WHERE status = 'succeeded'")[0][0].int == 1)
    }
}
