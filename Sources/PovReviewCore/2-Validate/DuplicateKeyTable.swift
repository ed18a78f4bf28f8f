#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The duplicate keys (`review_year`, `household_id`) of a run: whether each key has had a row
/// before, over every file, and where its accepted row is while it is the only row of its key
/// (input-format.md §4, rule 2).
///
/// Hand-written rather than `[DuplicateKey: KeyState]`: on 1M households the dictionary measured
/// about 1.5 s of the ingest (SipHash of a `String` per row, plus rehashing as it grew) and
/// ~150 MB. In memory the table is only an open-addressing array of 8-byte slots (about
/// 11–21 bytes a key); each key's bytes and accepted row are appended to a
/// `DuplicateKeyRecordStore` (a spill file in a run) and read back only when a slot's 23-bit
/// hash tag matches, which is when the key repeats (or, about once in 8 million probes, a tag
/// collides and the read shows another key). The table's memory was ~70 bytes a key with the
/// keys and rows in memory: 350 MB for a million households over five years.
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

    /// What `countRow` found.
    public struct Counted {
        /// The key had a row before this one.
        public var repeated: Bool
        /// The key's first row, when it was accepted and this is the key's second row (the
        /// caller takes it back out; it is returned only once).
        public var retracted: AcceptedRow?
    }

    // Slot layout (0 = empty): bit 63 set, bits 62…40 a hash tag, bits 39…2 the key record's
    // offset in the store, bit 1 "its first row is accepted and not yet retracted" (bit 0 is
    // unused: a repeat is known by finding the key at all).
    private static let occupied: UInt64 = 1 << 63
    private static let tagMask: UInt64 = 0xFFFF_FF00_0000_0000
    private static let offsetLimit: UInt64 = 1 << 38
    private static let acceptedBit: UInt64 = 0b10

    /// Allocated with `calloc`, so pages never probed are never touched.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var keyCount = 0
    /// Reused for encoding each new key's record (no allocation per row).
    @exclusivity(unchecked) private var scratch = [UInt8](repeating: 0, count: 256)
    private let records: any DuplicateKeyRecordStore
    /// Replaces the hash in tests (every key in one slot chain, every tag equal).
    private let hashOverride: ((UnsafeBufferPointer<UInt8>, Int32) -> UInt64)?

    /// Number of distinct keys.
    public var count: Int { keyCount }

    /// A table sized for about `expectedKeys` keys (it grows beyond), keeping its records in
    /// `records`.
    public convenience init(expectedKeys: Int = 1 << 16, records: any DuplicateKeyRecordStore) {
        self.init(expectedKeys: expectedKeys, records: records, hashOverride: nil)
    }

    init(
        expectedKeys: Int, records: any DuplicateKeyRecordStore,
        hashOverride: ((UnsafeBufferPointer<UInt8>, Int32) -> UInt64)?
    ) {
        let size = Self.slotCount(for: expectedKeys)
        slots = Self.allocateSlots(size)
        mask = size - 1
        self.records = records
        self.hashOverride = hashOverride
    }

    deinit { free(slots) }

    /// The smallest power of two that holds `keys` at most three quarters full (linear probing
    /// with 8-byte slots stays within a cache line or two at that load).
    private static func slotCount(for keys: Int) -> Int {
        var size = 64
        while size * 3 < keys * 4 { size <<= 1 }
        return size
    }

    /// Forgets every key and gives the memory back (the table is empty and small afterwards).
    public func removeAll() throws {
        free(slots)
        slots = Self.allocateSlots(64)
        mask = 63
        keyCount = 0
        try records.removeAll()
    }

    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        guard let raw = calloc(count, MemoryLayout<UInt64>.stride) else { fatalError("out of memory") }
        return raw.assumingMemoryBound(to: UInt64.self)
    }

    /// Counts one more row of key (`year`, `id`); `accepted` is where the row is when it passed
    /// its other checks. Returns whether the key had a row before, and the key's accepted
    /// first row when this is its second row.
    @inline(__always)
    public func countRow(year: Int, id: String, accepted: AcceptedRow?) throws -> Counted {
        var id = id
        return try id.withUTF8 { try countRow(year: Int32(truncatingIfNeeded: year), id: $0, accepted: accepted) }
    }

    private func countRow(year: Int32, id: UnsafeBufferPointer<UInt8>, accepted: AcceptedRow?) throws -> Counted {
        let h = hash(id, year: year)
        let tag = Self.tag(h)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & Self.tagMask == tag {
                let (record, _) = try DuplicateKeyRecord.read(at: Self.offset(stored), from: records)
                if record.year == year, record.id.elementsEqual(id) {
                    var retracted: AcceptedRow?
                    if stored & Self.acceptedBit != 0 { retracted = record.accepted }
                    slots[slot] = stored & ~Self.acceptedBit
                    return Counted(repeated: true, retracted: retracted)
                }
            }
            slot = (slot + 1) & mask
        }
        let length = DuplicateKeyRecord.encode(year: year, id: id, accepted: accepted, into: &scratch)
        let offset = try scratch.withUnsafeBytes { try records.append(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        guard offset < Self.offsetLimit else {
            fatalError("DuplicateKeyTable: the key records passed \(Self.offsetLimit) bytes")
        }
        slots[slot] = tag | offset << 2 | (accepted == nil ? 0 : Self.acceptedBit)
        keyCount += 1
        if keyCount * 4 > (mask + 1) * 3 { try grow() }
        return Counted(repeated: false, retracted: nil)
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt64 { occupied | (hash & tagMask) }

    @inline(__always)
    private static func offset(_ slot: UInt64) -> UInt64 { (slot >> 2) & (offsetLimit - 1) }

    /// Doubles the slots. The keys are not in memory: the records are read back in order (one
    /// sequential pass over the store), each key rehashed, and its flags taken from its old slot
    /// (found by its record's offset).
    private func grow() throws {
        let size = (mask + 1) * 2
        let newSlots = Self.allocateSlots(size)
        let newMask = size - 1
        var offset: UInt64 = 0
        let end = records.byteCount
        let chunkSize = 1 << 20
        while offset < end {
            let chunk = try records.read(at: offset, upTo: chunkSize)
            var at = 0
            while true {
                var payloadStart = at
                guard let length = DuplicateKeyRecord.varint(in: chunk, at: &payloadStart),
                    payloadStart + Int(length) <= chunk.count,
                    let record = DuplicateKeyRecord.decode(chunk, from: payloadStart)
                else { break }
                move(record, at: offset + UInt64(at), into: newSlots, mask: newMask)
                at = payloadStart + Int(length)
            }
            if at == 0 {
                // A record longer than the chunk (a very long id): read on its own.
                let (record, size) = try DuplicateKeyRecord.read(at: offset, from: records)
                move(record, at: offset, into: newSlots, mask: newMask)
                at = size
            }
            offset += UInt64(at)
        }
        free(slots)
        slots = newSlots
        mask = newMask
    }

    /// Copies the slot of the key whose record is at `recordOffset` into `newSlots`.
    private func move(_ record: DuplicateKeyRecord, at recordOffset: UInt64, into newSlots: UnsafeMutablePointer<UInt64>, mask newMask: Int) {
        let h = record.id.withUnsafeBufferPointer { hash($0, year: record.year) }
        var old = Int(truncatingIfNeeded: h) & mask
        while Self.offset(slots[old]) != recordOffset || slots[old] == 0 {
            precondition(slots[old] != 0, "DuplicateKeyTable: the record at \(recordOffset) has no slot")
            old = (old + 1) & mask
        }
        var slot = Int(truncatingIfNeeded: h) & newMask
        while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
        newSlots[slot] = slots[old]
    }

    @inline(__always)
    private func hash(_ bytes: UnsafeBufferPointer<UInt8>, year: Int32) -> UInt64 {
        if let hashOverride { return hashOverride(bytes, year) }
        return Self.hash(bytes, year: year)
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
