/// A "what if" for the sensitivity tables (outputs.md §3, `sensitivity`): the income line moved
/// by −10%, −5%, +5% or +10% (only the line; the average-living-standard band keeps its upper
/// bound), or the deprivation cut-off moved to `k − 1` or `k + 1`.
public enum SensitivityScenario: String, Sendable, CaseIterable, Hashable {
    case lineMinus10 = "line_minus_10"
    case lineMinus5 = "line_minus_5"
    case linePlus5 = "line_plus_5"
    case linePlus10 = "line_plus_10"
    case cutoffMinus1 = "cutoff_minus_1"
    case cutoffPlus1 = "cutoff_plus_1"

    /// How much the line moves, in percent (0 for the cut-off scenarios).
    public var lineShiftPercent: Int {
        switch self {
        case .lineMinus10: -10
        case .lineMinus5: -5
        case .linePlus5: 5
        case .linePlus10: 10
        case .cutoffMinus1, .cutoffPlus1: 0
        }
    }

    /// How much the deprivation cut-off moves.
    public var cutoffShift: Int {
        switch self {
        case .cutoffMinus1: -1
        case .cutoffPlus1: 1
        default: 0
        }
    }

    /// English label for reports.
    public var labelEN: String {
        switch self {
        case .lineMinus10: "line −10%"
        case .lineMinus5: "line −5%"
        case .linePlus5: "line +5%"
        case .linePlus10: "line +10%"
        case .cutoffMinus1: "cut-off k − 1"
        case .cutoffPlus1: "cut-off k + 1"
        }
    }

    /// Vietnamese label for reports.
    public var labelVi: String {
        switch self {
        case .lineMinus10: "chuẩn thu nhập −10%"
        case .lineMinus5: "chuẩn thu nhập −5%"
        case .linePlus5: "chuẩn thu nhập +5%"
        case .linePlus10: "chuẩn thu nhập +10%"
        case .cutoffMinus1: "ngưỡng thiếu hụt k − 1"
        case .cutoffPlus1: "ngưỡng thiếu hụt k + 1"
        }
    }

    /// The status of the households of `cell` under the scenario, for a standard with cut-off
    /// `cutoff` and (when `hasAverageBand`) an average-living-standard band on the income basis.
    ///
    /// At or below the moved line: poor when `D ≥ k'`, else near-poor. Above it: a household that
    /// was poor or near-poor becomes `average` on the income basis of a standard with the band
    /// (its income is still below the band's upper bound, 1.5 × line), else `above`; the others
    /// keep their status. A cell without a band (no line for its basis) keeps its status.
    public func status(of cell: StatusCell, cutoff: Int, hasAverageBand: Bool) -> HouseholdStatus {
        guard let band = cell.band else { return cell.status }
        let k = cutoff + cutoffShift
        let within = lineShiftPercent == 0 ? cell.isLowIncome : band.isAtOrBelow(linePercentShift: lineShiftPercent)
        if within { return cell.deprivationCount >= k ? .poor : .nearPoor }
        if cell.isLowIncome { return hasAverageBand && cell.basis == .income ? .average : .above }
        return cell.status
    }
}

/// A unit's counts under one scenario (outputs.md §3, `sensitivity`), with the tally the plan
/// evaluator needs to re-decide the criteria.
public struct ScenarioFigures: Sendable, Equatable {
    public var poor = 0
    public var nearPoor = 0
    public var average = 0
    /// Households whose status differs from the official one.
    public var householdsChangingStatus = 0
    public var ethnicMinorityPoor = 0
    public var poorWithoutLabourCapacity = 0
    public var poorSpecialDifficulty = 0
    public var poorMembers = 0
    public var nearPoorMembers = 0
    public var poorDeprived = [Int](repeating: 0, count: IndicatorID.allCases.count)
    public var nearPoorDeprived = [Int](repeating: 0, count: IndicatorID.allCases.count)

    public init() {}

    /// The figures of `cells` under `scenario`.
    public init(cells: UnitCells, scenario: SensitivityScenario, cutoff: Int, hasAverageBand: Bool) {
        for (cell, tally) in cells.cells {
            let status = scenario.status(of: cell, cutoff: cutoff, hasAverageBand: hasAverageBand)
            if status != cell.status { householdsChangingStatus += tally.households }
            switch status {
            case .poor:
                poor += tally.households
                ethnicMinorityPoor += tally.ethnicMinority
                poorWithoutLabourCapacity += tally.withoutLabourCapacity
                poorSpecialDifficulty += tally.specialDifficulty
                poorMembers += tally.members
                for i in poorDeprived.indices { poorDeprived[i] += tally.deprived[i] }
            case .nearPoor:
                nearPoor += tally.households
                nearPoorMembers += tally.members
                for i in nearPoorDeprived.indices { nearPoorDeprived[i] += tally.deprived[i] }
            case .average:
                average += tally.households
            case .above:
                break
            }
        }
    }

    /// `tally` with its poor, near-poor and average counts replaced by the scenario's (the
    /// households, ethnic-minority and rural counts are not moved by a scenario).
    public func applied(to tally: UnitTally) -> UnitTally {
        var result = tally
        result.poor = poor
        result.nearPoor = nearPoor
        result.average = average
        result.ethnicMinorityPoor = ethnicMinorityPoor
        result.poorWithoutLabourCapacity = poorWithoutLabourCapacity
        result.poorSpecialDifficulty = poorSpecialDifficulty
        result.poorMembers = poorMembers
        result.nearPoorMembers = nearPoorMembers
        for i in poorDeprived.indices {
            result.poorDeprived[i] = poorDeprived[i]
            result.nearPoorDeprived[i] = nearPoorDeprived[i]
        }
        return result
    }
}
