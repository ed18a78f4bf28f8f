/// Everything the evaluator reads, besides the plan: figures, hierarchy, crosswalk, targets and
/// the standards of each year. Built by the orchestrator; pure values.
public struct EvaluationInput {
    /// The unit-year counts (the orchestrator's adapter over `unit_rates`).
    public var figures: any FiguresSource
    /// The admin units with their validity windows.
    public var admin: AdminDirectory
    public var crosswalk: Crosswalk
    public var targets: Targets
    /// Which standards apply to which review year.
    public var schedule: StandardSchedule
    /// Ids of the national standards (only their figures feed the plans unless a plan names a
    /// local standard; plans.md pin 8).
    public var nationalStandardIDs: Set<StandardID>
    /// Indicators of each standard (a coverage target on an indicator the standard lacks is
    /// `not_applicable`). Standards absent here are assumed to have every indicator.
    public var standardIndicators: [StandardID: Set<IndicatorID>]
    /// The Vietnamese names of the standards, by id (for the evidence's notes).
    public var standardNamesVi: [StandardID: String] = [:]
    /// Ids of the provisional standards (`vn-2027`): every criteria result computed under one is
    /// marked provisional.
    public var provisionalStandards: Set<StandardID> = []

    public init(
        figures: any FiguresSource, admin: AdminDirectory, crosswalk: Crosswalk = Crosswalk(),
        targets: Targets = Targets(), schedule: StandardSchedule = .nationalDefault,
        nationalStandardIDs: Set<StandardID> = ["vn-2022", "vn-2027"],
        standardIndicators: [StandardID: Set<IndicatorID>] = [:]
    ) {
        self.figures = figures
        self.admin = admin
        self.crosswalk = crosswalk
        self.targets = targets
        self.schedule = schedule
        self.nationalStandardIDs = nationalStandardIDs
        self.standardIndicators = standardIndicators
    }

    /// Convenience: indicators taken from loaded standards.
    public mutating func setStandards(_ standards: [Standard]) {
        for standard in standards {
            standardIndicators[standard.id] = Set(standard.indicators)
            standardNamesVi[standard.id] = standard.nameVi
            if standard.provisional { provisionalStandards.insert(standard.id) } else { provisionalStandards.remove(standard.id) }
            if standard.national {
                nationalStandardIDs.insert(standard.id)
            } else {
                nationalStandardIDs.remove(standard.id)
            }
        }
    }
}
