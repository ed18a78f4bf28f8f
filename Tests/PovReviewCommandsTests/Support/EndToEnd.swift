import Foundation
import PovReviewCommands
import PovReviewIO
import Testing

/// Helpers for the end-to-end tests: temporary workspaces, the tiny hand-computed province,
/// running `povreview` in-process or as a child process, and reading the database.
enum EndToEnd {
    /// The repository root (for `Pipelines/` and `SampleData/`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// A fresh temporary directory for one test. Workspaces are kept after the run (to look at a
    /// failure) and removed by a later run once they are an hour old.
    static func workspace(_ name: String = #function) throws -> URL {
        _ = staleWorkspacesRemoved
        let safe = name.filter { $0.isLetter || $0.isNumber }.prefix(40)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("povreview-e2e-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let staleWorkspacesRemoved: Void = {
        let manager = FileManager.default
        let temporary = manager.temporaryDirectory
        let names = (try? manager.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix("povreview-e2e-") {
            let url = temporary.appendingPathComponent(name)
            let modified = (try? manager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            if let modified, Date().timeIntervalSince(modified) > 3600 { try? manager.removeItem(at: url) }
        }
    }()

    /// Copies the tiny province (`Fixtures/tiny`: pipeline.yaml and data/) into `directory`,
    /// with the repository's standards and plans beside the pipeline file. Returns the pipeline file.
    @discardableResult
    static func copyTinyProvince(to directory: URL) throws -> URL {
        let manager = FileManager.default
        let source = fixtures.appendingPathComponent("tiny")
        for item in try manager.contentsOfDirectory(atPath: source.path) {
            try manager.copyItem(at: source.appendingPathComponent(item), to: directory.appendingPathComponent(item))
        }
        for folder in ["standards", "plans"] {
            try manager.copyItem(
                at: repositoryRoot.appendingPathComponent("Pipelines/\(folder)"),
                to: directory.appendingPathComponent(folder))
        }
        return directory.appendingPathComponent("pipeline.yaml")
    }

    /// Runs a `povreview` command line in this process and returns its exit code.
    static func povreview(_ arguments: [String]) async -> Int32 {
        await PovReviewCommand.run(arguments: arguments)
    }

    // MARK: - The executable, as a child process

    /// The built `povreview` executable, beside the test bundle in the build products folder.
    static let executable: URL = {
        let products = Bundle.module.bundleURL.deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("povreview"),
            repositoryRoot.appendingPathComponent(".build/debug/povreview"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the executable with `arguments` in `directory` and waits for it (at most `timeout` s)
    /// without holding a thread of the test pool while it runs.
    static func spawn(_ arguments: [String], in directory: URL, timeout: TimeInterval = 120) async throws -> Output {
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "no povreview executable at \(executable.path); build it with `swift build --build-tests`")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let capture = directory.appendingPathComponent(".capture-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let out = capture.appendingPathComponent("out"), err = capture.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        // A watchdog ends a child that hangs (the test then fails on its status).
        let watchdog = Task { [process] in
            try await Task.sleep(for: .seconds(timeout))
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in finished.resume() }
            do { try process.run() } catch {
                process.terminationHandler = nil
                finished.resume(throwing: error)
            }
        }
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    // MARK: - Reading the database

    static func open(_ url: URL) throws -> SQLiteDatabase {
        try SQLiteDatabase(path: url.path, readOnly: true)
    }

    /// The files in `directory` whose names contain `.building-` (unfinished outputs).
    static func leftovers(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.contains(".building-") }
    }

    /// The differences in content between two databases: every table and view but `runs` (and
    /// SQLite's own) must hold the same multiset of rows, without the `run_id` column. Compared
    /// inside SQLite (grouped rows of one EXCEPT those of the other, both ways), which reads
    /// hundreds of thousands of rows far faster than moving them into Swift values.
    static func contentDifferences(_ a: URL, _ b: URL) throws -> [String] {
        let db = try open(a)
        try db.run("ATTACH DATABASE ? AS other", [.text(b.path)])
        let objects = """
            SELECT name FROM %@.sqlite_master WHERE type IN ('table', 'view')
              AND name NOT LIKE 'sqlite_%%' AND name <> 'runs' ORDER BY name
            """
        let left = try db.rows(String(format: objects, "main")).compactMap { $0[0].string }
        let right = try db.rows(String(format: objects, "other")).compactMap { $0[0].string }
        var differences: [String] = []
        if left != right { differences.append("tables differ: \(left) vs \(right)") }
        for name in left where right.contains(name) {
            let columns = try db.rows("SELECT name FROM main.pragma_table_info(?)", [.text(name)])
                .compactMap { $0[0].string }.filter { $0 != "run_id" }
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let grouped = { (schema: String) in
                "SELECT \(list), count(*) FROM \(schema).\"\(name)\" GROUP BY \(list)"
            }
            let counts = try db.rows("SELECT (SELECT count(*) FROM main.\"\(name)\"), (SELECT count(*) FROM other.\"\(name)\")")[0]
            let onlyLeft = try db.rows("\(grouped("main")) EXCEPT \(grouped("other")) LIMIT 3")
            let onlyRight = try db.rows("\(grouped("other")) EXCEPT \(grouped("main")) LIMIT 3")
            if counts[0] != counts[1] || !onlyLeft.isEmpty || !onlyRight.isEmpty {
                differences.append("\(name): \(counts[0]) vs \(counts[1]) rows; only in the first: \(onlyLeft); only in the second: \(onlyRight)")
            }
        }
        return differences
    }

    /// The number of rows of `table`.
    static func count(_ table: String, in url: URL) throws -> Int {
        try open(url).rows("SELECT count(*) FROM \"\(table)\"")[0][0].int ?? -1
    }
}

/// The exact percentage `100 × part / whole` as the nearest Double (one correctly rounded
/// division of two exactly representable integers), as the database stores it.
func percent(_ part: Int, _ whole: Int) -> Double {
    Double(100 * part) / Double(whole)
}
