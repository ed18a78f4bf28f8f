extension Evidence {
    /// The figure a rule judged (`Evidence.metric`). Encoded as the text it has always had in the
    /// evidence JSON: a rate or count id (`rate_PN`, `poor_near_poor`), a target metric
    /// (`poor_rate_decrease`), a share `part/whole` (`ethnic_minority_poor/poor`) or a coverage
    /// `group deprived on a|b` (`poor_near_poor deprived on health_insurance`).
    public enum Metric: Sendable, Hashable, Codable, CustomStringConvertible {
        /// A rate (`RateMetric`).
        case rate(RateMetric)
        /// A count of households (`CountMetric`).
        case count(CountMetric)
        /// A planned figure compared with the actual one (`Targets.Metric`).
        case target(Targets.Metric)
        /// The share of one group of households in another (`ShareRule`).
        case share(ShareRule.Part, of: ShareRule.Whole)
        /// The households of a group deprived on any of the indicators (`CoverageRule`).
        case coverage(HouseholdGroup, indicators: [IndicatorID])
        /// Text read from stored evidence that names none of the above; kept as read.
        case other(String)

        /// The metric's text in the evidence JSON.
        public var rawValue: String {
            switch self {
            case .rate(let rate): rate.rawValue
            case .count(let count): count.rawValue
            case .target(let target): target.rawValue
            case .share(let part, let whole): "\(part.rawValue)/\(whole.rawValue)"
            case .coverage(let group, let indicators):
                group.rawValue + Self.coverageSeparator + indicators.map(\.rawValue).joined(separator: "|")
            case .other(let text): text
            }
        }

        /// Reads the metric's text back; text of no known form becomes `.other`.
        public init(rawValue: String) {
            if let rate = RateMetric(rawValue: rawValue) {
                self = .rate(rate)
            } else if let count = CountMetric(rawValue: rawValue) {
                self = .count(count)
            } else if let target = Targets.Metric(rawValue: rawValue) {
                self = .target(target)
            } else if let share = Self.share(rawValue) {
                self = share
            } else if let coverage = Self.coverage(rawValue) {
                self = coverage
            } else {
                self = .other(rawValue)
            }
        }

        public var description: String { rawValue }

        public init(from decoder: any Decoder) throws {
            self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        private static let coverageSeparator = " deprived on "

        private static func share(_ text: String) -> Metric? {
            let ids = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard ids.count == 2, let part = ShareRule.Part(rawValue: ids[0]), let whole = ShareRule.Whole(rawValue: ids[1]) else {
                return nil
            }
            return .share(part, of: whole)
        }

        private static func coverage(_ text: String) -> Metric? {
            let words = text.split(separator: " ", omittingEmptySubsequences: false)
            guard words.count == 4, words[1] == "deprived", words[2] == "on", let group = HouseholdGroup(rawValue: String(words[0])) else {
                return nil
            }
            let names = words[3].split(separator: "|", omittingEmptySubsequences: false)
            let indicators = names.compactMap { IndicatorID(rawValue: String($0)) }
            guard indicators.count == names.count else { return nil }
            return .coverage(group, indicators: indicators)
        }
    }
}
