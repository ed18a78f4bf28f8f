extension RateMetric {
    /// The numerator and denominator of the metric in `figures`.
    public func parts(of figures: UnitFigures) -> (numerator: Rational, denominator: Rational) {
        switch self {
        case .poorRate: (figures.poor, figures.households)
        case .nearPoorRate: (figures.nearPoor, figures.households)
        case .poorNearPoorRate: (figures.poorNearPoor, figures.households)
        case .ethnicMinorityPoorRate: (figures.ethnicMinorityPoor, figures.ethnicMinorityHouseholds)
        case .ethnicMinorityPoorShare: (figures.ethnicMinorityPoor, figures.poor)
        }
    }

    /// The `not_applicable` reason when the denominator is 0.
    var zeroDenominatorReason: Evidence.Reason {
        switch self {
        case .ethnicMinorityPoorRate: .noEthnicMinorityHouseholds
        case .ethnicMinorityPoorShare: .noPoorHouseholds
        case .poorRate, .nearPoorRate, .poorNearPoorRate: .missingYears
        }
    }
}

extension Evidence.YearFigure {
    /// The figure of a rate metric in one year (value nil when the denominator is 0).
    public static func rate(_ metric: RateMetric, _ figures: UnitFigures, year: ReviewYear, standard: StandardID?) -> Self {
        let (n, d) = metric.parts(of: figures)
        let value = figures.value(of: metric)
        return Self(
            year: year.value, numerator: n, denominator: d, value: value,
            rounded: value?.decimalText(places: 2), standard: standard, restated: figures.restatement)
    }

    /// The figure of a count metric in one year.
    public static func count(_ metric: CountMetric, _ figures: UnitFigures, year: ReviewYear, standard: StandardID?) -> Self {
        let value = figures.value(of: metric)
        return Self(
            year: year.value, numerator: nil, denominator: nil, value: value,
            rounded: value.isInteger ? nil : value.decimalText(places: 2), standard: standard,
            restated: figures.restatement)
    }
}

extension Evidence {
    /// Starts the evidence of a rule with its metric and bound.
    init(rule: String, metric: Metric?, bound: Bound?) {
        self.init(rule: rule)
        describe(metric: metric, bound: bound)
    }

    /// Records the metric and bound judged.
    mutating func describe(metric: Metric?, bound: Bound?) {
        self.metric = metric
        if let bound {
            comparison = bound.comparison
            threshold = bound.threshold.value.plainText
            if bound.threshold.provisional { provisional = true }
        }
    }

    /// Whether any year figure was restated.
    var anyRestated: Bool { years?.contains { $0.restated != nil } ?? false }
}
