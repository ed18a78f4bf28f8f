/// Reads back and deletes the rows of a household accepted before its key repeated (a
/// duplicate): its `household_status` rows, to take them out of the tallies, then its rows of
/// `household_status`, `household_contact` and `household_deprivation`.
final class RetractedHouseholdRows {
    private let select: SQLiteStatement
    private let delete: SQLiteStatement
    private let deleteContact: SQLiteStatement
    private let deleteDeprivation: SQLiteStatement

    /// Needs the key index, household first (`HouseholdLoadSettings.createKeyIndex`).
    init(database: SQLiteDatabase) throws {
        select = try database.prepare(
            """
            SELECT \(StoredHouseholdStatus.columns) FROM household_status WHERE household_id = ? AND review_year = ?
            """)
        delete = try database.prepare("DELETE FROM household_status WHERE household_id = ? AND review_year = ?")
        deleteContact = try database.prepare("DELETE FROM household_contact WHERE household_id = ? AND review_year = ?")
        deleteDeprivation = try database.prepare("DELETE FROM household_deprivation WHERE household_id = ? AND review_year = ?")
    }

    /// The household's `household_status` rows (one per standard).
    func storedRows(householdID: String, year: Int) throws -> [StoredHouseholdStatus] {
        try select.bind([.text(householdID), .integer(Int64(year))])
        defer { select.reset() }
        var rows: [StoredHouseholdStatus] = []
        while try select.step() { rows.append(StoredHouseholdStatus(statement: select)) }
        return rows
    }

    /// Deletes the household's rows (`household_contact` too when the run writes it).
    func delete(householdID: String, year: Int, includingContact: Bool) throws {
        for statement in includingContact ? [delete, deleteContact, deleteDeprivation] : [delete, deleteDeprivation] {
            try statement.bind([.text(householdID), .integer(Int64(year))])
            try statement.execute()
        }
    }
}
