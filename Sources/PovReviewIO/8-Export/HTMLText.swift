/// Text helpers of the HTML report: escaping and Vietnamese number formatting.
enum HTMLText {
    /// `text` escaped for HTML element content and attribute values (both quote kinds).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

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
