/// The figures of the years a rule needs, or the `insufficient_data` outcome.
public enum RequiredFigures {
    case available([ReviewYear: UnitFigures], standards: [ReviewYear: StandardID])
    case unavailable(RuleOutcome)
}
