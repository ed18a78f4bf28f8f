/// The current record of a `DumpScanner`: its raw bytes, its fields, and word-at-a-time checks
/// of its bytes that let the validator skip work.
extension DumpScanner {
    /// The raw bytes of the current record (the prefix only, for an overlong one).
    func withRawBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let prefix = overflowPrefix { return prefix.withUnsafeBufferPointer(body) }
        if malformation == .unclosedQuote && recordEnd - recordStart > maxRawBytes {
            return body(UnsafeBufferPointer(start: buffer + recordStart, count: maxRawBytes))
        }
        return body(UnsafeBufferPointer(start: buffer + recordStart, count: recordEnd - recordStart))
    }

    /// Whether the raw text was cut to `maxRawBytes`.
    var rawIsTruncated: Bool {
        overflowPrefix != nil || (malformation == .unclosedQuote && recordEnd - recordStart > maxRawBytes)
    }

    /// Content bytes of field `index` of the current record (still escaped when `escaped`).
    @inline(__always)
    func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[index]
        return UnsafeBufferPointer(start: buffer + recordStart + Int(f.start), count: Int(f.end - f.start))
    }

    /// Whether some byte of the record may be a C0 control character (< 0x20; a tab counts too,
    /// the validator looks closer). Word-at-a-time: `(w - 0x20…) & ~w & 0x80…` is non-zero
    /// exactly when some byte of `w` is below 0x20.
    func recordMayHaveControl() -> Bool {
        var p = UnsafeRawPointer(buffer + recordStart)
        var n = recordEnd - recordStart
        var flag: UInt64 = 0
        while n >= 8 {
            let w = p.loadUnaligned(as: UInt64.self)
            flag |= (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
            p += 8; n -= 8
        }
        while n > 0 {
            if p.load(as: UInt8.self) < 0x20 { return true }
            p += 1; n -= 1
        }
        return flag != 0
    }

    /// Whether every byte of the current record is ASCII (8 bytes at a time).
    func recordIsASCII() -> Bool {
        var p = UnsafeRawPointer(buffer + recordStart)
        var n = recordEnd - recordStart
        var acc: UInt64 = 0
        while n >= 8 {
            acc |= p.loadUnaligned(as: UInt64.self)
            p += 8; n -= 8
        }
        while n > 0 {
            acc |= UInt64(p.load(as: UInt8.self))
            p += 1; n -= 1
        }
        return acc & 0x8080_8080_8080_8080 == 0
    }
}
