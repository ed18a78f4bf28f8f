/// The CHECK constraints a table declares, read back from its `CREATE TABLE` statement in
/// `sqlite_schema`, so that `ConstraintCheck` verifies exactly what the schema says.
enum SchemaChecks {
    /// The expression of every `CHECK (…)` of `sql` (column and table constraints), in order,
    /// without its outer parentheses. Quoted identifiers and strings (`"check"`, `'a (b'`) and
    /// comments are skipped, so only the keyword is matched.
    static func expressions(inCreateTable sql: String) -> [String] {
        let bytes = Array(sql.utf8)
        var expressions: [String] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if let end = endOfQuotedOrComment(bytes, at: i) {
                i = end
            } else if isIdentifierByte(byte) {
                let start = i
                while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
                guard i - start == 5, String(decoding: bytes[start..<i], as: UTF8.self).uppercased() == "CHECK" else { continue }
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "(") else { continue }
                let open = i
                var depth = 0
                while i < bytes.count {
                    if let end = endOfQuotedOrComment(bytes, at: i) {
                        i = end
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                    if bytes[i] == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    i += 1
                }
                expressions.append(String(decoding: bytes[(open + 1)..<min(i, bytes.count)], as: UTF8.self))
                i += 1
            } else {
                i += 1
            }
        }
        return expressions
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// The index just past the quoted text or comment starting at `i`, nil when none starts there.
    private static func endOfQuotedOrComment(_ bytes: [UInt8], at i: Int) -> Int? {
        let byte = bytes[i]
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
            var j = i + 1
            while j < bytes.count {
                if bytes[j] == byte {
                    // A doubled quote stands for the quote itself.
                    if j + 1 < bytes.count, bytes[j + 1] == byte { j += 2; continue }
                    return j + 1
                }
                j += 1
            }
            return bytes.count
        case UInt8(ascii: "["):
            return (bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")) ?? bytes.count - 1) + 1
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            return (bytes[i...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            var j = i + 2
            while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
            return min(j + 2, bytes.count)
        default:
            return nil
        }
    }
}
