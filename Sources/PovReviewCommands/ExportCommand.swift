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
        let files: [String]
        do {
            files = try PipelineRun(config: config).exportPublished()
        } catch let error as PipelineError {
            if case .busy = error { throw CommandFailure("\(error)", exitCode: ExitStatus.busy.rawValue) }
            throw CommandFailure("\(error)")
        } catch {
            throw CommandFailure("\(OutputFailure.pipelineError(error, target: config.exportsFolder, what: "the exports"))")
        }
        FileHandleOutput.standardOutput.write("wrote \(files.count) files to \(config.exportsFolder.path)\n")
    }
}
