/// Where `DuplicateKeyTable` keeps one record per key: the key's bytes and, while the key has
/// one row, where its accepted row is. Appended in order and read back by offset only when a
/// key may repeat, so the records can live outside memory (the I/O shell keeps them in a spill
/// file; `InMemoryDuplicateKeyRecords` keeps them in an array).
public protocol DuplicateKeyRecordStore: AnyObject {
    /// Bytes appended so far.
    var byteCount: UInt64 { get }
    /// Appends `bytes`; returns the offset of their first byte.
    func append(_ bytes: UnsafeRawBufferPointer) throws -> UInt64
    /// Up to `count` bytes from `offset` (fewer at the end).
    func read(at offset: UInt64, upTo count: Int) throws -> [UInt8]
    /// Forgets every byte.
    func removeAll() throws
}

/// Records kept in memory, for `povreview validate` (which writes no file, not even a temporary
/// one) and tests; `run` keeps them in a file.
///
/// In chunks of `chunkSize` bytes, not one array: an array grows by doubling, and while it
/// copies itself the old and the new storage are both held. `validate` peaked at 381 MB on
/// 1,000,000 households × 5 years with one array.
public final class InMemoryDuplicateKeyRecords: DuplicateKeyRecordStore {
    private var chunks: [[UInt8]] = []
    private let chunkSize: Int
    public private(set) var byteCount: UInt64 = 0

    /// `chunkSize`: bytes per chunk (4 MB; smaller in tests, to cross chunks).
    public init(chunkSize: Int = 1 << 22) {
        precondition(chunkSize > 0)
        self.chunkSize = chunkSize
    }

    public func append(_ newBytes: UnsafeRawBufferPointer) throws -> UInt64 {
        let offset = byteCount
        var rest = newBytes[...]
        while !rest.isEmpty {
            if chunks.isEmpty || chunks[chunks.count - 1].count == chunkSize {
                chunks.append([])
                chunks[chunks.count - 1].reserveCapacity(chunkSize)
            }
            let room = chunkSize - chunks[chunks.count - 1].count
            let part = rest.prefix(room)
            chunks[chunks.count - 1].append(contentsOf: part)
            rest = rest.dropFirst(part.count)
        }
        byteCount += UInt64(newBytes.count)
        return offset
    }

    public func read(at offset: UInt64, upTo count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        var position = Int(offset)
        let end = Int(min(offset + UInt64(max(count, 0)), byteCount))
        result.reserveCapacity(max(end - position, 0))
        while position < end {
            let chunk = chunks[position / chunkSize]
            let start = position % chunkSize
            let stop = min(chunk.count, start + (end - position))
            result.append(contentsOf: chunk[start..<stop])
            position += stop - start
        }
        return result
    }

    public func removeAll() throws {
        chunks = []
        byteCount = 0
    }
}

/// One key's record: `varint(length of the rest)`, then `varint(year)`, `varint(id length)`, the
/// id's UTF-8 bytes, and either `0` or `1` followed by the accepted row's file, line, line
/// count, byte offset and byte length as varints (LEB128). About 30 bytes for a 13-byte id.
struct DuplicateKeyRecord {
    var year: Int32
    var id: ArraySlice<UInt8>
    var accepted: DuplicateKeyTable.AcceptedRow?

    /// Longest record header: the length varint.
    static let maximumLengthPrefix = 10

    /// Writes the record of (`year`, `id`, `accepted`) into `scratch` (grown as needed); returns
    /// its byte count.
    static func encode(
        year: Int32, id: UnsafeBufferPointer<UInt8>, accepted: DuplicateKeyTable.AcceptedRow?,
        into scratch: inout [UInt8]
    ) -> Int {
        var payload = 0
        payload += varintSize(UInt64(UInt32(bitPattern: year)))
        payload += varintSize(UInt64(id.count)) + id.count + 1
        let row = accepted.map(fields(of:))
        if let row {
            payload += varintSize(row.0) + varintSize(row.1) + varintSize(row.2) + varintSize(row.3) + varintSize(row.4)
        }
        let total = varintSize(UInt64(payload)) + payload
        if scratch.count < total { scratch = [UInt8](repeating: 0, count: max(total, scratch.count * 2)) }
        scratch.withUnsafeMutableBufferPointer { out in
            var at = 0
            put(UInt64(payload), into: out, at: &at)
            put(UInt64(UInt32(bitPattern: year)), into: out, at: &at)
            put(UInt64(id.count), into: out, at: &at)
            for byte in id {
                out[at] = byte
                at += 1
            }
            out[at] = row == nil ? 0 : 1
            at += 1
            if let row {
                put(row.0, into: out, at: &at)
                put(row.1, into: out, at: &at)
                put(row.2, into: out, at: &at)
                put(row.3, into: out, at: &at)
                put(row.4, into: out, at: &at)
            }
        }
        return total
    }

    /// The row's file, line, line count, byte offset and byte length (a tuple: no allocation).
    @inline(__always)
    private static func fields(of row: DuplicateKeyTable.AcceptedRow) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
        (
            UInt64(UInt32(bitPattern: row.file)), UInt64(bitPattern: Int64(row.location.line)),
            UInt64(bitPattern: Int64(row.location.lineCount)), UInt64(bitPattern: row.location.byteOffset),
            UInt64(bitPattern: row.location.byteLength)
        )
    }

    @inline(__always)
    static func varintSize(_ value: UInt64) -> Int {
        var size = 1
        var rest = value >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    @inline(__always)
    private static func put(_ value: UInt64, into out: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
        var rest = value
        while rest >= 0x80 {
            out[index] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            index += 1
        }
        out[index] = UInt8(rest)
        index += 1
    }

    /// Reads a varint at `index`; nil when the bytes end first or it is longer than 64 bits.
    static func varint(in bytes: [UInt8], at index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// The record at `offset` of `store`, with its total byte count.
    static func read(at offset: UInt64, from store: any DuplicateKeyRecordStore) throws -> (record: Self, size: Int) {
        let prefix = try store.read(at: offset, upTo: maximumLengthPrefix)
        var at = 0
        guard let length = varint(in: prefix, at: &at) else { preconditionFailure("DuplicateKeyRecord: no record at \(offset)") }
        let bytes = try store.read(at: offset, upTo: at + Int(length))
        guard let record = decode(bytes, from: at) else { preconditionFailure("DuplicateKeyRecord: damaged record at \(offset)") }
        return (record, bytes.count)
    }

    /// The record whose payload starts at `start` of `bytes`; nil when it is cut short.
    static func decode(_ bytes: [UInt8], from start: Int) -> Self? {
        var at = start
        guard let year = varint(in: bytes, at: &at), let idLength = varint(in: bytes, at: &at),
            at + Int(idLength) < bytes.count
        else { return nil }
        let id = bytes[at..<at + Int(idLength)]
        at += Int(idLength)
        let hasRow = bytes[at]
        at += 1
        var accepted: DuplicateKeyTable.AcceptedRow?
        if hasRow == 1 {
            guard let file = varint(in: bytes, at: &at), let line = varint(in: bytes, at: &at),
                let lineCount = varint(in: bytes, at: &at), let byteOffset = varint(in: bytes, at: &at),
                let byteLength = varint(in: bytes, at: &at)
            else { return nil }
            accepted = DuplicateKeyTable.AcceptedRow(
                file: Int32(bitPattern: UInt32(truncatingIfNeeded: file)),
                location: RecordLocation(
                    line: Int(Int64(bitPattern: line)), lineCount: Int(Int64(bitPattern: lineCount)),
                    byteOffset: Int64(bitPattern: byteOffset), byteLength: Int64(bitPattern: byteLength)))
        }
        return DuplicateKeyRecord(year: Int32(bitPattern: UInt32(truncatingIfNeeded: year)), id: id, accepted: accepted)
    }
}
