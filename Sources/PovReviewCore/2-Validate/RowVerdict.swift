/// The key duplicate detection works on (pinned rule 2): review year and household id.
public struct HouseholdKey: Hashable, Sendable, CustomStringConvertible {
    public var reviewYear: ReviewYear
    public var householdID: HouseholdID
    public init(reviewYear: ReviewYear, householdID: HouseholdID) {
        self.reviewYear = reviewYear
        self.householdID = householdID
    }
    public var description: String { "\(reviewYear)/\(householdID)" }
}

/// The verdict of row validation on one well-formed record.
public struct RowVerdict: Sendable {
    /// The duplicate key when it can be read (valid UTF-8, integer year, non-empty id), even
    /// when the row fails another check; nil otherwise.
    public var key: HouseholdKey?
    public var outcome: RowOutcome

    public init(key: HouseholdKey?, outcome: RowOutcome) {
        self.key = key
        self.outcome = outcome
    }
}

/// Accepted with its household and warnings, or rejected with the first failing check.
public enum RowOutcome: Sendable {
    case accepted(Household, warnings: [DataWarning])
    case rejected(RowRejection)

    /// The rejection, when rejected.
    public var rejection: RowRejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }

    /// The household, when accepted.
    public var household: Household? {
        if case .accepted(let household, _) = self { return household }
        return nil
    }
}
