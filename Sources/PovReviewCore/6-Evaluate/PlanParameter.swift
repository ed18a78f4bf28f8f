/// A number from a plan file, possibly provisional (plans.md pin 6: "each is a number in the plan
/// file, marked provisional").
public struct PlanParameter: Sendable, Equatable, Codable {
    public var value: Rational
    public var provisional: Bool
    public init(_ value: Rational, provisional: Bool = false) {
        self.value = value
        self.provisional = provisional
    }
}
