/// The verdict of one standard on one household: status, the measure used, and every
/// indicator's verdict.
public struct Classification: Sendable, Equatable {
    public var status: HouseholdStatus
    public var basis: IncomeBasis
    /// Indicators of the standard on which the household is deprived.
    public var deprivations: DeprivationSet
    /// Local (non-national) indicators on which the household is deprived: bit `i` is
    /// `Standard.localIndicators[i]`.
    public var localDeprivations: UInt64 = 0
    /// `D`, the number of deprived indicators (national and local).
    public var deprivationCount: Int { deprivations.count + localDeprivations.nonzeroBitCount }
    /// True when the row has both income and score and they disagree on "at or below the line"
    /// (a data-quality warning; the chosen basis decides).
    public var basesDisagree: Bool

    public init(
        status: HouseholdStatus, basis: IncomeBasis, deprivations: DeprivationSet, basesDisagree: Bool = false,
        localDeprivations: UInt64 = 0
    ) {
        self.localDeprivations = localDeprivations
        self.status = status
        self.basis = basis
        self.deprivations = deprivations
        self.basesDisagree = basesDisagree
    }
}

/// Why a household cannot be classified under a standard (the validator prevents these).
public enum ClassificationProblem: Error, Equatable, Sendable {
    /// The basis the policy requires is absent from the row (`income_per_capita` or `income_score`).
    case missingBasis(IncomeBasis)
    /// A field an indicator of the standard needs is absent.
    case missingField(String)
}

extension Standard {
    /// Classifies `household` under this standard (standards.md, "Classification of one household").
    ///
    /// - `poor`: `I ≤ line` and `D ≥ cutoff`; `near_poor`: `I ≤ line` and `D < cutoff`;
    /// - `average`: `line < I ≤ upper` (income basis, when the standard has a band);
    /// - `above`: otherwise. A household above the line is never poor, whatever its deprivations.
    public func classification(
        of household: Household, basisPolicy: IncomeBasisPolicy = .auto
    ) -> Result<Classification, ClassificationProblem> {
        let basis: IncomeBasis
        switch basisPolicy {
        case .auto:
            basis = (household.incomeScore != nil && scoreLine != nil) ? .score : .income
        case .income: basis = .income
        case .score: basis = .score
        }

        let measure: Int64
        let line: Int64
        switch basis {
        case .income:
            guard let income = household.incomePerCapita else { return .failure(.missingBasis(.income)) }
            measure = income
            line = incomeLine[household.area]
        case .score:
            guard let score = household.incomeScore, let scoreLine else {
                return .failure(.missingBasis(.score))
            }
            measure = score
            line = scoreLine[household.area]
        }

        for column in optionalColumns {
            if (column == .digitalServiceUsers && household.digitalServiceUsers == nil)
                || (column == .wasteDisposal && household.wasteDisposal == nil)
            {
                return .failure(.missingField(column.rawValue))
            }
        }
        if household.extraValues.count < extraValuesNeeded {
            return .failure(.missingField("extra input columns of \(id)"))
        }

        // Every indicator's rule, from the standard file, in one compiled program.
        let verdicts = program.evaluate(household)
        let deprivations = DeprivationSet(bits: verdicts.national)
        let deprivedCount = deprivations.count + verdicts.local.nonzeroBitCount

        let status: HouseholdStatus
        if measure <= line {
            status = deprivedCount >= deprivationCutoff ? .poor : .nearPoor
        } else if basis == .income, let upper = averageUpperBound, measure <= upper[household.area] {
            status = .average
        } else {
            status = .above
        }

        var disagree = false
        if let income = household.incomePerCapita, let score = household.incomeScore,
            let scoreLine
        {
            disagree = (income <= incomeLine[household.area]) != (score <= scoreLine[household.area])
        }
        return .success(
            Classification(
                status: status, basis: basis, deprivations: deprivations,
                basesDisagree: disagree, localDeprivations: verdicts.local))
    }
}
