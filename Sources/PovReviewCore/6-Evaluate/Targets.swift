/// Planned figures per unit and year (`targets.csv`, input-format.md §3; plans.md pin 7).
public struct Targets: Sendable, Equatable {
    /// What a target row plans.
    public enum Metric: String, Sendable, Codable, CaseIterable {
        /// The planned decrease of `rate_P` in percentage points in year `T`.
        case poorRateDecrease = "poor_rate_decrease"
        /// The planned `rate_P` at `T` (planned decrease = `rate_P(T−1) − target`).
        case poorRate = "poor_rate"
        /// The planned fall in the number of poor households in year `T`.
        case poorCountDecrease = "poor_count_decrease"
    }

    /// The key of one target.
    public struct Key: Sendable, Hashable {
        public var plan: PlanID
        public var year: ReviewYear
        public var level: UnitLevel
        public var unitCode: UnitCode
        public var metric: Metric
        public init(plan: PlanID, year: ReviewYear, level: UnitLevel, unitCode: UnitCode, metric: Metric) {
            self.plan = plan
            self.year = year
            self.level = level
            self.unitCode = unitCode
            self.metric = metric
        }
    }

    public private(set) var values: [Key: Rational]

    public init(_ values: [Key: Rational] = [:]) { self.values = values }

    /// The planned figure, if a row gives it.
    public func target(_ key: Key) -> Rational? { values[key] }

    /// Records a target; returns false when the key is already present (duplicates are an error
    /// for the loader).
    public mutating func insert(_ key: Key, _ value: Rational) -> Bool {
        if values[key] != nil { return false }
        values[key] = value
        return true
    }
}
