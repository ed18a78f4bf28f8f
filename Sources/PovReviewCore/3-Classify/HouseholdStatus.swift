/// The classification of a household under one standard.
public enum HouseholdStatus: String, CaseIterable, Sendable, Codable {
    /// Hộ nghèo: at or below the line and deprived on at least the cut-off number of indicators.
    case poor
    /// Hộ cận nghèo: at or below the line, deprived on fewer indicators than the cut-off.
    case nearPoor = "near_poor"
    /// Hộ có mức sống trung bình: above the line, at or below the upper bound (income basis only).
    case average
    /// Above the line (and above the average band where there is one).
    case above

    /// Vietnamese label for reports.
    public var labelVi: String {
        switch self {
        case .poor: "Hộ nghèo"
        case .nearPoor: "Hộ cận nghèo"
        case .average: "Hộ có mức sống trung bình"
        case .above: "Hộ không nghèo"
        }
    }
}

/// Which income measure decided a classification.
public enum IncomeBasis: String, Sendable, Codable {
    /// Income per capita in VND per person per month.
    case income
    /// The B1 proxy score (form B1, "điểm A").
    case score
}

/// How to choose the income measure (pipeline configuration, default `auto`).
public enum IncomeBasisPolicy: String, Sendable, Codable, CaseIterable {
    /// The score when the row has one and the standard publishes a score line, else income.
    case auto
    /// Always the income per capita.
    case income
    /// Always the B1 score.
    case score
}
