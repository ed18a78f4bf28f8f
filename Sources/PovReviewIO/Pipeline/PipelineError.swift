/// Why a run failed. Every case says what to fix; the previous outputs are left intact.
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    case configuration(String)
    case noDumps(folder: String, pattern: String)
    case unreadableFile(path: String, reason: String)
    case header(path: String, column: String?, message: String)
    case quarantineLimit(path: String, quarantinedLines: Int, physicalLines: Int, limitPercent: Double, quarantineCSV: String?)
    case database(String)
    /// Another run holds the output lock (`OutputLock`).
    case busy(database: String, holder: String)
    /// An output path the run cannot write (checked before any work).
    case output(path: String, problem: String, action: String)
    /// A check on the data as a whole failed (empty dump, a collapsed review year, …).
    case data(path: String, problem: String, action: String)

    public var description: String {
        switch self {
        case .configuration(let message):
            return message
        case .noDumps(let folder, let pattern):
            return "no dump files matching \"\(pattern)\" in \(folder); check --inputs or inputs.folder/inputs.pattern in the pipeline file"
        case .unreadableFile(let path, let reason):
            return "\(path): \(reason)"
        case .header(let path, let column, let message):
            return "\(path):1\(column.map { " (column \($0))" } ?? ""): \(message)"
        case .quarantineLimit(let path, let lines, let total, let limit, let csv):
            let share = total == 0 ? 0 : 100 * Double(lines) / Double(total)
            return "\(path): \(lines) of \(total) lines quarantined (\(String(format: "%.1f", share))%), above the limit of \(String(format: "%g", limit))%; "
                + "the previous outputs are unchanged. Fix the dump"
                + (csv.map { " (the rejected rows and their reasons are in \($0))" } ?? "")
                + " or raise validation.quarantine_limit_percent in the pipeline file."
        case .database(let message):
            return "database error: \(message)"
        case .busy(let database, let holder):
            return
                "another run (\(holder)) is writing this database: \(database); wait for it to finish (a killed run releases the lock at once), or give this run another --database."
        case .output(let path, let problem, let action):
            return "\(path): \(problem); \(action). Nothing was changed."
        case .data(let path, let problem, let action):
            return "\(path): \(problem); the previous outputs are unchanged. \(action)"
        }
    }
}
