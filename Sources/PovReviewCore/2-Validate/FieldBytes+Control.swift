extension FieldBytes {
    /// The offset of the first C0 control byte (0x00–0x1F) other than tab, or nil. A NUL inside
    /// a village name used to make a second village whose CSV export was cut at the NUL (issue
    /// 10, item 4); such bytes are `invalid_encoding` (input-format.md §4, table of reasons).
    /// Line breaks (CR, LF) are excepted too: inside a quoted value they are RFC 4180 CSV, which
    /// input-format.md §4 rule 4 accepts (a value may span lines).
    @inlinable
    public static func firstControlOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (offset, b) in bytes.enumerated() where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return offset }
        return nil
    }
}
