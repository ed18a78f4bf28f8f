/// What `povreview explain --unit` shows of the analyst measures for one unit (outputs.md §3):
/// its depth of poverty, its integrity findings and the verdicts that flip under a scenario.
public struct UnitMeasuresSummary: Sendable, Equatable {
    /// The Alkire–Foster measures of one year and standard (scope `all`, the standard's cut-off).
    public struct Depth: Sendable, Equatable {
        public var year: Int
        public var standard: StandardID
        public var cutoff: Int
        public var households: Int
        public var multidimensionallyPoor: Int
        public var headcountRatio: Double
        public var intensity: Double?
        public var adjustedHeadcount: Double
        /// The three indicators with the largest contribution, largest first.
        public var leading: [(indicator: IndicatorID, contributionPercent: Double)]

        public init(
            year: Int, standard: StandardID, cutoff: Int, households: Int, multidimensionallyPoor: Int,
            headcountRatio: Double, intensity: Double?, adjustedHeadcount: Double,
            leading: [(indicator: IndicatorID, contributionPercent: Double)]
        ) {
            self.year = year
            self.standard = standard
            self.cutoff = cutoff
            self.households = households
            self.multidimensionallyPoor = multidimensionallyPoor
            self.headcountRatio = headcountRatio
            self.intensity = intensity
            self.adjustedHeadcount = adjustedHeadcount
            self.leading = leading
        }

        public static func == (a: Depth, b: Depth) -> Bool {
            a.year == b.year && a.standard == b.standard && a.cutoff == b.cutoff && a.households == b.households
                && a.multidimensionallyPoor == b.multidimensionallyPoor && a.headcountRatio == b.headcountRatio
                && a.intensity == b.intensity && a.adjustedHeadcount == b.adjustedHeadcount
                && a.leading.map(\.indicator) == b.leading.map(\.indicator)
                && a.leading.map(\.contributionPercent) == b.leading.map(\.contributionPercent)
        }
    }

    /// A verdict that differs under a scenario.
    public struct Flip: Sendable, Equatable {
        public var plan: String
        public var criterionID: String
        public var year: Int
        public var scenario: SensitivityScenario
        public var officialVerdict: String
        public var verdict: String
        public init(plan: String, criterionID: String, year: Int, scenario: SensitivityScenario, officialVerdict: String, verdict: String) {
            self.plan = plan
            self.criterionID = criterionID
            self.year = year
            self.scenario = scenario
            self.officialVerdict = officialVerdict
            self.verdict = verdict
        }
    }

    public var unitCode: String
    public var depths: [Depth] = []
    public var findings: [IntegrityFinding] = []
    public var flips: [Flip] = []
    /// Criteria results re-decided under the scenarios (0 when no plan was evaluated).
    public var verdictsChecked = 0

    public init(unitCode: String) { self.unitCode = unitCode }

    /// The summary as plain text lines, in Vietnamese (`vi`) or English.
    public func text(vietnamese vi: Bool) -> String {
        var lines: [String] = []
        lines.append(vi ? "== Độ sâu nghèo đa chiều (Alkire–Foster) — \(unitCode)" : "== Depth of poverty (Alkire–Foster) — \(unitCode)")
        if depths.isEmpty { lines.append(vi ? "   Không có số liệu." : "   No data.") }
        for d in depths {
            let a = d.intensity.map { MeasureNumber.percent($0 * 100, vietnamese: vi) } ?? "—"
            lines.append(
                vi
                    ? "   \(d.year) · \(d.standard) · k = \(d.cutoff): H = \(MeasureNumber.percent(d.headcountRatio * 100, vietnamese: vi)) (\(MeasureNumber.integer(d.multidimensionallyPoor, vietnamese: vi))/\(MeasureNumber.integer(d.households, vietnamese: vi)) hộ), A = \(a), M0 = \(MeasureNumber.decimal(d.adjustedHeadcount, places: 4, vietnamese: vi))"
                    : "   \(d.year) · \(d.standard) · k = \(d.cutoff): H = \(MeasureNumber.percent(d.headcountRatio * 100, vietnamese: vi)) (\(d.multidimensionallyPoor)/\(d.households) households), A = \(a), M0 = \(MeasureNumber.decimal(d.adjustedHeadcount, places: 4, vietnamese: vi))"
            )
            if !d.leading.isEmpty {
                let parts = d.leading.map { entry in
                    let indicator = Indicator.withID(entry.indicator)
                    return "\(vi ? indicator.nameVi : indicator.nameEn) \(MeasureNumber.percent(entry.contributionPercent, vietnamese: vi))"
                }
                lines.append((vi ? "   Đóng góp lớn nhất: " : "   Leading deprivations: ") + parts.joined(separator: "; "))
            }
        }
        lines.append(vi ? "== Dấu hiệu bất thường" : "== Integrity findings")
        if findings.isEmpty { lines.append(vi ? "   Không có." : "   None.") }
        for f in findings {
            let severity = f.severity == .warning ? (vi ? "cần xem" : "warning") : (vi ? "thông tin" : "info")
            lines.append(
                "   \(f.reviewYear) · \(f.standard) · \(severity): \(vi ? f.check.labelVi : f.check.labelEN) (\(f.check.rawValue)) — \(vi ? "giá trị" : "statistic") \(MeasureNumber.statistic(f.statistic, vietnamese: vi)), \(vi ? "ngưỡng" : "threshold") \(MeasureNumber.statistic(f.threshold, vietnamese: vi))"
            )
        }
        lines.append(vi ? "== Độ vững của kết quả đánh giá" : "== Robustness of the verdicts")
        if flips.isEmpty {
            lines.append(
                verdictsChecked == 0
                    ? (vi ? "   Chưa có kết quả đánh giá tiêu chí cho đơn vị này." : "   No criteria verdicts for this unit.")
                    : (vi
                        ? "   Không kết quả nào thay đổi theo các kịch bản (chuẩn ±5%, ±10%, ngưỡng k ± 1)."
                        : "   No verdict changes under the scenarios (line ±5%, ±10%, cut-off k ± 1)."))
        }
        for f in flips {
            lines.append(
                vi
                    ? "   \(f.plan) · \(f.criterionID) · \(f.year): \(Self.verdictWords(f.officialVerdict, vi)) → \(Self.verdictWords(f.verdict, vi)) khi \(f.scenario.labelVi)"
                    : "   \(f.plan) · \(f.criterionID) · \(f.year): \(Self.verdictWords(f.officialVerdict, vi)) → \(Self.verdictWords(f.verdict, vi)) with \(f.scenario.labelEN)"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A verdict id (`met`, `not_met`, …) in words.
    static func verdictWords(_ verdict: String, _ vi: Bool) -> String {
        switch verdict {
        case "met": vi ? "Đạt" : "met"
        case "not_met": vi ? "Không đạt" : "not met"
        case "not_applicable": vi ? "Không áp dụng" : "not applicable"
        case "insufficient_data": vi ? "Thiếu số liệu" : "insufficient data"
        default: verdict
        }
    }
}

/// Number formats of the measures' text: Vietnamese `2.811` and `5,56%`, English `2,811` and `5.56%`.
public enum MeasureNumber {
    /// `value` rounded half away from zero to `places` decimals.
    public static func decimal(_ value: Double, places: Int, vietnamese: Bool) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = integer(whole, vietnamese: vietnamese)
        if places > 0 {
            var digits = String(fraction)
            while digits.count < places { digits = "0" + digits }
            text += (vietnamese ? "," : ".") + digits
        }
        return (value < 0 && scaled != 0 ? "−" : "") + text
    }

    /// A statistic of a finding: 4 decimals, or for a small p-value 3 significant digits with a
    /// power of ten (`1,26 × 10^-6`), so a value below 0.0001 does not print as 0.
    public static func statistic(_ value: Double, vietnamese: Bool) -> String {
        guard value != 0, abs(value) < 0.0001, value.isFinite else { return decimal(value, places: 4, vietnamese: vietnamese) }
        var exponent = 0
        var mantissa = abs(value)
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        return (value < 0 ? "−" : "") + decimal(mantissa, places: 2, vietnamese: vietnamese) + " × 10^\(exponent)"
    }

    /// A percentage with 2 decimals: `5,56%`.
    public static func percent(_ value: Double, vietnamese: Bool) -> String { decimal(value, places: 2, vietnamese: vietnamese) + "%" }

    /// A whole number with thousands separated: `2.811` (Vietnamese) or `2,811`.
    public static func integer(_ value: Int, vietnamese: Bool) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result += vietnamese ? "." : "," }
            result.append(digit)
        }
        return (value < 0 ? "−" : "") + result
    }
}
