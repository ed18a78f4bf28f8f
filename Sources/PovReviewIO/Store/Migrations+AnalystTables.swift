/// Migration `011-analyst-tables` (issue 9, item 4): tables that answer the analysts' common
/// questions without a scan of the household tables.
///
/// - `unit_dynamics` becomes a table (it was a view over `unit_transition_events`, 2.3 s filtered
///   and 7.8 s whole on 100,000 households × 5 years): same columns in the same order, then
///   `unit_name` and `poor_escaped_total` (thoát nghèo). Filled by `AnalystTables.build` once the
///   transitions are written; the reconciliation of outputs.md is a CHECK.
/// - `unit_deprivations`: deprivation counts per unit, year, standard and indicator in long form,
///   with the indicator's Vietnamese name and dimension.
/// - `change_codes`: the 15 transition codes with their meaning and the report column they feed.
/// - `latest_unit_rates` keeps only units that exist in the latest review year of their standard:
///   a commune abolished by the 2025 reform (last row 2024) no longer sits beside its successor.
extension Migrations {
    static let analystTables = """
        DROP VIEW unit_dynamics;
        CREATE TABLE unit_dynamics (
            level TEXT NOT NULL CHECK (level IN ('village', 'commune', 'district', 'province')),
            unit_code TEXT NOT NULL,
            standard TEXT NOT NULL,
            from_year INTEGER NOT NULL,
            to_year INTEGER NOT NULL CHECK (to_year = from_year + 1),
            poor_start INTEGER NOT NULL,
            poor_to_near_poor INTEGER NOT NULL,
            poor_escaped_above INTEGER NOT NULL,
            poor_left INTEGER NOT NULL,
            poor_from_near_poor INTEGER NOT NULL,
            poor_fell_back INTEGER NOT NULL,
            poor_newly INTEGER NOT NULL,
            poor_entered INTEGER NOT NULL,
            poor_end INTEGER NOT NULL,
            near_poor_start INTEGER NOT NULL,
            near_poor_to_poor INTEGER NOT NULL,
            near_poor_escaped INTEGER NOT NULL,
            near_poor_left INTEGER NOT NULL,
            near_poor_from_poor INTEGER NOT NULL,
            near_poor_fell_back INTEGER NOT NULL,
            near_poor_newly INTEGER NOT NULL,
            near_poor_entered INTEGER NOT NULL,
            near_poor_end INTEGER NOT NULL,
            unit_name TEXT NOT NULL,
            poor_escaped_total INTEGER NOT NULL CHECK (poor_escaped_total = poor_to_near_poor + poor_escaped_above),
            CHECK (poor_end = poor_start - poor_to_near_poor - poor_escaped_above - poor_left
                + poor_from_near_poor + poor_fell_back + poor_newly + poor_entered),
            CHECK (near_poor_end = near_poor_start - near_poor_to_poor - near_poor_escaped - near_poor_left
                + near_poor_from_poor + near_poor_fell_back + near_poor_newly + near_poor_entered),
            PRIMARY KEY (level, unit_code, standard, to_year)
        );
        CREATE TABLE unit_deprivations (
            review_year INTEGER NOT NULL,
            standard TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('village', 'commune', 'district', 'province')),
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            indicator TEXT NOT NULL,
            indicator_name_vi TEXT NOT NULL,
            indicator_name_en TEXT NOT NULL,
            dimension TEXT NOT NULL,
            dimension_vi TEXT NOT NULL,
            poor INTEGER NOT NULL,
            poor_deprived INTEGER NOT NULL CHECK (poor_deprived BETWEEN 0 AND poor),
            near_poor INTEGER NOT NULL,
            near_poor_deprived INTEGER NOT NULL CHECK (near_poor_deprived BETWEEN 0 AND near_poor),
            PRIMARY KEY (review_year, standard, level, unit_code, indicator)
        );
        CREATE TABLE change_codes (
            change TEXT PRIMARY KEY,
            position INTEGER NOT NULL UNIQUE,
            to_status TEXT NOT NULL,
            from_status TEXT NOT NULL,
            meaning_vi TEXT NOT NULL,
            meaning_en TEXT NOT NULL,
            poor_dynamics_column TEXT,
            near_poor_dynamics_column TEXT,
            report_column_vi TEXT
        );
        DROP VIEW latest_unit_rates;
        CREATE VIEW latest_unit_rates AS
            SELECT r.* FROM unit_rates r
            JOIN (SELECT standard, max(review_year) AS latest_year FROM unit_rates GROUP BY standard) l
                ON r.standard = l.standard AND r.review_year = l.latest_year;
        """
}
