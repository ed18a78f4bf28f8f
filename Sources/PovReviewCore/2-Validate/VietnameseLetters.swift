/// The Vietnamese vowel letters as base letter plus tone, for folding tone-mark placement
/// (village identity) and for matching aliases written without diacritics.
///
/// Each row lists one base vowel with its five tones in the order: none, huyền (grave), sắc
/// (acute), hỏi (hook above), ngã (tilde), nặng (dot below). Lower case, NFC.
public enum VietnameseLetters {
    /// Tone of a Vietnamese syllable; `level` (thanh ngang) has no mark.
    public enum Tone: Int, Sendable, CaseIterable {
        case level = 0, grave, acute, hook, tilde, dot

        /// The combining mark of the tone (nil for `level`).
        public var combiningMark: Unicode.Scalar? {
            switch self {
            case .level: nil
            case .grave: "\u{0300}"
            case .acute: "\u{0301}"
            case .hook: "\u{0309}"
            case .tilde: "\u{0303}"
            case .dot: "\u{0323}"
            }
        }
    }

    static let rows: [String] = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ]

    private static let decomposition: [Unicode.Scalar: (base: Unicode.Scalar, tone: Tone)] = {
        var table: [Unicode.Scalar: (base: Unicode.Scalar, tone: Tone)] = [:]
        for row in rows {
            let scalars = Array(row.unicodeScalars)
            precondition(scalars.count == 6, "tone table row must be NFC: \(row)")
            for (tone, scalar) in scalars.enumerated() { table[scalar] = (scalars[0], Tone(rawValue: tone)!) }
        }
        return table
    }()

    private static let composition: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for row in rows {
            let scalars = Array(row.unicodeScalars)
            table[scalars[0]] = scalars
        }
        return table
    }()

    /// The toneless base vowel and the tone of a lower-case vowel letter; nil for other scalars.
    public static func decompose(_ scalar: Unicode.Scalar) -> (base: Unicode.Scalar, tone: Tone)? {
        decomposition[scalar]
    }

    /// Base vowel `base` carrying `tone` (lower case), or nil when `base` is not a base vowel.
    public static func compose(_ base: Unicode.Scalar, _ tone: Tone) -> Unicode.Scalar? {
        composition[base]?[tone.rawValue]
    }

    /// The tone of a combining tone mark left over by NFD input, or nil.
    public static func tone(ofCombining scalar: Unicode.Scalar) -> Tone? {
        switch scalar.value {
        case 0x0300, 0x0340: .grave
        case 0x0301, 0x0341: .acute
        case 0x0309: .hook
        case 0x0303: .tilde
        case 0x0323: .dot
        default: nil
        }
    }

    /// The ASCII letter under a toneless base vowel (`ă`, `â` → `a`; `ơ`, `ô` → `o`; `ư` → `u`).
    public static func asciiBase(of base: Unicode.Scalar) -> Unicode.Scalar {
        switch base {
        case "ă", "â": "a"
        case "ê": "e"
        case "ô", "ơ": "o"
        case "ư": "u"
        default: base
        }
    }
}
