import Foundation
import Logging
import PovReviewIO

/// Progress on standard error: a live line on a terminal; plain log lines otherwise (CI, cron).
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let output = FileHandleOutput.standardError
    private let live: Bool
    private let quiet: Bool
    private let lock = NSLock()
    private var path = ""
    private var bytes = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    /// The live stage line on a terminal, its start, and the timer that redraws it.
    private var stageLine: String?
    private var stageStarted = Date()
    private var ticker: DispatchSourceTimer?
    /// Start time of each stage, in order, for `--stats`.
    private(set) var stageStarts: [(name: String, at: Date)] = []

    /// The log lines written instead of the live display when standard error is not a terminal.
    private let logger: Logger
    private let logFormat: LogFormat

    init(quiet: Bool = false, logFormat: LogFormat = .plain) {
        self.quiet = quiet
        self.logFormat = logFormat
        live = FileHandleOutput.standardError.isTerminal
        logger = LogLineHandler.logger(logFormat)
    }

    /// The resolved inputs and outputs, before the run starts: as is on a terminal and in plain
    /// logs, one log record in JSON logs (so every line of standard error stays JSON).
    func announce(_ block: String) {
        guard !quiet else { return }
        if live || logFormat != .json {
            output.write(block)
        } else {
            logger.info("\(block.trimmingCharacters(in: .newlines))", metadata: ["stage": "configure"])
        }
    }

    /// A line of progress: as is on a terminal, a swift-log line otherwise (cron, CI, systemd).
    private func emit(_ text: String, stage: String) {
        if live { output.write(text + "\n") } else { logger.info("\(text)", metadata: ["stage": "\(stage)"]) }
    }

    func stage(_ stage: PipelineStage, _ detail: String) {
        lock.withLock {
            stageStarts.append(("\(stage.rawValue) \(detail)", Date()))
            guard !quiet else { return }
            guard live else {
                emit("[\(stage.rawValue)] \(detail)", stage: stage.rawValue)
                return
            }
            // On a terminal the stage's line stays live until the next one: its elapsed time is
            // redrawn every half second, so the display never goes silent during transitions,
            // evaluation or exports (half of a 500,000-household run).
            endStageLine()
            stageLine = "[\(stage.rawValue)] \(detail)"
            stageStarted = Date()
            output.write(stageLine!)
            startTicker()
        }
    }

    /// Ends the live stage line (at the end of the run).
    func finish() {
        lock.withLock {
            endStageLine()
            ticker?.cancel()
            ticker = nil
        }
    }

    /// Closes the current live stage line with its duration. Call with the lock held.
    private func endStageLine() {
        guard let line = stageLine else { return }
        output.write("\r\u{1B}[K\(line) (\(String(format: "%.1f", Date().timeIntervalSince(stageStarted))) s)\n")
        stageLine = nil
    }

    /// Starts the half-second redraw of the live stage line. Call with the lock held.
    private func startTicker() {
        guard ticker == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.withLock {
                guard let line = self.stageLine else { return }
                let seconds = Int(Date().timeIntervalSince(self.stageStarted))
                self.output.write("\r\u{1B}[K\(line) … \(seconds) s")
            }
        }
        timer.resume()
        ticker = timer
    }

    /// Seconds spent in each stage (until the next one, or `end`), and the peak resident memory.
    func statistics(end: Date) -> String {
        lock.withLock {
            var lines: [String] = []
            for (index, stage) in stageStarts.enumerated() {
                let next = index + 1 < stageStarts.count ? stageStarts[index + 1].at : end
                lines.append(String(format: "stage %-60@ %8.3f s", stage.name as NSString, next.timeIntervalSince(stage.at)))
            }
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            lines.append("peak memory \(usage.ru_maxrss / 1024) MB (maximum resident set size)")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    func fileStarted(_ path: String, bytes: Int) {
        lock.withLock {
            self.path = path
            self.bytes = bytes
            started = Date()
            stageStarts.append(("ingest \(path)", started))
            if live && !quiet { endStageLine() }
            if !quiet && !live { emit("[ingest] \(path) (\(Self.megabytes(bytes)))", stage: "ingest") }
        }
    }

    func fileProgress(rows: Int, bytesRead: Int) {
        guard live, !quiet else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let elapsed = max(now.timeIntervalSince(started), 0.001)
            let percent = bytes > 0 ? min(100, 100 * bytesRead / bytes) : 0
            let rate = Int(Double(rows) / elapsed)
            output.write("\r\u{1B}[K[ingest] \(path): \(Self.grouped(rows)) rows, \(percent)%, \(Self.grouped(rate)) rows/s")
        }
    }

    func fileFinished(_ report: FileReport) {
        guard !quiet else { return }
        lock.withLock {
            if live { output.write("\r\u{1B}[K") }
            emit(
                "[ingest] \(report.path): \(Self.grouped(report.rowsRead)) read, \(Self.grouped(report.rowsAccepted)) accepted, \(Self.grouped(report.rowsQuarantined)) quarantined",
                stage: "ingest")
        }
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }
}
