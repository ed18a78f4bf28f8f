#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The duplicate keys (`review_year`, `household_id`) of a run: how many rows each key has had
/// so far, over every file, and where its accepted row is while it is the only row of its key
/// (input-format.md §4, rule 2).
///
/// Hand-written rather than `[DuplicateKey: KeyState]`: on 1M households the dictionary measured
/// about 1.5 s of the ingest (SipHash of a `String` per row, plus rehashing as it grew) and
/// ~150 MB. This table hashes the id's UTF-8 bytes with a multiply-xor hash, keeps the ids in
/// one byte arena, the entries (24 bytes) and their accepted rows (24 bytes, packed) in two
/// arrays, and probes a slot array that holds a hash tag beside each entry index, so a key seen
/// for the first time (the common case) touches one cache line of the slots. About 70 bytes a
/// key in all (it was ~110 with unpacked rows and slots at most half full).
public final class DuplicateKeyTable {
    /// Where an accepted row is, to re-read it if its key turns out to be duplicated.
    public struct AcceptedRow: Sendable {
        /// Index of the dump in the run's list of dumps.
        public var file: Int32
        public var location: RecordLocation

        public init(file: Int32, location: RecordLocation) {
            self.file = file
            self.location = location
        }
    }

    private struct Entry {
        var arenaOffset: Int
        var length: UInt32
        var year: Int32
        var count: Int32
        var accepted: AcceptedState
    }

    private enum AcceptedState: UInt8 {
        case none
        /// In `packedRows` at the entry's index.
        case packed
        /// In `overflowRows` (a line, length or file beyond 32 bits).
        case overflow
    }

    /// An accepted row in 24 bytes instead of 40.
    private struct PackedRow {
        var byteOffset: Int64
        var byteLength: UInt32
        var line: UInt32
        var lineCount: UInt32
        var file: UInt32

        static let empty = PackedRow(byteOffset: 0, byteLength: 0, line: 0, lineCount: 0, file: 0)

        /// `row` packed, nil when a value does not fit in 32 bits.
        static func packing(_ row: AcceptedRow) -> PackedRow? {
            guard let byteLength = UInt32(exactly: row.location.byteLength), let line = UInt32(exactly: row.location.line),
                let lineCount = UInt32(exactly: row.location.lineCount), let file = UInt32(exactly: row.file)
            else { return nil }
            return PackedRow(byteOffset: row.location.byteOffset, byteLength: byteLength, line: line, lineCount: lineCount, file: file)
        }

        var row: AcceptedRow {
            AcceptedRow(
                file: Int32(file),
                location: RecordLocation(
                    line: Int(line), lineCount: Int(lineCount), byteOffset: byteOffset, byteLength: Int64(byteLength)))
        }
    }

    /// Slot: high 32 bits a hash tag, low 32 bits entry index + 1 (0 = empty). Allocated with
    /// `calloc`, so pages never probed are never touched.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var entries: [Entry] = []
    @exclusivity(unchecked) private var packedRows: [PackedRow] = []
    @exclusivity(unchecked) private var overflowRows: [Int: AcceptedRow] = [:]
    @exclusivity(unchecked) private var arena: [UInt8] = []

    /// Number of distinct keys.
    public var count: Int { entries.count }

    /// A table sized for about `expectedKeys` keys (it grows beyond).
    public init(expectedKeys: Int = 1 << 16) {
        let size = Self.slotCount(for: expectedKeys)
        slots = Self.allocateSlots(size)
        mask = size - 1
        entries.reserveCapacity(expectedKeys)
        packedRows.reserveCapacity(expectedKeys)
        arena.reserveCapacity(expectedKeys * 16)
    }

    deinit { free(slots) }

    /// The smallest power of two that holds `keys` at most three quarters full (linear probing
    /// with 32-bit tags stays within a cache line or two at that load).
    private static func slotCount(for keys: Int) -> Int {
        var size = 64
        while size * 3 < keys * 4 { size <<= 1 }
        return size
    }

    /// Forgets every key and gives the memory back (the table is empty and small afterwards).
    public func removeAll() {
        free(slots)
        slots = Self.allocateSlots(64)
        mask = 63
        entries = []
        packedRows = []
        overflowRows = [:]
        arena = []
        lastEntry = 0
    }

    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        guard let raw = calloc(count, MemoryLayout<UInt64>.stride) else { fatalError("out of memory") }
        return raw.assumingMemoryBound(to: UInt64.self)
    }

    /// Counts one more row of key (`year`, `id`) and returns the number of rows of the key so far,
    /// with its accepted row when this is the second row (the accepted row is then forgotten:
    /// the caller takes it back out).
    @inline(__always)
    public func countRow(year: Int, id: String) -> (count: Int32, retracted: AcceptedRow?) {
        var id = id
        return id.withUTF8 { countRow(year: Int32(truncatingIfNeeded: year), id: $0) }
    }

    /// Records the accepted row of the key just counted (which must have one row so far).
    public func setAccepted(_ row: AcceptedRow) {
        let index = lastEntry
        if let packed = PackedRow.packing(row) {
            packedRows[index] = packed
            entries[index].accepted = .packed
        } else {
            overflowRows[index] = row
            entries[index].accepted = .overflow
        }
    }

    /// Takes the accepted row of entry `index` out (its key has just repeated).
    private func takeAccepted(_ index: Int) -> AcceptedRow? {
        defer { entries[index].accepted = .none }
        switch entries[index].accepted {
        case .none: return nil
        case .packed: return packedRows[index].row
        case .overflow: return overflowRows.removeValue(forKey: index)
        }
    }

    @exclusivity(unchecked) private var lastEntry = 0

    private func countRow(year: Int32, id: UnsafeBufferPointer<UInt8>) -> (count: Int32, retracted: AcceptedRow?) {
        let h = Self.hash(id, year: year)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(stored & 0xFFFF_FFFF) - 1
                if matches(index, year: year, id: id) {
                    lastEntry = index
                    entries[index].count += 1
                    let count = entries[index].count
                    return (count, count == 2 ? takeAccepted(index) : nil)
                }
            }
            slot = (slot + 1) & mask
        }
        let index = entries.count
        guard index < Int(UInt32.max), let length = UInt32(exactly: id.count) else {
            fatalError("DuplicateKeyTable: more than 4 billion keys or an id longer than 4 GB")
        }
        entries.append(Entry(arenaOffset: arena.count, length: length, year: year, count: 1, accepted: .none))
        packedRows.append(.empty)
        arena.append(contentsOf: id)
        slots[slot] = tag | UInt64(index + 1)
        lastEntry = index
        if entries.count * 4 > (mask + 1) * 3 { grow() }
        return (1, nil)
    }

    @inline(__always)
    private func matches(_ index: Int, year: Int32, id: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        guard entry.year == year, Int(entry.length) == id.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var i = 0
            let base = entry.arenaOffset
            while i < id.count {
                if a[base + i] != id[i] { return false }
                i += 1
            }
            return true
        }
    }

    private func grow() {
        let size = (mask + 1) * 2
        let newSlots = Self.allocateSlots(size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { a in
            for (index, entry) in entries.enumerated() {
                let key = UnsafeBufferPointer(rebasing: a[entry.arenaOffset..<entry.arenaOffset + Int(entry.length)])
                let h = Self.hash(key, year: entry.year)
                var slot = Int(truncatingIfNeeded: h) & newMask
                while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
                newSlots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
            }
        }
        free(slots)
        slots = newSlots
        mask = newMask
    }

    /// A 64-bit hash of the id bytes and the year: 8 bytes at a time, multiply and xor-shift,
    /// finished with the MurmurHash3 mixer.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, year: Int32) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt32(bitPattern: year))
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return fmix(h) }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail ^ (UInt64(n) << 56)) &* 0xC4CE_B9FE_1A85_EC53
        return fmix(h)
    }

    @inline(__always)
    private static func fmix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
