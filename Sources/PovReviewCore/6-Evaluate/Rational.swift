/// An exact fraction `numerator / denominator` on `Int128`, always reduced, denominator > 0.
///
/// Plan criteria are decided on exact values (plans.md, "Exact arithmetic"): rates are
/// `100 × count / households`, restated counts are `count × share` with the crosswalk share kept
/// as written. With counts below 10⁹ and shares of at most a dozen decimals, every product of two
/// values stays far below `Int128.max` (≈ 1.7 × 10³⁸); operations trap on overflow rather than
/// return a wrong answer.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Numerator; carries the sign.
    public let numerator: Int128
    /// Denominator, always > 0.
    public let denominator: Int128

    /// `numerator / denominator`, reduced. `denominator` must not be 0.
    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "zero denominator")
        var n = numerator
        var d = denominator
        if d < 0 { n = -n; d = -d }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int128(g)
            d /= Int128(g)
        }
        self.numerator = n
        self.denominator = d
    }

    public init(_ integer: Int) { self.init(Int128(integer), 1) }

    /// `numerator / denominator` from machine integers.
    public init(_ numerator: Int, _ denominator: Int) { self.init(Int128(numerator), Int128(denominator)) }

    public static let zero = Rational(0)
    public static let one = Rational(1)
    public static let hundred = Rational(100)

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// Parses decimal text exactly: `12`, `-0.5`, `1.5`, `0.333333`, `1e-3` is rejected.
    ///
    /// A decimal comma is accepted when it is the only separator (`1,5`), so plan files and
    /// targets typed in a Vietnamese locale read the same.
    public init?(decimalText text: String) {
        var s = Substring(text.trimmingCharactersInWhitespace)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        if !s.contains("."), s.filter({ $0 == "," }).count == 1 {
            // `1,234` could be a thousands group: ambiguous, never a guess (input-format.md §4.6).
            if s.split(separator: ",", omittingEmptySubsequences: false)[1].count == 3 { return nil }
            s = Substring(s.replacingComma())
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
            whole.allSatisfy({ $0.isASCII && $0.isNumber }),
            fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            whole.count + fraction.count <= 30
        else { return nil }
        if parts.count == 2 && fraction.isEmpty { return nil }
        var n: Int128 = 0
        for c in whole { n = n * 10 + Int128(c.wholeNumberValue!) }
        var d: Int128 = 1
        for c in fraction {
            n = n * 10 + Int128(c.wholeNumberValue!)
            d *= 10
        }
        self.init(negative ? -n : n, d)
    }

    public var isZero: Bool { numerator == 0 }
    public var isInteger: Bool { denominator == 1 }

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator { return Rational(a.numerator + b.numerator, a.denominator) }
        return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }
    public static func * (a: Rational, b: Rational) -> Rational {
        // Cross-reduce first to keep intermediate products small.
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude))
        let g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        let n1 = g1 == 0 ? a.numerator : a.numerator / g1
        let d2 = g1 == 0 ? b.denominator : b.denominator / g1
        let n2 = g2 == 0 ? b.numerator : b.numerator / g2
        let d1 = g2 == 0 ? a.denominator : a.denominator / g2
        return Rational(n1 * n2, d1 * d2)
    }
    /// `a / b`; `b` must not be zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division by zero")
        return a * Rational(b.denominator, b.numerator)
    }
    public static func += (a: inout Rational, b: Rational) { a = a + b }

    public static func < (a: Rational, b: Rational) -> Bool {
        // Cross-multiplication: both denominators are positive.
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// `100 × part / whole`, or nil when `whole` is 0.
    public static func percentage(_ part: Rational, of whole: Rational) -> Rational? {
        whole.isZero ? nil : Rational.hundred * part / whole
    }

    /// Rounded half away from zero to `places` decimals (as published: 201 of 20,000 is 1.01).
    public func rounded(places: Int = 2) -> Rational {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = numerator * scale
        let magnitude = scaled.magnitude
        let d = denominator.magnitude
        var q = magnitude / d
        let r = magnitude % d
        if r * 2 >= d { q += 1 }
        let signed = numerator < 0 ? -Int128(q) : Int128(q)
        return Rational(signed, scale)
    }

    /// The value as a `Double` (display and JSON only; never for decisions).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Exact text: `3`, `-1/3`, `25/2`.
    public var description: String {
        denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    /// Decimal text with exactly `places` decimals, rounded half away from zero (`12.50`).
    public func decimalText(places: Int = 2, separator: Character = ".") -> String {
        let r = rounded(places: places)
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = r.numerator * (scale / r.denominator)
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if places > 0 {
            while digits.count <= places { digits = "0" + digits }
            digits.insert(separator, at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative ? "-" : "") + digits
    }

    /// The shortest exact decimal text when the value is a finite decimal (`1.5`, `0.1`, `40`),
    /// else `decimalText(places: 6)`.
    public var plainText: String {
        var d = denominator
        var places = 0
        while d % 10 == 0 { d /= 10; places += 1 }
        while d % 2 == 0 { d /= 2; places += 1 }
        while d % 5 == 0 { d /= 5; places += 1 }
        guard d == 1, places <= 12 else { return decimalText(places: 6) }
        var text = decimalText(places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

extension Rational: Codable {
    /// Encoded as its exact text (`"25/2"`), so evidence JSON never loses precision.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "/")
        if parts.count == 2, let n = Int128(String(parts[0])), let d = Int128(String(parts[1])), d != 0 {
            self.init(n, d)
        } else if let value = Rational(decimalText: text) {
            self = value
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a rational: \(text)"))
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    fileprivate var trimmingCharactersInWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Substring {
    fileprivate func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
