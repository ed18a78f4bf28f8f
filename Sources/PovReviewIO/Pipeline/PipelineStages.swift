/// The stages of a run and the type at each boundary, in order (STYLE.md: one file lists them).
///
/// | stage | input | output | where |
/// | --- | --- | --- | --- |
/// | configure | pipeline file + CLI flags | `PipelineConfig`, `[Standard]`, `AdminDirectory` | `Config/` |
/// | ingest | dump files (CSV bytes, streamed) | records with field byte ranges | `Ingest/` |
/// | validate | records | `Household` or `RowRejection` (→ `quarantine`) | core `Validate/` |
/// | classify | `Household` × `Standard` | `Classification` (→ `household_status`) | core `Standards/` |
/// | aggregate | classifications | `UnitTally` per village → `UnitRate` rows (→ `unit_rates`) | core `Aggregate/` |
/// | track | `household_status` | `TransitionChange` rows (→ `household_transitions`, `unit_dynamics`) | core `Transitions/`, `Store/TransitionsBuilder` |
/// | evaluate | `unit_rates` + plans | `CriterionResult` rows (→ `criteria_results`) | core `Evaluate/`, `Plans/` |
/// | measure | `household_status`, `unit_rates`, transitions, plans | `UnitCells` → AF measures, changes, sensitivity, integrity findings (→ `unit_af_*`, `unit_changes`, `sensitivity`, `criteria_sensitivity`, `integrity_findings`) | core `Measures/`, `Pipeline/MeasuresStage` |
/// | export | the built database | CSV, XLSX, HTML in `exports.building-<pid>` | `Export/` |
/// | publish | built database and exports | both switched into place together | `Publish/Publication` |
///
/// `PipelineRun` runs them in this order, except that the exports are built before the
/// publication (so both are published together); a failure before the publication's journal
/// leaves the previous outputs intact, a kill after it is completed by the next run.
public enum PipelineStage: String, CaseIterable, Sendable {
    case configure, ingest, validate, classify, aggregate, track, evaluate, measure, publish, export
}
