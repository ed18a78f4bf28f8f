/// `unit_af_measures`: Alkire–Foster measures per unit, scope and cutoff k.
enum AFMeasureRecord: TableRecord {
    static let tableName = "unit_af_measures"
    static let columns = [
        "review_year", "standard", "level", "unit_code", "scope", "k", "indicator_count", "households",
        "multidimensionally_poor", "deprivations_of_poor", "headcount_ratio", "intensity", "adjusted_headcount",
    ]
}

/// `unit_af_indicators`: each indicator's headcounts and contribution to M0.
enum AFIndicatorRecord: TableRecord {
    static let tableName = "unit_af_indicators"
    static let columns = [
        "review_year", "standard", "level", "unit_code", "scope", "k", "indicator", "deprived_households",
        "deprived_poor_households", "uncensored_headcount", "censored_headcount", "contribution_percent",
    ]
}

/// `unit_changes`: changes of a unit's measures between review years.
enum UnitChangeRecord: TableRecord {
    static let tableName = "unit_changes"
    static let columns = [
        "standard", "level", "unit_code", "measure", "from_year", "to_year", "kind", "from_value", "to_value",
        "absolute_change", "relative_change_percent", "annualised_absolute", "annualised_relative_percent",
    ]
}

/// `sensitivity`: a unit's counts under each sensitivity scenario.
enum SensitivityRecord: TableRecord {
    static let tableName = "sensitivity"
    static let columns = [
        "review_year", "standard", "level", "unit_code", "scenario", "poor", "near_poor", "poor_rate",
        "poor_near_poor_rate", "households_changing_status",
    ]
}

/// `integrity_findings`: the integrity checks' findings.
enum IntegrityFindingRecord: TableRecord {
    static let tableName = "integrity_findings"
    static let columns = [
        "review_year", "standard", "level", "unit_code", "check", "severity", "statistic", "threshold", "detail",
    ]
}

/// `unit_deprivations`: deprivations per unit and indicator, in long form.
enum UnitDeprivationRecord: TableRecord {
    static let tableName = "unit_deprivations"
    static let columns = [
        "review_year", "standard", "level", "unit_code", "unit_name", "indicator", "indicator_name_vi",
        "indicator_name_en", "dimension", "dimension_vi", "poor", "poor_deprived", "near_poor",
        "near_poor_deprived",
    ]
}

/// `household_transitions`: a household's change between two review years.
enum HouseholdTransitionRecord: TableRecord {
    static let tableName = "household_transitions"
    static let columns = [
        "household_id", "from_year", "to_year", "standard", "from_status", "to_status", "change",
        "from_village_code", "to_village_code", "from_commune_code", "to_commune_code", "from_district_code",
        "to_district_code", "from_province_code", "to_province_code",
    ]
}
