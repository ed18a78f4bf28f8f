/// The database schema as named, append-only migrations (STYLE.md: never edit a shipped
/// migration; add a new one). Applied in order to every new database and recorded in
/// `schema_migrations`. Column names are the analysts' contract (outputs.md).
enum Migrations {
    /// (name, SQL) in application order.
    static let all: [(name: String, sql: String)] = [
        ("001-run-log", runLog),
        ("002-households", households),
        ("003-unit-rates", unitRates),
        ("004-transitions", transitions),
        ("005-criteria", criteria),
        ("006-documentation", documentation),
        ("007-household-deprivation", householdDeprivation),
        ("008-standard-indicators", standardIndicators),
        ("010-analyst-measures", analystMeasures),
        ("011-analyst-tables", analystTables),
        ("013-criterion-labels", criterionLabels),
        ("014-incremental", incremental),
    ]

    static let runLog = """
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            pipeline TEXT NOT NULL,
            config_sha256 TEXT NOT NULL,
            tool_version TEXT NOT NULL
        );
        CREATE TABLE input_files (
            run_id INTEGER NOT NULL REFERENCES runs (run_id),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
            rows_accepted INTEGER NOT NULL CHECK (rows_accepted >= 0),
            rows_quarantined INTEGER NOT NULL CHECK (rows_quarantined >= 0),
            CHECK (rows_read = rows_accepted + rows_quarantined),
            PRIMARY KEY (run_id, path)
        );
        CREATE TABLE input_file_years (
            run_id INTEGER NOT NULL REFERENCES runs (run_id),
            path TEXT NOT NULL,
            review_year INTEGER,
            rows_read INTEGER NOT NULL,
            rows_accepted INTEGER NOT NULL,
            rows_quarantined INTEGER NOT NULL,
            CHECK (rows_read = rows_accepted + rows_quarantined)
        );
        CREATE TABLE quarantine (
            run_id INTEGER NOT NULL REFERENCES runs (run_id),
            source_file TEXT NOT NULL,
            line INTEGER NOT NULL CHECK (line >= 1),
            column_name TEXT,
            reason TEXT NOT NULL CHECK (reason IN ('malformed_row', 'invalid_encoding', 'missing_value',
                'invalid_number', 'invalid_enum', 'inconsistent_counts', 'unknown_unit',
                'unsupported_year', 'duplicate_household')),
            message TEXT NOT NULL,
            raw TEXT,
            review_year INTEGER,
            household_id TEXT
        );
        CREATE TABLE warnings (
            run_id INTEGER NOT NULL REFERENCES runs (run_id),
            source_file TEXT,
            line INTEGER,
            code TEXT NOT NULL,
            message TEXT NOT NULL
        );
        """

    static let households = """
        CREATE TABLE household_status (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            household_id TEXT NOT NULL,
            province_code TEXT NOT NULL,
            district_code TEXT,
            commune_code TEXT NOT NULL,
            village TEXT NOT NULL,
            area TEXT NOT NULL CHECK (area IN ('rural', 'urban')),
            members INTEGER NOT NULL CHECK (members >= 1),
            ethnic_minority INTEGER NOT NULL CHECK (ethnic_minority IN (0, 1)),
            income_basis TEXT NOT NULL CHECK (income_basis IN ('income', 'score')),
            income_per_capita INTEGER,
            income_score INTEGER,
            deprivation_count INTEGER NOT NULL CHECK (deprivation_count >= 0),
            status TEXT NOT NULL CHECK (status IN ('poor', 'near_poor', 'average', 'above')),
            without_labour_capacity INTEGER NOT NULL CHECK (without_labour_capacity IN (0, 1)),
            with_social_protection INTEGER NOT NULL CHECK (with_social_protection IN (0, 1)),
        deprived_employment INTEGER CHECK (deprived_employment IN (0, 1)),
        deprived_dependants INTEGER CHECK (deprived_dependants IN (0, 1)),
        deprived_nutrition INTEGER CHECK (deprived_nutrition IN (0, 1)),
        deprived_health_insurance INTEGER CHECK (deprived_health_insurance IN (0, 1)),
        deprived_adult_education INTEGER CHECK (deprived_adult_education IN (0, 1)),
        deprived_child_schooling INTEGER CHECK (deprived_child_schooling IN (0, 1)),
        deprived_housing_quality INTEGER CHECK (deprived_housing_quality IN (0, 1)),
        deprived_housing_area INTEGER CHECK (deprived_housing_area IN (0, 1)),
        deprived_water INTEGER CHECK (deprived_water IN (0, 1)),
        deprived_latrine INTEGER CHECK (deprived_latrine IN (0, 1)),
        deprived_telecom INTEGER CHECK (deprived_telecom IN (0, 1)),
        deprived_information_access INTEGER CHECK (deprived_information_access IN (0, 1)),
        deprived_digital_services INTEGER CHECK (deprived_digital_services IN (0, 1)),
        deprived_waste INTEGER CHECK (deprived_waste IN (0, 1))
        );
        CREATE TABLE household_contact (
            review_year INTEGER NOT NULL,
            household_id TEXT NOT NULL,
            head_name TEXT,
            head_id_hash TEXT,
            PRIMARY KEY (review_year, household_id)
        );
        """

    static let unitRates = """
        CREATE TABLE unit_rates (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            standard_provisional INTEGER NOT NULL CHECK (standard_provisional IN (0, 1)),
            level TEXT NOT NULL CHECK (level IN ('village', 'commune', 'district', 'province')),
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            parent_code TEXT,
            households INTEGER NOT NULL CHECK (households > 0),
            poor INTEGER NOT NULL,
            near_poor INTEGER NOT NULL,
            average INTEGER NOT NULL,
            poor_near_poor INTEGER NOT NULL,
            poor_rate REAL NOT NULL,
            near_poor_rate REAL NOT NULL,
            poor_near_poor_rate REAL NOT NULL,
            ethnic_minority_households INTEGER NOT NULL,
            ethnic_minority_poor INTEGER NOT NULL,
            ethnic_minority_poor_rate REAL,
            poor_without_labour_capacity INTEGER NOT NULL,
            poor_special_difficulty INTEGER NOT NULL,
            poor_members INTEGER NOT NULL,
            near_poor_members INTEGER NOT NULL,
            denominator_source TEXT NOT NULL CHECK (denominator_source IN ('dump', 'totals')),
            reviewed_households INTEGER NOT NULL,
            rural_households INTEGER NOT NULL,
        poor_deprived_employment INTEGER,
        near_poor_deprived_employment INTEGER,
        poor_deprived_dependants INTEGER,
        near_poor_deprived_dependants INTEGER,
        poor_deprived_nutrition INTEGER,
        near_poor_deprived_nutrition INTEGER,
        poor_deprived_health_insurance INTEGER,
        near_poor_deprived_health_insurance INTEGER,
        poor_deprived_adult_education INTEGER,
        near_poor_deprived_adult_education INTEGER,
        poor_deprived_child_schooling INTEGER,
        near_poor_deprived_child_schooling INTEGER,
        poor_deprived_housing_quality INTEGER,
        near_poor_deprived_housing_quality INTEGER,
        poor_deprived_housing_area INTEGER,
        near_poor_deprived_housing_area INTEGER,
        poor_deprived_water INTEGER,
        near_poor_deprived_water INTEGER,
        poor_deprived_latrine INTEGER,
        near_poor_deprived_latrine INTEGER,
        poor_deprived_telecom INTEGER,
        near_poor_deprived_telecom INTEGER,
        poor_deprived_information_access INTEGER,
        near_poor_deprived_information_access INTEGER,
        poor_deprived_digital_services INTEGER,
        near_poor_deprived_digital_services INTEGER,
        poor_deprived_waste INTEGER,
        near_poor_deprived_waste INTEGER,
            PRIMARY KEY (review_year, standard, level, unit_code)
        );
        CREATE VIEW latest_unit_rates AS
            SELECT r.* FROM unit_rates r
            WHERE r.review_year = (SELECT max(l.review_year) FROM unit_rates l
                                   WHERE l.standard = r.standard AND l.level = r.level
                                     AND l.unit_code = r.unit_code);
        CREATE VIEW province_time_series AS
            SELECT review_year, standard, unit_code AS province_code, unit_name AS province_name,
                   households, poor, near_poor, poor_near_poor, poor_rate, near_poor_rate,
                   poor_near_poor_rate, ethnic_minority_poor_rate
            FROM unit_rates WHERE level = 'province';
        """

    static let transitions = """
        CREATE TABLE household_transitions (
            household_id TEXT NOT NULL,
            from_year INTEGER NOT NULL,
            to_year INTEGER NOT NULL CHECK (to_year = from_year + 1),
            standard TEXT NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            change TEXT NOT NULL,
            from_village_code TEXT,
            to_village_code TEXT,
            from_commune_code TEXT,
            to_commune_code TEXT,
            from_district_code TEXT,
            to_district_code TEXT,
            from_province_code TEXT,
            to_province_code TEXT,
            PRIMARY KEY (standard, from_year, household_id)
        );
        CREATE VIEW unit_transition_events AS
            WITH levels(level) AS (VALUES ('village'), ('commune'), ('district'), ('province')),
            sides AS (
                SELECT l.level, t.standard, t.from_year, t.to_year, t.from_status, t.to_status, t.change,
                    CASE l.level WHEN 'village' THEN t.from_village_code WHEN 'commune' THEN t.from_commune_code
                        WHEN 'district' THEN t.from_district_code ELSE t.from_province_code END AS from_unit,
                    CASE l.level WHEN 'village' THEN t.to_village_code WHEN 'commune' THEN t.to_commune_code
                        WHEN 'district' THEN t.to_district_code ELSE t.to_province_code END AS to_unit
                FROM household_transitions t CROSS JOIN levels l
            )
            SELECT level, from_unit AS unit_code, standard, from_year, to_year, from_status, to_status, change
                FROM sides WHERE from_unit IS NOT NULL AND from_unit = to_unit
            UNION ALL
            SELECT level, from_unit, standard, from_year, to_year, from_status, 'absent',
                CASE from_status WHEN 'poor' THEN 'poor_left' WHEN 'near_poor' THEN 'near_poor_left'
                    ELSE 'stayed_out' END
                FROM sides WHERE from_unit IS NOT NULL AND (to_unit IS NULL OR to_unit <> from_unit)
            UNION ALL
            SELECT level, to_unit, standard, from_year, to_year, 'absent', to_status,
                CASE to_status WHEN 'poor' THEN 'entered_poor' WHEN 'near_poor' THEN 'entered_near_poor'
                    ELSE 'stayed_out' END
                FROM sides WHERE to_unit IS NOT NULL AND (from_unit IS NULL OR from_unit <> to_unit);
        CREATE VIEW unit_dynamics AS
            SELECT level, unit_code, standard, from_year, to_year,
                sum(from_status = 'poor') AS poor_start,
                sum(change = 'poor_to_near_poor') AS poor_to_near_poor,
                sum(change = 'escaped_above_near_poor') AS poor_escaped_above,
                sum(change = 'poor_left') AS poor_left,
                sum(change = 'near_poor_to_poor') AS poor_from_near_poor,
                sum(change = 'fell_back_poor') AS poor_fell_back,
                sum(change = 'newly_poor') AS poor_newly,
                sum(change = 'entered_poor') AS poor_entered,
                sum(to_status = 'poor') AS poor_end,
                sum(from_status = 'near_poor') AS near_poor_start,
                sum(change = 'near_poor_to_poor') AS near_poor_to_poor,
                sum(change = 'escaped_near_poverty') AS near_poor_escaped,
                sum(change = 'near_poor_left') AS near_poor_left,
                sum(change = 'poor_to_near_poor') AS near_poor_from_poor,
                sum(change = 'fell_back_near_poor') AS near_poor_fell_back,
                sum(change = 'newly_near_poor') AS near_poor_newly,
                sum(change = 'entered_near_poor') AS near_poor_entered,
                sum(to_status = 'near_poor') AS near_poor_end
            FROM unit_transition_events
            GROUP BY level, unit_code, standard, from_year, to_year;
        """

    static let criteria = """
        CREATE TABLE criteria_results (
            plan TEXT NOT NULL,
            criterion_id TEXT NOT NULL,
            criterion_text_vi TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('village', 'commune', 'district', 'province')),
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            evaluation_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('met', 'not_met', 'not_applicable', 'insufficient_data')),
            evidence TEXT NOT NULL CHECK (json_valid(evidence)),
            borderline INTEGER NOT NULL CHECK (borderline IN (0, 1)),
            explanation_vi TEXT,
            explanation_en TEXT,
            PRIMARY KEY (plan, criterion_id, unit_code, evaluation_year, standard)
        );
        CREATE TABLE sustained_escapes (
            plan TEXT NOT NULL,
            baseline_year INTEGER NOT NULL,
            evaluation_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            household_id TEXT NOT NULL,
            village_code TEXT NOT NULL,
            commune_code TEXT NOT NULL,
            province_code TEXT NOT NULL,
            PRIMARY KEY (plan, evaluation_year, household_id)
        );
        """

    static let documentation = """
        CREATE TABLE columns (
            table_name TEXT NOT NULL,
            column_name TEXT NOT NULL,
            description_en TEXT NOT NULL,
            description_vi TEXT NOT NULL,
            PRIMARY KEY (table_name, column_name)
        );
        CREATE TABLE admin_units (
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            parent_code TEXT,
            poor_district INTEGER NOT NULL,
            coastal_special_difficulty INTEGER NOT NULL,
            ethnic_region TEXT,
            valid_from INTEGER,
            valid_to INTEGER
        );
        CREATE TABLE standards (
            standard TEXT PRIMARY KEY,
            name_vi TEXT NOT NULL,
            legal_basis TEXT NOT NULL,
            provisional INTEGER NOT NULL,
            national INTEGER NOT NULL,
            income_line_rural INTEGER NOT NULL,
            income_line_urban INTEGER NOT NULL,
            average_upper_rural INTEGER,
            average_upper_urban INTEGER,
            score_line_rural INTEGER,
            score_line_urban INTEGER,
            deprivation_cutoff INTEGER NOT NULL,
            indicators TEXT NOT NULL
        );
        """

    /// outputs.md: a local standard's indicators beyond the national ones, in long form. Every
    /// indicator a standard file can name today has a `deprived_<id>` column, so the table stays
    /// empty until the catalogue gains a local-only indicator.
    static let householdDeprivation = """
        CREATE TABLE household_deprivation (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            household_id TEXT NOT NULL,
            indicator TEXT NOT NULL,
            deprived INTEGER NOT NULL CHECK (deprived IN (0, 1)),
            PRIMARY KEY (review_year, standard, household_id, indicator)
        );
        """
}
