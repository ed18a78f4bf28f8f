/// The sentence of each `insufficient_data` / `not_applicable` reason.
extension Evidence.Reason {
    /// The reason in words for `evidence` judged at `year`; nil when the evidence's other lines
    /// already say it (the missing years are listed by the explanation itself).
    public func sentence(_ evidence: Evidence, year: Int, _ w: Wording) -> String? {
        switch self {
        case .missingYears:
            guard let missing = evidence.missingYears, !missing.isEmpty else {
                return w.pick("Thiếu số liệu.", "No data.")
            }
            return w.pick("Thiếu số liệu năm \(w.years(missing)).", "No data for \(w.years(missing)).")
        case .beforeBaseline:
            // Decision 666's "3 năm liên tục" needs the years T−3 … T: before baseline + 3 some of
            // them lie before the plan's period, under the previous standard, and never come.
            let baseline = evidence.baselineYear ?? year
            let earliest = evidence.missingYears?.min() ?? baseline
            let span = evidence.consecutiveYears ?? (year - earliest)
            let from = year + (baseline - earliest)
            return w.vi
                ? "Chưa đủ \(span) năm so sánh trong giai đoạn (năm gốc \(baseline)); xét từ năm \(from)."
                : "Not yet \(span) years to compare within the plan's period (baseline \(baseline)); judged from \(from)."
        case .standardChange:
            return w.pick(
                "Các năm cần so sánh dùng chuẩn nghèo khác nhau: không so sánh.",
                "The years compared use different poverty standards: not compared.")
        case .zeroBaseline:
            return w.pick(
                "Đầu kỳ không có hộ nghèo, hộ cận nghèo: không áp dụng.",
                "No poor or near-poor household at the baseline: not applicable.")
        case .noEthnicMinorityHouseholds:
            return w.pick("Không có hộ dân tộc thiểu số: không áp dụng.", "No ethnic-minority household: not applicable.")
        case .noPoorHouseholds:
            return w.pick("Không có hộ nghèo: không áp dụng.", "No poor household: not applicable.")
        case .zeroStartingCount:
            return w.pick(
                "Năm trước không còn hộ nào thuộc nhóm này: không áp dụng.",
                "The count was already 0 the year before: not applicable.")
        case .zeroStartingRate:
            return w.pick(
                "Tỷ lệ năm đầu bằng 0, không còn gì để giảm: không áp dụng.",
                "The starting rate is 0, nothing left to reduce: not applicable.")
        case .noPoorDistrict:
            return w.pick("Tỉnh không có huyện nghèo: không áp dụng.", "The province has no poor district: not applicable.")
        case .noTarget:
            return w.pick(
                "Không có chỉ tiêu kế hoạch cho đơn vị và năm này (tệp chỉ tiêu kế hoạch).",
                "No planned target for this unit and year (targets file).")
        case .indicatorNotInStandard:
            return w.pick(
                "Chuẩn nghèo của năm này không có chỉ số đã nêu: không áp dụng.",
                "The year's standard lacks the indicator: not applicable.")
        case .noDistricts:
            return w.pick("Không có số liệu cấp huyện.", "No district-level data.")
        case .beforeBaseYear:
            return w.pick(
                "Năm đánh giá chưa sau năm gốc: không áp dụng.",
                "The evaluation year is not after the base year: not applicable.")
        case .noRuralCommune:
            return w.pick("Không có xã nông thôn nào.", "No rural commune.")
        case .noUnitInGroup:
            return w.pick("Không có xã nào thuộc nhóm: không áp dụng.", "No commune in the group: not applicable.")
        case .ruralUnknown:
            return w.pick("Không rõ số hộ nông thôn.", "Rural households unknown.")
        }
    }
}
