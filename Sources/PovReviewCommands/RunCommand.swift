import ArgumentParser
import Foundation
import PovReviewCore
import PovReviewIO

/// `povreview run`: the whole pipeline into the database and the exports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline: validate, classify, aggregate, track, evaluate plans, export.")

    @OptionGroup var options: PipelineOptions

    @Flag(name: .long, help: "Do not write the exports (database only).")
    var noExports = false

    @Flag(name: .long, help: "Read every dump again even when the previous run's rows could be kept (a rerun otherwise redoes only what changed).")
    var full = false

    @Flag(name: .shortAndLong, help: "Print only the final summary.")
    var quiet = false

    @Flag(name: .long, help: "Print the time of each stage and the peak memory.")
    var stats = false

    @Flag(name: .long, help: "Print only a one-line summary (for cron mail); errors still go to standard error.")
    var oneLine = false

    @Option(name: .long, help: "Format of the log lines written when standard error is not a terminal: plain or json.")
    var logFormat: LogFormat = .plain

    func run() throws {
        let config = try options.config()
        let started = Date()
        let report: RunReport
        let progress = TerminalProgress(quiet: quiet || oneLine, logFormat: logFormat)
        progress.announce(ResolvedRun.render(config, exports: !noExports))
        defer { progress.finish() }
        do {
            report = try PipelineRun(config: config, progress: progress).run(exports: !noExports, full: full)
        } catch let error as PipelineError {
            // A log collector reading JSON lines gets the failure as one too.
            if logFormat == .json && !FileHandleOutput.standardError.isTerminal {
                LogLineHandler.logger(.json).error("\(error)")
            }
            if case .busy = error { throw CommandFailure("\(error)", exitCode: ExitStatus.busy.rawValue) }
            throw CommandFailure("\(error)")
        }
        let seconds = Date().timeIntervalSince(started)
        if case .nothingChanged(let previousRun) = report.rebuild {
            // Exit 4 tells cron that nothing was written because nothing had to be.
            FileHandleOutput.standardOutput.write(RunSummary.nothingChanged(report, previousRun: previousRun, seconds: seconds) + "\n")
            throw ExitStatus.nothingToDo.code
        }
        if oneLine {
            FileHandleOutput.standardOutput.write(RunSummary.oneLine(report, seconds: seconds) + "\n")
        } else {
            FileHandleOutput.standardOutput.write(RunSummary.render(report, seconds: seconds))
            FileHandleOutput.standardOutput.write(RunSummary.oneLine(report, seconds: seconds) + "\n")
        }
        if stats { FileHandleOutput.standardOutput.write(progress.statistics(end: Date())) }
        if report.files.contains(where: { $0.rowsQuarantined > 0 }) { throw ExitStatus.quarantinedRows.code }
    }
}

/// The summary printed at the end of a run.
enum RunSummary {
    static func render(_ report: RunReport, seconds: Double) -> String {
        var lines: [String] = []
        lines.append("povreview run \(report.runID) finished in \(String(format: "%.1f", seconds)) s")
        lines.append("")
        lines.append("Input files (rows read = accepted + quarantined):")
        let width = max(20, report.files.map(\.path.count).max() ?? 0)
        lines.append(pad("file", width) + "  " + left("read", 10) + "  " + left("accepted", 10) + "  " + left("quarantined", 11))
        for file in report.files {
            lines.append(
                pad(file.path, width) + "  " + left(TerminalProgress.grouped(file.rowsRead), 10) + "  "
                    + left(TerminalProgress.grouped(file.rowsAccepted), 10) + "  "
                    + left(TerminalProgress.grouped(file.rowsQuarantined), 11))
            if !file.byReason.isEmpty {
                let reasons = file.byReason.sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                lines.append(pad("", width) + "  quarantined: " + reasons)
            }
        }
        lines.append("")
        lines.append("Province by review year:")
        lines.append(
            "year  standard  province  " + left("households", 10) + "  " + left("poor", 8) + "  " + left("near-poor", 9)
                + "  " + left("poor %", 7) + "  " + left("near-poor %", 11) + "  " + left("poor+near %", 11))
        for p in report.provinces {
            lines.append(
                "\(p.reviewYear)  \(pad(p.standard.rawValue, 8))  \(pad(p.provinceCode, 8))  "
                    + left(TerminalProgress.grouped(p.households), 10) + "  " + left(TerminalProgress.grouped(p.poor), 8) + "  "
                    + left(TerminalProgress.grouped(p.nearPoor), 9) + "  " + left(String(format: "%.2f", p.poorRate), 7) + "  "
                    + left(String(format: "%.2f", p.nearPoorRate), 11) + "  " + left(String(format: "%.2f", p.poorNearPoorRate), 11))
        }
        lines.append("")
        lines.append(rebuildLine(report.rebuild))
        lines.append("Warnings: \(report.warnings)   Criteria results: \(report.criteriaResults)")
        for notice in report.notices { lines.append("warning: \(notice)") }
        lines.append("Database: \(report.databasePath)")
        if let exports = report.exportsPath { lines.append("Exports:  \(exports)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the run redid, in one line.
    static func rebuildLine(_ rebuild: RebuildPlan) -> String {
        switch rebuild {
        case .nothingChanged(let runID):
            return "Nothing changed since run \(runID)."
        case .full(let reason):
            return "Rebuilt in full" + (reason.isEmpty ? "." : ": \(reason).")
        case .partial(let partial):
            let years = partial.keptYears.map(String.init).joined(separator: ", ")
            var line = "Incremental: read again \(partial.reread.isEmpty ? "no dump" : partial.reread.joined(separator: ", "))"
            if !partial.removed.isEmpty { line += "; dropped \(partial.removed.joined(separator: ", "))" }
            return line
                + "; kept review years \(years) of run \(partial.previousRunID) (\(partial.kept.count) dumps not read) with the transitions among them; the rest recomputed from the merged rows."
        }
    }

    /// The summary of a run that found nothing to do.
    static func nothingChanged(_ report: RunReport, previousRun: Int, seconds: Double) -> String {
        "povreview run: nothing changed since run \(previousRun) (same dumps, configuration, reference files, standards, plans and program); "
            + "\(report.databasePath)\(report.exportsPath.map { " and \($0)" } ?? "") left as they are (\(String(format: "%.2f", seconds)) s). Use --full to rebuild anyway."
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
