/// The identity of a village in one review year under one standard: its commune and its
/// folded name (input-format.md §1, "Village identity").
public struct VillageTallyKey: Hashable, Sendable {
    public var reviewYear: ReviewYear
    public var standardID: StandardID
    public var commune: UnitCode
    /// The folded village name (case and tone-mark placement folded).
    public var villageKey: String

    public init(reviewYear: ReviewYear, standardID: StandardID, commune: UnitCode, villageKey: String) {
        self.reviewYear = reviewYear
        self.standardID = standardID
        self.commune = commune
        self.villageKey = villageKey
    }
}

/// The tally of one village in one year and standard, with what the roll-up needs.
public struct VillageTally: Sendable {
    public var tally = UnitTally()
    /// District (nil after the reform) and province of the commune that year, from the admin file.
    public var district: UnitCode?
    public var province: UnitCode
    /// The households grouped for the analyst measures (outputs.md §3), filled with the tally.
    public var cells = UnitCells()
    /// The standard's lines, to place each household's income in its band.
    public var lines: (income: AreaThresholds, score: AreaThresholds?)?

    public init(district: UnitCode?, province: UnitCode) {
        self.district = district
        self.province = province
    }
}
