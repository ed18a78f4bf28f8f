import Foundation

/// An exclusive lock on a pipeline's outputs, held for the whole life of a run (issue 10, item 1).
///
/// `flock(2)` on `.<database name>.lock` beside the database: the kernel releases it when the
/// process ends, however it ends (a SIGKILLed run leaves no stale lock), so no pid guessing is
/// needed. The file holds the holder's pid and start time for the message a second run prints.
/// It is never deleted: removing a lock file while another process waits on it would let two
/// runs hold "the" lock at once.
public final class OutputLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    private let descriptor: Int32

    /// The lock file of the database `databaseURL`.
    public static func lockFile(of databaseURL: URL) -> URL {
        databaseURL.deletingLastPathComponent().appendingPathComponent(".\(databaseURL.lastPathComponent).lock")
    }

    /// Takes the lock of `databaseURL` at once, or throws `PipelineError.busy` naming the run
    /// that holds it. The database's folder must exist.
    public init(databaseURL: URL, startedAt: Date = Date()) throws {
        url = Self.lockFile(of: databaseURL)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PipelineError.output(
                path: databaseURL.deletingLastPathComponent().path,
                problem: "cannot create the lock file \(url.lastPathComponent) in this folder (\(String(cString: strerror(errno))))",
                action: "make the folder writable for the user that runs povreview, or choose another --database")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder =
                (try? String(contentsOf: url, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(fd)
            throw PipelineError.busy(database: databaseURL.path, holder: holder.isEmpty ? "pid unknown" : holder)
        }
        descriptor = fd
        let text = "pid \(getpid()), started \(RunLog.timestamp(startedAt))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
