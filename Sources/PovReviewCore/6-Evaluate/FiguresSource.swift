/// What the evaluator needs from the aggregated statistics: the exact counts of each unit in each
/// review year under each standard (the additive part of `unit_rates`), and which years exist.
///
/// The orchestrator adapts `unit_rates` to this protocol; tests use `FigureTable`.
public protocol FiguresSource {
    /// Review years that have data under `standard`, ascending.
    func reviewYears(standard: StandardID) -> [ReviewYear]
    /// The row of one unit, or nil when the unit has no households that year.
    func row(level: UnitLevel, unit: UnitCode, year: ReviewYear, standard: StandardID) -> FigureRow?
    /// Codes of every unit of `level` with a row in `year` under `standard`, ascending.
    func unitCodes(level: UnitLevel, year: ReviewYear, standard: StandardID) -> [UnitCode]
}

/// One unit-year of the figures source.
public struct FigureRow: Sendable, Equatable {
    /// Unit name as in `unit_rates.unit_name` (a village's name, a commune's official name).
    public var name: String
    /// `unit_rates.parent_code` (a village's commune, a commune's district or province).
    public var parentCode: UnitCode?
    /// The exact counts.
    public var tally: UnitTally
    /// Households of the unit with `area = rural` that year. Needed only for the new-rural
    /// criterion (Vĩnh Phúc: a commune is rural when all its households are rural); nil when the
    /// adapter does not provide it, which makes that criterion `insufficient_data`.
    public var ruralHouseholds: Int?

    public init(name: String, parentCode: UnitCode? = nil, tally: UnitTally, ruralHouseholds: Int? = nil) {
        self.name = name
        self.parentCode = parentCode
        self.tally = tally
        self.ruralHouseholds = ruralHouseholds
    }
}
