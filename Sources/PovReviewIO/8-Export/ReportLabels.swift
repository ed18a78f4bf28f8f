import PovReviewCore

/// Vietnamese words the exports show for the database's stable English codes.
enum ReportLabels {
    /// Short level name for table cells ("Tỉnh", "Huyện", "Xã", "Thôn").
    static func level(_ code: String) -> String {
        switch code {
        case "province": "Tỉnh"
        case "district": "Huyện"
        case "commune": "Xã"
        case "village": "Thôn"
        default: code
        }
    }

    /// How `level` is shown, for the header mapping.
    static let levelWords = " (province → Tỉnh, district → Huyện, commune → Xã, village → Thôn)"

    /// The verdict in words ("Đạt", "Không đạt", …).
    static func verdict(_ code: String) -> String {
        switch code {
        case "met": "Đạt"
        case "not_met": "Không đạt"
        case "not_applicable": "Không áp dụng"
        case "insufficient_data": "Thiếu dữ liệu"
        default: code
        }
    }

    /// A symbol for each verdict that survives black-and-white printing.
    static func verdictSymbol(_ code: String) -> String {
        switch code {
        case "met": "✓"
        case "not_met": "✗"
        case "not_applicable": "–"
        case "insufficient_data": "?"
        default: "·"
        }
    }

    /// The quarantine reason in words.
    static func quarantineReason(_ code: String) -> String {
        QuarantineReason(rawValue: code)?.labelVi ?? code
    }

    /// The village name of a village code `<commune_code>/<village name>`.
    static func villageName(fromCode code: String) -> String {
        guard let slash = code.firstIndex(of: "/") else { return code }
        return String(code[code.index(after: slash)...])
    }
}

extension ReportCell {
    /// A text cell, empty for nil (a NULL column).
    static func optionalText(_ text: String?) -> ReportCell { text.map(ReportCell.text) ?? .empty }

    /// An integer cell, empty for nil (a NULL column).
    static func optionalInteger(_ value: Int?) -> ReportCell { value.map(ReportCell.integer) ?? .empty }
}
