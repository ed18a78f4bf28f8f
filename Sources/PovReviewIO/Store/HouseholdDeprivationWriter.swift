import PovReviewCore

/// Inserts `household_deprivation` rows: one per household, standard and local indicator (an
/// indicator of a standard file that is not one of the national `deprived_<id>` columns).
/// Standards without local indicators write nothing here.
final class HouseholdDeprivationWriter {
    private let statement: SQLiteStatement

    init(database: SQLiteDatabase) throws {
        statement = try database.prepare(HouseholdDeprivationRecord.insertStatement())
    }

    /// Inserts the local indicators' verdicts of `household` under `standard`.
    func insert(_ household: Household, standard: Standard, _ c: Classification) throws {
        for (bit, indicator) in standard.localIndicators.enumerated() {
            try statement.bind([
                .integer(Int64(household.reviewYear.value)), .text(standard.id.rawValue), .text(household.householdID.rawValue),
                .text(indicator.id), .integer(Int64((c.localDeprivations >> UInt64(bit)) & 1)),
            ])
            try statement.execute()
        }
    }
}
