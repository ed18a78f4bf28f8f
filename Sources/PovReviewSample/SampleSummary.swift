import PovReviewCore

/// What one run of the sample generator wrote.
public struct SampleSummary: Sendable, Equatable {
    /// Names of the files written in the output directory, in the order written.
    public var files: [String]
    /// Household rows of the panel written per review year (the bad rows not included).
    public var householdRows: [ReviewYear: Int]
    /// The deliberately bad rows, in file order.
    public var badRows: [SampleBadRow]
    /// Valid rows spelled the messier way (thousands separators, Vietnamese aliases).
    public var messySpellingRows: Int

    public init(
        files: [String] = [], householdRows: [ReviewYear: Int] = [:], badRows: [SampleBadRow] = [],
        messySpellingRows: Int = 0
    ) {
        self.files = files
        self.householdRows = householdRows
        self.badRows = badRows
        self.messySpellingRows = messySpellingRows
    }
}
