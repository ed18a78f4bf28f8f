import Foundation

/// Equality of UTF-8 texts read from SQLite as bytes (`SQLiteStatement.textBytes`), by length
/// and `memcmp`: `Sequence.elementsEqual` compares byte by byte through generic iterators,
/// measured at a tenth of the track stage on 1,000,000 households × 5 years.
enum ByteText {
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// SQLite's BINARY order of two texts (`binCollFunc`): `memcmp` over the shorter length,
    /// then the shorter text first. Negative when `a` comes first, zero when equal.
    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return b.withUnsafeBufferPointer { equal(a, $0) }
    }

    /// Where `needle` occurs in `text` (not overlapping), as ranges of `text`'s indices, found
    /// in its UTF-8 bytes (`text` is made contiguous UTF-8 first, so the offsets are its indices).
    /// Foundation's `range(of:)` bridged a whole HTML report to NSString and the standard
    /// library's `ranges(of:)` walked generic indices: both measured slower than the rest of
    /// the SampleData exports.
    static func ranges(of needle: String, in text: inout String) -> [Range<String.Index>] {
        text.makeContiguousUTF8()
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return [] }
        var offsets: [Int] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            // `memchr` for the first byte, `memcmp` for the rest (glibc's `memmem` is not in
            // Swift's Glibc module).
            let first = Int32(pattern[0])
            var start = 0
            while start + pattern.count <= bytes.count,
                let hit = memchr(base + start, first, bytes.count - pattern.count + 1 - start)
            {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + offset, pattern, pattern.count) == 0 {
                    offsets.append(offset)
                    start = offset + pattern.count
                } else {
                    start = offset + 1
                }
            }
        }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0)..<utf8.index(utf8.startIndex, offsetBy: $0 + pattern.count) }
    }

    /// Whether `needle` occurs in `text` (see `ranges(of:in:)`).
    static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        return !ranges(of: needle, in: &text).isEmpty
    }
}
