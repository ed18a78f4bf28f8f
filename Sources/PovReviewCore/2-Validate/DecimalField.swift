/// Reads a decimal number (`housing_area_m2`) as written in a dump (pinned rule 6).
///
/// After trimming: `.` is the decimal point (`12.5`; `1.234` is 1.234); `,` is a decimal comma
/// (`12,5`) unless exactly three digits follow it (`1,234` is ambiguous, and so is `1.234,567`);
/// when both appear the last one is the decimal separator and the other groups thousands
/// (`1.234,5`, `1,234.5`); a `+` sign is not a form of rule 6;
/// two or more of one kind alone group thousands (`1.234.567`, `1,234,567`). Digits are needed
/// on both sides of a decimal separator.
public enum DecimalField {
    /// What a decimal field reads as.
    public enum Reading: Equatable, Sendable {
        case value(ExactDecimal)
        /// `1,234`: thousands group or decimal comma; the row must say which.
        case ambiguous
        case invalid
    }

    /// Reads the trimmed `bytes`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        let n = bytes.count
        guard n > 0 else { return .invalid }
        var start = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            start = 1
        }
        var dots = 0, commas = 0, lastDot = -1, lastComma = -1
        for i in start..<n {
            switch bytes[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "."): dots += 1; lastDot = i
            case UInt8(ascii: ","): commas += 1; lastComma = i
            default: return .invalid
            }
        }
        // Position of the decimal separator (nil: a whole number) and the thousands separator.
        var decimalAt: Int? = nil
        var thousands: UInt8 = 0
        switch (dots, commas) {
        case (0, 0): break
        case (1, 0): decimalAt = lastDot
        case (_, 0): thousands = UInt8(ascii: ".")
        case (0, 1):
            if n - lastComma - 1 == 3 { return .ambiguous }
            decimalAt = lastComma
        case (0, _): thousands = UInt8(ascii: ",")
        default:
            if lastDot > lastComma {
                guard dots == 1 else { return .invalid }
                decimalAt = lastDot
                thousands = UInt8(ascii: ",")
            } else {
                guard commas == 1 else { return .invalid }
                // A comma followed by exactly three digits is not a decimal comma (rule 6).
                if n - lastComma - 1 == 3 { return .ambiguous }
                decimalAt = lastComma
                thousands = UInt8(ascii: ".")
            }
        }
        let integerEnd = decimalAt ?? n
        guard integerEnd > start else { return .invalid }
        var significand: Int64 = 0
        var digits = 0
        // Integer part, checking thousands groups when there is a separator.
        var groupLength = 0
        var grouped = false
        for i in start..<integerEnd {
            let b = bytes[i]
            if b == thousands && thousands != 0 {
                if !grouped {
                    guard groupLength >= 1 && groupLength <= 3, bytes[start] != UInt8(ascii: "0") else {
                        return .invalid
                    }
                    grouped = true
                } else if groupLength != 3 {
                    return .invalid
                }
                groupLength = 0
                continue
            }
            guard b != UInt8(ascii: "."), b != UInt8(ascii: ",") else { return .invalid }
            let (m, o1) = significand.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
            guard !o1, !o2 else { return .invalid }
            significand = s
            digits += 1
            groupLength += 1
        }
        guard groupLength > 0 else { return .invalid }
        if grouped && groupLength != 3 { return .invalid }
        var scale = 0
        if let decimalAt {
            guard decimalAt + 1 < n else { return .invalid }
            for i in (decimalAt + 1)..<n {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return .invalid }
                let (m, o1) = significand.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
                guard !o1, !o2 else { return .invalid }
                significand = s
                scale += 1
            }
            guard scale <= 18 else { return .invalid }
        }
        _ = digits
        return .value(ExactDecimal(significand: negative ? -significand : significand, scale: scale))
    }

    /// `parse` of a `String` (trimmed first).
    public static func parse(_ text: String) -> Reading {
        FieldBytes.withBytes(of: text) { parse(FieldBytes.trimmed($0)) }
    }
}
