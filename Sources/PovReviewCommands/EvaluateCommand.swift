import ArgumentParser
import Foundation
import PovReviewCore
import PovReviewIO

/// `povreview evaluate`: evaluates one plan on an existing database and stores the results.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate a plan's criteria on the database (replaces that plan's criteria_results, sustained_escapes and criteria_sensitivity).")

    @OptionGroup var options: PipelineOptions

    @Option(name: .long, help: "Plan id (national-666, lang-son, vinh-phuc, bac-ninh, da-nang, ntp-2026-2030) or a plan file.")
    var plan: String

    @Option(name: .long, help: "Evaluation year (default: every year of the plan with data).")
    var year: Int?

    @Option(name: .long, help: "Province code to judge the plan on instead of its own territory.")
    var territory: String?

    func run() throws {
        var config = try options.config()
        let isFile = plan.hasSuffix(".yaml") || plan.hasSuffix(".yml")
        let selection = config.plans.first { $0.id == plan }
        config.plans = [
            PipelineConfig.PlanSelection(
                id: isFile ? nil : plan, file: isFile ? URL(fileURLWithPath: plan) : nil,
                territory: territory ?? selection?.territory)
        ]
        do {
            let results = try PipelineRun(config: config).evaluatePublished(year: year)
            FileHandleOutput.standardOutput.write(Self.table(results))
        } catch PipelineError.busy(let database, let holder) {
            throw CommandFailure("\(PipelineError.busy(database: database, holder: holder))", exitCode: ExitStatus.busy.rawValue)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Counts of verdicts per criterion and year.
    static func table(_ results: [CriterionResult]) -> String {
        var counts: [String: [String: Int]] = [:]
        for r in results {
            counts["\(r.criterionID) \(r.evaluationYear)", default: [:]][r.verdict.rawValue, default: 0] += 1
        }
        var lines = ["criterion year: verdicts (met / not_met / insufficient_data / not_applicable)"]
        for key in counts.keys.sorted() {
            let c = counts[key]!
            lines.append("\(key): \(c["met"] ?? 0) / \(c["not_met"] ?? 0) / \(c["insufficient_data"] ?? 0) / \(c["not_applicable"] ?? 0)")
        }
        lines.append("\(results.count) results written")
        return lines.joined(separator: "\n") + "\n"
    }
}
