/// A comparison with a threshold: `at_least: 4`.
public struct Bound: Sendable, Equatable {
    public var comparison: Comparison
    public var threshold: PlanParameter
    public init(_ comparison: Comparison, _ threshold: PlanParameter) {
        self.comparison = comparison
        self.threshold = threshold
    }
    public func holds(_ value: Rational) -> Bool { comparison.holds(value, threshold.value) }
}
