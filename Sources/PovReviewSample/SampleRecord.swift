import PovReviewCore

/// The values of one dump row, before they are spelled out as CSV.
struct SampleRecord {
    var year: ReviewYear
    var slot: Int
    var village: Int
    var commune: Int
    var id: [UInt8]
    var urban: Bool
    var members: Int
    var ethnicMinority: Bool
    var income: Int64
    var score: Int?
    var withoutJob = 0
    var dependants = 0
    var malnourished = 0
    var uninsured = 0
    var withoutQualification = 0
    var outOfSchool = 0
    var housing = HousingType.durable
    /// `housing_area_m2` in half square metres.
    var areaHalves = 0
    var water = WaterSource.piped
    var latrine = LatrineType.septic
    var internetUsers = 0
    var infoDevices = 0
    var loudspeaker = true
    var labour = 0
    var socialProtection = 0
    var digitalServiceUsers = 0
    var waste = WasteDisposal.collected

    init(year: ReviewYear, household: SampleHousehold, members: Int, income: Int64, score: Int?) {
        self.year = year
        slot = household.slot
        village = household.village
        commune = household.commune
        id = household.id
        urban = household.urban
        self.members = members
        ethnicMinority = household.ethnicMinority
        self.income = income
        self.score = score
    }

    /// The value whose cumulative weight interval contains `draw` (a uniform in `[0, 1)`).
    static func pick<Value>(_ draw: Double, from table: [(Value, Int)]) -> Value {
        let total = table.reduce(0) { $0 + $1.1 }
        var ticket = Int(draw * Double(total))
        for (value, weight) in table {
            if ticket < weight { return value }
            ticket -= weight
        }
        return table[table.count - 1].0
    }
}
