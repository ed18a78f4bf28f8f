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

    /// Creates the folder and removes any leftover from an earlier killed run with this pid.
    public func prepare() throws {
        try FileManager.default.createDirectory(
            at: databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: buildingURL.path + suffix)
        }
    }

    /// Moves the finished database into place.
    public func publish() throws {
        if rename(buildingURL.path, databaseURL.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [
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
