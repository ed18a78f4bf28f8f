extension Migrations {
    /// What an incremental rerun needs from the previous database (issue 10, item 2): the
    /// fingerprint of everything a run read but the dumps, what an incremental run kept (the
    /// run whose rows it kept, and their review years), and every spelling of a village name
    /// seen per review year with the canonical spelling the rows hold (`household_status.village`),
    /// so kept years can be merged with re-read ones without reading their dumps again.
    static let incremental = """
        ALTER TABLE runs ADD COLUMN inputs_sha256 TEXT;
        ALTER TABLE runs ADD COLUMN kept_from_run INTEGER;
        ALTER TABLE runs ADD COLUMN kept_years TEXT;
        ALTER TABLE runs ADD COLUMN exports_path TEXT;
        CREATE TABLE village_spellings (
            review_year INTEGER NOT NULL,
            commune_code TEXT NOT NULL,
            spelling TEXT NOT NULL,
            village TEXT NOT NULL,
            PRIMARY KEY (review_year, commune_code, spelling)
        );
        """
}
