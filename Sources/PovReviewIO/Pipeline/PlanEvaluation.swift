import PovReviewCore

/// The evaluate stage: plans of the pipeline over `unit_rates` into `criteria_results`.
enum PlanEvaluation {
    /// Evaluates every plan of the configuration; returns the number of result rows.
    static func evaluate(config: PipelineConfig, inputs: RunInputs, database: SQLiteDatabase) throws -> Int {
        0  // wired when the evaluator lands
    }
}
