import Foundation

/// `PRAGMA quick_check` of a database on a thread of its own, through a second connection that
/// only reads, while the caller goes on writing in an open transaction.
///
/// The ingest inserts with `ignore_check_constraints` and verifies the CHECK constraints once
/// afterwards; the check reads the whole database (1.2-1.3 s for 1M households) and the index
/// build that follows is single-threaded (1.5 s), so on two cores the check costs no time.
/// The database must be in write-ahead-log mode (`HouseholdLoadSettings.openForConcurrentReader`):
/// the checker reads the state committed when it started, whatever the caller writes meanwhile.
final class ConstraintCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[String], any Error> = .success([])
    private var joined = false

    /// Starts checking the database file at `path`.
    init(path: String) {
        let thread = Thread { [self] in
            do {
                // Read-write, though it only reads: on a read-only connection quick_check skips
                // the CHECK constraints.
                let database = try SQLiteDatabase(path: path)
                result = .success(try database.rows("PRAGMA quick_check").compactMap { $0.first?.string })
            } catch {
                result = .failure(error)
            }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the check; throws when the database breaks a constraint or cannot be read.
    func wait() throws {
        join()
        let messages: [String]
        do { messages = try result.get() } catch { throw PipelineError.database("cannot check the built database: \(error)") }
        guard messages == ["ok"] else {
            throw PipelineError.database(
                "the built database breaks its own constraints: \(messages.prefix(5).joined(separator: "; "))")
        }
    }

    /// Waits for the check to end, ignoring its result (on the way out after another error).
    func join() {
        guard !joined else { return }
        done.wait()
        joined = true
    }
}
