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

    /// The order of two texts under SQLite's BINARY collation (`memcmp`, then the shorter
    /// first): negative when `a` comes first, 0 when equal, positive when `b` does.
    @inline(__always)
    static func binaryOrder(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        let byBytes = common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
        return byBytes != 0 ? byBytes : a.count - b.count
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return b.withUnsafeBufferPointer { equal(a, $0) }
    }
}
