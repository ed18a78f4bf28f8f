import PovReviewCore

/// `household_status`: one row per household, review year and standard.
enum HouseholdStatusRecord: TableRecord {
    static let tableName = "household_status"
    /// The columns before the national indicators' `deprived_<id>` columns.
    static let fixedColumns = [
        "review_year", "standard", "household_id", "province_code", "district_code", "commune_code",
        "village", "area", "members", "ethnic_minority", "income_basis", "income_per_capita",
        "income_score", "deprivation_count", "status", "without_labour_capacity", "with_social_protection",
    ]
    /// `deprived_<id>` of every national indicator, in `IndicatorID.allCases` (bit) order.
    static let indicatorColumns = IndicatorID.allCases.map { "deprived_\($0.rawValue)" }
    static let columns = fixedColumns + indicatorColumns
}

/// `household_contact`: the head's name and keyed ID hash, when a pipeline opts in.
enum HouseholdContactRecord: TableRecord {
    static let tableName = "household_contact"
    static let columns = ["review_year", "household_id", "head_name", "head_id_hash"]
}

/// `household_deprivation`: a local standard's own indicators, in long form.
enum HouseholdDeprivationRecord: TableRecord {
    static let tableName = "household_deprivation"
    static let columns = ["review_year", "standard", "household_id", "indicator", "deprived"]
}
