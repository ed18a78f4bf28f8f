/// Where a household's income measure lies relative to its poverty line, in the bands the
/// analyst measures need (outputs.md §3): the sensitivity scenarios move the line by ±5% and
/// ±10%, and the bunching check compares `0.95·line ≤ I ≤ line` with `line < I ≤ 1.05·line`.
///
/// Decided on exact integers (`100·I` against `p·line`), never on a rounded ratio.
public enum IncomeBand: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// `I ≤ 0.90·line`
    case atOrBelow90 = 0
    /// `0.90·line < I < 0.95·line`
    case below95 = 1
    /// `I = 0.95·line`
    case at95 = 2
    /// `0.95·line < I ≤ line`
    case atOrBelowLine = 3
    /// `line < I ≤ 1.05·line`
    case atOrBelow105 = 4
    /// `1.05·line < I ≤ 1.10·line`
    case atOrBelow110 = 5
    /// `I > 1.10·line`
    case above110 = 6

    public static func < (lhs: IncomeBand, rhs: IncomeBand) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The band of `value` against `line` (both in the same unit: VND or B1 points).
    public init(value: Int64, line: Int64) {
        let v = value * 100
        if v <= 90 * line {
            self = .atOrBelow90
        } else if v < 95 * line {
            self = .below95
        } else if v == 95 * line {
            self = .at95
        } else if v <= 100 * line {
            self = .atOrBelowLine
        } else if v <= 105 * line {
            self = .atOrBelow105
        } else if v <= 110 * line {
            self = .atOrBelow110
        } else {
            self = .above110
        }
    }

    /// True when the value is at or below `line × (100 + percent) / 100` for the shifts the
    /// scenarios use (−10, −5, 0, +5, +10).
    public func isAtOrBelow(linePercentShift percent: Int) -> Bool {
        switch percent {
        case -10: self == .atOrBelow90
        case -5: self <= .at95
        case 0: self <= .atOrBelowLine
        case 5: self <= .atOrBelow105
        case 10: self <= .atOrBelow110
        default: preconditionFailure("unsupported line shift \(percent)%")
        }
    }
}

/// The households of a unit that share everything the analyst measures look at: the basis of
/// their income measure, its band against the line, their number of deprivations `D` and their
/// official status.
public struct StatusCell: Hashable, Sendable {
    public var basis: IncomeBasis
    /// nil when the standard publishes no line for the basis (the status is then kept as is).
    public var band: IncomeBand?
    public var deprivationCount: Int
    public var status: HouseholdStatus

    public init(basis: IncomeBasis, band: IncomeBand?, deprivationCount: Int, status: HouseholdStatus) {
        self.basis = basis
        self.band = band
        self.deprivationCount = deprivationCount
        self.status = status
    }

    /// Poor or near-poor: at or below the income line (the `low_income` scope).
    public var isLowIncome: Bool { status == .poor || status == .nearPoor }
}

/// Exact counts of the households of one `StatusCell`.
public struct CellTally: Sendable, Equatable {
    public var households = 0
    public var ethnicMinority = 0
    public var members = 0
    public var withoutLabourCapacity = 0
    /// Without labour capacity or with a social-protection member.
    public var specialDifficulty = 0
    /// Households deprived on each indicator, indexed by `IndicatorID.bit`.
    public var deprived = [Int](repeating: 0, count: IndicatorID.allCases.count)

    public init() {}

    public static func += (lhs: inout CellTally, rhs: CellTally) {
        lhs.households += rhs.households
        lhs.ethnicMinority += rhs.ethnicMinority
        lhs.members += rhs.members
        lhs.withoutLabourCapacity += rhs.withoutLabourCapacity
        lhs.specialDifficulty += rhs.specialDifficulty
        for i in lhs.deprived.indices { lhs.deprived[i] += rhs.deprived[i] }
    }
}

/// Every household of one unit, year and standard, grouped into cells: enough to compute the
/// Alkire–Foster measures, the sensitivity scenarios and the bunching check without another
/// pass over the households.
public struct UnitCells: Sendable, Equatable {
    public var cells: [StatusCell: CellTally] = [:]

    public init(cells: [StatusCell: CellTally] = [:]) { self.cells = cells }

    public mutating func add(_ cell: StatusCell, _ tally: CellTally) { cells[cell, default: CellTally()] += tally }

    public mutating func merge(_ other: UnitCells) {
        for (cell, tally) in other.cells { cells[cell, default: CellTally()] += tally }
    }

    public var households: Int { cells.values.reduce(0) { $0 + $1.households } }

    /// Σ D over the households (for the mean deprivation count).
    public var deprivations: Int { cells.reduce(0) { $0 + $1.key.deprivationCount * $1.value.households } }
}
