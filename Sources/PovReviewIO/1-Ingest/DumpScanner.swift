import Foundation

/// The byte-level RFC 4180 record scanner behind `DumpReader`: reads a file in large chunks
/// (never whole), decodes UTF-16 on the fly, and splits records strictly (pinned rule 4).
///
/// Hand-written rather than a CSV library because the rules are pinned and unusual (a quote
/// error ends the record at the end of its physical line, as Go's `encoding/csv` does; a
/// never-closed quote makes the rest of the file one record; blank lines are not records) and
/// because it is the hot path: fields are reported as byte ranges of the chunk buffer, so no
/// per-field allocation happens.
///
/// Stored `var`s are `@exclusivity(unchecked)`: the type is used from one thread and never
/// hands out overlapping accesses, and the profile of a million-row read showed the dynamic
/// exclusivity checks (`swift_beginAccess`) at about a tenth of the time.
final class DumpScanner {
    /// How a record breaks RFC 4180.
    enum Malformation: Equatable {
        /// A `"` inside an unquoted field (0-based field index).
        case bareQuote(field: Int)
        /// Something other than the separator or the end of the record after a closing quote.
        case textAfterQuote(field: Int)
        /// A quoted field never closed: the rest of the file is this record.
        case unclosedQuote
        /// A record longer than the configured limit.
        case tooLong(limit: Int)
    }

    /// One field of the current record: content range relative to the record start.
    struct Field {
        var start: Int32
        var end: Int32
        /// Quoted and containing doubled quotes that need unescaping.
        var escaped: Bool
    }

    enum Encoding: Equatable {
        case utf8
        case utf16(bigEndian: Bool)
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteSeen, quoteCR, errorToEOL
    }

    // Source.
    private let fd: Int32
    /// The file's size in bytes (offsets never pass it).
    private let fileSize: Int64
    let encoding: Encoding
    /// Bytes of the byte-order mark (skipped).
    let bomLength: Int
    @exclusivity(unchecked) private var transcoder: UTF16Transcoder?
    @exclusivity(unchecked) private var eof = false

    // Buffer of decoded UTF-8 bytes: `buffer[0..<length]` holds stream offsets
    // `streamBase..<streamBase + length`.
    let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let chunkSize: Int
    @exclusivity(unchecked) private var length = 0
    @exclusivity(unchecked) private var streamBase: Int64 = 0
    @exclusivity(unchecked) private var position = 0

    // UTF-16 offset accounting: stream offset accounted so far and its file offset.
    @exclusivity(unchecked) private var accountedStream: Int64 = 0
    @exclusivity(unchecked) private var accountedFile: Int64 = 0

    /// Field separator (`,` or `;`).
    @exclusivity(unchecked) var delimiter: UInt8 = UInt8(ascii: ",")
    let maxRecordBytes: Int
    let maxRawBytes: Int

    // The current record.
    @exclusivity(unchecked) private(set) var fields: [Field] = []
    @exclusivity(unchecked) private(set) var recordStart = 0
    @exclusivity(unchecked) private(set) var recordEnd = 0
    @exclusivity(unchecked) private(set) var malformation: Malformation?
    /// First physical line of the current record.
    @exclusivity(unchecked) private(set) var line = 0
    /// Physical lines the current record spans.
    @exclusivity(unchecked) private(set) var lineCount = 0
    @exclusivity(unchecked) private(set) var fileOffset: Int64 = 0
    @exclusivity(unchecked) private(set) var fileLength: Int64 = 0
    /// For an overlong record, the first `maxRawBytes` of it (the buffer no longer holds it).
    @exclusivity(unchecked) private(set) var overflowPrefix: [UInt8]?
    @exclusivity(unchecked) private var nextLine = 1

    /// Opens `path` and detects the byte-order mark.
    init(path: String, chunkSize: Int, maxRecordBytes: Int, maxRawBytes: Int) throws(SystemError) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SystemError(code: errno) }
        fileSize = Int64(lseek(fd, 0, SEEK_END))
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
        self.maxRawBytes = maxRawBytes
        capacity = chunkSize + 2 * maxRecordBytes + 16
        buffer = .allocate(capacity: capacity)
        var head = [UInt8](repeating: 0, count: 3)
        let descriptor = fd
        let got = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 3, 0) }
        if got >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
            encoding = .utf8; bomLength = 3
        } else if got >= 2 && head[0] == 0xFF && head[1] == 0xFE {
            encoding = .utf16(bigEndian: false); bomLength = 2
        } else if got >= 2 && head[0] == 0xFE && head[1] == 0xFF {
            encoding = .utf16(bigEndian: true); bomLength = 2
        } else {
            encoding = .utf8; bomLength = 0
        }
        if lseek(fd, off_t(bomLength), SEEK_SET) < 0 { throw SystemError(code: errno) }
        if case .utf16(let bigEndian) = encoding { transcoder = UTF16Transcoder(bigEndian: bigEndian, chunkSize: chunkSize) }
        accountedFile = Int64(bomLength)
        try fill()
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// Reads more bytes after `length`; sets `eof` when none come.
    private func fill() throws(SystemError) {
        let room = capacity - length
        guard room > 0 else { return }
        let got: Int
        if transcoder != nil {
            got = try transcoder!.read(fd: fd, into: buffer + length, capacity: min(room, chunkSize))
        } else {
            got = Self.readFully(fd, buffer + length, min(room, chunkSize))
            if got < 0 { throw SystemError(code: errno) }
        }
        if got == 0 { eof = true }
        length += got
    }

    /// Reads up to `count` bytes of `fd` into `into`, again after an interrupted call: fewer
    /// only at the end of the file. Returns the bytes read, or -1 on an error (`errno`).
    static func readFully(_ fd: Int32, _ into: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var total = 0
        while total < count {
            let n = read(fd, into + total, count - total)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// The first line of the stream as far as it is buffered (for delimiter and encoding checks).
    func firstLineBytes() -> UnsafeBufferPointer<UInt8> {
        var end = 0
        while end < length && buffer[end] != 0x0A { end += 1 }
        return UnsafeBufferPointer(start: buffer, count: end)
    }

    /// Counts the UTF-16 code units of decoded bytes up to stream offset `target` and advances
    /// the file offset (2 bytes per unit). UTF-8 streams map offsets directly.
    private func account(to target: Int64) {
        guard target > accountedStream else { return }
        if transcoder == nil {
            accountedFile += target - accountedStream
        } else {
            var units: Int64 = 0
            var i = Int(accountedStream - streamBase)
            let end = Int(target - streamBase)
            while i < end {
                let b = buffer[i]
                if b & 0xC0 != 0x80 { units += b >= 0xF0 ? 2 : 1 }
                i += 1
            }
            // An odd final byte decodes to one unit but is one byte of the file (found by
            // scripts/fuzz.sh: a record ended one byte past the end of the file).
            accountedFile = min(accountedFile + 2 * units, fileSize)
        }
        accountedStream = target
    }

    /// Discards `buffer[0..<upTo]` (accounting it first) and moves the rest to the front.
    private func discard(upTo index: Int) {
        guard index > 0 else { return }
        account(to: streamBase + Int64(index))
        let rest = length - index
        if rest > 0 { (buffer).update(from: buffer + index, count: rest) }
        length = rest
        streamBase += Int64(index)
    }

    /// Scans the next record (blank lines skipped). Returns false at the end of the file.
    func nextRecord() throws(SystemError) -> Bool {
        let delim = delimiter
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        while true {
            fields.removeAll(keepingCapacity: true)
            malformation = nil
            overflowPrefix = nil
            var state = State.fieldStart
            var start = position
            let streamStart = streamBase + Int64(start)
            account(to: streamStart)
            let startFile = accountedFile
            var i = start
            var fieldStart = i
            var escaped = false
            var newlines = 0
            var overflow = false
            var contentEnd = 0
            var terminated = false
            // The byte before buffer index 0 after an overlong record's bytes were dropped.
            var droppedTail: UInt8 = 0
            @inline(__always) func byteBefore(_ index: Int) -> UInt8 {
                index > 0 ? buffer[index - 1] : droppedTail
            }

            @inline(__always) func endField(_ end: Int) {
                if !overflow {
                    fields.append(Field(start: Int32(fieldStart - start), end: Int32(end - start), escaped: escaped))
                }
                escaped = false
            }

            scan: while true {
                if i >= length {
                    if eof {
                        switch state {
                        case .fieldStart:
                            if i == start && fields.isEmpty && !overflow { return false }
                            endField(i)
                            contentEnd = i
                        case .unquoted:
                            let end = (i > fieldStart && byteBefore(i) == cr) ? i - 1 : i
                            endField(end)
                            contentEnd = end
                        case .quoted:
                            malformation = .unclosedQuote
                            contentEnd = i
                        case .quoteSeen:
                            endField(i - 1)
                            contentEnd = i
                        case .quoteCR:
                            endField(i - 2)
                            contentEnd = i - 1
                        case .errorToEOL:
                            contentEnd = (i > start && byteBefore(i) == cr) ? i - 1 : i
                        }
                        break scan
                    }
                    // Need more bytes: keep the record, drop what is before it.
                    if !overflow && i - start > maxRecordBytes {
                        overflowPrefix = Array(UnsafeBufferPointer(start: buffer + start, count: min(i - start, maxRawBytes)))
                        overflow = true
                    }
                    let drop = overflow ? i : start
                    if drop > 0 { droppedTail = buffer[drop - 1] }
                    discard(upTo: drop)
                    i -= drop; start -= drop; fieldStart -= drop
                    try fill()
                    continue
                }
                switch state {
                case .fieldStart:
                    if buffer[i] == quote {
                        state = .quoted
                        i += 1
                        fieldStart = i
                    } else {
                        state = .unquoted
                        fieldStart = i
                    }
                case .unquoted:
                    var b: UInt8 = 0
                    while i < length {
                        b = buffer[i]
                        if b == delim || b == lf || b == quote { break }
                        i += 1
                    }
                    if i >= length { continue }
                    if b == delim {
                        endField(i)
                        state = .fieldStart
                        i += 1
                    } else if b == lf {
                        let end = (i > fieldStart && byteBefore(i) == cr) ? i - 1 : i
                        endField(end)
                        contentEnd = end
                        terminated = true
                        i += 1
                        break scan
                    } else {
                        malformation = .bareQuote(field: fields.count)
                        state = .errorToEOL
                    }
                case .quoted:
                    while i < length {
                        let b = buffer[i]
                        if b == quote { break }
                        if b == lf { newlines += 1 }
                        i += 1
                    }
                    if i >= length { continue }
                    state = .quoteSeen
                    i += 1
                case .quoteSeen:
                    let b = buffer[i]
                    if b == quote {
                        escaped = true
                        state = .quoted
                        i += 1
                    } else if b == delim {
                        endField(i - 1)
                        state = .fieldStart
                        i += 1
                    } else if b == lf {
                        endField(i - 1)
                        contentEnd = i
                        terminated = true
                        i += 1
                        break scan
                    } else if b == cr {
                        state = .quoteCR
                        i += 1
                    } else {
                        malformation = .textAfterQuote(field: fields.count)
                        state = .errorToEOL
                    }
                case .quoteCR:
                    if buffer[i] == lf {
                        endField(i - 2)
                        contentEnd = i - 1
                        terminated = true
                        i += 1
                        break scan
                    }
                    malformation = .textAfterQuote(field: fields.count)
                    state = .errorToEOL
                case .errorToEOL:
                    while i < length && buffer[i] != lf { i += 1 }
                    if i >= length { continue }
                    contentEnd = (i > start && byteBefore(i) == cr) ? i - 1 : i
                    terminated = true
                    i += 1
                    break scan
                }
            }

            position = i
            // A record that ends at the end of the file right after a line break inside quotes
            // does not start another physical line.
            let trailingBreak = !terminated && contentEnd > start && byteBefore(contentEnd) == lf ? 1 : 0
            line = nextLine
            lineCount = 1 + newlines - trailingBreak
            nextLine += newlines + (terminated ? 1 : 0)
            if overflow && malformation == nil { malformation = .tooLong(limit: maxRecordBytes) }

            // Blank line: empty, or only "\r" (rule 3): not a record.
            if malformation == nil && fields.count == 1 && contentEnd == start { continue }
            recordStart = start
            recordEnd = contentEnd
            fileOffset = startFile
            account(to: streamBase + Int64(contentEnd))
            fileLength = accountedFile - startFile
            return true
        }
    }
}
