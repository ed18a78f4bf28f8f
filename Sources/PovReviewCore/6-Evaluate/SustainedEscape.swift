/// A household that escaped poverty sustainably (Decision 666 honours them; plans.md
/// "Households"): poor at the plan's baseline review, present and neither poor nor near-poor in
/// both of the last two review years `T−1` and `T`. Listed per village of year `T`.
public struct SustainedEscape: Sendable, Equatable, Hashable {
    public var householdID: HouseholdID
    /// The household's village (unit code `<commune>/<village>`) in year `T`.
    public var village: UnitCode

    public init(householdID: HouseholdID, village: UnitCode) {
        self.householdID = householdID
        self.village = village
    }

    /// One household's status in one review year under the plan's standard.
    public struct Observation: Sendable, Equatable {
        public var householdID: HouseholdID
        public var year: ReviewYear
        public var status: HouseholdStatus
        public var village: UnitCode
        public init(householdID: HouseholdID, year: ReviewYear, status: HouseholdStatus, village: UnitCode) {
            self.householdID = householdID
            self.year = year
            self.status = status
            self.village = village
        }
    }

    /// The sustained escapes among `observations` (one standard), ordered by village then
    /// household id. Reads the sequence once and keeps only the three years it needs.
    public static func list(
        from observations: some Sequence<Observation>, baseline: ReviewYear, lastYear: ReviewYear
    ) -> [SustainedEscape] {
        let previousYear = lastYear.advanced(by: -1)
        guard baseline < lastYear else { return [] }
        var poorAtBaseline = Set<HouseholdID>()
        var outAtPrevious = Set<HouseholdID>()
        var outAtLast: [HouseholdID: UnitCode] = [:]
        for o in observations {
            let out = o.status == .average || o.status == .above
            if o.year == baseline && o.status == .poor { poorAtBaseline.insert(o.householdID) }
            if o.year == previousYear && out { outAtPrevious.insert(o.householdID) }
            if o.year == lastYear && out { outAtLast[o.householdID] = o.village }
        }
        var result: [SustainedEscape] = []
        for (id, village) in outAtLast where poorAtBaseline.contains(id) && outAtPrevious.contains(id) {
            result.append(SustainedEscape(householdID: id, village: village))
        }
        return result.sorted { ($0.village, $0.householdID) < ($1.village, $1.householdID) }
    }
}
