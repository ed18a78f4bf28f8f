/// Reads an administrative unit code of a dump row (input-format.md §1, "Identifiers").
///
/// The value is trimmed of Unicode white space and must be ASCII digits. A code shorter than
/// its level's length is taken as one that lost its leading zeros in Excel (`1` for `01`) and
/// padded; the caller writes a `padded_code` warning. A longer code is unreadable.
public enum UnitCodeField {
    /// What a code field reads as.
    public enum Reading: Equatable, Sendable {
        case code(String, padded: Bool)
        case invalid
    }

    /// The code length of each level (province 2, district 3, commune 5).
    public static func length(of level: UnitLevel) -> Int {
        switch level {
        case .province: 2
        case .district: 3
        case .commune: 5
        case .village: 0
        }
    }

    /// Reads the trimmed, non-empty `bytes` as a code of `length` digits.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Reading {
        guard !bytes.isEmpty, bytes.count <= length else { return .invalid }
        for b in bytes where b &- UInt8(ascii: "0") >= 10 { return .invalid }
        if bytes.count == length { return .code(FieldBytes.string(bytes), padded: false) }
        let zeros = String(repeating: "0", count: length - bytes.count)
        return .code(zeros + FieldBytes.string(bytes), padded: true)
    }

    /// `parse` of a `String` (trimmed first; empty is invalid).
    public static func parse(_ text: String, length: Int) -> Reading {
        FieldBytes.withBytes(of: text) { parse(FieldBytes.trimmed($0), length: length) }
    }
}
