/// The short note a provisional criteria result carries in words, "(tạm tính: …)" /
/// "(provisional: …)", built from `Evidence.provisionalReasons` (see `Evidence+Provisional`).
/// Kept apart from `Explanation` so it can be re-homed with the other wording.
public enum ProvisionalNote {
    /// The note for `evidence`, or nil when the row is not provisional.
    public static func text(for evidence: Evidence, language: Explanation.Language) -> String? {
        guard evidence.provisional == true else { return nil }
        let vi = language == .vi
        var parts: [String] = []
        for reason in evidence.provisionalReasons ?? [] {
            let detail = reason.detail ?? ""
            switch Evidence.ProvisionalReason(rawValue: reason.code) {
            case .standard:
                // Vietnamese names the standard, never its id.
                let name = reason.itemsVi?.first.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? "chuẩn nghèo của năm này"
                parts.append(
                    vi
                        ? "\(name) chưa được xác nhận đầy đủ (Nghị định 351/2025/NĐ-CP, chờ đối chiếu phụ lục)"
                        : "standard \(detail) is not fully confirmed (Decree 351/2025/NĐ-CP, appendix to be checked)")
            case .planThreshold:
                let shown = vi ? String(detail.map { $0 == "." ? "," : $0 }) : detail
                parts.append(vi ? "ngưỡng \(shown) là giá trị tạm tính trong tệp kế hoạch" : "threshold \(shown) is a provisional plan-file value")
            case .plan:
                parts.append(
                    vi
                        ? "các chỉ tiêu của kế hoạch là tạm tính (theo bản tóm tắt đã công bố)"
                        : "the targets of plan \(detail) are provisional (from published summaries)")
            case nil:
                parts.append(reason.code + (detail.isEmpty ? "" : " \(detail)"))
            }
        }
        if parts.isEmpty { parts.append(vi ? "có tham số tạm tính" : "a parameter is provisional") }
        return (vi ? "(tạm tính: " : "(provisional: ") + parts.joined(separator: "; ") + ")"
    }
}
