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
        let database = try SQLiteDatabase(path: config.databaseFile.path, readOnly: true)
        let files = try ExportStage.write(database: database, config: config, runID: try ExportStage.latestRunID(in: database))
        FileHandleOutput.standardOutput.write("wrote \(files.count) files to \(config.exportsFolder.path)\n")
    }
}
