/// The legacy Vietnamese 8-bit encodings a dump may be saved in instead of UTF-8, with a
/// guess from the bytes of a line and the command that converts a file.
public enum LegacyEncoding: String, Sendable, CaseIterable {
    /// TCVN 5712:1993 VN3 ("ABC", fonts `.VnTime`): one byte per precomposed letter, mostly
    /// in 0xA1–0xFE.
    case tcvn3 = "TCVN3 (ABC)"
    /// VNI (fonts `VNI-Times`): an ASCII vowel followed by a byte for its diacritics.
    case vni = "VNI"
    /// Windows-1258: base letters plus combining tone-mark bytes 0xCC, 0xEC, 0xD2, 0xDE, 0xF2.
    case windows1258 = "Windows-1258"

    /// The most likely legacy encoding of `bytes` (a line that is not UTF-8), or nil when the
    /// bytes look like none of them.
    public static func guess(_ bytes: some Collection<UInt8>) -> LegacyEncoding? {
        var tcvn = 0, vni = 0, cp1258 = 0
        var previous: UInt8 = 0
        let vowels = Set("aeiouyAEIOUY".utf8)
        // VNI diacritic bytes that follow a vowel (lower and upper case forms).
        let vniMarks: Set<UInt8> = [
            0xF9, 0xF8, 0xFB, 0xF5, 0xEF, 0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4,
            0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB, 0xD9, 0xD8, 0xDB, 0xD5, 0xCF,
            0xC2, 0xC1, 0xC0, 0xC5, 0xC3, 0xC4, 0xCA, 0xC9, 0xC8, 0xDA, 0xDC, 0xCB,
        ]
        let cp1258Tones: Set<UInt8> = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2]
        let cp1258Bases: Set<UInt8> = [0xC2, 0xE2, 0xC3, 0xE3, 0xCA, 0xEA, 0xD4, 0xF4, 0xD5, 0xF5, 0xDD, 0xFD]
        for b in bytes {
            if b >= 0xA1 && b <= 0xBF { tcvn += 1 }
            if b >= 0x80 {
                if cp1258Tones.contains(b) && (vowels.contains(previous) || cp1258Bases.contains(previous)) {
                    cp1258 += 2
                } else if vniMarks.contains(b) && vowels.contains(previous) {
                    vni += 1
                } else if b == 0xF0 || b == 0xD0 {
                    cp1258 += 1
                } else if b == 0xF1 || b == 0xD1 || b == 0xF4 || b == 0xF6 {
                    vni += 1
                }
            }
            previous = b
        }
        let best = max(tcvn, vni, cp1258)
        if best == 0 { return nil }
        if best == tcvn { return .tcvn3 }
        if best == cp1258 { return .windows1258 }
        return .vni
    }

    /// How to convert `path` to UTF-8 (glibc and GNU libiconv know TCVN and CP1258; iconv has
    /// no VNI table).
    public func conversionHint(path: String) -> String {
        let output = path.hasSuffix(".csv") ? String(path.dropLast(4)) + ".utf8.csv" : path + ".utf8"
        switch self {
        case .tcvn3:
            return "convert it with: iconv -f TCVN5712-1 -t UTF-8 '\(path)' > '\(output)'"
        case .windows1258:
            return "convert it with: iconv -f CP1258 -t UTF-8 '\(path)' > '\(output)'"
        case .vni:
            return
                "iconv has no VNI table: convert it with UniKey's converter (Công cụ chuyển mã: VNI Windows → Unicode), or open it in Excel and save as \"CSV UTF-8\""
        }
    }
}
