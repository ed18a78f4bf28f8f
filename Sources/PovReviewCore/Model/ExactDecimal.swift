/// A non-negative decimal number kept exactly as written: `significand × 10^-scale`.
///
/// Used for `housing_area_m2`, so `area < 8 × members` is decided without rounding
/// (standards.md: "Comparisons are exact").
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var significand: Int64
    public var scale: Int

    public init(significand: Int64, scale: Int) {
        precondition(scale >= 0 && scale <= 18, "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int64) { self.init(significand: integer, scale: 0) }

    private static func power(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// Whether `self < factor × integer`, decided exactly.
    public func isLess(thanProductOf factor: Int, and integer: Int) -> Bool {
        Int128(significand) < Int128(factor) * Int128(integer) * Self.power(scale)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return Int128(lhs.significand) * power(scale - lhs.scale)
            < Int128(rhs.significand) * power(scale - rhs.scale)
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(doubleValue) }

    /// The value as a `Double` (for storage and display only; never for decisions).
    public var doubleValue: Double {
        var d = Double(significand)
        for _ in 0..<scale { d /= 10 }
        return d
    }

    /// The canonical decimal text, e.g. `12.5`, `0.25`, `40`.
    public var description: String {
        if scale == 0 { return String(significand) }
        let negative = significand < 0
        var digits = String(significand.magnitude)
        while digits.count <= scale { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        var fraction = String(digits[cut...])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(digits[..<cut])
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
