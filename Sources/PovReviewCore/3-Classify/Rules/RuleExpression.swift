/// An indicator's rule as written in a standard file, parsed but not yet checked against the
/// input columns (standards.md, "Standards are data").
///
/// The syntax (`RuleExpressionParser`) is a small expression a provincial officer can edit:
/// `housing_area_m2 < 8 * members`, `dependants * 2 > members`,
/// `water_source not in [piped, drilled_well]`, `info_devices = 0 and loudspeaker_access = 0`.
/// Offsets are positions (in characters) in the expression text, for located errors.
public indirect enum RuleExpression: Sendable, Equatable {
    /// `left op right`, each side a constant, a column, or a constant times a column.
    case comparison(RuleOperand, ComparisonOperator, RuleOperand, offset: Int)
    /// `column in [values]` (`negated`: `not in`).
    case membership(RuleName, values: [RuleName], negated: Bool)
    /// Every part holds (`and`).
    case all([RuleExpression])
    /// At least one part holds (`or`).
    case any([RuleExpression])
}

/// A name in an expression (a column or an enumeration value) and where it starts.
public struct RuleName: Sendable, Equatable {
    public var text: String
    public var offset: Int
    public init(_ text: String, offset: Int) {
        self.text = text
        self.offset = offset
    }
}

/// One side of a comparison: `factor × column`, or the constant `factor` when `column` is nil.
public struct RuleOperand: Sendable, Equatable {
    public var factor: ExactDecimal
    public var column: RuleName?
    public var offset: Int
    public init(factor: ExactDecimal, column: RuleName?, offset: Int) {
        self.factor = factor
        self.column = column
        self.offset = offset
    }
}

/// A comparison operator of the rule syntax.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equal = "=", notEqual = "!="

    /// The operator with its sides swapped (`a < b` ⇔ `b > a`).
    var mirrored: ComparisonOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: self
        }
    }
}

/// A problem in a rule expression: where (offset in the expression text) and what was expected.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
    public var description: String { "column \(offset + 1): \(message)" }
}
