/// Byte-level helpers for one CSV field held as UTF-8 bytes: Unicode white-space trimming,
/// UTF-8 validation and a lossless conversion to `String`.
///
/// The ingest hot path works on the bytes of a field without building a `String` per value;
/// these helpers are the shared vocabulary of the field parsers.
public enum FieldBytes {
    /// The length of the Unicode white space (or invisible filler) that starts at `index`, or 0.
    ///
    /// White space here is ASCII space, tab, CR, LF, VT, FF, and U+0085, U+00A0 (the no-break
    /// space Excel leaves), U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and
    /// U+FEFF (a stray byte-order mark).
    @inlinable
    public static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let b = bytes[index]
        if b < 0x80 { return (b == 0x20 || (b >= 0x09 && b <= 0x0D)) ? 1 : 0 }
        let remaining = bytes.count - index
        if b == 0xC2, remaining >= 2 {
            let c = bytes[index + 1]
            return (c == 0xA0 || c == 0x85) ? 2 : 0
        }
        guard remaining >= 3 else { return 0 }
        let c = bytes[index + 1], d = bytes[index + 2]
        switch b {
        case 0xE1: return (c == 0x9A && d == 0x80) ? 3 : 0
        case 0xE2:
            if c == 0x80 { return (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) ? 3 : 0 }
            return (c == 0x81 && d == 0x9F) ? 3 : 0
        case 0xE3: return (c == 0x80 && d == 0x80) ? 3 : 0
        case 0xEF: return (c == 0xBB && d == 0xBF) ? 3 : 0
        default: return 0
        }
    }

    /// The length of the white space that ends just before `end`, or 0.
    @inlinable
    public static func trailingWhitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        let last = bytes[end - 1]
        if last < 0x80 { return (last == 0x20 || (last >= 0x09 && last <= 0x0D)) ? 1 : 0 }
        if end >= 2, bytes[end - 2] == 0xC2, whitespaceLength(bytes, at: end - 2) == 2 { return 2 }
        if end >= 3, whitespaceLength(bytes, at: end - 3) == 3 { return 3 }
        return 0
    }

    /// `bytes` without leading and trailing Unicode white space.
    @inlinable
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            let n = whitespaceLength(bytes, at: start)
            if n == 0 { break }
            start += n
        }
        while end > start {
            let n = trailingWhitespaceLength(bytes, before: end)
            if n == 0 { break }
            end -= n
        }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether every byte is ASCII.
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var acc: UInt8 = 0
        for b in bytes { acc |= b }
        return acc < 0x80
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil when `bytes`
    /// is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
    public static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= lower && second <= upper else { return i }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }

    /// The bytes as a `String` (they must be valid UTF-8; invalid bytes become U+FFFD).
    @inlinable
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of `text`.
    public static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8 { body($0) }
    }
}
