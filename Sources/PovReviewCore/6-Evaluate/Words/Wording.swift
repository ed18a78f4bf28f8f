/// Words and numbers in one output language, shared by the rules, notes and reasons that own
/// their sentences.
///
/// Vietnamese numbers group thousands with "." and use "," for decimals (`2.811 hộ`, `5,56%`);
/// English ones group with "," and use "." (`2,811 households`, `5.56%`). Years are written
/// without grouping in both.
public struct Wording: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// True for Vietnamese.
    public var vi: Bool { language == .vi }

    /// `vietnamese` or `english`, by language.
    public func pick(_ vietnamese: String, _ english: String) -> String { vi ? vietnamese : english }

    // MARK: Numbers

    /// A count with thousands grouped (`2.811`); a restated, fractional count with 2 decimals.
    public func count(_ value: Rational?) -> String {
        guard let value else { return "—" }
        return localized(value.isInteger ? String(value.numerator) : value.decimalText(places: 2))
    }

    /// A count followed by its unit (`2.811 hộ`, `2,811 households`).
    public func households(_ value: Rational?) -> String {
        "\(count(value)) \(pick("hộ", value == Rational(1) ? "household" : "households"))"
    }

    /// A rate or share rounded to 2 decimals as published (`5,56%`).
    public func percent(_ value: Rational?) -> String {
        guard let value else { return "—" }
        return localized(value.decimalText(places: 2)) + "%"
    }

    /// A quantity rounded to 2 decimals (`1,82`).
    public func decimal(_ value: Rational) -> String { localized(value.decimalText(places: 2)) }

    /// A plan's parameter as written, without padding (`1,5`, `50`, `0,1`).
    public func exact(_ value: Rational) -> String { localized(value.plainText) }

    /// `exact` of a decimal text from the evidence (`"1.5"`).
    public func exact(_ text: String?) -> String {
        guard let text, let value = Rational(decimalText: text) else { return text ?? "" }
        return exact(value)
    }

    /// A fraction of two counts (`556/10.000`).
    public func fraction(_ numerator: Rational?, _ denominator: Rational?) -> String {
        "\(count(numerator))/\(count(denominator))"
    }

    /// A list of years (`2019, 2020`).
    public func years(_ list: [Int]) -> String { list.map(String.init).joined(separator: ", ") }

    /// A span of two years (`2022–2023`).
    public func span(_ from: Int?, _ to: Int?) -> String { "\(from.map(String.init) ?? "?")–\(to.map(String.init) ?? "?")" }

    /// Groups the integer digits of a plain decimal text and sets the language's decimal mark.
    func localized(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.first == "-" {
            sign = "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = Array(parts[0])
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(vi ? "." : ",") }
            grouped.append(digit)
        }
        if parts.count == 2 { grouped += (vi ? "," : ".") + parts[1] }
        return sign + grouped
    }

    // MARK: Words

    /// A verdict in capitals with its mark (`ĐẠT ✓`).
    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .met: pick("ĐẠT ✓", "MET ✓")
        case .notMet: pick("KHÔNG ĐẠT ✗", "NOT MET ✗")
        case .notApplicable: pick("KHÔNG ÁP DỤNG", "NOT APPLICABLE")
        case .insufficientData: pick("CHƯA ĐỦ SỐ LIỆU", "INSUFFICIENT DATA")
        }
    }

    /// The mark of a check that holds (✓) or fails (✗).
    public func mark(_ holds: Bool) -> String { holds ? "✓" : "✗" }

    /// A bound as the plans phrase it, `unit` written after the number: "từ 2%/năm trở lên",
    /// "trên 50%", "dưới 0,5%", "không quá 2%"; "at least 2 points a year", "more than 50%", ….
    public func bound(_ comparison: Comparison?, _ threshold: String, unit: String = "") -> String {
        let value = exact(threshold) + unit
        switch comparison {
        case .atLeast: return pick("từ \(value) trở lên", "at least \(value)")
        case .moreThan: return pick("trên \(value)", "more than \(value)")
        case .atMost: return pick("không quá \(value)", "at most \(value)")
        case .lessThan: return pick("dưới \(value)", "less than \(value)")
        case nil: return value
        }
    }

    /// `bound` of an exact threshold.
    public func bound(_ comparison: Comparison?, _ threshold: Rational, unit: String = "") -> String {
        bound(comparison, threshold.plainText, unit: unit)
    }

    /// A level's unit noun (`xã`, `commune`).
    public func level(_ level: UnitLevel, plural: Bool = false) -> String {
        switch level {
        case .village: pick("thôn", plural ? "villages" : "village")
        case .commune: pick("xã", plural ? "communes" : "commune")
        case .district: pick("huyện", plural ? "districts" : "district")
        case .province: pick("tỉnh", plural ? "provinces" : "province")
        }
    }

    /// The change of a quantity from one value to another, signed by direction: a rise is a rise
    /// ("tăng 133,33%"), never a negative fall. `decrease` is `from − to`; `amount` renders its size.
    public func change(decrease: Rational, amount: (Rational) -> String) -> String {
        if decrease.isZero { return pick("không đổi", "unchanged") }
        if decrease < .zero { return pick("tăng \(amount(-decrease))", "up \(amount(-decrease))") }
        return pick("giảm \(amount(decrease))", "down \(amount(decrease))")
    }
}
