/// Reads a whole number as written in a dump (input-format.md §4, pinned rule 6).
///
/// Accepted after trimming: plain digits (`1500000`), Vietnamese thousands groups with dots
/// (`1.500.000`) or English ones with commas (`1,500,000`): a first group of 1–3 digits, then
/// groups of exactly three, one kind of separator only. A leading `-` is read so a range
/// message can quote a negative value; a `+` sign is not one of the forms of rule 6 and is
/// unreadable. Anything else (`+4`, `12.5`, `1.50.000`, `1 500`, `1,500.000`)
/// is unreadable: a value that cannot be read unambiguously is an error, never a guess.
public enum IntegerField {
    /// The largest magnitude accepted (10^15). Larger values cannot be real counts, incomes or
    /// years, and the bound keeps downstream arithmetic (`dependants * 2`) free of overflow.
    public static let maximumMagnitude: Int64 = 1_000_000_000_000_000

    /// The value of the trimmed `bytes`, or nil when they are not a readable whole number.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = bytes.count
        var i = 0
        guard n > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        let digitsStart = i
        var value: Int64 = 0
        var separator: UInt8 = 0
        var groupLength = 0
        while i < n {
            let b = bytes[i]
            let digit = b &- UInt8(ascii: "0")
            if digit < 10 {
                value = value &* 10 &+ Int64(digit)
                if value > maximumMagnitude { return nil }
                groupLength += 1
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") {
                if separator == 0 {
                    guard groupLength >= 1 && groupLength <= 3 else { return nil }
                    // A grouped number does not start with a zero (`0.500` is not 500).
                    if bytes[digitsStart] == UInt8(ascii: "0") { return nil }
                    separator = b
                } else {
                    guard b == separator && groupLength == 3 else { return nil }
                }
                groupLength = 0
            } else {
                return nil
            }
            i += 1
        }
        guard groupLength > 0 else { return nil }
        if separator != 0 && groupLength != 3 { return nil }
        return negative ? -value : value
    }

    /// `parse` of a `String` (trimmed first).
    public static func parse(_ text: String) -> Int64? {
        FieldBytes.withBytes(of: text) { parse(FieldBytes.trimmed($0)) }
    }
}
