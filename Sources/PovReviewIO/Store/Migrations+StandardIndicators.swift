extension Migrations {
    /// Every indicator of every standard used, as its standard file defines it (standards.md,
    /// "Standards are data"), so the database says which rule decided each `deprived_<id>`
    /// column and each `household_deprivation` row.
    static let standardIndicators = """
        CREATE TABLE standard_indicators (
            standard TEXT NOT NULL,
            indicator TEXT NOT NULL,
            position INTEGER NOT NULL,
            name_vi TEXT NOT NULL,
            name_en TEXT NOT NULL,
            dimension TEXT NOT NULL,
            national_column INTEGER NOT NULL CHECK (national_column IN (0, 1)),
            provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
            legal_basis TEXT NOT NULL,
            rule TEXT NOT NULL,
            PRIMARY KEY (standard, indicator)
        );
        """
}
