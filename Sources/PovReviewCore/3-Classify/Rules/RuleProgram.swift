/// The indicator rules of one standard compiled into one flat program, evaluated per household
/// with no allocation and no string lookup (1,000,000 households go through it per run).
///
/// Each rule is a list of leaf tests in postfix order with `and`/`or` instructions, followed by
/// an instruction that stores the verdict in the indicator's bit. Values are read from the
/// household by a switch over the column (`Household.ruleValue`), compared exactly on `Int128`.
public struct RuleProgram: Sendable {
    /// One leaf of a rule: a comparison `lhsFactor × lhs op rhsFactor × rhs` (rhs absent: the
    /// constant `rhsFactor`), or the membership of an enumeration ordinal in `mask`.
    struct Test: Sendable {
        var isMembership: Bool
        var lhs: RuleFieldSlot
        var lhsFactor: ExactDecimal
        var op: ComparisonOperator
        var rhs: RuleFieldSlot?
        var rhsFactor: ExactDecimal
        var mask: UInt64
    }

    /// Instructions: `>= 0` a test index; `and`, `or`; `storeNational - bit`, `storeLocal - bit`.
    static let and: Int32 = -1
    static let or: Int32 = -2
    static let storeNational: Int32 = -100
    static let storeLocal: Int32 = -1000

    var tests: [Test] = []
    var code: [Int32] = []

    /// The verdicts of every indicator: national ones as `DeprivationSet` bits, the others as
    /// bits by position among the standard's local indicators.
    @inline(__always)
    func evaluate(_ household: Household) -> (national: UInt16, local: UInt64) {
        var national: UInt16 = 0
        var local: UInt64 = 0
        tests.withUnsafeBufferPointer { tests in
            code.withUnsafeBufferPointer { code in
                var stack: UInt64 = 0
                for instruction in code {
                    if instruction >= 0 {
                        stack = (stack << 1) | (Self.holds(tests[Int(instruction)], household) ? 1 : 0)
                    } else if instruction == Self.and {
                        let top = stack & 1
                        stack >>= 1
                        stack = (stack & ~1) | (stack & top)
                    } else if instruction == Self.or {
                        let top = stack & 1
                        stack >>= 1
                        stack |= top
                    } else if instruction > Self.storeLocal {
                        national |= UInt16(truncatingIfNeeded: stack & 1) << UInt16(Self.storeNational - instruction)
                        stack >>= 1
                    } else {
                        local |= (stack & 1) << UInt64(Self.storeLocal - instruction)
                        stack >>= 1
                    }
                }
            }
        }
        return (national, local)
    }

    @inline(__always)
    static func holds(_ test: Test, _ household: Household) -> Bool {
        let left = household.ruleValue(test.lhs)
        if test.isMembership {
            return left.significand >= 0 && left.significand < 64 && test.mask & (1 << UInt64(left.significand)) != 0
        }
        var l = Int128(left.significand) * Int128(test.lhsFactor.significand)
        var lScale = left.scale + test.lhsFactor.scale
        var r = Int128(test.rhsFactor.significand)
        var rScale = test.rhsFactor.scale
        if let rhs = test.rhs {
            let right = household.ruleValue(rhs)
            r *= Int128(right.significand)
            rScale += right.scale
        }
        if lScale < rScale {
            l *= powersOfTen[rScale - lScale]
            lScale = rScale
        } else if rScale < lScale {
            r *= powersOfTen[lScale - rScale]
        }
        switch test.op {
        case .less: return l < r
        case .lessOrEqual: return l <= r
        case .greater: return l > r
        case .greaterOrEqual: return l >= r
        case .equal: return l == r
        case .notEqual: return l != r
        }
    }
}

/// 10^0 … 10^37 (scales of two decimals of at most 18 digits each).
private let powersOfTen: [Int128] = {
    var result: [Int128] = [1]
    for _ in 1...37 { result.append(result.last! * 10) }
    return result
}()
