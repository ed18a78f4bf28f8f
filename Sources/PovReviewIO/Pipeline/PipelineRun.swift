import Foundation
import Logging
import PovReviewCore

/// One run of a pipeline: ingest → validate → classify → aggregate → track → evaluate → publish
/// → export (see `PipelineStage`). The database is built aside and renamed into place only when
/// every stage before publish has succeeded.
public final class PipelineRun {
    public let config: PipelineConfig
    let progress: any ProgressReporter
    let clock: () -> Date
    let logger: Logger

    /// - Parameters:
    ///   - clock: "now", for the run log (the only non-deterministic content of the database).
    public init(config: PipelineConfig, progress: any ProgressReporter = SilentProgress(),
                clock: @escaping () -> Date = Date.init, logger: Logger = Logger(label: "povreview")) {
        self.config = config
        self.progress = progress
        self.clock = clock
        self.logger = logger
    }

    /// Checks the dumps without writing the database: ingest and validate into a scratch
    /// database that is always discarded. Returns the per-file counts and the first
    /// `sampleSize` quarantined rows of each file.
    public func validate(sampleSize: Int = 20) throws -> (files: [FileReport], quarantine: [QuarantineSample], failure: PipelineError?) {
        progress.stage(.configure, config.pipelineFile?.path ?? config.name)
        let inputs = try RunInputs.load(config)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("povreview-validate-\(UUID().uuidString).sqlite")
        let location = OutputLocation(databaseURL: scratch)
        defer { location.discard() }
        let database: SQLiteDatabase
        do {
            try location.prepare()
            database = try SQLiteDatabase(path: location.buildingURL.path)
            try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try Migrator.migrate(database)
            try database.execute("INSERT INTO runs (run_id, started_at, status, pipeline, config_sha256, tool_version) VALUES (1, '', 'running', '', '', '')")
        } catch {
            throw PipelineError.database("\(error)")
        }
        let ingest = try HouseholdIngest(config: config, inputs: inputs, database: database, runID: 1, progress: progress)
        var failure: PipelineError?
        do { _ = try ingest.run() } catch let error as PipelineError {
            guard case .quarantineLimit = error else { throw error }
            failure = error
        }
        let samples = try database.rows("""
            SELECT source_file, line, column_name, reason, message FROM (
                SELECT *, row_number() OVER (PARTITION BY source_file ORDER BY line) AS n FROM quarantine)
            WHERE n <= ? ORDER BY source_file, line
            """, [.integer(Int64(sampleSize))]).map {
            QuarantineSample(file: $0[0].string ?? "", line: $0[1].int ?? 0, column: $0[2].string,
                             reason: $0[3].string ?? "", message: $0[4].string ?? "")
        }
        return (ingest.fileReports, samples, failure)
    }

    /// Runs every stage and publishes the database (and, unless `exports` is false, the exports).
    public func run(exports: Bool = true) throws -> RunReport {
        progress.stage(.configure, config.pipelineFile?.path ?? config.name)
        let inputs = try RunInputs.load(config)
        let location = OutputLocation(databaseURL: config.databaseFile)
        do { try location.prepare() } catch {
            throw PipelineError.database("cannot create \(config.databaseFile.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        let database: SQLiteDatabase
        let startedAt = clock()
        do {
            database = try SQLiteDatabase(path: location.buildingURL.path)
            // The database is a build artefact published by rename: no journal is needed while
            // building (a crash discards the file), which roughly halves the insert cost.
            try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE")
            try Migrator.migrate(database)
        } catch {
            location.discard()
            throw PipelineError.database("\(error)")
        }
        do {
            let runID = try RunLog.start(in: database, previous: config.databaseFile, config: config,
                                         inputs: inputs, startedAt: startedAt)
            let ingest = try HouseholdIngest(config: config, inputs: inputs, database: database,
                                            runID: runID, progress: progress)
            let files = try ingest.run()
            progress.stage(.ingest, "indexes")
            progress.stage(.aggregate, "unit rates")
            let rateRows = try ingest.writeUnitRates()
            progress.stage(.track, "household transitions")
            try database.execute("BEGIN")
            try TransitionsBuilder.build(in: database)
            try database.execute("COMMIT")
            progress.stage(.evaluate, "\(config.plans.count) plans")
            let criteria = try PlanEvaluation.evaluate(config: config, inputs: inputs, database: database)
            progress.stage(.measure, "analyst measures")
            let measureUnits = ingest.measureUnits()
            try MeasuresStage.run(database: database, config: config, inputs: inputs, units: measureUnits)
            try CriteriaSensitivity.write(database: database, config: config, inputs: inputs, units: measureUnits)
            try ReferenceTablesWriter.write(inputs: inputs, into: database)
            try insertColumnDocumentation(into: database)
            let warnings = try database.rows("SELECT count(*) FROM warnings")[0][0].int ?? 0
            try RunLog.finish(in: database, runID: runID, finishedAt: clock())
            progress.stage(.publish, "analyze and vacuum")
            try database.execute("PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE")
            try BuiltDatabase.finish(database)
            progress.stage(.publish, config.databaseFile.path)
            try location.publish()
            var report = RunReport(
                runID: runID, files: files, provinces: Self.provinceSummary(rateRows), warnings: warnings,
                criteriaResults: criteria, databasePath: config.databaseFile.path, exportsPath: nil)
            if exports {
                progress.stage(.export, config.exportsFolder.path)
                let published = try SQLiteDatabase(path: config.databaseFile.path, readOnly: true)
                try ExportStage.write(database: published, config: config, runID: runID)
                report.exportsPath = config.exportsFolder.path
            }
            return report
        } catch {
            let csv = Self.saveQuarantineBeside(config.databaseFile, from: database)
            location.discard()
            if case PipelineError.quarantineLimit(let path, let lines, let total, let limit, _) = error {
                throw PipelineError.quarantineLimit(path: path, quarantinedLines: lines, physicalLines: total,
                                                    limitPercent: limit, quarantineCSV: csv)
            }
            if error is PipelineError { throw error }
            throw PipelineError.database("\(error)")
        }
    }

    static func provinceSummary(_ rows: [UnitRate]) -> [ProvinceYearSummary] {
        rows.filter { $0.level == .province }.map {
            ProvinceYearSummary(
                reviewYear: $0.reviewYear.value, standard: $0.standardID, provinceCode: $0.unitCode.rawValue,
                households: $0.households, poor: $0.tally.poor, nearPoor: $0.tally.nearPoor,
                poorRate: $0.poorRate, nearPoorRate: $0.nearPoorRate, poorNearPoorRate: $0.poorNearPoorRate)
        }
    }

    /// On a failed run, writes the rejected rows to `quarantine.csv` beside the database so the
    /// dump can be fixed (input-format.md §4, rule 12). Returns its path, or nil if none.
    static func saveQuarantineBeside(_ databaseFile: URL, from database: SQLiteDatabase) -> String? {
        guard let rows = try? database.rows(
            "SELECT source_file, line, column_name, reason, message, raw FROM quarantine ORDER BY source_file, line"),
            !rows.isEmpty
        else { return nil }
        let url = databaseFile.deletingLastPathComponent().appendingPathComponent("quarantine.csv")
        var text = "\u{FEFF}source_file,line,column_name,reason,message,raw\r\n"
        for row in rows {
            text += row.map { value -> String in
                switch value {
                case .null: return ""
                case .integer(let v): return String(v)
                case .real(let v): return String(v)
                case .text(let v): return CSVWriter.field(v)
                }
            }.joined(separator: ",") + "\r\n"
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            return url.path
        } catch {
            return nil
        }
    }
}

/// One quarantined row, as `povreview validate` lists it.
public struct QuarantineSample: Sendable {
    public var file: String
    public var line: Int
    public var column: String?
    public var reason: String
    public var message: String
}
