import PovReviewCore

/// Ingest (with validate and classify, in one streaming pass): carries over the review years an
/// incremental rerun keeps, then reads the other dumps through `HouseholdPass`.
enum IngestStage {
    static func run(_ state: RunState) throws {
        var inputs = state.inputs
        let villages = VillageTallies()
        if case .partial(let partial) = state.plan {
            state.progress.stage(
                .ingest, "keeping review years \(partial.keptYears.map(String.init).joined(separator: ", ")) of run \(partial.previousRunID)")
            // The kept rows are counted into the tallies from the previous database while they
            // are copied from it.
            let seeding = KeptYears.Seeding(
                partial, previous: state.config.databaseFile, villages: villages,
                standards: StandardsByYear(schedule: state.config.schedule, standards: state.inputs.standards))
            do {
                state.kept = try KeptYears.carryOver(partial, from: state.config.databaseFile, into: state.database, runID: state.runID)
                try RunLog.recordKept(partial, runID: state.runID, in: state.database)
            } catch {
                try? seeding.wait()
                throw error
            }
            try seeding.wait()
            inputs.dumps = state.inputs.dumps.filter { partial.reread.contains($0.path) }
        }
        let pass = try HouseholdPass(
            config: state.config, inputs: inputs, database: state.database,
            runID: state.runID, progress: state.progress, kept: state.kept, villages: villages)
        state.files = try pass.run()
        state.pass = pass
    }
}
