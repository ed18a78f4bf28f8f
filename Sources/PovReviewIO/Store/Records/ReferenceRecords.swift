/// `admin_units`: the administrative units of the run's reference file.
enum AdminUnitRecord: TableRecord {
    static let tableName = "admin_units"
    static let columns = [
        "code", "name", "level", "parent_code", "poor_district", "coastal_special_difficulty", "ethnic_region",
        "valid_from", "valid_to",
    ]
}

/// `standards`: the poverty standards the run used.
enum StandardRecord: TableRecord {
    static let tableName = "standards"
    static let columns = [
        "standard", "name_vi", "legal_basis", "provisional", "national", "income_line_rural",
        "income_line_urban", "average_upper_rural", "average_upper_urban", "score_line_rural",
        "score_line_urban", "deprivation_cutoff", "indicators",
    ]
}

/// `standard_indicators`: each standard's indicators, in file order.
enum StandardIndicatorRecord: TableRecord {
    static let tableName = "standard_indicators"
    static let columns = [
        "standard", "indicator", "position", "name_vi", "name_en", "dimension", "national_column",
        "provisional", "legal_basis", "rule",
    ]
}

/// `change_codes`: what each transition change code means.
enum ChangeCodeRecord: TableRecord {
    static let tableName = "change_codes"
    static let columns = [
        "change", "position", "to_status", "from_status", "meaning_vi", "meaning_en", "poor_dynamics_column",
        "near_poor_dynamics_column", "report_column_vi",
    ]
}
