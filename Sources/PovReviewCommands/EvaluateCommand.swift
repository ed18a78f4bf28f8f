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
        guard FileManager.default.fileExists(atPath: config.databaseFile.path) else {
            throw CommandFailure("no database at \(config.databaseFile.path); run `povreview run` first, or pass --database FILE")
        }
        do {
            let lock = try OutputLock(databaseURL: config.databaseFile)
            defer { withExtendedLifetime(lock) {} }
            try Publication.recover(databaseURL: config.databaseFile)
            let database = try SQLiteDatabase(path: config.databaseFile.path)
            let (loaded, planTerritory) = try PlanEvaluation.plans(of: config)[0]
            let standards = try StandardFile.loadAll(config.standardFiles).standards
            let admin = try AdminUnitsFile.load(contentsOf: config.adminFile, path: config.adminFile.lastPathComponent)
            let input = try PlanEvaluation.input(
                database: database, standards: standards, admin: admin, schedule: config.schedule,
                crosswalkFile: config.crosswalkFile, targetsFile: config.targetsFile)
            var results = PlanEvaluator(input: input).evaluate(loaded, options: EvaluationOptions(territoryOverride: planTerritory))
            if results.isEmpty {
                let provinces = try TerritoryCoverage.provinces(in: database)
                throw CommandFailure(
                    TerritoryCoverage.message(plan: loaded, territory: planTerritory, provinces: provinces)
                        + "; nothing was written")
            }
            if let year {
                let years = Set(results.map(\.evaluationYear.value)).sorted()
                results = results.filter { $0.evaluationYear.value == year }
                if results.isEmpty {
                    throw CommandFailure(
                        "plan \(loaded.id) has no result for evaluation year \(year) (years with results: \(years.map(String.init).joined(separator: ", "))); nothing was written"
                    )
                }
            }
            // The same evaluate stage as `run`: the plan's criteria, its sustained escapes and
            // its verdicts under each sensitivity scenario.
            try database.transaction {
                try PlanEvaluation.store(
                    results, plan: loaded, territory: planTerritory, year: year.map { ReviewYear($0) },
                    evaluator: PlanEvaluator(input: input), database: database)
            }
            try CriteriaSensitivity.refresh(
                plans: [(loaded, planTerritory)], input: input, standards: standards,
                year: year.map { ReviewYear($0) }, database: database)
            FileHandleOutput.standardOutput.write(Self.table(results))
        } catch let error as CommandFailure {
            throw error
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
