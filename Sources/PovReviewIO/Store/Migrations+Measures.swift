/// outputs.md §3: the analyst tables beyond the report forms (depth of poverty, change over
/// time, integrity checks, sensitivity). Filled by `MeasuresStage`.
extension Migrations {
    static let analystMeasures = """
        CREATE TABLE unit_af_measures (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('village', 'commune', 'district', 'province')),
            unit_code TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('all', 'low_income')),
            k INTEGER NOT NULL CHECK (k >= 0),
            indicator_count INTEGER NOT NULL CHECK (indicator_count >= 1),
            households INTEGER NOT NULL CHECK (households > 0),
            multidimensionally_poor INTEGER NOT NULL CHECK (multidimensionally_poor BETWEEN 0 AND households),
            deprivations_of_poor INTEGER NOT NULL CHECK (deprivations_of_poor >= 0),
            headcount_ratio REAL NOT NULL,
            intensity REAL,
            adjusted_headcount REAL NOT NULL,
            PRIMARY KEY (review_year, standard, level, unit_code, scope, k)
        );
        CREATE TABLE unit_af_indicators (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('all', 'low_income')),
            k INTEGER NOT NULL,
            indicator TEXT NOT NULL,
            deprived_households INTEGER NOT NULL CHECK (deprived_households >= 0),
            deprived_poor_households INTEGER NOT NULL CHECK (deprived_poor_households BETWEEN 0 AND deprived_households),
            uncensored_headcount REAL NOT NULL,
            censored_headcount REAL NOT NULL,
            contribution_percent REAL,
            PRIMARY KEY (review_year, standard, level, unit_code, scope, k, indicator)
        );
        CREATE TABLE unit_changes (
            standard TEXT NOT NULL,
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            measure TEXT NOT NULL CHECK (measure IN ('poor_rate', 'near_poor_rate', 'poor_near_poor_rate',
                'ethnic_minority_poor_rate', 'headcount_ratio', 'intensity', 'adjusted_headcount')),
            from_year INTEGER NOT NULL,
            to_year INTEGER NOT NULL CHECK (to_year > from_year),
            kind TEXT NOT NULL CHECK (kind IN ('consecutive', 'whole_period')),
            from_value REAL NOT NULL,
            to_value REAL NOT NULL,
            absolute_change REAL NOT NULL,
            relative_change_percent REAL,
            annualised_absolute REAL NOT NULL,
            annualised_relative_percent REAL,
            PRIMARY KEY (standard, level, unit_code, measure, from_year, to_year, kind)
        );
        CREATE TABLE integrity_findings (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            "check" TEXT NOT NULL CHECK ("check" IN ('income_bunching', 'exit_without_change', 'implausible_drop',
                'bulk_absence', 'sum_mismatch')),
            severity TEXT NOT NULL CHECK (severity IN ('info', 'warning')),
            statistic REAL NOT NULL,
            threshold REAL NOT NULL,
            detail TEXT NOT NULL CHECK (json_valid(detail)),
            PRIMARY KEY (review_year, standard, level, unit_code, "check")
        );
        CREATE TABLE sensitivity (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            scenario TEXT NOT NULL CHECK (scenario IN ('line_minus_10', 'line_minus_5', 'line_plus_5', 'line_plus_10',
                'cutoff_minus_1', 'cutoff_plus_1')),
            poor INTEGER NOT NULL CHECK (poor >= 0),
            near_poor INTEGER NOT NULL CHECK (near_poor >= 0),
            poor_rate REAL NOT NULL,
            poor_near_poor_rate REAL NOT NULL,
            households_changing_status INTEGER NOT NULL CHECK (households_changing_status >= 0),
            PRIMARY KEY (review_year, standard, level, unit_code, scenario)
        );
        CREATE TABLE criteria_sensitivity (
            plan TEXT NOT NULL,
            criterion_id TEXT NOT NULL,
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            evaluation_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            scenario TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('met', 'not_met', 'not_applicable', 'insufficient_data')),
            official_verdict TEXT NOT NULL,
            flipped INTEGER NOT NULL CHECK (flipped IN (0, 1)),
            PRIMARY KEY (plan, criterion_id, level, unit_code, evaluation_year, standard, scenario)
        );
        """
}
