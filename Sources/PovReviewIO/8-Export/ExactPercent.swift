/// A percentage `100 × numerator / denominator` kept as the exact rational of two counts.
///
/// Exports publish rates with 2 decimals rounded half away from zero from the exact value
/// (outputs.md §2: 201 of 20,000 is 1.01), so the rounding is done on integers here rather
/// than on the REAL columns of the database, whose binary fractions can sit just below a half.
public struct ExactPercent: Sendable, Hashable {
    public var numerator: Int
    /// Always > 0.
    public var denominator: Int

    /// Nil when `denominator` is 0 (a rate over nothing is left empty in the exports).
    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator != 0 else { return nil }
        // Keep the sign on the numerator so the rounding below sees one sign only.
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator < 0 ? -denominator : denominator
    }

    /// The value as a `Double` at full precision (for XLSX cells and chart coordinates only).
    public var doubleValue: Double { Double(numerator) * 100 / Double(denominator) }

    /// `places` decimals (0…4), half away from zero, '.' as the decimal separator: `1.01`.
    public func formatted(places: Int = 2, decimalSeparator: String = ".") -> String {
        precondition((0...4).contains(places))
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let n = Int128(numerator) * 100 * scale
        let d = Int128(denominator)
        let magnitude = (2 * (n < 0 ? -n : n) + d) / (2 * d)
        let whole = magnitude / scale
        let fraction = magnitude % scale
        var text = (n < 0 && magnitude != 0 ? "-" : "") + String(whole)
        if places > 0 {
            var digits = String(fraction)
            while digits.count < places { digits = "0" + digits }
            text += decimalSeparator + digits
        }
        return text
    }
}
