/// `criteria_results`: one verdict per plan, criterion, unit, evaluation year and standard.
enum CriteriaResultRecord: TableRecord {
    static let tableName = "criteria_results"
    static let columns = [
        "plan", "criterion_id", "criterion_text_vi", "level", "unit_code", "unit_name", "evaluation_year",
        "standard", "verdict", "evidence", "borderline", "explanation_vi", "explanation_en",
        "criterion_label_vi", "criterion_label_en",
    ]
}

/// `sustained_escapes`: households poor at a plan's baseline and out of poverty since.
enum SustainedEscapeRecord: TableRecord {
    static let tableName = "sustained_escapes"
    static let columns = [
        "plan", "baseline_year", "evaluation_year", "standard", "household_id", "village_code", "commune_code",
        "province_code",
    ]
}

/// `criteria_sensitivity`: one verdict per criterion, unit, year, standard and scenario.
enum CriteriaSensitivityRecord: TableRecord {
    static let tableName = "criteria_sensitivity"
    static let columns = [
        "plan", "criterion_id", "level", "unit_code", "evaluation_year", "standard", "scenario", "verdict",
        "official_verdict", "flipped",
    ]
}
