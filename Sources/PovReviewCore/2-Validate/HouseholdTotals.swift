/// Official total resident households per commune and review year (`household_totals.csv`,
/// input-format.md §3): the denominator of commune rates and above when the dump covers only
/// reviewed households.
public struct HouseholdTotals: Sendable, Equatable {
    /// Key of one total.
    public struct Key: Hashable, Sendable {
        public var reviewYear: ReviewYear
        public var communeCode: UnitCode
        public init(reviewYear: ReviewYear, communeCode: UnitCode) {
            self.reviewYear = reviewYear
            self.communeCode = communeCode
        }
    }

    /// Households by (review year, commune code).
    public var totals: [Key: Int]

    public init(totals: [Key: Int] = [:]) { self.totals = totals }

    /// The total of `commune` in `year`, if the file gives one.
    public func households(in commune: UnitCode, year: ReviewYear) -> Int? {
        totals[Key(reviewYear: year, communeCode: commune)]
    }

    /// The review years the file covers.
    public var years: Set<ReviewYear> { Set(totals.keys.map(\.reviewYear)) }
}
