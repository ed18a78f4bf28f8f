/// Which review years `household_transitions` pairs, and when a change looks further back
/// (outputs.md, `household_transitions`: one row per household present in either of two
/// consecutive review years of the same standard).
public enum TransitionPairing {
    /// Two consecutive review years of one standard.
    public struct YearPair: Hashable, Sendable {
        public var standard: StandardID
        public var from: Int
        public var to: Int { from + 1 }

        public init(standard: StandardID, from: Int) {
            self.standard = standard
            self.from = from
        }
    }

    /// The pairs to build, in the order they are written: standards by id, then years ascending.
    /// A pair needs both years present under its standard (a gap year pairs nothing); pairs that
    /// end before `keptBefore` are left out (an incremental rerun carries them over).
    public static func pairs(yearsByStandard: [StandardID: Set<Int>], keptBefore: Int? = nil) -> [YearPair] {
        yearsByStandard.keys.sorted().flatMap { standard in
            let years = yearsByStandard[standard] ?? []
            return years.sorted()
                .filter { years.contains($0 + 1) && $0 + 1 >= (keptBefore ?? Int.min) }
                .map { YearPair(standard: standard, from: $0) }
        }
    }

    /// Whether deciding the change needs the household's statuses before `from_year`: only a
    /// move from average or above into poverty or near poverty is told apart by its history
    /// (`fell_back_*` versus `newly_*`).
    public static func needsEarlierYears(from: SideStatus, to: SideStatus) -> Bool {
        (to == .poor || to == .nearPoor) && (from == .average || from == .above)
    }
}

/// What a household was in the review years before a pair, under the same standard: the history
/// `TransitionChange` asks about.
public struct EarlierStatuses: Sendable, Equatable {
    public private(set) var wasPoor = false
    public private(set) var wasNearPoor = false

    public init() {}

    /// Counts one earlier review year's status.
    public mutating func record(_ status: HouseholdStatus) {
        switch status {
        case .poor: wasPoor = true
        case .nearPoor: wasNearPoor = true
        case .average, .above: break
        }
    }
}

extension TransitionChange {
    /// Decides the change of one household between the two years of a pair, given its history.
    public init(from: SideStatus, to: SideStatus, earlier: EarlierStatuses) {
        self.init(from: from, to: to, wasPoorEarlier: earlier.wasPoor, wasNearPoorEarlier: earlier.wasNearPoor)
    }
}
