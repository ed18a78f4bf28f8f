import Foundation
import PovReviewIO

extension RunSummary {
    /// The whole run in one line, for a cron mail's subject or a monitoring check:
    /// `povreview run 7 ok: 5 files, 50,000 rows read, 49,950 accepted, 50 quarantined, 12 warnings, 380 criteria results, 2.1 s; published out/default.sqlite + out/default/exports`.
    static func oneLine(_ report: RunReport, seconds: Double) -> String {
        let read = report.files.reduce(0) { $0 + $1.rowsRead }
        let accepted = report.files.reduce(0) { $0 + $1.rowsAccepted }
        let quarantined = report.files.reduce(0) { $0 + $1.rowsQuarantined }
        let outcome = quarantined > 0 ? "ok with quarantined rows" : "ok"
        let published = report.databasePath + (report.exportsPath.map { " + \($0)" } ?? " (exports not written)")
        return "povreview run \(report.runID) \(outcome): \(report.files.count) files, "
            + "\(TerminalProgress.grouped(read)) rows read, \(TerminalProgress.grouped(accepted)) accepted, "
            + "\(TerminalProgress.grouped(quarantined)) quarantined, \(report.warnings) warnings, "
            + "\(report.criteriaResults) criteria results, \(String(format: "%.1f", seconds)) s; published \(published)"
    }
}
