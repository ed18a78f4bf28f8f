import Foundation
import PovReviewIO
import Testing

/// The small traps of issue 9 item 5: `explain` says what it did not find and suggests the
/// nearest ids, folds village spellings, rejects unknown languages; `run` says what it will read
/// and write, and keeps its progress live through every stage on a terminal.
@Suite("Command-line traps")
struct CommandTrapTests {
    static func explain(_ arguments: [String]) async throws -> EndToEnd.Output {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let workspace = try EndToEnd.workspace()
        return try await EndToEnd.spawn(["explain", "--database", run.database.path] + arguments, in: workspace)
    }

    struct Miss: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var message: [String]
        var testDescription: String { name }
    }

    /// The suggestions are the known ids at the smallest edit distance: "provnce" is one
    /// insertion from "province"; "national666" one from "national-666"; "9913" one insertion
    /// from the coastal commune "99013" (Xã Hải Thịnh), the first in code-point order of those
    /// one edit away.
    static let misses: [Miss] = [
        Miss(
            name: "mistyped plan", arguments: ["--plan", "national666", "--unit", "99"],
            message: ["plan \"national666\" has no results", "Did you mean \"national-666\"?"]),
        Miss(
            name: "mistyped criterion", arguments: ["--plan", "national-666", "--unit", "99", "--criterion", "provnce"],
            message: ["criterion \"provnce\" is not a criterion of plan national-666", "Did you mean \"province\""]),
        Miss(
            name: "criterion of another level", arguments: ["--plan", "national-666", "--unit", "99", "--criterion", "village"],
            message: ["criterion village of plan national-666 does not apply to unit 99", "province"]),
        Miss(
            name: "mistyped unit", arguments: ["--plan", "national-666", "--unit", "9913"],
            message: ["unit \"9913\" not found", "Did you mean \"99013\""]),
        Miss(
            name: "a ward no criterion of the plan judges", arguments: ["--plan", "national-666", "--unit", "99001"],
            message: ["unit 99001 (Phường Quang Trung) is in the database, but plan national-666 judges it on no criterion"]),
        Miss(
            name: "year not evaluated", arguments: ["--plan", "national-666", "--unit", "99", "--year", "2030"],
            message: ["in 2030", "evaluated years: 2022, 2023, 2024, 2025"]),
    ]

    @Test("explain names what it did not find and suggests the nearest ids", arguments: misses)
    func notFound(_ miss: Miss) async throws {
        let output = try await Self.explain(miss.arguments)
        #expect(output.status != 0)
        for text in miss.message { #expect(output.stderr.contains(text), "\(output.stderr)") }
    }

    @Test("explain rejects an unknown --lang")
    func unknownLanguage() async throws {
        let output = try await Self.explain(["--plan", "national-666", "--unit", "99", "--lang", "fr"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("fr") && output.stderr.contains("vi") && output.stderr.contains("en"), "\(output.stderr)")
    }

    /// SampleData's village "Thôn Hoà Bình" (99003) is spelled "Thôn Hòa Bình" in some dumps; its
    /// code uses the smaller spelling (SampleDataTests.villageSpelling). Either spelling, in any
    /// case, reaches it.
    @Test("explain folds village spellings like the pipeline", arguments: ["99003/Thôn Hòa Bình", "99003/thôn hoà bình"])
    func villageSpelling(_ typed: String) async throws {
        let output = try await Self.explain(["--plan", "national-666", "--unit", typed, "--year", "2024"])
        #expect(EndToEnd.published(output.status), "\(output.stderr)")
        #expect(output.stdout.contains("Thôn Hoà Bình (99003/Thôn Hoà Bình), năm 2024"), "\(output.stdout)")
    }

    @Test("--inputs without --admin is an error that says what to pass")
    func inputsWithoutAdmin() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let output = try await EndToEnd.spawn(["run", "--pipeline", "pipeline.yaml", "--inputs", "data", "--no-exports"], in: workspace)
        #expect(output.status != 0)
        #expect(output.stderr.contains("Pass --admin FILE"), "\(output.stderr)")
        let fixed = try await EndToEnd.spawn(
            ["run", "--pipeline", "pipeline.yaml", "--inputs", "data", "--admin", "data/admin_units.csv", "--no-exports"], in: workspace)
        #expect(EndToEnd.published(fixed.status), "\(fixed.stderr)")
    }

    @Test("run prints the resolved inputs and outputs before it starts")
    func resolvedPaths() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let base = workspace.standardizedFileURL.path
        let output = try await EndToEnd.spawn(["run", "--pipeline", "pipeline.yaml", "--no-exports"], in: workspace)
        #expect(EndToEnd.published(output.status), "\(output.stderr)")
        let lines = output.stderr.components(separatedBy: "\n")
        let admin = try #require(lines.firstIndex(of: "  admin:      \(base)/data/admin_units.csv"), "\(output.stderr)")
        #expect(lines.contains("  database:   \(base)/out/tiny.sqlite"))
        #expect(lines.contains("  exports:    not written (--no-exports)"))
        #expect(lines.contains("  dumps:      \(base)/data/households*.csv"))
        // Printed before the first stage starts.
        // A stage line: "[stage] …" on a terminal, "… info [stage] …" in plain log lines.
        let firstStage = try #require(lines.firstIndex { $0.hasPrefix("[") || $0.contains(" [") })
        #expect(admin < firstStage)
    }

    /// Through a pseudo-terminal (`script`), every stage's live line ends with its duration:
    /// the display goes on after ingest, through transitions, evaluation and exports.
    @Test(
        "On a terminal, progress continues through every stage",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func liveProgress() async throws {
        let workspace = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: workspace)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(EndToEnd.executable.path)' run --pipeline pipeline.yaml", "/dev/null"]
        process.currentDirectoryURL = workspace
        let out = workspace.appendingPathComponent("terminal.log")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in finished.resume() }
            do { try process.run() } catch {
                process.terminationHandler = nil
                finished.resume(throwing: error)
            }
        }
        #expect(EndToEnd.published(process.terminationStatus))
        let text = try String(contentsOf: out, encoding: .utf8)
        for stage in ["[aggregate] unit rates (", "[track] household transitions (", "[evaluate] ", "[publish] ", "[export] "] {
            #expect(text.contains(stage), "\(stage) missing from the terminal output:\n\(text)")
        }
        #expect(text.range(of: #"\[export\] [^\r\n]* \(\d+\.\d s\)"#, options: .regularExpression) != nil, "\(text)")
        // The index stage starts once every file's summary line is out (a live file line ran into it).
        let lastSummary = text.range(of: #"\[ingest\] [^\r\n]+ read, "#, options: [.regularExpression, .backwards])
        let indexes = text.range(of: "[ingest] indexes and constraint check")
        #expect(lastSummary != nil && indexes != nil && lastSummary!.lowerBound < indexes!.lowerBound, "\(text)")
    }
}
