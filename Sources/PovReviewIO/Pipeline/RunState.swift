import Foundation
import PovReviewCore

/// What the stages of one run share (`PipelineStages.building`): the run's inputs and its
/// database, and what each stage leaves for the next, in the order the stages fill it.
final class RunState {
    let config: PipelineConfig
    let inputs: RunInputs
    /// What this run redoes (`RebuildPlan`): everything, or only the review years of changed dumps.
    let plan: RebuildPlan
    /// The database being built aside (published by `Publication` only when every stage succeeded).
    let database: SQLiteDatabase
    let runID: Int
    let progress: any ProgressReporter

    /// Ingest: the review years an incremental rerun keeps from the previous run.
    var kept: KeptYears?
    /// Ingest: the pass over the households (validated, classified, stored, counted by village).
    var pass: HouseholdPass?
    /// Ingest: per-file counts, reconciled (rows read = accepted + quarantined).
    var files: [FileReport] = []
    /// Aggregate: the `unit_rates` rows.
    var rateRows: [UnitRate] = []
    /// Track: the transitions tallied by unit (`unit_dynamics`, and the presence counts the
    /// integrity checks use).
    var transitionTally: UnitDynamicsTally?
    /// Evaluate: the number of `criteria_results` rows.
    var criteriaResults = 0
    /// The pipeline's plans, loaded once (`plans()`) for evaluate, measure and export.
    private var loadedPlans: [(plan: Plan, territory: UnitCode?)]?

    init(config: PipelineConfig, inputs: RunInputs, plan: RebuildPlan, database: SQLiteDatabase, runID: Int, progress: any ProgressReporter) {
        self.config = config
        self.inputs = inputs
        self.plan = plan
        self.database = database
        self.runID = runID
        self.progress = progress
    }

    /// The pipeline's plans (`PlanEvaluation.plans(of:)`), read from their files on first use:
    /// each load parses the plan and every plan it adopts (the four provincial plans adopt
    /// national-666), which measured ~25 ms a load on SampleData.
    func plans() throws -> [(plan: Plan, territory: UnitCode?)] {
        if let loadedPlans { return loadedPlans }
        let plans = try PlanEvaluation.plans(of: config)
        loadedPlans = plans
        return plans
    }

    /// The pass over the households; the stages after ingest run only once it has.
    var householdPass: HouseholdPass {
        guard let pass else { preconditionFailure("a stage after ingest ran before the ingest stage") }
        return pass
    }
}
