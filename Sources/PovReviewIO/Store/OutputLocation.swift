import Foundation

/// Builds a database aside and publishes it atomically (outputs.md, "Atomicity").
///
/// The new database is written to `<name>.building-<pid>` in the same folder and renamed over
/// the published file only when the run has succeeded, so a crash or a kill leaves the previous
/// good database intact; rename(2) within one directory is atomic on POSIX file systems.
public struct OutputLocation: Sendable {
    /// The published database path.
    public let databaseURL: URL
    /// The temporary path the run builds into.
    public let buildingURL: URL

    public init(databaseURL: URL) {
        self.databaseURL = databaseURL
        self.buildingURL = databaseURL.deletingLastPathComponent()
            .appendingPathComponent(".\(databaseURL.lastPathComponent).building-\(getpid())")
    }

    /// Creates the folder and removes the leftovers of earlier killed runs: the unfinished
    /// database of this pid, and those of pids that no longer run (a SIGKILLed run cannot clean
    /// up after itself, and its file can be as large as the database).
    public func prepare() throws {
        let folder = databaseURL.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: buildingURL.path + suffix)
        }
        Self.removeLeftovers(in: folder, prefixes: [".\(databaseURL.lastPathComponent).building-"])
    }

    /// Removes the files or folders of `folder` named `<prefix><pid>…` whose process no longer
    /// runs: what a killed run leaves behind (shared by the database and the exports).
    public static func removeLeftovers(in folder: URL, prefixes: [String]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                let pid = pid_t(name.dropFirst(prefix.count).prefix(while: \.isNumber)), pid != getpid()
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Moves the finished database into place.
    public func publish() throws {
        if rename(buildingURL.path, databaseURL.path) != 0 {
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSLocalizedDescriptionKey: "cannot move \(buildingURL.path) to \(databaseURL.path): \(String(cString: strerror(errno)))"
                ])
        }
    }

    /// Removes the unfinished database after a failure.
    public func discard() {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: buildingURL.path + suffix)
        }
    }
}
