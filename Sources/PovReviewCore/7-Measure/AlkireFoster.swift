/// The scope of an Alkire–Foster row (outputs.md §3, `unit_af_measures.scope`).
public enum AFScope: String, Sendable, CaseIterable, Hashable {
    /// Every household of the unit.
    case all
    /// Households at or below the income line (poor + near-poor): with `k` = the standard's
    /// cut-off, the multidimensionally poor are exactly the official poor.
    case lowIncome = "low_income"

    func includes(_ cell: StatusCell) -> Bool { self == .all || cell.isLowIncome }
}

/// Alkire–Foster measures of one unit, year, standard, scope and cut-off (outputs.md §3).
///
/// Identification counts indicators with equal weights `w = 1/n` (Decree 07/2021/NĐ-CP counts
/// deprivations; Alkire & Foster 2011, "Counting and multidimensional poverty measurement"): a
/// household is multidimensionally poor when `D ≥ k`. Integers are exact; each ratio is one
/// correctly rounded division of exact integers.
public struct AFMeasure: Sendable, Equatable {
    public var scope: AFScope
    public var cutoff: Int
    /// Number of indicators `n`.
    public var indicatorCount: Int
    /// N: households in the scope.
    public var households: Int
    /// q: households with `D ≥ k`.
    public var multidimensionallyPoor: Int
    /// Σ D over the q households.
    public var deprivationsOfPoor: Int
    /// Per indicator of the standard: households deprived (uncensored) and deprived among the q (censored).
    public var indicators: [(id: IndicatorID, deprived: Int, deprivedPoor: Int)]

    public static func == (lhs: AFMeasure, rhs: AFMeasure) -> Bool {
        lhs.scope == rhs.scope && lhs.cutoff == rhs.cutoff && lhs.households == rhs.households
            && lhs.multidimensionallyPoor == rhs.multidimensionallyPoor
            && lhs.deprivationsOfPoor == rhs.deprivationsOfPoor
            && lhs.indicators.map(\.id) == rhs.indicators.map(\.id)
            && lhs.indicators.map(\.deprived) == rhs.indicators.map(\.deprived)
            && lhs.indicators.map(\.deprivedPoor) == rhs.indicators.map(\.deprivedPoor)
    }

    /// Computes the measures of `cells` for the indicators `indicators` (the standard's).
    public init(cells: UnitCells, indicators: [IndicatorID], scope: AFScope, cutoff: Int) {
        self.scope = scope
        self.cutoff = cutoff
        indicatorCount = indicators.count
        var n = 0, q = 0, sumD = 0
        var deprived = [Int](repeating: 0, count: IndicatorID.allCases.count)
        var censored = deprived
        for (cell, tally) in cells.cells where scope.includes(cell) {
            n += tally.households
            let poor = cell.deprivationCount >= cutoff
            if poor {
                q += tally.households
                sumD += cell.deprivationCount * tally.households
            }
            for i in deprived.indices {
                deprived[i] += tally.deprived[i]
                if poor { censored[i] += tally.deprived[i] }
            }
        }
        households = n
        multidimensionallyPoor = q
        deprivationsOfPoor = sumD
        self.indicators = indicators.map { ($0, deprived[$0.bit], censored[$0.bit]) }
    }

    /// H = q / N.
    public var headcountRatio: Double { Double(multidimensionallyPoor) / Double(households) }
    /// A = Σ D / (q·n); nil when q = 0.
    public var intensity: Double? {
        multidimensionallyPoor == 0 || indicatorCount == 0
            ? nil : Double(deprivationsOfPoor) / Double(multidimensionallyPoor * indicatorCount)
    }
    /// M0 = H·A = Σ D / (N·n).
    public var adjustedHeadcount: Double {
        indicatorCount == 0 ? 0 : Double(deprivationsOfPoor) / Double(households * indicatorCount)
    }
    /// Share of the scope's households deprived on the indicator.
    public func uncensoredHeadcount(_ index: Int) -> Double { Double(indicators[index].deprived) / Double(households) }
    /// Share of the scope's households that are poor (`D ≥ k`) and deprived on the indicator.
    public func censoredHeadcount(_ index: Int) -> Double { Double(indicators[index].deprivedPoor) / Double(households) }
    /// 100 · w · censored / M0 = 100 · (deprived poor) / Σ D; nil when M0 = 0.
    public func contributionPercent(_ index: Int) -> Double? {
        deprivationsOfPoor == 0 ? nil : 100 * Double(indicators[index].deprivedPoor) / Double(deprivationsOfPoor)
    }
}
