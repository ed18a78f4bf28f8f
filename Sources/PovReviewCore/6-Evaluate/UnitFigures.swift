/// The counts of one unit in one review year as exact rationals: a `UnitTally`, or the sum of
/// several tallies each multiplied by a crosswalk share (a restated figure).
///
/// Rates are derived from these counts (`rate_P = 100·P/H`), never averaged (plans.md: "sum
/// counts, never average rates").
public struct UnitFigures: Sendable, Equatable {
    public var households = Rational.zero
    public var poor = Rational.zero
    public var nearPoor = Rational.zero
    public var ethnicMinorityHouseholds = Rational.zero
    public var ethnicMinorityPoor = Rational.zero
    public var poorSpecialDifficulty = Rational.zero
    /// Rural households (nil when the figures source does not know them for some part).
    public var ruralHouseholds: Rational? { ruralMissing || ruralParts == 0 ? nil : ruralSum }
    /// Poor households deprived on each indicator.
    public var poorDeprived: [IndicatorID: Rational] = [:]
    /// Near-poor households deprived on each indicator.
    public var nearPoorDeprived: [IndicatorID: Rational] = [:]
    /// How the figure was formed when it is not the unit's own row of that year.
    public var restatement: Restatement?

    /// How a restated figure was formed (plans.md: "the evidence says the figure was restated").
    public enum Restatement: Sendable, Equatable, Codable {
        /// Tallies of earlier units multiplied by their crosswalk shares.
        case crosswalk([Contribution])
        /// The sum of the (restated) communes that form the unit at the evaluation year: a
        /// province or district whose communes changed, or a merged province's old territory.
        case communeSum(communes: Int, asOf: Int)

        private enum CodingKeys: String, CodingKey { case kind, contributions, communes, asOf }

        /// JSON: `{"kind": "crosswalk", "contributions": […]}` or
        /// `{"kind": "commune_sum", "communes": 12, "as_of": 2025}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .crosswalk(let contributions):
                try container.encode("crosswalk", forKey: .kind)
                try container.encode(contributions, forKey: .contributions)
            case .communeSum(let communes, let asOf):
                try container.encode("commune_sum", forKey: .kind)
                try container.encode(communes, forKey: .communes)
                try container.encode(asOf, forKey: .asOf)
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "crosswalk":
                self = .crosswalk(try container.decode([Contribution].self, forKey: .contributions))
            default:
                self = .communeSum(
                    communes: try container.decode(Int.self, forKey: .communes),
                    asOf: try container.decode(Int.self, forKey: .asOf))
            }
        }
    }

    /// One tally that went into a restated figure.
    public struct Contribution: Sendable, Equatable, Hashable, Codable {
        /// The level of the contributing unit (communes for a restated province or territory).
        public var level: UnitLevel
        /// The contributing unit's code (text, as in `unit_rates.unit_code`).
        public var code: String
        /// The crosswalk share applied (1 for a unit that continues).
        public var share: Rational
        public init(level: UnitLevel, code: UnitCode, share: Rational) {
            self.level = level
            self.code = code.rawValue
            self.share = share
        }
    }

    public init() {}

    /// The exact figures of one tally, optionally with the unit's rural households.
    public init(_ tally: UnitTally, ruralHouseholds: Int? = nil) {
        self.init()
        add(tally, ruralHouseholds: ruralHouseholds, share: .one)
    }

    /// True when the figure was formed through the crosswalk or from other units.
    public var isRestated: Bool { restatement != nil }

    /// Poor plus near-poor households.
    public var poorNearPoor: Rational { poor + nearPoor }

    /// Adds `share × tally`.
    public mutating func add(_ tally: UnitTally, ruralHouseholds rural: Int?, share: Rational) {
        let whole = share == .one
        func scaled(_ count: Int) -> Rational { whole ? Rational(count) : Rational(count) * share }
        households += scaled(tally.households)
        poor += scaled(tally.poor)
        nearPoor += scaled(tally.nearPoor)
        ethnicMinorityHouseholds += scaled(tally.ethnicMinorityHouseholds)
        ethnicMinorityPoor += scaled(tally.ethnicMinorityPoor)
        poorSpecialDifficulty += scaled(tally.poorSpecialDifficulty)
        if let rural {
            ruralSum += scaled(rural)
            ruralParts += 1
        } else {
            ruralMissing = true
        }
        // `IndicatorID.bit` searches `allCases`; walk the tally's arrays by index instead.
        for (index, id) in Self.indicators.enumerated() where index < tally.poorDeprived.count {
            let p = tally.poorDeprived[index]
            let n = index < tally.nearPoorDeprived.count ? tally.nearPoorDeprived[index] : 0
            if p != 0 { poorDeprived[id, default: .zero] += scaled(p) }
            if n != 0 { nearPoorDeprived[id, default: .zero] += scaled(n) }
        }
    }

    /// Indicators in `bit` order (the order of `UnitTally`'s arrays).
    private static let indicators = IndicatorID.allCases

    private var ruralSum = Rational.zero
    private var ruralParts = 0
    private var ruralMissing = false

    /// Adds another figure (for sums of restated communes).
    public mutating func add(_ other: UnitFigures) {
        households += other.households
        poor += other.poor
        nearPoor += other.nearPoor
        ethnicMinorityHouseholds += other.ethnicMinorityHouseholds
        ethnicMinorityPoor += other.ethnicMinorityPoor
        poorSpecialDifficulty += other.poorSpecialDifficulty
        if let rural = other.ruralHouseholds {
            ruralSum += rural
            ruralParts += 1
        } else {
            ruralMissing = true
        }
        for (id, v) in other.poorDeprived { poorDeprived[id, default: .zero] += v }
        for (id, v) in other.nearPoorDeprived { nearPoorDeprived[id, default: .zero] += v }
    }

    /// A rate metric of this figure, or nil when its denominator is 0.
    public func value(of metric: RateMetric) -> Rational? {
        switch metric {
        case .poorRate: Rational.percentage(poor, of: households)
        case .nearPoorRate: Rational.percentage(nearPoor, of: households)
        case .poorNearPoorRate: Rational.percentage(poorNearPoor, of: households)
        case .ethnicMinorityPoorRate: Rational.percentage(ethnicMinorityPoor, of: ethnicMinorityHouseholds)
        case .ethnicMinorityPoorShare: Rational.percentage(ethnicMinorityPoor, of: poor)
        }
    }

    /// A count metric of this figure.
    public func value(of metric: CountMetric) -> Rational {
        switch metric {
        case .poor: poor
        case .nearPoor: nearPoor
        case .poorNearPoor: poorNearPoor
        case .poorSpecialDifficulty: poorSpecialDifficulty
        case .households: households
        }
    }

    /// Households of `group` deprived on `indicator`.
    public func deprived(_ group: HouseholdGroup, on indicator: IndicatorID) -> Rational {
        switch group {
        case .poor: poorDeprived[indicator] ?? .zero
        case .poorNearPoor: (poorDeprived[indicator] ?? .zero) + (nearPoorDeprived[indicator] ?? .zero)
        }
    }

    /// Households in `group`.
    public func count(of group: HouseholdGroup) -> Rational {
        switch group {
        case .poor: poor
        case .poorNearPoor: poorNearPoor
        }
    }
}
