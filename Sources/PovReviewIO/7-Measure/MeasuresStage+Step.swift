extension MeasuresStage {
    /// Measure, as a step of the run: the analyst tables from the village cells counted during
    /// the pass, then each plan's verdicts re-decided under the sensitivity scenarios.
    static func run(_ state: RunState) throws {
        state.progress.stage(.measure, "analyst measures")
        let units = state.householdPass.measureUnits()
        try run(
            database: state.database, config: state.config, inputs: state.inputs, units: units,
            transitionTally: state.transitionTally)
        try CriteriaSensitivity.write(
            plans: try state.plans(), database: state.database, config: state.config, inputs: state.inputs, units: units)
    }
}
