/// Aggregate: the village tallies counted during the pass, rolled up village → commune →
/// district → province into `unit_rates` (`UnitRollup`).
enum AggregateStage {
    static func run(_ state: RunState) throws {
        state.progress.stage(.aggregate, "unit rates")
        state.rateRows = try state.householdPass.writeUnitRates()
    }
}
