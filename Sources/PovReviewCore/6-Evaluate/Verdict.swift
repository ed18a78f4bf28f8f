/// The verdict of one criterion on one unit and evaluation year (`criteria_results.verdict`).
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    case met
    case notMet = "not_met"
    case notApplicable = "not_applicable"
    case insufficientData = "insufficient_data"

    private var rank: Int {
        switch self {
        case .met: 0
        case .notMet: 1
        case .notApplicable: 2
        case .insufficientData: 3
        }
    }
    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }

    /// Three-valued "or" (plans.md pin 3): met if any part is met; else insufficient_data if any
    /// part is; else not_met if any part is; else not_applicable.
    public static func anyOf(_ parts: [Verdict]) -> Verdict {
        if parts.contains(.met) { return .met }
        if parts.contains(.insufficientData) { return .insufficientData }
        if parts.contains(.notMet) { return .notMet }
        return .notApplicable
    }

    /// Three-valued "and" (plans.md pin 3): met if all parts are met; else not_met if any part
    /// is; else insufficient_data if any part is; else not_applicable.
    public static func allOf(_ parts: [Verdict]) -> Verdict {
        if !parts.isEmpty && parts.allSatisfy({ $0 == .met }) { return .met }
        if parts.contains(.notMet) { return .notMet }
        if parts.contains(.insufficientData) { return .insufficientData }
        return .notApplicable
    }

    /// A criterion over every unit of a kind ("100% of communes", plans.md pin 3): not_met if
    /// any unit fails; else insufficient_data if any unit lacks data; else met.
    public static func everyUnit(_ units: [Verdict]) -> Verdict {
        if units.contains(.notMet) { return .notMet }
        if units.contains(.insufficientData) { return .insufficientData }
        return .met
    }
}
