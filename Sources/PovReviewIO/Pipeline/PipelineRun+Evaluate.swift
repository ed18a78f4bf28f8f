import Foundation
import PovReviewCore

extension PipelineRun {
    /// `povreview evaluate` as a library call: the evaluate stage of a run, on the published
    /// database, for the one plan of `config.plans`. Holding the output lock, it replaces the
    /// plan's `criteria_results` (of `year`, or of every year), its `sustained_escapes` and its
    /// `criteria_sensitivity` rows, exactly as `run` writes them, and returns the results.
    ///
    /// Throws, writing nothing, when the plan judges no unit of the database or has no result
    /// for `year`.
    public func evaluatePublished(year: Int?) throws -> [CriterionResult] {
        guard FileManager.default.fileExists(atPath: config.databaseFile.path) else {
            throw PipelineError.configuration(
                "no database at \(config.databaseFile.path); run `povreview run` first, or pass --database FILE")
        }
        let lock = try OutputLock(databaseURL: config.databaseFile)
        defer { withExtendedLifetime(lock) {} }
        try Publication.recover(databaseURL: config.databaseFile)
        let database = try SQLiteDatabase(path: config.databaseFile.path)
        let (plan, territory) = try PlanEvaluation.plans(of: config)[0]
        let standards = try StandardFile.loadAll(config.standardFiles).standards
        let admin = try AdminUnitsFile.load(contentsOf: config.adminFile, path: config.adminFile.lastPathComponent)
        let input = try PlanEvaluation.input(
            database: database, standards: standards, admin: admin, schedule: config.schedule,
            crosswalkFile: config.crosswalkFile, targetsFile: config.targetsFile)
        var results = PlanEvaluator(input: input).evaluate(plan, options: EvaluationOptions(territoryOverride: territory))
        if results.isEmpty {
            let provinces = try TerritoryCoverage.provinces(in: database)
            throw PipelineError.configuration(
                TerritoryCoverage.message(plan: plan, territory: territory, provinces: provinces) + "; nothing was written")
        }
        if let year {
            let years = Set(results.map(\.evaluationYear.value)).sorted()
            results = results.filter { $0.evaluationYear.value == year }
            if results.isEmpty {
                throw PipelineError.configuration(
                    "plan \(plan.id) has no result for evaluation year \(year) (years with results: \(years.map(String.init).joined(separator: ", "))); nothing was written"
                )
            }
        }
        // The same evaluate stage as `run`: the plan's criteria, its sustained escapes and its
        // verdicts under each sensitivity scenario.
        try database.transaction {
            try PlanEvaluation.store(
                results, plan: plan, territory: territory, year: year.map { ReviewYear($0) },
                evaluator: PlanEvaluator(input: input), database: database)
        }
        try CriteriaSensitivity.refresh(
            plans: [(plan, territory)], input: input, standards: standards,
            year: year.map { ReviewYear($0) }, database: database)
        return results
    }
}
