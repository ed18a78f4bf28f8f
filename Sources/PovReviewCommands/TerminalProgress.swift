import Foundation
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

    init(quiet: Bool = false) {
        self.quiet = quiet
        live = FileHandleOutput.standardError.isTerminal
    }

    func stage(_ stage: PipelineStage, _ detail: String) {
        guard !quiet else { return }
        lock.withLock { output.write("[\(stage.rawValue)] \(detail)\n") }
    }

    func fileStarted(_ path: String, bytes: Int) {
        lock.withLock {
            self.path = path
            self.bytes = bytes
            started = Date()
            if !quiet && !live { output.write("[ingest] \(path) (\(Self.megabytes(bytes)))\n") }
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
            output.write("[ingest] \(report.path): \(Self.grouped(report.rowsRead)) read, \(Self.grouped(report.rowsAccepted)) accepted, \(Self.grouped(report.rowsQuarantined)) quarantined\n")
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
