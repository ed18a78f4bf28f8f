import PovReviewCore

/// One record of a dump, in file order: where it is, its duplicate key, and its outcome.
public struct DumpRecord: Sendable {
    /// Accepted with its household, or rejected with the first failing check.
    public enum Outcome: Sendable {
        /// A valid household and its data-quality warnings (`padded_code`,
        /// `leftover_district_code`), each with the record's line.
        case accepted(Household, warnings: [DataWarning])
        /// The rejection and the record's raw text with personal data masked (`***`).
        case rejected(RowRejection, raw: String)
    }

    public var location: RecordLocation
    /// `(review_year, household_id)` when readable (well-formed, valid UTF-8, integer year,
    /// non-empty id), even if the row fails another check; duplicates across files are found
    /// by the caller (pinned rule 2).
    public var key: HouseholdKey?
    public var outcome: Outcome

    public init(location: RecordLocation, key: HouseholdKey?, outcome: Outcome) {
        self.location = location
        self.key = key
        self.outcome = outcome
    }

    /// The household, when accepted.
    public var household: Household? {
        if case .accepted(let household, _) = outcome { return household }
        return nil
    }

    /// The rejection, when rejected.
    public var rejection: RowRejection? {
        if case .rejected(let rejection, _) = outcome { return rejection }
        return nil
    }
}
