/// The stages of a run and the type at each boundary, in order (STYLE.md: one file lists them).
/// Each stage's code is in the folder of the same number, in PovReviewIO (effects) and in
/// PovReviewCore (the rules it applies); the store (`Store/`) holds every SQL statement.
///
/// | stage | input | output | folders |
/// | --- | --- | --- | --- |
/// | configure | pipeline file + CLI flags | `PipelineConfig`, `RunInputs` (standards, admin units, plans) | `0-Configure` |
/// | ingest | dump files (CSV bytes, streamed) | records with field byte ranges | `1-Ingest` |
/// | validate | records | `Household` or `RowRejection` (→ `quarantine`) | `2-Validate` |
/// | classify | `Household` × `Standard` | `Classification` (→ `household_status`) | `3-Classify` |
/// | aggregate | classifications | `VillageTally` → `UnitRate` rows (→ `unit_rates`) | `4-Aggregate` |
/// | track | `household_status` | `TransitionChange` rows (→ `household_transitions`, `unit_dynamics`) | `5-Track` |
/// | evaluate | `unit_rates` + plans | `CriterionResult` rows (→ `criteria_results`) | `6-Evaluate` |
/// | measure | village cells, `unit_rates`, plans | AF measures, changes, sensitivity, integrity findings (→ `unit_af_*`, `unit_changes`, `sensitivity`, `criteria_sensitivity`, `integrity_findings`) | `7-Measure` |
/// | export | the built database | CSV, XLSX, HTML in `exports.building-<pid>` | `8-Export` |
/// | publish | built database and exports | both switched into place together | `9-Publish` |
///
/// Ingest, validate and classify are one streaming pass (`HouseholdPass`): a reading thread
/// scans and validates each row while the caller's thread classifies and stores it, so no dump
/// is held in memory. `PipelineRun` runs `building` in order, then finishes the database, builds
/// the exports and publishes both together; a failure before the publication's journal leaves
/// the previous outputs intact, a kill after it is completed by the next run.
public enum PipelineStage: String, CaseIterable, Sendable {
    case configure, ingest, validate, classify, aggregate, track, evaluate, measure, publish, export
}

/// One step of the driver: a stage and the function that runs it on the run's shared state.
struct PipelineStep: Sendable {
    let stage: PipelineStage
    let run: @Sendable (RunState) throws -> Void
    /// Where a test may make the run fail after this step (`FaultInjection.failurePoint`).
    var failurePoint: String?
}

enum PipelineStages {
    /// The steps that build the database, in the order `PipelineRun` runs them.
    static let building: [PipelineStep] = [
        PipelineStep(stage: .ingest, run: IngestStage.run),
        PipelineStep(stage: .validate, run: ValidateStage.run),
        PipelineStep(stage: .aggregate, run: AggregateStage.run, failurePoint: "aggregated"),
        PipelineStep(stage: .track, run: TrackStage.run),
        PipelineStep(stage: .evaluate, run: EvaluateStage.run),
        PipelineStep(stage: .measure, run: MeasuresStage.run, failurePoint: "evaluated"),
    ]

    /// Runs `building` on `state`, in order.
    static func build(_ state: RunState) throws {
        for step in building {
            try step.run(state)
            if let point = step.failurePoint { try FaultInjection.failurePoint(point) }
        }
    }
}
