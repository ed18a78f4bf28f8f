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
    public init(
        config: PipelineConfig, progress: any ProgressReporter = SilentProgress(),
        clock: @escaping () -> Date = Date.init, logger: Logger = Logger(label: "povreview")
    ) {
        self.config = config
        self.progress = progress
        self.clock = clock
        self.logger = logger
    }

    /// Checks the dumps without writing anything (`DumpValidation`): the ingest and validate
    /// stages of a run, no database. Returns the per-file counts, the first `sampleSize`
    /// quarantined rows of each file, and the quarantine-limit failure if a file is over it.
    public func validate(sampleSize: Int = 20) throws -> (files: [FileReport], quarantine: [QuarantineSample], failure: PipelineError?) {
        progress.stage(.configure, config.pipelineFile?.path ?? config.name)
        let inputs = try RunInputs.load(config)
        return try DumpValidation(config: config, inputs: inputs, progress: progress, sampleSize: sampleSize).run()
    }

    /// Runs every stage and publishes the database and (unless `exports` is false) the exports
    /// together (`Publication`), holding the output lock (`OutputLock`) throughout.
    ///
    /// A rerun does only what its inputs require (`RebuildPlan`): nothing when nothing changed,
    /// only the review years of changed dumps otherwise, everything when `full` is true or the
    /// configuration, a reference file or the program changed.
    public func run(exports: Bool = true, full: Bool = false) throws -> RunReport {
        progress.stage(.configure, config.pipelineFile?.path ?? config.name)
        try OutputPaths.check(database: config.databaseFile, exports: exports ? config.exportsFolder : nil)
        do {
            try FileManager.default.createDirectory(at: config.databaseFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw PipelineError.output(
                path: config.databaseFile.deletingLastPathComponent().path,
                problem: "cannot create the folder (\(error.localizedDescription))",
                action: "create it, or choose another --database")
        }
        let startedAt = clock()
        let lock = try OutputLock(databaseURL: config.databaseFile, startedAt: startedAt)
        defer { withExtendedLifetime(lock) {} }
        // A publication a killed run left half done is completed before anything else.
        try Publication.recover(databaseURL: config.databaseFile)
        var inputs = try RunInputs.load(config)
        let quarantineFile = config.databaseFile.deletingLastPathComponent().appendingPathComponent("quarantine.csv")
        let (plan, fingerprint) = try rebuildPlan(inputs: &inputs, exports: exports, full: full)
        if case .nothingChanged(let previousRun) = plan {
            // The published database and exports are this run's: what killed or failed runs
            // left since (half-built files, a quarantine file) is stale.
            try? FileManager.default.removeItem(at: quarantineFile)
            OutputLocation.removeLeftovers(
                in: config.databaseFile.deletingLastPathComponent(),
                prefixes: [".\(config.databaseFile.lastPathComponent).building-"])
            let exportsName = config.exportsFolder.lastPathComponent
            OutputLocation.removeLeftovers(
                in: config.exportsFolder.deletingLastPathComponent(),
                prefixes: ["\(exportsName).building-", "\(exportsName).old-"])
            var report = RunReport(
                runID: previousRun, files: [], provinces: [], warnings: 0, criteriaResults: 0,
                databasePath: config.databaseFile.path, exportsPath: exports ? config.exportsFolder.path : nil)
            report.rebuild = .nothingChanged(runID: previousRun)
            return report
        }
        do {
            return try build(inputs: inputs, plan: plan, fingerprint: fingerprint, exports: exports, startedAt: startedAt)
        } catch let conflict as IncrementalConflict {
            let years = conflict.years.map(String.init).joined(separator: ", ")
            return try build(
                inputs: inputs, plan: .full(reason: "a changed dump now holds review year \(years), which an unchanged dump also holds"),
                fingerprint: fingerprint, exports: exports, startedAt: startedAt)
        }
    }

    /// What this run must redo; hashes the dumps first when the previous run could be reused.
    private func rebuildPlan(inputs: inout RunInputs, exports: Bool, full: Bool) throws -> (RebuildPlan, String) {
        let fingerprint = try InputFingerprint.compute(config: config)
        let previous = full ? nil : PreviousRunReader.read(config.databaseFile)
        var dumps: [DumpFingerprint] = []
        if let previous, previous.succeeded, previous.fingerprint == fingerprint {
            progress.stage(.configure, "comparing the inputs with run \(previous.runID)")
            for dump in inputs.dumps {
                let sha256: String
                do { sha256 = try FileDigest.sha256(of: dump.url) } catch {
                    throw PipelineError.unreadableFile(path: dump.path, reason: error.localizedDescription)
                }
                inputs.dumpHashes[dump.path] = sha256
                dumps.append(DumpFingerprint(path: dump.path, sha256: sha256))
            }
        }
        // The exports in place must be those the previous run published (a `--no-exports` run
        // leaves an earlier run's files in the folder).
        var isFolder: ObjCBool = false
        let exportsPresent =
            !exports
            || (previous?.exportsPath == config.exportsFolder.standardizedFileURL.path
                && FileManager.default.fileExists(atPath: config.exportsFolder.path, isDirectory: &isFolder) && isFolder.boolValue)
        let plan = RebuildPlan.decide(
            previous: previous, fingerprint: fingerprint, dumps: dumps,
            outputsPresent: exportsPresent, forceFull: full)
        return (plan, fingerprint)
    }

    /// Builds the new database (and exports) aside and publishes them.
    private func build(inputs: RunInputs, plan: RebuildPlan, fingerprint: String, exports: Bool, startedAt: Date) throws -> RunReport {
        let location = OutputLocation(databaseURL: config.databaseFile)
        do { try location.prepare() } catch {
            throw PipelineError.output(
                path: config.databaseFile.deletingLastPathComponent().path,
                problem: "cannot prepare the folder (\(error.localizedDescription))",
                action: "check its permissions and free space")
        }
        let exportsBuilt = exports ? Exporter.buildingFolder(for: config.exportsFolder) : nil
        let quarantineFile = config.databaseFile.deletingLastPathComponent().appendingPathComponent("quarantine.csv")
        let database: SQLiteDatabase
        do {
            database = try BuiltDatabase.create(at: location.buildingURL.path)
        } catch {
            location.discard()
            // A full disk or a folder it may not write to is said as such, naming the path the
            // user gave (the empty schema alone is ~1 MB: a nearly full disk fails here).
            let failure = OutputFailure.pipelineError(error, target: config.databaseFile, what: "the new database")
            if case .output = failure { throw failure }
            throw PipelineError.output(
                path: config.databaseFile.path, problem: "cannot create the new database beside it (\(error))",
                action: "check the folder's permissions and free space")
        }
        do {
            let runID = try RunLog.start(
                in: database, previous: config.databaseFile, config: config,
                inputs: inputs, fingerprint: fingerprint, startedAt: startedAt)
            FaultInjection.point("ingest-started")
            let state = RunState(config: config, inputs: inputs, plan: plan, database: database, runID: runID, progress: progress)
            try PipelineStages.build(state)
            // Statistics for the query planner (ANALYZE) read every index: seconds on a large
            // database, said as such instead of inside the last building stage.
            progress.stage(.publish, "finishing the database: reference tables, query-planner statistics")
            try ReferenceTablesWriter.write(inputs: inputs, into: database)
            try insertColumnDocumentation(into: database)
            let warnings = try RunLog.warningCount(in: database)
            try RunLog.finish(in: database, runID: runID, finishedAt: clock(), exports: exports ? config.exportsFolder : nil)
            try BuiltDatabase.seal(database)
            try FaultInjection.failurePoint("database-built")
            var report = RunReport(
                runID: runID, files: state.files, provinces: Self.provinceSummary(state.rateRows), warnings: warnings,
                criteriaResults: state.criteriaResults, databasePath: config.databaseFile.path, exportsPath: nil)
            report.rebuild = plan
            report.notices = try RunLog.warningMessages(code: TerritoryCoverage.warningCode, in: database)
            if exports {
                progress.stage(.export, config.exportsFolder.path)
                do {
                    try ExportStage.build(database: database, config: config, runID: runID, plans: try? state.plans())
                } catch {
                    throw OutputFailure.pipelineError(error, target: config.exportsFolder, what: "the exports")
                }
                try FaultInjection.failurePoint("exports-built")
                report.exportsPath = config.exportsFolder.path
            }
            progress.stage(.publish, config.databaseFile.path)
            try Publication(
                databaseURL: config.databaseFile, builtDatabase: location.buildingURL,
                exportsURL: config.exportsFolder, builtExports: exportsBuilt,
                staleFiles: [quarantineFile]
            )
            .commit(journalBeside: config.databaseFile)
            // Datasette's metadata describes the published database; it is derived from its
            // `columns` table, so it is written after the switch (a failure is reported, and the
            // next run or `povreview export` writes it again).
            do { try DatasetteMetadata.write(besides: config.databaseFile) } catch {
                report.notices.append("the Datasette metadata beside \(config.databaseFile.path) could not be written: \(error)")
            }
            return report
        } catch let conflict as IncrementalConflict {
            location.discard()
            if let exportsBuilt { try? FileManager.default.removeItem(at: exportsBuilt) }
            throw conflict
        } catch {
            let csv = Self.saveQuarantineBeside(config.databaseFile, from: database)
            if csv == nil { try? FileManager.default.removeItem(at: quarantineFile) }
            location.discard()
            if let exportsBuilt { try? FileManager.default.removeItem(at: exportsBuilt) }
            if case PipelineError.quarantineLimit(let path, let lines, let total, let limit, _) = error {
                throw PipelineError.quarantineLimit(
                    path: path, quarantinedLines: lines, physicalLines: total,
                    limitPercent: limit, quarantineCSV: csv)
            }
            throw OutputFailure.pipelineError(error, target: config.databaseFile, what: "the new database")
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
        guard let rows = try? RunLog.quarantineListing(in: database), !rows.isEmpty
        else { return nil }
        let url = databaseFile.deletingLastPathComponent().appendingPathComponent("quarantine.csv")
        var text = "\u{FEFF}source_file,line,column_name,reason,message,raw\r\n"
        for row in rows {
            text +=
                row.map { value -> String in
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
