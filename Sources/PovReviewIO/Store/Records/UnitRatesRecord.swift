import PovReviewCore

/// `unit_rates`: counts and rates per unit, review year and standard.
enum UnitRatesRecord: TableRecord {
    static let tableName = "unit_rates"
    /// The columns before the national indicators' count columns.
    static let fixedColumns = [
        "review_year", "standard", "standard_provisional", "level", "unit_code", "unit_name",
        "parent_code", "households", "poor", "near_poor", "average", "poor_near_poor", "poor_rate",
        "near_poor_rate", "poor_near_poor_rate", "ethnic_minority_households", "ethnic_minority_poor",
        "ethnic_minority_poor_rate", "poor_without_labour_capacity", "poor_special_difficulty",
        "poor_members", "near_poor_members", "denominator_source", "reviewed_households",
        "rural_households",
    ]
    /// `poor_deprived_<id>, near_poor_deprived_<id>` of every national indicator, in bit order.
    static let indicatorColumns = IndicatorID.allCases.flatMap {
        ["poor_deprived_\($0.rawValue)", "near_poor_deprived_\($0.rawValue)"]
    }
    static let columns = fixedColumns + indicatorColumns
}
