/// How a threshold is compared ("từ x trở lên" is at least, "trên x" is more than).
public enum Comparison: String, Sendable, Codable, CaseIterable {
    /// `≥` ("từ … trở lên").
    case atLeast = "at_least"
    /// `>` ("trên").
    case moreThan = "more_than"
    /// `≤` ("từ … trở xuống", "không quá").
    case atMost = "at_most"
    /// `<` ("dưới").
    case lessThan = "less_than"

    /// Whether `value ⋈ threshold` holds, exactly.
    public func holds(_ value: Rational, _ threshold: Rational) -> Bool {
        switch self {
        case .atLeast: value >= threshold
        case .moreThan: value > threshold
        case .atMost: value <= threshold
        case .lessThan: value < threshold
        }
    }

    /// The mathematical symbol.
    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .moreThan: ">"
        case .atMost: "≤"
        case .lessThan: "<"
        }
    }
}
