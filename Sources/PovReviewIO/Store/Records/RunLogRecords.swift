/// `quarantine`: the rows rejected by validation, with their raw text.
enum QuarantineRecord: TableRecord {
    static let tableName = "quarantine"
    static let columns = [
        "run_id", "source_file", "line", "column_name", "reason", "message", "raw", "review_year", "household_id",
    ]
}

/// `warnings`: what a run noticed without rejecting a row.
enum WarningRecord: TableRecord {
    static let tableName = "warnings"
    static let columns = ["run_id", "source_file", "line", "code", "message"]
}

/// `village_spellings`: every spelling of a village seen per review year and commune.
enum VillageSpellingRecord: TableRecord {
    static let tableName = "village_spellings"
    static let columns = ["review_year", "commune_code", "spelling", "village"]
}

/// `input_files`: the files a run read, with their row counts.
enum InputFileRecord: TableRecord {
    static let tableName = "input_files"
    static let columns = [
        "run_id", "path", "sha256", "rows_read", "rows_accepted", "rows_quarantined",
    ]
}

/// `input_file_years`: a file's row counts per review year.
enum InputFileYearRecord: TableRecord {
    static let tableName = "input_file_years"
    static let columns = [
        "run_id", "path", "review_year", "rows_read", "rows_accepted", "rows_quarantined",
    ]
}
