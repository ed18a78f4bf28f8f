/// Renders one criterion result as a few lines of plain text a provincial officer understands:
/// the rule in words, the yearly values, the arithmetic and the verdict — in Vietnamese (default)
/// or English. Reads only the result and its evidence.
public struct Explanation {
    /// Output language.
    public enum Language: String, Sendable, CaseIterable {
        case vi, en
    }

    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    /// The text for `result`, lines separated by `\n`.
    public func text(for result: CriterionResult) -> String {
        var lines: [String] = []
        let unit = "\(result.unitName) (\(result.unitCode))"
        lines.append(vi
            ? "Tiêu chí \(result.criterionID) — \(unit), năm \(result.evaluationYear): \(verdictText(result.verdict))"
            : "Criterion \(result.criterionID) — \(unit), \(result.evaluationYear): \(verdictText(result.verdict))")
        lines += body(result.evidence, indent: "")
        if let note = ProvisionalNote.text(for: result.evidence, language: language) { lines.append(note) }
        if result.borderline {
            lines.append(vi
                ? "Lưu ý: sát ngưỡng — làm tròn tỷ lệ đến 2 chữ số thập phân (như số công bố) sẽ cho kết quả khác."
                : "Note: borderline — with the rates rounded to 2 decimals (as published) the verdict would differ.")
        }
        return lines.joined(separator: "\n")
    }

    private var vi: Bool { language == .vi }

    // MARK: Evidence

    private func body(_ e: Evidence, indent: String) -> [String] {
        var lines: [String] = []
        if let rule = ruleSentence(e) { lines.append(indent + rule) }
        if let parts = e.parts {
            for (i, part) in parts.enumerated() {
                lines.append(indent + "  (\(i + 1)) " + verdictText(part.verdict))
                lines += body(part.evidence, indent: indent + "      ")
            }
        }
        if let missing = e.missingYears, !missing.isEmpty {
            let years = missing.map(String.init).joined(separator: ", ")
            lines.append(indent + (vi ? "Thiếu số liệu năm \(years)." : "No data for \(years)."))
        }
        for line in valueLines(e) { lines.append(indent + line) }
        if let reason = e.reason, e.missingYears == nil {
            lines.append(indent + reasonText(reason))
        }
        for note in e.notes ?? [] {
            if let text = noteText(note) { lines.append(indent + text) }
        }
        if e.years?.contains(where: { $0.restated != nil }) == true {
            let years = e.years!.filter { $0.restated != nil }.map { String($0.year) }.joined(separator: ", ")
            lines.append(indent + (vi
                ? "Số liệu năm \(years) đã được quy đổi theo địa giới hành chính của năm \(e.years!.last!.year) (cộng số hộ theo tỷ lệ chuyển đổi, không lấy trung bình tỷ lệ)."
                : "Figures for \(years) were restated onto the units of \(e.years!.last!.year) (household counts summed by crosswalk share, never averaged rates)."))
        }
        return lines
    }

    private func ruleSentence(_ e: Evidence) -> String? {
        let metric = e.metric.map(metricName) ?? ""
        let bound = e.comparison.map { "\($0.symbol) \(number(e.threshold))" } ?? ""
        switch e.rule {
        case ConsecutiveDecreaseRule.kind:
            let k = e.consecutiveYears ?? max((e.years?.count ?? 2) - 1, 1)
            return vi
                ? "Yêu cầu: \(metric) giảm \(bound) điểm %/năm" + (k > 1 ? ", \(k) năm liên tục." : " trong năm.")
                : "Rule: \(metric) falls \(bound) points a year" + (k > 1 ? ", \(k) years in a row." : " in the year.")
        case FallVersusBaselineRule.kind:
            return vi ? "Yêu cầu: \(metric) giảm \(bound)% so với đầu kỳ." : "Rule: the number of \(metric.lowercased()) falls by \(bound)% versus the baseline."
        case LevelRule.kind:
            return vi ? "Yêu cầu: \(metric) \(bound)%." : "Rule: \(metric) \(bound)%."
        case AverageDecreaseRule.kind:
            return vi ? "Yêu cầu: \(metric) giảm bình quân \(bound) điểm %/năm." : "Rule: \(metric) falls on average \(bound) points a year."
        case ShareRule.kind:
            return vi ? "Yêu cầu: tỷ trọng \(metric) \(bound)%." : "Rule: share \(metric) \(bound)%."
        case CoverageRule.kind:
            return vi ? "Yêu cầu: không còn hộ nào thuộc nhóm thiếu hụt chỉ số đã nêu." : "Rule: no household of the group is deprived on the indicators."
        case TargetComparisonRule.kind:
            return vi ? "Yêu cầu: mức giảm trong năm vượt chỉ tiêu kế hoạch." : "Rule: the year's decrease exceeds the planned one."
        case PoorDistrictExitRule.kind:
            return vi
                ? "Yêu cầu: có huyện nghèo thoát nghèo theo tệp đơn vị hành chính (Thủ tướng Chính phủ công nhận, Quyết định 36/2021/QĐ-TTg); tỷ lệ nghèo đa chiều chỉ để tham khảo."
                : "Rule: a poor district has left poverty per the admin file (recognised by the Prime Minister, Decision 36/2021/QĐ-TTg); rates are context only."
        case GroupLevelRule.kind:
            return vi ? "Yêu cầu: \(metric) chung của nhóm xã (tổng số hộ) \(bound)%." : "Rule: the combined \(metric) of the group of communes (summed counts) \(bound)%."
        case EveryUnitRule.kind:
            return vi ? "Yêu cầu: mọi đơn vị: \(metric) \(bound)%." : "Rule: every unit has \(metric) \(bound)%."
        case CountFellRule.kind:
            return vi ? "Yêu cầu: \(metric) giảm so với năm trước." : "Rule: \(metric) falls from the previous year."
        case AnyOfRule.kind:
            return vi ? "Đạt khi một trong các điều kiện sau đạt:" : "Met when one of these is met:"
        case AllOfRule.kind:
            return vi ? "Đạt khi tất cả các điều kiện sau đạt:" : "Met when all of these are met:"
        default:
            return nil
        }
    }

    private func valueLines(_ e: Evidence) -> [String] {
        var lines: [String] = []
        let metric = e.metric.map(metricName) ?? ""
        let byYear = Dictionary((e.years ?? []).map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        for check in e.checks ?? [] {
            let mark = check.holds ? "✓" : "✗"
            // "(cần ≥ 4)": the requirement in brackets, so "giảm 35,93% (cần > 50%) ✗" does not
            // read as the claim "35,93 > 50".
            let unit = check.label == "fall_percent" ? "%" : ""
            let bound = vi
                ? "(cần \(check.comparison.symbol) \(plain(check.threshold))\(unit))"
                : "(needs \(check.comparison.symbol) \(plain(check.threshold))\(unit))"
            switch check.label {
            case "decrease" where e.rule == CountFellRule.kind:
                let from = byYear[check.fromYear ?? 0]?.value
                let to = byYear[check.toYear ?? 0]?.value
                lines.append(vi
                    ? "\(metric): \(count(from)) hộ (\(check.fromYear ?? 0)) → \(count(to)) hộ (\(check.toYear ?? 0)), giảm \(count(check.value)) \(mark)"
                    : "\(metric): \(count(from)) households (\(check.fromYear ?? 0)) → \(count(to)) (\(check.toYear ?? 0)), down \(count(check.value)) \(mark)")
            case "decrease", "average_decrease":
                let from = byYear[check.fromYear ?? 0]?.value
                let to = byYear[check.toYear ?? 0]?.value
                let avg = check.label == "average_decrease"
                lines.append(vi
                    ? "\(metric) giảm \(avg ? "bình quân " : "")\(number(check.value)) điểm %\(avg ? "/năm" : "") năm \(check.fromYear ?? 0)–\(check.toYear ?? 0) (từ \(percent(from)) xuống \(percent(to))) \(bound) \(mark)"
                    : "\(metric) fell \(avg ? "on average " : "")\(number(check.value)) points\(avg ? " a year" : "") in \(check.fromYear ?? 0)–\(check.toYear ?? 0) (from \(percent(from)) to \(percent(to))) \(bound) \(mark)")
            case "fall_percent":
                let from = byYear[check.fromYear ?? 0]?.value
                let to = byYear[check.toYear ?? 0]?.value
                lines.append(vi
                    ? "\(metric): \(count(from)) hộ (\(check.fromYear ?? 0)) → \(count(to)) hộ (\(check.toYear ?? 0)), giảm \(number(check.value))% \(bound) \(mark)"
                    : "\(metric): \(count(from)) households (\(check.fromYear ?? 0)) → \(count(to)) (\(check.toYear ?? 0)), down \(number(check.value))% \(bound) \(mark)")
            case "level", "share":
                let figure = byYear[check.toYear ?? 0]
                let detail = figure.flatMap { f in f.numerator.map { "\(count($0))/\(count(f.denominator))" } } ?? ""
                lines.append(vi
                    ? "\(metric) năm \(check.toYear ?? 0): \(percent(check.value)) (\(detail)) \(bound) \(mark)"
                    : "\(metric) in \(check.toYear ?? 0): \(percent(check.value)) (\(detail)) \(bound) \(mark)")
            case "decrease_vs_plan":
                let isCount = e.metric == Targets.Metric.poorCountDecrease.rawValue
                let unit = isCount ? (vi ? " hộ" : " households") : (vi ? " điểm %" : " points")
                lines.append(vi
                    ? "Giảm thực tế năm \(check.toYear ?? 0): \(isCount ? count(check.value) : number(check.value))\(unit); kế hoạch: \(isCount ? count(check.threshold) : number(check.threshold))\(unit) → \(check.holds ? "vượt" : "không vượt") \(mark)"
                    : "Actual decrease in \(check.toYear ?? 0): \(isCount ? count(check.value) : number(check.value))\(unit); planned: \(isCount ? count(check.threshold) : number(check.threshold))\(unit) → \(check.holds ? "exceeded" : "not exceeded") \(mark)")
            default:
                if check.label.hasPrefix("deprived:") {
                    let id = String(check.label.dropFirst("deprived:".count))
                    let name = IndicatorID(rawValue: id).map { vi ? Indicator.withID($0).nameVi : Indicator.withID($0).nameEn } ?? id
                    lines.append(vi
                        ? "Số hộ thiếu hụt \(name) năm \(check.toYear ?? 0): \(count(check.value)) \(mark)"
                        : "Households deprived on \(name) in \(check.toYear ?? 0): \(count(check.value)) \(mark)")
                } else {
                    lines.append("\(check.label): \(number(check.value)) \(bound) \(mark)")
                }
            }
        }
        if let units = e.units {
            let met = units.filter { $0.verdict == .met }.count
            let failed = units.filter { $0.verdict == .notMet }
            let lacking = units.filter { $0.verdict == .insufficientData }
            lines.append(vi
                ? "Đơn vị đạt: \(met)/\(units.count); không đạt: \(failed.count); thiếu số liệu: \(lacking.count)."
                : "Units met: \(met)/\(units.count); not met: \(failed.count); lacking data: \(lacking.count).")
            for u in units.prefix(12) where u.verdict != .met || e.rule == PoorDistrictExitRule.kind {
                let name = u.unitName.map { "\($0) (\(u.unitCode))" } ?? u.unitCode
                var value = u.value.map { " " + percent($0) } ?? ""
                var basis = ""
                if e.rule == PoorDistrictExitRule.kind {
                    // The rate is context only: the admin file decides (plans.md pin 6).
                    value = u.value.map { vi ? " tỷ lệ nghèo đa chiều \(percent($0)) (tham khảo)" : " poor and near-poor rate \(percent($0)) (context)" } ?? ""
                    switch PoorDistrictExitRule.Basis(rawValue: u.basis ?? "") {
                    case .adminFile: basis = vi ? " — đã ra khỏi danh sách huyện nghèo" : " — off the poor-district list"
                    case .stillPoorDistrict: basis = vi ? " — còn trong danh sách huyện nghèo" : " — still on the poor-district list"
                    case .noAdminRow: basis = vi ? " — không có dòng đơn vị hành chính năm này" : " — no admin row that year"
                    case nil: break
                    }
                }
                lines.append("  - \(name):\(value)\(basis) \(verdictText(u.verdict))")
            }
        }
        return lines
    }

    // MARK: Words

    private func verdictText(_ v: Verdict) -> String {
        switch (v, language) {
        case (.met, .vi): "ĐẠT ✓"
        case (.notMet, .vi): "KHÔNG ĐẠT ✗"
        case (.notApplicable, .vi): "KHÔNG ÁP DỤNG"
        case (.insufficientData, .vi): "CHƯA ĐỦ SỐ LIỆU"
        case (.met, .en): "MET ✓"
        case (.notMet, .en): "NOT MET ✗"
        case (.notApplicable, .en): "NOT APPLICABLE"
        case (.insufficientData, .en): "INSUFFICIENT DATA"
        }
    }

    private func metricName(_ id: String) -> String {
        switch (id, language) {
        case ("rate_PN", .vi): "Tỷ lệ hộ nghèo và cận nghèo"
        case ("rate_P", .vi): "Tỷ lệ hộ nghèo"
        case ("rate_N", .vi): "Tỷ lệ hộ cận nghèo"
        case ("ethnic_minority_poor_rate", .vi): "Tỷ lệ hộ nghèo dân tộc thiểu số"
        case ("ethnic_minority_poor/poor", .vi), ("ethnic_minority_poor_share", .vi): "hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo"
        case ("poor_near_poor", .vi): "Số hộ nghèo và cận nghèo"
        case ("poor", .vi): "Số hộ nghèo"
        case ("near_poor", .vi): "Số hộ cận nghèo"
        case ("poor_special_difficulty", .vi): "Số hộ nghèo có hoàn cảnh đặc biệt khó khăn"
        case ("rate_PN", .en): "Poor and near-poor rate"
        case ("rate_P", .en): "Poor rate"
        case ("rate_N", .en): "Near-poor rate"
        case ("ethnic_minority_poor_rate", .en): "Ethnic-minority poor rate"
        case ("ethnic_minority_poor/poor", .en), ("ethnic_minority_poor_share", .en): "ethnic-minority poor households among all poor households"
        case ("poor_near_poor", .en): "Poor and near-poor households"
        case ("poor", .en): "Poor households"
        case ("near_poor", .en): "Near-poor households"
        case ("poor_special_difficulty", .en): "Poor households in especially difficult circumstances"
        default: id
        }
    }

    private func reasonText(_ code: String) -> String {
        switch (Evidence.Reason(rawValue: code), language) {
        case (.standardChange, .vi): "Các năm cần so sánh dùng chuẩn nghèo khác nhau: không so sánh."
        case (.standardChange, .en): "The years compared use different poverty standards: not compared."
        case (.zeroBaseline, .vi): "Đầu kỳ không có hộ nghèo, cận nghèo: không áp dụng."
        case (.zeroBaseline, .en): "No poor or near-poor household at the baseline: not applicable."
        case (.noEthnicMinorityHouseholds, .vi): "Không có hộ dân tộc thiểu số: không áp dụng."
        case (.noEthnicMinorityHouseholds, .en): "No ethnic-minority household: not applicable."
        case (.noPoorHouseholds, .vi): "Không có hộ nghèo: không áp dụng."
        case (.noPoorHouseholds, .en): "No poor household: not applicable."
        case (.zeroStartingCount, .vi): "Năm trước không còn hộ nào: không áp dụng."
        case (.zeroStartingCount, .en): "The count was already 0 the year before: not applicable."
        case (.zeroStartingRate, .vi): "Tỷ lệ đầu kỳ bằng 0, không còn gì để giảm: không áp dụng."
        case (.zeroStartingRate, .en): "The starting rate is 0, nothing left to reduce: not applicable."
        case (.noPoorDistrict, .vi): "Tỉnh không có huyện nghèo: không áp dụng."
        case (.noPoorDistrict, .en): "The province has no poor district: not applicable."
        case (.noTarget, .vi): "Không có chỉ tiêu kế hoạch cho đơn vị và năm này (targets.csv)."
        case (.noTarget, .en): "No planned target for this unit and year (targets.csv)."
        case (.indicatorNotInStandard, .vi): "Chuẩn nghèo của năm này không có chỉ số đã nêu: không áp dụng."
        case (.indicatorNotInStandard, .en): "The year's standard lacks the indicator: not applicable."
        case (.noDistricts, .vi): "Không có số liệu cấp huyện."
        case (.noDistricts, .en): "No district-level data."
        case (.beforeBaseYear, .vi): "Năm đánh giá chưa sau năm gốc: không áp dụng."
        case (.beforeBaseYear, .en): "The evaluation year is not after the base year: not applicable."
        case (.noUnitInGroup, .vi): "Không có xã nào thuộc nhóm: không áp dụng."
        case (.noUnitInGroup, .en): "No commune in the group: not applicable."
        case (.missingYears, _), (.noRuralCommune, _), (.ruralUnknown, _), (nil, _): code
        }
    }

    private func noteText(_ note: Evidence.Note) -> String? {
        let detail = note.detail ?? ""
        switch (note.code, language) {
        case ("standard_change", .vi): return "Đổi chuẩn: \(detail)."
        case ("standard_change", .en): return "Standard change: \(detail)."
        case ("districts_abolished", .vi): return "Cấp huyện không còn sau sắp xếp năm 2025: \(detail)."
        case ("districts_abolished", .en): return "Districts were abolished in 2025: \(detail)."
        case ("territory", .vi): return "Địa bàn cũ của tỉnh trước sáp nhập: \(detail)."
        case ("territory", .en): return "Old territory of the province before the merger: \(detail)."
        case ("territory_straddling", .vi): return "Các xã mới có một phần ngoài địa bàn cũ (tính cả xã): \(detail)."
        case ("territory_straddling", .en): return "New communes partly outside the old territory (counted whole): \(detail)."
        case ("also_at_least", .vi): return "Mức cao hơn: \(detail.replacingYesNo(vi: true))."
        case ("also_at_least", .en): return "Higher bar: \(detail)."
        case ("vacuous", .vi): return "Không có hộ/đơn vị nào thuộc nhóm: đạt (hiển nhiên)."
        case ("vacuous", .en): return "No household or unit in the group: met vacuously."
        case ("criterion_note", _): return detail
        case ("local_standard_not_in_run", .vi): return "Chuẩn nghèo địa phương \(detail) chưa được áp dụng trong lần chạy này: dùng chuẩn quốc gia."
        case ("local_standard_not_in_run", .en): return "Local standard \(detail) is not in this run: national standard used."
        case ("local_standard_placeholder", .vi): return "Chuẩn nghèo địa phương \(detail) là tạm (chưa có ngưỡng chính thức)."
        case ("local_standard_placeholder", .en): return "Local standard \(detail) is a placeholder (official thresholds not available)."
        case ("not_rural_skipped", .vi): return "Bỏ qua \(detail) đơn vị không phải xã nông thôn."
        case ("not_rural_skipped", .en): return "\(detail) units skipped (not rural communes)."
        case ("group_units", .vi): return "Nhóm xã: \(detail)."
        case ("group_units", .en): return "Communes in the group: \(detail)."
        case ("group_units_missing", .vi): return "Xã thiếu số liệu: \(detail)."
        case ("group_units_missing", .en): return "Communes without data: \(detail)."
        default: return nil
        }
    }

    // MARK: Numbers

    private func number(_ value: Rational) -> String {
        let text = value.decimalText(places: 2)
        return vi ? text.replacingDot() : text
    }

    private func number(_ text: String?) -> String {
        guard let text, let value = Rational(decimalText: text) else { return text ?? "" }
        let plain = value.plainText
        return vi ? plain.replacingDot() : plain
    }

    private func plain(_ value: Rational) -> String {
        vi ? value.plainText.replacingDot() : value.plainText
    }

    private func percent(_ value: Rational?) -> String {
        guard let value else { return "—" }
        let text = value.decimalText(places: 2) + "%"
        return vi ? text.replacingDot() : text
    }

    private func count(_ value: Rational?) -> String {
        guard let value else { return "—" }
        if value.isInteger { return String(value.numerator) }
        return vi ? value.decimalText(places: 2).replacingDot() : value.decimalText(places: 2)
    }
}

extension String {
    fileprivate func replacingDot() -> String { String(map { $0 == "." ? "," : $0 }) }
    fileprivate func replacingYesNo(vi: Bool) -> String {
        replacing(": yes", with: ": có").replacing(": no", with: ": không").replacing("decrease", with: "giảm").replacingDot()
    }
}
