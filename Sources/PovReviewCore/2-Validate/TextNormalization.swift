/// Text normalisation of input values (input-format.md §1, "Text"): Unicode NFC, trimmed,
/// inner runs of white space collapsed to one space; and the folded keys used to match header
/// and enumeration aliases.
public enum TextNormalization {
    /// `text` in Unicode Normalization Form C.
    ///
    /// Uses the standard library's own NFC (`_nfcCodeUnits`), so the pure core needs no
    /// Foundation; ASCII text is returned as is (it is always NFC).
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether `scalar` is white space for trimming and collapsing (see `FieldBytes`).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// NFC, trimmed, every inner run of white space replaced by one U+0020 space.
    public static func normalizedText(_ text: String) -> String {
        let composed = nfc(text)
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" "); pendingSpace = false }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `normalizedText` of UTF-8 `bytes`, with an ASCII fast path that skips NFC.
    public static func normalizedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if FieldBytes.isASCII(bytes) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for b in bytes {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return normalizedText(String(decoding: bytes, as: UTF8.self))
    }

    /// The key an alias is matched on: normalised text, lower-cased, with `_` and `-` read as
    /// spaces (so `nong_thon`, `nong thon` and `Nông thôn` style variants meet).
    public static func aliasKey(_ text: String) -> String {
        let spaced = String(String.UnicodeScalarView(text.unicodeScalars.map { ($0 == "_" || $0 == "-") ? " " : $0 }))
        return normalizedText(spaced).lowercased()
    }

    /// `text` with Vietnamese diacritics removed (`đ` → `d`, `ộ` → `o`), for matching exports
    /// that drop them. Expects NFC, lower-cased text.
    public static func strippingDiacritics(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let letter = VietnameseLetters.decompose(scalar) {
                out.append(VietnameseLetters.asciiBase(of: letter.base))
            } else if VietnameseLetters.tone(ofCombining: scalar) != nil {
                continue
            } else if scalar == "đ" {
                out.append("d")
            } else if scalar == "Đ" {
                out.append("D")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
