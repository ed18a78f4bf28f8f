/// A small hash table from byte strings to `Int32` payloads, looked up without building a
/// `String` or an array per query.
///
/// Ingest sees the same few hundred village names, codes and enumeration spellings millions of
/// times; caching the normalised result by the raw bytes means each distinct spelling is
/// normalised once (measured: a `String` + NFC per field costs more than the whole row parse).
/// Open addressing with linear probing; keys live in one growing byte arena.
///
/// Stored `var`s are `@exclusivity(unchecked)`: the type is used from one thread and never
/// hands out overlapping accesses, and the profile of a million-row read showed the dynamic
/// exclusivity checks (`swift_beginAccess`) at about a tenth of the time.
public final class ByteKeyedCache {
    @exclusivity(unchecked) private var hashes: [UInt64]
    @exclusivity(unchecked) private var offsets: [Int32]
    @exclusivity(unchecked) private var lengths: [Int32]
    @exclusivity(unchecked) private var payloads: [Int32]
    @exclusivity(unchecked) private var arena: [UInt8] = []
    @exclusivity(unchecked) private var mask: Int
    /// Number of keys stored.
    @exclusivity(unchecked) public private(set) var count = 0
    /// Keys beyond this many are not stored (`insert` does nothing), bounding memory on
    /// pathological input where every value differs.
    public let capacityLimit: Int

    public init(capacityLimit: Int = 1 << 16) {
        self.capacityLimit = capacityLimit
        mask = 63
        hashes = [UInt64](repeating: 0, count: 64)
        offsets = [Int32](repeating: 0, count: 64)
        lengths = [Int32](repeating: 0, count: 64)
        payloads = [Int32](repeating: 0, count: 64)
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h | 1  // 0 marks an empty slot
    }

    /// The payload stored for `key`, or nil.
    @inline(__always)
    public func payload(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = hashes[slot]
            if stored == 0 { return nil }
            if stored == h && Int(lengths[slot]) == key.count {
                let offset = Int(offsets[slot])
                let equal = arena.withUnsafeBufferPointer { a in
                    var i = 0
                    while i < key.count {
                        if a[offset + i] != key[i] { return false }
                        i += 1
                    }
                    return true
                }
                if equal { return payloads[slot] }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `payload` for `key` (which must not be stored yet).
    public func insert(_ key: UnsafeBufferPointer<UInt8>, payload: Int32) {
        guard count < capacityLimit else { return }
        if (count + 1) * 2 > mask + 1 { grow() }
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = h
        offsets[slot] = Int32(arena.count)
        lengths[slot] = Int32(key.count)
        payloads[slot] = payload
        arena.append(contentsOf: key)
        count += 1
    }

    private func grow() {
        let oldHashes = hashes, oldOffsets = offsets, oldLengths = lengths, oldPayloads = payloads
        let size = (mask + 1) * 2
        mask = size - 1
        hashes = [UInt64](repeating: 0, count: size)
        offsets = [Int32](repeating: 0, count: size)
        lengths = [Int32](repeating: 0, count: size)
        payloads = [Int32](repeating: 0, count: size)
        for i in oldHashes.indices where oldHashes[i] != 0 {
            var slot = Int(truncatingIfNeeded: oldHashes[i]) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = oldHashes[i]
            offsets[slot] = oldOffsets[i]
            lengths[slot] = oldLengths[i]
            payloads[slot] = oldPayloads[i]
        }
    }
}
