/// Text helpers of the HTML report: escaping and Vietnamese number formatting.
enum HTMLText {
    /// `text` escaped for HTML element content and attribute values (both quote kinds).
    ///
    /// Over the UTF-8 bytes, not `Character`s: the five characters are ASCII, and walking the
    /// grapheme clusters of the report's Vietnamese text measured ~8% of a SampleData run
    /// (the report escapes every cell). Most texts hold none of them and are returned as they are.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == ampersand || $0 == less || $0 == greater || $0 == quote || $0 == apostrophe })
        else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case ampersand: bytes.append(contentsOf: "&amp;".utf8)
            case less: bytes.append(contentsOf: "&lt;".utf8)
            case greater: bytes.append(contentsOf: "&gt;".utf8)
            case quote: bytes.append(contentsOf: "&quot;".utf8)
            case apostrophe: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let ampersand = UInt8(ascii: "&"), less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
    private static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    /// An integer the Vietnamese way, thousands separated by a dot: `20.000`.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result += "." }
            result.append(digit)
        }
        return (value < 0 ? "−" : "") + result
    }

    /// A percentage with 2 decimals and a decimal comma, rounded half away from zero: `1,01`.
    static func percent(_ value: ExactPercent) -> String {
        value.formatted(places: 2, decimalSeparator: ",")
    }

    /// A coordinate for SVG: at most one decimal, '.' separator, no trailing `.0`.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
    }

    /// A tick value of a chart axis (few decimals, decimal comma): `0`, `0,5`, `12`, `2,25`.
    static func tick(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        var text = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            var digits = fraction < 10 ? "0\(fraction)" : String(fraction)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "," + digits
        }
        return text
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
