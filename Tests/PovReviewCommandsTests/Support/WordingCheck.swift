import Foundation

/// The checks of the wording test (issue 9): Vietnamese text has no English words and no
/// internal ids, English text has no Vietnamese words, a fall is never negative, and numbers of
/// four or more digits are grouped. Each returns the offending fragments (empty when clean).
enum WordingCheck {
    /// English words that never occur in Vietnamese prose (short ones that are also Vietnamese
    /// words — "to", "no", "in" — are left out).
    static let englishWords: Set<String> = [
        "the", "and", "of", "deadline", "verdict", "evaluated", "met", "not", "insufficient", "applicable",
        "household", "households", "rate", "decrease", "decreases", "yes", "from", "at", "standard", "district",
        "districts", "commune", "communes", "territory", "criterion", "rule", "points", "needs", "down", "up",
        "share", "baseline", "year", "years", "instead", "sum", "valid", "old", "province", "proxy", "note",
        "borderline", "poor", "near", "data", "missing", "higher", "bar", "judged", "last", "with", "placeholder",
    ]

    /// Letters only Vietnamese uses (any letter with a diacritic, and đ).
    static func isVietnameseLetter(_ c: Character) -> Bool {
        guard c.isLetter, !c.isASCII else { return false }
        return c.unicodeScalars.first.map { $0.value >= 0xC0 && $0.value < 0x2000 } ?? false
    }

    static func englishInVietnamese(_ text: String) -> [String] {
        var found: [String] = []
        let tokens = text.split { !$0.isLetter && $0 != "_" && $0 != "-" }
        for token in tokens {
            let word = String(token)
            if englishWords.contains(word.lowercased()) { found.append(word) }
            // Internal ids: snake_case or hyphenated ASCII (`not_met`, `province-district-exit`,
            // `da-nang-local`, `rate_PN`).
            if word.allSatisfy(\.isASCII), word.contains(where: { $0 == "_" || $0 == "-" }),
                word.split(whereSeparator: { $0 == "_" || $0 == "-" }).filter({ !$0.isEmpty }).count >= 2
            {
                found.append(word)
            }
        }
        if text.range(of: #"vn-\d{4}"#, options: .regularExpression) != nil { found.append("vn-YYYY") }
        return found
    }

    /// Vietnamese words in English text, once the proper names (`names`: units, provinces) are
    /// taken out.
    static func vietnameseInEnglish(_ text: String, names: [String]) -> [String] {
        var rest = text
        for name in names.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
            rest = rest.replacingOccurrences(of: name, with: "NAME")
        }
        // Legal document numbers are names too ("Decision 36/2021/QĐ-TTg", "318/QĐ-TTg").
        rest = rest.replacingOccurrences(of: #"\d+(/\d{4})?/\p{L}+(-\p{L}+)*"#, with: "DOC", options: .regularExpression)
        return rest.split { !$0.isLetter }.map(String.init).filter { $0.contains(where: isVietnameseLetter) }
    }

    /// "giảm -1,2" / "down -1.2": a rise written as a negative fall.
    static func negativeFalls(_ text: String) -> [String] {
        matches(#"(giảm|down|fell|falls?)( bình quân| on average)? [-−]\s?\d"#, in: text)
    }

    /// Numbers of four or more digits written without grouping (`2811 hộ`, `(556/10000)`). Years
    /// (1990–2100, not followed by a unit) and unit codes (in brackets after a name, or listed
    /// after "mã:" / "codes:") are not quantities.
    static func ungroupedNumbers(_ text: String) -> [String] {
        var rest = text.replacingOccurrences(of: #"(?<=[\p{L}\d] )\(\d{2,5}(/\p{L}[^)]*)?\)"#, with: "(CODE)", options: .regularExpression)
        rest = rest.replacingOccurrences(of: #"(mã|codes): [0-9, ]+"#, with: "CODES", options: .regularExpression)
        var found: [String] = []
        for match in matches(#"(?<![\d.,])\d{4,}(?![\d])( hộ| households?)?"#, in: rest) {
            let digits = match.prefix { $0.isNumber }
            let isYear = digits.count == 4 && (1990...2100).contains(Int(digits) ?? 0) && match.count == digits.count
            if !isYear { found.append(match) }
        }
        return found
    }

    /// Text not in Unicode NFC.
    static func notNFC(_ text: String) -> Bool { text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [pattern] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }
}
