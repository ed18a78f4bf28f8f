/// The kinds of remark an evidence carries (`Evidence.Note.code`), each with its sentence in
/// Vietnamese and English. A note's figures are typed fields of the note, so the sentence never
/// parses the English `detail`.
public enum NoteKind: String, Sendable, CaseIterable {
    /// A needed year has data only under another standard (plans.md: never compared across a
    /// change of standard unless the plan allows it). `year`, `items` (standards found),
    /// `itemsVi` (their Vietnamese names).
    case standardChange = "standard_change"
    /// District criteria after the 2025 reform are judged at the last review year with districts
    /// (plans.md "Districts after the reform"). `year` (judged at), `fromYear` (deadline, if moved).
    case districtsAbolished = "districts_abolished"
    /// A provincial plan judges its province's old territory after a merger. `count` (communes
    /// summed), `year`.
    case territory
    /// New communes partly outside the old territory, counted whole. `items` (their codes).
    case territoryStraddling = "territory_straddling"
    /// Lạng Sơn's "2–3 points": whether the higher bar was reached too. `fromYear`, `year`,
    /// `value` (the decrease), `threshold`, `holds`.
    case alsoAtLeast = "also_at_least"
    /// The group or set of units was empty: met vacuously. `detail` names what was empty.
    case vacuous
    /// The plan file's note on the criterion (`detail` Vietnamese, `detailEn` English): proxies
    /// and provisional readings.
    case criterionNote = "criterion_note"
    /// The plan names a local standard that this run did not compute. `itemsVi` (its name).
    case localStandardNotInRun = "local_standard_not_in_run"
    /// The plan's local standard is a placeholder. `itemsVi` (its name).
    case localStandardPlaceholder = "local_standard_placeholder"
    /// Units left out of a rural-communes criterion because not all their households are rural.
    case notRuralSkipped = "not_rural_skipped"
    /// Indicators the row's standard lacks. `items` (indicator ids).
    case indicatorNotInStandard = "indicator_not_in_standard"
    /// A parameter taken as provisional (plans.md pin 6). `detail` / `detailEn`: what it is (English).
    case provisional
    /// The communes of a group-level criterion (`detail`: count and codes), those without data
    /// and those restated.
    case groupUnits = "group_units"
    case groupUnitsMissing = "group_units_missing"
    case groupUnitsRestated = "group_units_restated"
    /// Rule parameters repeated for readers of the JSON; the rule's sentence already says them.
    case group
    case exitByAdminFile = "exit_by_admin_file"
    case atLeast = "at_least"
    case units
    case targetMetrics = "target_metrics"
    case plannedRate = "planned_rate"
    case baseYear = "base_year"

    /// The sentence of `note`, or nil when the rule's own sentence already says it.
    public func sentence(_ note: Evidence.Note, _ w: Wording) -> String? {
        switch self {
        case .standardChange:
            let names = note.itemsVi.map { $0.joined(separator: "; ") }
            let year = note.year.map(String.init) ?? "?"
            return w.vi
                ? "Năm \(year) chỉ có số liệu theo chuẩn nghèo khác\(names.map { " (\($0))" } ?? ""): không so sánh với chuẩn của năm đánh giá."
                : "\(year) has figures only under another standard\(note.items.map { " (\($0.joined(separator: ", ")))" } ?? ""): not compared with the evaluation year's standard."
        case .districtsAbolished:
            guard let year = note.year else {
                return w.pick(
                    "Cấp huyện không còn sau sắp xếp đơn vị hành chính năm 2025.",
                    "Districts were abolished in the 2025 reform.")
            }
            if let deadline = note.fromYear {
                return w.vi
                    ? "Cấp huyện không còn sau sắp xếp đơn vị hành chính năm 2025: tiêu chí có thời hạn năm \(deadline) được xét ở năm \(year), năm rà soát cuối cùng còn cấp huyện."
                    : "Districts were abolished in the 2025 reform: the criterion due in \(deadline) is judged at \(year), the last review year with districts."
            }
            return w.vi
                ? "Cấp huyện không còn sau sắp xếp đơn vị hành chính năm 2025: các huyện được xét ở năm \(year), năm rà soát cuối cùng còn cấp huyện."
                : "Districts were abolished in the 2025 reform: districts are judged at \(year), the last review year with districts."
        case .territory:
            let count = note.count.map { w.count(Rational($0)) } ?? "?"
            let year = note.year.map(String.init) ?? "?"
            return w.vi
                ? "Địa bàn cũ của tỉnh trước sáp nhập năm 2025: số liệu là tổng của \(count) xã, phường có hiệu lực năm \(year) thuộc địa bàn cũ."
                : "The province's old territory before the 2025 merger: figures are the sum of the \(count) communes valid in \(year) that lie in it."
        case .territoryStraddling:
            let codes = (note.items ?? []).joined(separator: ", ")
            return w.vi
                ? "Các xã mới có một phần nằm ngoài địa bàn cũ (tính cả xã), mã: \(codes)."
                : "New communes partly outside the old territory (counted whole), codes: \(codes)."
        case .alsoAtLeast:
            guard let value = note.value, let threshold = note.threshold, let holds = note.holds else { return nil }
            let span = w.span(note.fromYear, note.year)
            let change = w.change(decrease: value) { w.decimal($0) + w.pick(" điểm phần trăm", " points") }
            return w.vi
                ? "Mức cao hơn (giảm \(w.bound(.atLeast, threshold, unit: "%/năm"))), năm \(span): \(change), \(holds ? "đạt" : "chưa đạt")."
                : "Higher bar (a fall of \(w.bound(.atLeast, threshold)) points a year), \(span): \(change), \(holds ? "reached" : "not reached")."
        case .vacuous:
            return w.pick(
                "Không có hộ hoặc đơn vị nào thuộc nhóm được xét: đạt (hiển nhiên).",
                "No household or unit in the group judged: met vacuously.")
        case .criterionNote:
            if w.vi { return note.detail.map { $0.hasSuffix(".") ? $0 : $0 + "." } }
            return note.detailEn.map { $0.hasSuffix(".") ? $0 : $0 + "." }
        case .provisional:
            // `detail` may be English (a code's remark): Vietnamese says it in its own words.
            return w.vi
                ? "Có tham số tạm tính (chưa được xác nhận từ các văn bản tìm được)."
                : "A parameter is provisional (not confirmed by the sources found)\((note.detailEn ?? note.detail).map { ": \($0)" } ?? "")."
        case .localStandardNotInRun:
            let name = note.itemsVi?.first.map { " (\($0))" } ?? ""
            return w.vi
                ? "Chuẩn nghèo địa phương của kế hoạch\(name) chưa được áp dụng trong lần chạy này: dùng chuẩn quốc gia."
                : "The plan's local standard (\(note.detail ?? "")) is not in this run: the national standard is used."
        case .localStandardPlaceholder:
            let name = note.itemsVi?.first.map { " (\($0))" } ?? ""
            return w.vi
                ? "Chuẩn nghèo địa phương\(name) là tạm, giữ chỗ (chưa có ngưỡng chính thức của địa phương)."
                : "The local standard (\(note.detail ?? "")) is a placeholder (the official local thresholds are not available)."
        case .notRuralSkipped:
            let count = note.count ?? Int(note.detail ?? "") ?? 0
            return w.vi
                ? "Không xét \(w.count(Rational(count))) đơn vị không phải xã nông thôn (phường, thị trấn, hoặc xã có hộ thành thị)."
                : "\(w.count(Rational(count))) units left out: not rural communes (wards, towns, or communes with urban households)."
        case .indicatorNotInStandard:
            let names = (note.items ?? []).map(w.indicator).joined(separator: ", ")
            return w.vi
                ? "Chuẩn nghèo của năm này không có chỉ số: \(names)."
                : "The year's standard lacks the indicator: \(names)."
        case .plannedRate:
            guard let value = note.value else { return nil }
            return w.vi
                ? "Chỉ tiêu kế hoạch: tỷ lệ hộ nghèo \(w.exact(value))% năm \(note.year.map(String.init) ?? "")."
                : "Planned target: a poor-household rate of \(w.exact(value))% in \(note.year.map(String.init) ?? "")."
        case .groupUnits:
            let count = note.detail?.split(separator: ":").first.map(String.init) ?? "?"
            return w.vi ? "Nhóm gồm \(count) xã." : "The group has \(count) communes."
        case .groupUnitsMissing:
            return w.vi ? "Xã thiếu số liệu, mã: \(note.detail ?? "")." : "Communes without data, codes: \(note.detail ?? "")."
        case .groupUnitsRestated:
            return w.vi
                ? "Xã có số liệu quy đổi qua bảng chuyển đổi, mã: \(note.detail ?? "")."
                : "Communes restated through the crosswalk, codes: \(note.detail ?? "")."
        case .atLeast, .units, .targetMetrics, .baseYear, .group, .exitByAdminFile:
            return nil
        }
    }
}
