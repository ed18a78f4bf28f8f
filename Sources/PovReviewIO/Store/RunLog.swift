import Foundation
import PovReviewCore

/// The run log tables: `runs` (carried over from the previous database, so the history of runs
/// survives the rebuild), `input_files`, `input_file_years`, `quarantine` and `warnings`.
enum RunLog {
    /// Copies earlier runs from the published database (if any) and opens this run's row.
    static func start(
        in database: SQLiteDatabase, previous: URL, config: PipelineConfig,
        inputs: RunInputs, fingerprint: String?, startedAt: Date
    ) throws -> Int {
        if FileManager.default.fileExists(atPath: previous.path) {
            do {
                try database.run("ATTACH DATABASE ? AS previous", [.text(previous.path)])
                let hasRuns = try database.rows("SELECT count(*) FROM previous.sqlite_master WHERE name = 'runs'")[0][0].int == 1
                if hasRuns {
                    // Columns added by later migrations are NULL for runs of older databases.
                    let previousColumns = Set(
                        try database.rows("SELECT name FROM pragma_table_info('runs', 'previous')")
                            .compactMap { $0[0].string })
                    let columns = try database.rows("SELECT name FROM pragma_table_info('runs')").compactMap { $0[0].string }
                    try database.execute(
                        """
                        INSERT INTO runs (\(columns.joined(separator: ", ")))
                        SELECT \(columns.map { previousColumns.contains($0) ? $0 : "NULL" }.joined(separator: ", ")) FROM previous.runs
                        """)
                }
                try database.execute("DETACH DATABASE previous")
            } catch {
                // An unreadable previous database only loses the history of runs.
                try? database.execute("DETACH DATABASE previous")
            }
        }
        let next = (try database.rows("SELECT coalesce(max(run_id), 0) + 1 FROM runs")[0][0].int) ?? 1
        try database.run(
            "INSERT INTO runs (run_id, started_at, status, pipeline, config_sha256, tool_version, inputs_sha256) VALUES (?, ?, 'running', ?, ?, ?, ?)",
            [
                .integer(Int64(next)), .text(timestamp(startedAt)), .text(config.name), .text(inputs.configSHA256),
                .text(PovReviewVersion.current), fingerprint.map { .text($0) } ?? .null,
            ])
        return next
    }

    /// Records what an incremental run kept from an earlier run.
    static func recordKept(_ partial: PartialRebuild, runID: Int, in database: SQLiteDatabase) throws {
        try database.run(
            "UPDATE runs SET kept_from_run = ?, kept_years = ? WHERE run_id = ?",
            [
                .integer(Int64(partial.previousRunID)), .text(partial.keptYears.map(String.init).joined(separator: ",")),
                .integer(Int64(runID)),
            ])
    }

    /// Marks the run succeeded; `exports` is the exports folder published with the database
    /// (nil with `--no-exports`: the folder then keeps an earlier run's files).
    static func finish(in database: SQLiteDatabase, runID: Int, finishedAt: Date, exports: URL?) throws {
        try database.run(
            "UPDATE runs SET status = 'succeeded', finished_at = ?, exports_path = ? WHERE run_id = ?",
            [.text(timestamp(finishedAt)), exports.map { .text($0.standardizedFileURL.path) } ?? .null, .integer(Int64(runID))])
    }

    static func recordFile(_ report: FileReport, runID: Int, in database: SQLiteDatabase) throws {
        try database.run(
            InputFileRecord.insertStatement(),
            [
                .integer(Int64(runID)), .text(report.path), .text(report.sha256), .integer(Int64(report.rowsRead)),
                .integer(Int64(report.rowsAccepted)), .integer(Int64(report.rowsQuarantined)),
            ])
        for (year, counts) in report.byYear.sorted(by: { ($0.key ?? 0) < ($1.key ?? 0) }) {
            try database.run(
                InputFileYearRecord.insertStatement(),
                [
                    .integer(Int64(runID)), .text(report.path), year.map { .integer(Int64($0)) } ?? .null,
                    .integer(Int64(counts.read)), .integer(Int64(counts.accepted)), .integer(Int64(counts.quarantined)),
                ])
        }
    }

    /// ISO 8601 UTC timestamp.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The version of povreview written to `runs.tool_version`.
public enum PovReviewVersion {
    public static let current = "0.1.0"
}

/// Writes the statements of a run's quarantine and warnings, prepared once.
final class RunLogWriter {
    private let quarantine: SQLiteStatement
    private let warning: SQLiteStatement
    let runID: Int

    init(database: SQLiteDatabase, runID: Int) throws {
        self.runID = runID
        quarantine = try database.prepare(QuarantineRecord.insertStatement())
        warning = try database.prepare(WarningRecord.insertStatement())
    }

    func quarantine(file: String, line: Int, rejection: RowRejection, raw: String?, year: Int?, householdID: String?) throws {
        quarantine.bind(1, runID)
        quarantine.bind(2, file)
        quarantine.bind(3, line)
        if let column = rejection.column { quarantine.bind(4, column) } else { quarantine.bindNull(4) }
        quarantine.bind(5, rejection.reason.rawValue)
        quarantine.bind(6, rejection.message)
        if let raw { quarantine.bind(7, raw) } else { quarantine.bindNull(7) }
        if let year { quarantine.bind(8, year) } else { quarantine.bindNull(8) }
        if let householdID, !householdID.isEmpty { quarantine.bind(9, householdID) } else { quarantine.bindNull(9) }
        try quarantine.execute()
    }

    func warn(file: String?, _ warning: DataWarning) throws {
        self.warning.bind(1, runID)
        if let file { self.warning.bind(2, file) } else { self.warning.bindNull(2) }
        if let line = warning.line { self.warning.bind(3, line) } else { self.warning.bindNull(3) }
        self.warning.bind(4, warning.code)
        self.warning.bind(5, warning.message)
        try self.warning.execute()
    }
}

extension RunLog {
    /// Records a warning without file or line under the latest run of `database` (run 1 when
    /// there is none yet): what a stage after ingest notices, such as a plan without result.
    static func warnLatestRun(code: String, message: String, in database: SQLiteDatabase) throws {
        try database.run(
            "INSERT INTO warnings (run_id, source_file, line, code, message) SELECT coalesce(max(run_id), 1), NULL, NULL, ?, ? FROM runs",
            [.text(code), .text(message)])
    }
}

extension RunLog {
    /// The id of the latest successful run in `database` (0 when none succeeded).
    static func latestSucceededRunID(in database: SQLiteDatabase) throws -> Int {
        try database.rows("SELECT coalesce(max(run_id), 0) FROM runs WHERE status = 'succeeded'")[0][0].int ?? 0
    }
}
