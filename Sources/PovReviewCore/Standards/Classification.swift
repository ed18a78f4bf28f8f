/// The verdict of one standard on one household: status, the measure used, and every
/// indicator's verdict.
public struct Classification: Sendable, Equatable {
    public var status: HouseholdStatus
    public var basis: IncomeBasis
    /// Indicators of the standard on which the household is deprived.
    public var deprivations: DeprivationSet
    /// `D`, the number of deprived indicators.
    public var deprivationCount: Int { deprivations.count }
    /// True when the row has both income and score and they disagree on "at or below the line"
    /// (a data-quality warning; the chosen basis decides).
    public var basesDisagree: Bool

    public init(status: HouseholdStatus, basis: IncomeBasis, deprivations: DeprivationSet, basesDisagree: Bool = false) {
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

        if indicatorSet.contains(.digitalServices), household.digitalServiceUsers == nil {
            return .failure(.missingField("digital_service_users"))
        }
        if indicatorSet.contains(.waste), household.wasteDisposal == nil {
            return .failure(.missingField("waste_disposal"))
        }

        // The rules through `deprivationRules`, not `Indicator.withID(id).isDeprived`: that
        // copied a whole `Indicator` (names, field list, rule) per indicator and household, and
        // the retains and releases were most of the classification's time on 1M households.
        var deprivations = DeprivationSet()
        deprivationRules.withUnsafeBufferPointer { rules in
            for id in indicators where rules[id.bit](household) {
                deprivations.insert(id)
            }
        }

        let status: HouseholdStatus
        if measure <= line {
            status = deprivations.count >= deprivationCutoff ? .poor : .nearPoor
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
            Classification(status: status, basis: basis, deprivations: deprivations,
                           basesDisagree: disagree))
    }
}

/// Each indicator's rule, by `IndicatorID.bit`.
private let deprivationRules: [@Sendable (Household) -> Bool] = Indicator.catalog.map(\.isDeprived)
