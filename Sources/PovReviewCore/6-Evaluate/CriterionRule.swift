/// A kind of rule a criterion can use (one kind per file under `Rules/`, listed in
/// `RuleRegistry`). A rule is a small value decoded from a plan file; it judges one unit at one
/// evaluation year through a `RuleContext`.
public protocol CriterionRule: Sendable {
    /// The stable kind name used in plan files and evidence (`consecutive_decrease`).
    static var kind: String { get }
    /// Decodes the rule's parameters. Unknown keys are rejected by the caller.
    init(arguments: any RuleArguments) throws
    /// Judges `context.unit` at `context.year`.
    func evaluate(_ context: RuleContext) -> RuleOutcome
}

extension CriterionRule {
    /// The instance's kind.
    public var kind: String { Self.kind }
}

/// The parameters of one rule in a plan file, as the loader exposes them (the I/O layer
/// implements this over YAML nodes, so errors carry file and line).
public protocol RuleArguments {
    /// A text parameter, or nil when absent.
    func optionalText(_ key: String) throws -> String?
    /// A number parameter (exact decimal; may be written `{value: 2, provisional: true}`), or nil.
    func optionalNumber(_ key: String) throws -> PlanParameter?
    /// A list of texts, or nil when absent.
    func optionalTextList(_ key: String) throws -> [String]?
    /// The sub-rules of a compound rule (the rule's value is a list of rules).
    func subrules() throws -> [any CriterionRule]
    /// An error located at `key` (or at the rule when nil) saying what was expected.
    func problem(_ key: String?, _ message: String) -> any Error
}

extension RuleArguments {
    /// A required text parameter.
    public func text(_ key: String) throws -> String {
        guard let value = try optionalText(key) else { throw problem(nil, "missing key \"\(key)\"") }
        return value
    }

    /// A required number parameter.
    public func number(_ key: String) throws -> PlanParameter {
        guard let value = try optionalNumber(key) else { throw problem(nil, "missing key \"\(key)\"") }
        return value
    }

    /// A whole number ≥ `minimum`, or `default` when absent.
    public func integer(_ key: String, default defaultValue: Int? = nil, minimum: Int = 0) throws -> Int {
        guard let parameter = try optionalNumber(key) else {
            if let defaultValue { return defaultValue }
            throw problem(nil, "missing key \"\(key)\"")
        }
        guard parameter.value.isInteger, parameter.value >= Rational(minimum),
            let value = Int(exactly: parameter.value.numerator)
        else { throw problem(key, "expected a whole number ≥ \(minimum), got \(parameter.value.plainText)") }
        return value
    }

    /// One of an enumeration's raw values.
    public func choice<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type, default defaultValue: E? = nil) throws -> E
    where E.RawValue == String {
        guard let text = try optionalText(key) else {
            if let defaultValue { return defaultValue }
            throw problem(nil, "missing key \"\(key)\"")
        }
        guard let value = E(rawValue: text) else {
            throw problem(key, "expected one of \(E.allCases.map { $0.rawValue }.joined(separator: ", ")), got \"\(text)\"")
        }
        return value
    }

    /// Exactly one of the comparison keys (`at_least`, `more_than`, `at_most`, `less_than`)
    /// allowed here, with its threshold.
    public func bound(_ allowed: [Comparison]) throws -> Bound {
        var found: [Bound] = []
        for comparison in Comparison.allCases {
            if let value = try optionalNumber(comparison.rawValue) {
                guard allowed.contains(comparison) else {
                    throw problem(comparison.rawValue, "expected one of \(allowed.map(\.rawValue).joined(separator: ", ")) here")
                }
                found.append(Bound(comparison, value))
            }
        }
        guard found.count == 1 else {
            throw problem(nil, "expected exactly one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return found[0]
    }
}
