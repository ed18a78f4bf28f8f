/// Checks a parsed rule against the input columns (unknown column, wrong type, an enumeration
/// value the column cannot take) and compiles it into `RuleProgram` tests and postfix code.
enum RuleCompiler {
    struct Output {
        var tests: [RuleProgram.Test] = []
        /// Postfix code; test indices relative to `tests`.
        var code: [Int32] = []
        var fields: [RuleField] = []
    }

    /// Deepest nesting of `and`/`or` the evaluator's 64-bit stack allows.
    static let maximumDepth = 60

    static func compile(_ expression: RuleExpression, fields: [String: RuleField]) throws(RuleError) -> Output {
        var output = Output()
        try emit(expression, fields: fields, depth: 0, into: &output)
        return output
    }

    private static func emit(
        _ expression: RuleExpression, fields: [String: RuleField], depth: Int, into output: inout Output
    ) throws(RuleError) {
        switch expression {
        case .all(let parts), .any(let parts):
            let isAll: Bool
            if case .all = expression { isAll = true } else { isAll = false }
            for (index, part) in parts.enumerated() {
                try emit(part, fields: fields, depth: depth + 1, into: &output)
                if index > 0 { output.code.append(isAll ? RuleProgram.and : RuleProgram.or) }
            }
        case .membership(let name, let values, let negated):
            let field = try lookUp(name, fields)
            guard case .enumeration(let allowed) = field.type else {
                throw RuleError(
                    offset: name.offset,
                    message: "\(name.text) is a \(field.type.name) column, not an enumeration; compare it with < <= > >= = != instead of \"in\"")
            }
            var mask: UInt64 = 0
            for value in values {
                guard let ordinal = allowed.firstIndex(of: value.text) else {
                    throw RuleError(
                        offset: value.offset,
                        message: "\(name.text) cannot take the value \"\(value.text)\"; expected one of: \(allowed.joined(separator: ", "))")
                }
                mask |= 1 << UInt64(ordinal)
            }
            if negated {
                let all: UInt64 = allowed.count >= 64 ? UInt64.max : (UInt64(1) << UInt64(allowed.count)) - 1
                mask = ~mask & all
            }
            output.fields.append(field)
            appendTest(
                .init(
                    isMembership: true, lhs: field.slot, lhsFactor: ExactDecimal(1), op: .equal, rhs: nil,
                    rhsFactor: ExactDecimal(0), mask: mask), into: &output)
        case .comparison(var left, var op, var right, let offset):
            if left.column == nil {
                guard right.column != nil else {
                    throw RuleError(offset: left.offset, message: "the rule compares two numbers; one side must name a column")
                }
                swap(&left, &right)
                op = op.mirrored
            }
            let leftField = try lookUp(left.column!, fields)
            var rightField: RuleField? = nil
            if let name = right.column { rightField = try lookUp(name, fields) }
            let sides: [(RuleOperand, RuleField?)] = [(left, leftField), (right, rightField)]
            for (operand, field) in sides {
                guard let field, let name = operand.column else { continue }
                switch field.type {
                case .integer, .decimal: break
                case .enumeration(let values):
                    throw RuleError(
                        offset: name.offset,
                        message:
                            "\(field.name) is an enumeration (\(values.joined(separator: ", "))); write \"\(field.name) in [...]\" or \"\(field.name) not in [...]\""
                    )
                case .boolean:
                    let constantOK =
                        rightField == nil && (op == .equal || op == .notEqual)
                        && left.factor == ExactDecimal(1)
                        && (right.factor == ExactDecimal(0) || right.factor == ExactDecimal(1))
                    guard constantOK else {
                        throw RuleError(
                            offset: name.offset,
                            message: "\(field.name) is a 0/1 column; write \"\(field.name) = 0\" or \"\(field.name) = 1\"")
                    }
                }
            }
            _ = offset
            output.fields.append(leftField)
            if let rightField { output.fields.append(rightField) }
            appendTest(
                .init(
                    isMembership: false, lhs: leftField.slot, lhsFactor: left.factor, op: op,
                    rhs: rightField?.slot, rhsFactor: right.factor, mask: 0), into: &output)
        }
        if depth > maximumDepth {
            throw RuleError(offset: 0, message: "the rule nests and/or more than \(maximumDepth) deep")
        }
    }

    private static func appendTest(_ test: RuleProgram.Test, into output: inout Output) {
        output.code.append(Int32(output.tests.count))
        output.tests.append(test)
    }

    private static func lookUp(_ name: RuleName, _ fields: [String: RuleField]) throws(RuleError) -> RuleField {
        if let field = fields[name.text] { return field }
        throw RuleError(
            offset: name.offset,
            message: "unknown column \"\(name.text)\"; expected one of: \(fields.keys.sorted().joined(separator: ", ")) (or declare it under input_columns)")
    }
}
