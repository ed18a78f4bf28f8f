extension RowRejection {
    /// A row whose key (`review_year`, `household_id`) appears more than once: every row of the
    /// key is quarantined as `duplicate_household`, whatever its content, including a row
    /// accepted before its key repeated (input-format.md §4, rule 2; `DuplicateKeyTable`).
    public static func duplicateHousehold(id: String, year: Int) -> RowRejection {
        RowRejection(
            reason: .duplicateHousehold, column: "household_id",
            message: "household_id \"\(id)\" appears more than once in review year \(year); all its rows are quarantined")
    }
}
