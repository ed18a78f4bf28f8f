import Foundation
import PovReviewIO
import Testing

/// A `povreview` child process with its own environment, for the tests that kill it, run two at
/// once or inject faults (`POVREVIEW_FAULT`).
struct ChildRun {
    let process = Process()
    let stdout: URL
    let stderr: URL

    /// Starts the executable with `arguments` in `directory`; `fault` sets `POVREVIEW_FAULT`,
    /// `environment` adds or replaces variables.
    init(_ arguments: [String], in directory: URL, fault: String? = nil, environment extra: [String: String] = [:]) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: EndToEnd.executable.path),
            "no povreview executable at \(EndToEnd.executable.path); build it with `swift build --build-tests`")
        let id = UUID().uuidString.prefix(8)
        stdout = directory.appendingPathComponent(".child-\(id).out")
        stderr = directory.appendingPathComponent(".child-\(id).err")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.executableURL = EndToEnd.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["POVREVIEW_FAULT"] = fault
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the end (at most `timeout` s, then SIGKILL) and returns the exit status.
    @discardableResult
    func wait(timeout: TimeInterval = 120) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    var killed: Bool { process.terminationReason == .uncaughtSignal }
    var errorText: String { String(decoding: (try? Data(contentsOf: stderr)) ?? Data(), as: UTF8.self) }
    var outputText: String { String(decoding: (try? Data(contentsOf: stdout)) ?? Data(), as: UTF8.self) }

    /// Removes the captured output files.
    func discard() {
        try? FileManager.default.removeItem(at: stdout)
        try? FileManager.default.removeItem(at: stderr)
    }
}

/// Two versions of the tiny province's dumps whose outputs are told apart by hand: set `A` holds
/// the review years 2022, 2023 and 2024, set `B` only 2023 and 2024 (households_2022.csv left out).
struct TwoInputSets {
    let workspace: URL
    let database: URL
    let exports: URL

    init(_ name: String = #function) throws {
        workspace = try EndToEnd.workspace(name)
        try EndToEnd.copyTinyProvince(to: workspace)
        let manager = FileManager.default
        for (set, years) in [("A", [2022, 2023, 2024]), ("B", [2023, 2024])] {
            let folder = workspace.appendingPathComponent("inputs-\(set)")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for year in years {
                try manager.copyItem(
                    at: workspace.appendingPathComponent("data/households_\(year).csv"),
                    to: folder.appendingPathComponent("households_\(year).csv"))
            }
        }
        database = workspace.appendingPathComponent("out/tiny.sqlite")
        exports = workspace.appendingPathComponent("out/tiny/exports")
    }

    func arguments(_ set: String, extra: [String] = []) -> [String] {
        [
            "run", "--pipeline", "pipeline.yaml", "--inputs", workspace.appendingPathComponent("inputs-\(set)").path,
            "--admin", "data/admin_units.csv", "--database", database.path, "--exports", exports.path, "--quiet",
        ] + extra
    }

    /// Which set the published database and exports come from ("A", "B"; "none" when missing,
    /// "broken" when unreadable or incomplete).
    func published() -> (database: String, exports: String) {
        (databaseSet(), exportsSet())
    }

    func databaseSet() -> String {
        guard FileManager.default.fileExists(atPath: database.path) else { return "none" }
        guard let db = try? EndToEnd.open(database),
            (try? db.rows("PRAGMA integrity_check")) == [[.text("ok")]],
            let status = try? db.rows("SELECT status FROM runs ORDER BY run_id DESC LIMIT 1").first?[0].string,
            status == "succeeded",
            let years = try? db.rows("SELECT DISTINCT review_year FROM household_status ORDER BY 1").compactMap({ $0[0].int })
        else { return "broken" }
        switch years {
        case [2022, 2023, 2024]: return "A"
        case [2023, 2024]: return "B"
        default: return "broken: \(years)"
        }
    }

    /// The files every complete exports folder of the tiny province holds.
    static let exportFiles = ["01-ket-qua-ra-soat.csv", "07-tep-dau-vao.csv", "bao-cao-ra-soat.xlsx"]

    func exportsSet() -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []
        if names.isEmpty { return "none" }
        guard Self.exportFiles.allSatisfy(names.contains),
            let inputs = try? String(contentsOf: exports.appendingPathComponent("07-tep-dau-vao.csv"), encoding: .utf8)
        else { return "broken: \(names.sorted())" }
        return inputs.contains("households_2022.csv") ? "A" : "B"
    }

    /// Unfinished outputs, journals and stale quarantine files beside the outputs.
    func leftovers() -> [String] {
        [database.deletingLastPathComponent(), exports.deletingLastPathComponent()].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
                $0.contains(".building-") || $0.contains(".old-") || $0.hasSuffix(".publishing") || $0.hasSuffix(".tmp")
            }
        }
    }
}

/// A small deterministic random generator (SplitMix64), so the kill points are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension EndToEnd {
    /// Whether a `povreview run` exit status means "published": 0 (every row accepted) or 3
    /// (published with quarantined rows; README, "Nightly operation").
    static func published(_ status: Int32) -> Bool { status == 0 || status == 3 }
}
