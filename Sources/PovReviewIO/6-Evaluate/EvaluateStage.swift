/// Evaluate: every plan of the pipeline judged on the run's figures (`PlanEvaluation`), the same
/// stage `povreview evaluate` runs on a published database.
enum EvaluateStage {
    static func run(_ state: RunState) throws {
        state.progress.stage(.evaluate, "\(state.config.plans.count) plans")
        state.criteriaResults = try PlanEvaluation.evaluate(
            plans: try state.plans(), config: state.config, inputs: state.inputs, database: state.database)
    }
}
