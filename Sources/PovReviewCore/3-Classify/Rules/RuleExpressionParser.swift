/// Parses the rule syntax of standard files into a `RuleExpression`.
///
/// Grammar (keywords case-insensitive; `≤ ≥ ≠ ×` accepted for `<= >= != *`):
/// ```
/// expression := conjunction ("or" conjunction)*
/// conjunction := primary ("and" primary)*
/// primary    := "(" expression ")" | side comparison-op side | column ["not"] "in" "[" value ("," value)* "]"
/// side       := term ["*" term]          term := column | number (e.g. 8, 0.5)
/// ```
/// A hand-written recursive-descent parser: the grammar is a dozen lines, and it gives
/// the exact offset of every error, which a provincial officer editing the file needs.
public struct RuleExpressionParser {
    enum Token: Equatable {
        case name(String)
        case number(ExactDecimal)
        case op(ComparisonOperator)
        case times, open, close, openBracket, closeBracket, comma
        case end
    }

    private var tokens: [(Token, Int)] = []
    private var position = 0

    /// Parses `text`; errors carry the offset of the problem.
    public static func parse(_ text: String) throws(RuleError) -> RuleExpression {
        var parser = RuleExpressionParser()
        parser.tokens = try tokenize(text)
        let expression = try parser.expression()
        if case (let token, let offset) = parser.tokens[parser.position], token != .end {
            throw RuleError(offset: offset, message: "unexpected \(describe(token)); expected \"and\", \"or\" or the end of the rule")
        }
        return expression
    }

    // MARK: - Tokens

    static func tokenize(_ text: String) throws(RuleError) -> [(Token, Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(Token, Int)] = []
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && c.properties.isAlphabetic) }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        while i < scalars.count {
            let c = scalars[i]
            let start = i
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if isNameStart(c) {
                while i < scalars.count, isNamePart(scalars[i]) { i += 1 }
                result.append((.name(String(String.UnicodeScalarView(scalars[start..<i]))), start))
                continue
            }
            if ("0"..."9").contains(c) {
                var significand: Int64 = 0
                var scale = 0
                var seenPoint = false
                while i < scalars.count {
                    let d = scalars[i]
                    if ("0"..."9").contains(d) {
                        let (m, o1) = significand.multipliedReportingOverflow(by: 10)
                        let (s, o2) = m.addingReportingOverflow(Int64(d.value - 48))
                        guard !o1, !o2, scale < 12 else {
                            throw RuleError(offset: start, message: "number too long")
                        }
                        significand = s
                        if seenPoint { scale += 1 }
                    } else if d == ".", !seenPoint, i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) {
                        seenPoint = true
                    } else {
                        break
                    }
                    i += 1
                }
                if i < scalars.count, scalars[i] == "," || scalars[i] == ".", i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) {
                    throw RuleError(offset: i, message: "write decimals with a point (0.5), without thousands separators")
                }
                result.append((.number(ExactDecimal(significand: significand, scale: scale)), start))
                continue
            }
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            i += 1
            switch c {
            case "<": if next == "=" { i += 1; result.append((.op(.lessOrEqual), start)) } else { result.append((.op(.less), start)) }
            case ">": if next == "=" { i += 1; result.append((.op(.greaterOrEqual), start)) } else { result.append((.op(.greater), start)) }
            case "=": if next == "=" { i += 1 }; result.append((.op(.equal), start))
            case "!":
                guard next == "=" else { throw RuleError(offset: start, message: "unexpected \"!\"; expected \"!=\"") }
                i += 1
                result.append((.op(.notEqual), start))
            case "≤": result.append((.op(.lessOrEqual), start))
            case "≥": result.append((.op(.greaterOrEqual), start))
            case "≠": result.append((.op(.notEqual), start))
            case "*", "×": result.append((.times, start))
            case "(": result.append((.open, start))
            case ")": result.append((.close, start))
            case "[": result.append((.openBracket, start))
            case "]": result.append((.closeBracket, start))
            case ",": result.append((.comma, start))
            default:
                throw RuleError(
                    offset: start,
                    message: "unexpected character \"\(c)\"; expected a column, a number, an operator (< <= > >= = !=), *, in, not in, and, or, or brackets")
            }
        }
        result.append((.end, scalars.count))
        return result
    }

    static func describe(_ token: Token) -> String {
        switch token {
        case .name(let name): "\"\(name)\""
        case .number(let number): "number \(number)"
        case .op(let op): "\"\(op.rawValue)\""
        case .times: "\"*\""
        case .open: "\"(\""
        case .close: "\")\""
        case .openBracket: "\"[\""
        case .closeBracket: "\"]\""
        case .comma: "\",\""
        case .end: "the end of the rule"
        }
    }

    // MARK: - Grammar

    private var current: (Token, Int) { tokens[position] }

    private func isKeyword(_ word: String) -> Bool {
        if case .name(let name) = current.0 { return name.lowercased() == word }
        return false
    }

    private mutating func expression() throws(RuleError) -> RuleExpression {
        var parts = [try conjunction()]
        while isKeyword("or") {
            position += 1
            parts.append(try conjunction())
        }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    private mutating func conjunction() throws(RuleError) -> RuleExpression {
        var parts = [try primary()]
        while isKeyword("and") {
            position += 1
            parts.append(try primary())
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func primary() throws(RuleError) -> RuleExpression {
        if current.0 == .open {
            position += 1
            let inner = try expression()
            guard current.0 == .close else {
                throw RuleError(offset: current.1, message: "expected \")\", got \(Self.describe(current.0))")
            }
            position += 1
            return inner
        }
        let left = try side()
        if isKeyword("in") || isKeyword("not") {
            let negated = isKeyword("not")
            let keywordOffset = current.1
            position += 1
            if negated {
                guard isKeyword("in") else {
                    throw RuleError(offset: current.1, message: "expected \"in\" after \"not\", got \(Self.describe(current.0))")
                }
                position += 1
            }
            guard let column = left.column, left.factor == ExactDecimal(1), left.factor.scale == 0 else {
                throw RuleError(offset: left.offset, message: "expected a column name before \"\(negated ? "not in" : "in")\"")
            }
            _ = keywordOffset
            return .membership(column, values: try valueList(), negated: negated)
        }
        guard case .op(let op) = current.0 else {
            throw RuleError(offset: current.1, message: "expected a comparison (< <= > >= = !=), \"in\" or \"not in\", got \(Self.describe(current.0))")
        }
        let opOffset = current.1
        position += 1
        let right = try side()
        return .comparison(left, op, right, offset: opOffset)
    }

    private mutating func valueList() throws(RuleError) -> [RuleName] {
        guard current.0 == .openBracket else {
            throw RuleError(offset: current.1, message: "expected \"[\" and a list of values, got \(Self.describe(current.0))")
        }
        position += 1
        var values: [RuleName] = []
        while true {
            guard case .name(let value) = current.0 else {
                throw RuleError(offset: current.1, message: "expected a value name, got \(Self.describe(current.0))")
            }
            values.append(RuleName(value, offset: current.1))
            position += 1
            if current.0 == .comma { position += 1; continue }
            guard current.0 == .closeBracket else {
                throw RuleError(offset: current.1, message: "expected \",\" or \"]\", got \(Self.describe(current.0))")
            }
            position += 1
            return values
        }
    }

    private mutating func side() throws(RuleError) -> RuleOperand {
        let offset = current.1
        var factor = ExactDecimal(1)
        var column: RuleName? = nil
        var terms = 0
        repeat {
            if terms > 0 { position += 1 }  // the "*"
            switch current.0 {
            case .name(let name) where !["and", "or", "in", "not"].contains(name.lowercased()):
                if column != nil {
                    throw RuleError(offset: current.1, message: "a side may multiply one column by a number, not two columns")
                }
                column = RuleName(name, offset: current.1)
            case .number(let number):
                if terms > 0 && column == nil {
                    throw RuleError(offset: current.1, message: "multiply a column by a number, not two numbers")
                }
                factor = number
            default:
                throw RuleError(offset: current.1, message: "expected a column name or a number, got \(Self.describe(current.0))")
            }
            position += 1
            terms += 1
        } while current.0 == .times && terms < 2
        if current.0 == .times {
            throw RuleError(offset: current.1, message: "a side is a column, a number, or a number times a column")
        }
        return RuleOperand(factor: factor, column: column, offset: offset)
    }
}
