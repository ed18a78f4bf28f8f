/// Where a record sits in its dump file.
public struct RecordLocation: Sendable, Hashable {
    /// 1-based physical line of the record's first line (header = line 1).
    public var line: Int
    /// Physical lines the record spans (quoted line breaks; the rest of the file for a
    /// never-closed quote). The quarantine limit counts these (pinned rule 12).
    public var lineCount: Int
    /// Byte offset of the record in the file as stored (after any byte-order mark; for a UTF-16
    /// file, in UTF-16 bytes).
    public var byteOffset: Int64
    /// Byte length of the record, without its line terminator.
    public var byteLength: Int64

    public init(line: Int, lineCount: Int, byteOffset: Int64, byteLength: Int64) {
        self.line = line
        self.lineCount = lineCount
        self.byteOffset = byteOffset
        self.byteLength = byteLength
    }
}
