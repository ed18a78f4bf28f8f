import Foundation
import PovReviewIO
import Testing

/// A run that fills the disk fails with a message naming the output and the full disk, and
/// leaves the previous database and exports as they were (issue 10, items 1 and 4). Needs a
/// small file system: a 3 MB tmpfs, which only root can mount (CI runs as root); skipped
/// otherwise.
@Suite("Disk full")
struct DiskFullTests {
    /// Whether this process can mount (and unmount) a tmpfs.
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("povreview-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard command("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]) == 0 else { return false }
        return command("/bin/umount", [probe.path]) == 0
    }()

    @discardableResult
    static func command(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Creates `folder` and mounts a tmpfs of `size` on it (the caller unmounts it).
    static func mountTmpfs(size: String, at folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]) == 0)
        return folder
    }

    @Test(
        "A run that fills the disk fails clearly and keeps the previous pair", .enabled(if: canMount, "needs root to mount a small tmpfs"),
        .timeLimit(.minutes(5)))  // a hang guard: the suite runs 2 cores busy
    func diskFull() async throws {
        let sets = try TwoInputSets()
        let small = try Self.mountTmpfs(size: "3m", at: sets.workspace.appendingPathComponent("small"))
        defer { Self.command("/bin/umount", ["-l", small.path]) }
        let database = small.appendingPathComponent("tiny.sqlite"), exports = small.appendingPathComponent("tiny/exports")
        func arguments(inputs: URL, admin: String) -> [String] {
            [
                "run", "--pipeline", "pipeline.yaml", "--inputs", inputs.path, "--admin", admin,
                "--database", database.path, "--exports", exports.path, "--quiet",
            ]
        }
        let first = try ChildRun(
            arguments(inputs: sets.workspace.appendingPathComponent("inputs-A"), admin: "data/admin_units.csv"),
            in: sets.workspace)
        #expect(EndToEnd.published(try await first.wait()), "\(first.errorText)")
        let databaseBefore = try Data(contentsOf: database)
        let exportsBefore = try PublicationTests.contents(of: exports)

        // 20,000 households need far more than the 3 MB of the file system (room for the first
        // run's pair and more than the new database's empty schema, ~1 MB with 16 KB pages).
        let big = sets.workspace.appendingPathComponent("big")
        let generated = await EndToEnd.povreview(["sample", "--households", "20000", "--years", "2024-2024", "--no-messy", "--out", big.path])
        try #require(generated == 0)
        let full = try ChildRun(arguments(inputs: big, admin: big.appendingPathComponent("admin_units.csv").path), in: sets.workspace)
        #expect(try await full.wait() == 1)
        #expect(full.errorText.contains("the disk is full while writing"), "\(full.errorText)")
        #expect(full.errorText.contains(database.path) || full.errorText.contains(exports.path), "\(full.errorText)")
        #expect(!full.errorText.contains(".building-") && !full.errorText.contains("NSCocoaErrorDomain"), "\(full.errorText)")
        #expect(try Data(contentsOf: database) == databaseBefore)
        #expect(try PublicationTests.contents(of: exports) == exportsBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: small.path).filter { $0.contains(".building-") || $0.hasSuffix(".publishing") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(
        "A disk too full for the new database's empty schema says so", .enabled(if: canMount, "needs root to mount a small tmpfs"),
        .timeLimit(.minutes(2)))
    func diskFullAtCreation() async throws {
        let sets = try TwoInputSets()
        let tiny = try Self.mountTmpfs(size: "256k", at: sets.workspace.appendingPathComponent("tiny"))
        defer { Self.command("/bin/umount", ["-l", tiny.path]) }
        let database = tiny.appendingPathComponent("t.sqlite")
        let run = try ChildRun(
            [
                "run", "--pipeline", "pipeline.yaml", "--inputs", sets.workspace.appendingPathComponent("inputs-A").path,
                "--admin", "data/admin_units.csv", "--database", database.path,
                "--exports", tiny.appendingPathComponent("exports").path, "--quiet",
            ], in: sets.workspace)
        #expect(try await run.wait() == 1)
        #expect(run.errorText.contains("the disk is full while writing the new database"), "\(run.errorText)")
        #expect(run.errorText.contains(database.path) && !run.errorText.contains(".building-"), "\(run.errorText)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tiny.path).filter { $0.contains(".building-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(
        "A temporary folder too full for the household keys fails clearly and keeps the previous pair",
        .enabled(if: canMount, "needs root to mount a small tmpfs"), .timeLimit(.minutes(5)))
    func temporaryFolderFull() async throws {
        let sets = try TwoInputSets()
        let workspace = sets.workspace
        let database = workspace.appendingPathComponent("keys.sqlite"), exports = workspace.appendingPathComponent("keys-exports")
        func arguments(inputs: URL, admin: String) -> [String] {
            [
                "run", "--pipeline", "pipeline.yaml", "--inputs", inputs.path, "--admin", admin,
                "--database", database.path, "--exports", exports.path, "--quiet",
            ]
        }
        let first = try ChildRun(arguments(inputs: workspace.appendingPathComponent("inputs-A"), admin: "data/admin_units.csv"), in: workspace)
        #expect(EndToEnd.published(try await first.wait()), "\(first.errorText)")
        let databaseBefore = try Data(contentsOf: database)
        let exportsBefore = try PublicationTests.contents(of: exports)

        // 60,000 households' keys (~30 bytes each) outgrow the spill file's 1 MB buffer and the
        // 64 KB temporary folder.
        let big = workspace.appendingPathComponent("big")
        let generated = await EndToEnd.povreview(["sample", "--households", "60000", "--years", "2024-2024", "--no-messy", "--out", big.path])
        try #require(generated == 0)
        let temporary = try Self.mountTmpfs(size: "64k", at: workspace.appendingPathComponent("tmp"))
        defer { Self.command("/bin/umount", ["-l", temporary.path]) }
        let full = try ChildRun(
            arguments(inputs: big, admin: big.appendingPathComponent("admin_units.csv").path), in: workspace,
            environment: ["TMPDIR": temporary.path])
        #expect(try await full.wait() == 1)
        #expect(
            full.errorText.contains("\(temporary.path): cannot write the temporary file of household keys (No space left on device)"),
            "\(full.errorText)")
        #expect(full.errorText.contains("set TMPDIR to a folder with room"), "\(full.errorText)")
        #expect(try Data(contentsOf: database) == databaseBefore)
        #expect(try PublicationTests.contents(of: exports) == exportsBefore)
    }
}
