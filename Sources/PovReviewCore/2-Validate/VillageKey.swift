/// The identity key of a village name (input-format.md §1, "Village identity"): the normalised
/// name, case-folded, with old and new tone-mark placement folded together.
///
/// `Hoà` and `Hòa`, `Thuỷ` and `Thủy`, `Quỳ` and `Qùy` give the same key; `Hòa` and `Hóa` do
/// not (a different tone is a different name). Each word keeps its letters without tone marks
/// and its tone is put back on its last vowel, so the key still reads as Vietnamese
/// (`villageKey("Thôn Hòa Bình") == "thôn hoà bình"`). Keys compare with `==`; they are not
/// meant for display.
public func villageKey(_ name: String) -> String {
    let text = TextNormalization.normalizedText(name).lowercased()
    var result = String.UnicodeScalarView()
    var word: [Unicode.Scalar] = []
    var tones: [VietnameseLetters.Tone] = []

    func flushWord() {
        if let tone = tones.first,
            let vowel = word.lastIndex(where: { VietnameseLetters.decompose($0) != nil }),
            let toned = VietnameseLetters.compose(word[vowel], tone)
        {
            word[vowel] = toned
            tones.removeFirst()
        }
        result.append(contentsOf: word)
        for tone in tones { if let mark = tone.combiningMark { result.append(mark) } }
        word.removeAll(keepingCapacity: true)
        tones.removeAll(keepingCapacity: true)
    }

    for scalar in text.unicodeScalars {
        if let letter = VietnameseLetters.decompose(scalar) {
            word.append(letter.base)
            if letter.tone != .level { tones.append(letter.tone) }
        } else if let tone = VietnameseLetters.tone(ofCombining: scalar) {
            tones.append(tone)
        } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            word.append(scalar)
        } else {
            flushWord()
            result.append(scalar)
        }
    }
    flushWord()
    return String(result)
}
