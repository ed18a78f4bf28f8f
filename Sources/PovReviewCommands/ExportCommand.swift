import ArgumentParser
import Foundation
import PovReviewIO

/// `povreview export`: rewrites the exports of an existing database.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the CSV, XLSX and HTML exports of an existing database.")

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let config = try options.config()
        guard FileManager.default.fileExists(atPath: config.databaseFile.path) else {
            throw CommandFailure("no database at \(config.databaseFile.path); run `povreview run` first")
        }
        let files: [String]
        do {
            try OutputPaths.check(database: config.databaseFile, exports: config.exportsFolder)
            let lock = try OutputLock(databaseURL: config.databaseFile)
            defer { withExtendedLifetime(lock) {} }
            try Publication.recover(databaseURL: config.databaseFile)
            let database = try SQLiteDatabase(path: config.databaseFile.path, readOnly: true)
            files = try ExportStage.write(database: database, config: config, runID: try ExportStage.latestRunID(in: database))
        } catch let error as PipelineError {
            if case .busy = error { throw CommandFailure("\(error)", exitCode: ExitStatus.busy.rawValue) }
            throw CommandFailure("\(error)")
        } catch {
            throw CommandFailure("\(OutputFailure.pipelineError(error, target: config.exportsFolder, what: "the exports"))")
        }
        FileHandleOutput.standardOutput.write("wrote \(files.count) files to \(config.exportsFolder.path)\n")
    }
}
