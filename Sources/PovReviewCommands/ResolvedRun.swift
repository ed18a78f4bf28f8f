import Foundation
import PovReviewIO

/// What a run will read and write, printed before it starts (so a wrong folder or a forgotten
/// flag shows before minutes of work, not after).
enum ResolvedRun {
    static func render(_ config: PipelineConfig, exports: Bool) -> String {
        func path(_ url: URL?) -> String { url?.path ?? "none" }
        let plans = config.plans.map { plan in
            (plan.id ?? plan.file?.lastPathComponent ?? "?") + (plan.territory.map { " (on province \($0))" } ?? "")
        }
        var lines = ["povreview run: \(config.pipelineFile?.path ?? config.name)"]
        lines.append("  dumps:      \(config.inputFolder.appendingPathComponent(config.dumpPattern).path)")
        lines.append("  admin:      \(path(config.adminFile))")
        lines.append("  crosswalk:  \(path(config.crosswalkFile))")
        lines.append("  totals:     \(path(config.totalsFile))")
        lines.append("  targets:    \(path(config.targetsFile))")
        lines.append("  plans:      \(plans.isEmpty ? "none" : plans.joined(separator: ", "))")
        lines.append("  database:   \(config.databaseFile.path)")
        lines.append("  exports:    \(exports ? config.exportsFolder.path : "not written (--no-exports)")")
        return lines.joined(separator: "\n") + "\n"
    }
}
