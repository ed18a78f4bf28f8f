import ArgumentParser
import Foundation
import PovReviewIO

/// `povreview validate`: checks the dumps without writing the database.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the dumps (headers, every row, duplicates) without writing the database.",
        discussion: "Exits with 1 when a file cannot be used (header, encoding) or quarantines more than the limit.")

    @OptionGroup var options: PipelineOptions

    @Option(name: .long, help: "Quarantined rows to list per file.")
    var show: Int = 20

    func run() throws {
        let config = try options.config()
        let result: (files: [FileReport], quarantine: [QuarantineSample], failure: PipelineError?)
        do {
            result = try PipelineRun(config: config, progress: TerminalProgress()).validate(sampleSize: show)
        } catch let error as PipelineError {
            throw CommandFailure("\(error)")
        }
        var text = ""
        for file in result.files {
            text +=
                "\(file.path): \(file.rowsRead) rows read, \(file.rowsAccepted) accepted, \(file.rowsQuarantined) quarantined (\(String(format: "%.2f", file.quarantinedShare * 100))% of lines)\n"
            for sample in result.quarantine where sample.file == file.path {
                text += "  \(sample.file):\(sample.line)\(sample.column.map { " [\($0)]" } ?? ""): \(sample.reason): \(sample.message)\n"
            }
        }
        FileHandleOutput.standardOutput.write(text)
        if let failure = result.failure { throw CommandFailure("\(failure)") }
    }
}
