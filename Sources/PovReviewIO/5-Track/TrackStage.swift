/// Track: household transitions between consecutive review years of each standard and the
/// tables derived from them (`TransitionsBuilder`; the change codes are the core's
/// `TransitionChange`). An incremental rerun keeps the pairs that end before its first re-read
/// year.
enum TrackStage {
    static func run(_ state: RunState) throws {
        state.progress.stage(.track, "household transitions")
        var keptBefore: Int?
        if case .partial(let partial) = state.plan {
            let pass = state.householdPass
            let before = Set(partial.affectedYears).union(pass.yearsRead).min() ?? Int.max
            try TransitionsBuilder.carryOver(
                .init(previous: state.config.databaseFile, beforeYear: before, spellingChanges: pass.keptSpellingChanges),
                into: state.database)
            keptBefore = before
        }
        state.transitionTally = try TransitionsBuilder.build(
            in: state.database, keptBefore: keptBefore, years: state.householdPass.villages.yearsByStandard)
        // The last bulk write of the run: the stages after it only read in passes.
        try BuiltDatabase.useReadingCache(in: state.database)
    }
}
