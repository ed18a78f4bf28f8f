/// Reads a 0/1 field (`ethnic_minority`, `loudspeaker_access`) as pinned by rule 5.
///
/// Case-insensitive after trimming and NFC: `1`, `true`, `có`, `x` are true; `0`, `false`,
/// `không` and the empty value are false (a ticked/unticked checkbox column). Anything else is
/// outside the field's enumeration.
public enum BooleanField {
    /// The value of the trimmed `bytes`, or nil when they are not a boolean spelling.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 0: return false
        case 1:
            switch bytes[0] {
            case UInt8(ascii: "1"), UInt8(ascii: "x"), UInt8(ascii: "X"): return true
            case UInt8(ascii: "0"): return false
            default: return nil
            }
        default:
            return parseSlow(bytes)
        }
    }

    @usableFromInline
    static func parseSlow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch TextNormalization.nfc(FieldBytes.string(bytes)).lowercased() {
        case "true", "có": true
        case "false", "không": false
        default: nil
        }
    }

    /// `parse` of a `String` (trimmed first).
    public static func parse(_ text: String) -> Bool? {
        FieldBytes.withBytes(of: text) { parse(FieldBytes.trimmed($0)) }
    }

    /// The accepted spellings, for messages and the README.
    public static let spellings = "0/1, true/false, có/không, x/empty"
}
