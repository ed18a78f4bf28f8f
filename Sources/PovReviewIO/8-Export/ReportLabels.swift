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

    /// `ORDER BY` key of a `level` column: province first, village last.
    static func levelRankSQL(_ column: String) -> String {
        "CASE \(column) WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END"
    }

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

extension SQLiteValue {
    /// The value as a text cell (integers and reals as written by SQLite; NULL empty).
    var textCell: ReportCell {
        switch self {
        case .null: .empty
        case .text(let text): .text(text)
        case .integer(let value): .text(String(value))
        case .real(let value): .text(String(value))
        }
    }

    /// The value as an integer cell (NULL empty).
    var integerCell: ReportCell {
        switch self {
        case .integer(let value): .integer(Int(value))
        case .real(let value): .integer(Int(value))
        case .text(let text): Int(text).map(ReportCell.integer) ?? .text(text)
        case .null: .empty
        }
    }

    /// The integer value, 0 for NULL.
    var count: Int { int ?? 0 }
    /// The text value, "" for NULL.
    var text: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .null: ""
        }
    }
}
