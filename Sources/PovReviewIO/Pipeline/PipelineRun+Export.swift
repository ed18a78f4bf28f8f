import Foundation

extension PipelineRun {
    /// `povreview export` as a library call: the export stage of a run, on the published
    /// database (read-only), holding the output lock. Writes the exports into place and returns
    /// the names of the files written.
    public func exportPublished() throws -> [String] {
        guard FileManager.default.fileExists(atPath: config.databaseFile.path) else {
            throw PipelineError.configuration("no database at \(config.databaseFile.path); run `povreview run` first")
        }
        try OutputPaths.check(database: config.databaseFile, exports: config.exportsFolder)
        let lock = try OutputLock(databaseURL: config.databaseFile)
        defer { withExtendedLifetime(lock) {} }
        try Publication.recover(databaseURL: config.databaseFile)
        let database = try SQLiteDatabase(path: config.databaseFile.path, readOnly: true)
        return try ExportStage.write(database: database, config: config, runID: try ExportStage.latestRunID(in: database))
    }
}
