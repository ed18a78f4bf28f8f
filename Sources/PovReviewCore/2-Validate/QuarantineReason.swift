/// Why an input row was rejected (input-format.md §4). One reason per row; the first failing
/// check wins, in the order of the cases below.
public enum QuarantineReason: String, CaseIterable, Sendable, Codable {
    case malformedRow = "malformed_row"
    case invalidEncoding = "invalid_encoding"
    case missingValue = "missing_value"
    case invalidNumber = "invalid_number"
    case invalidEnum = "invalid_enum"
    case unsupportedYear = "unsupported_year"
    case inconsistentCounts = "inconsistent_counts"
    case unknownUnit = "unknown_unit"
    case duplicateHousehold = "duplicate_household"

    /// Vietnamese label for reports.
    public var labelVi: String {
        switch self {
        case .malformedRow: "Dòng sai cấu trúc CSV"
        case .invalidEncoding: "Sai mã hoá ký tự (không phải UTF-8)"
        case .missingValue: "Thiếu giá trị bắt buộc"
        case .invalidNumber: "Số không hợp lệ"
        case .invalidEnum: "Giá trị không thuộc danh mục"
        case .unsupportedYear: "Năm rà soát không có chuẩn nghèo"
        case .inconsistentCounts: "Số người không khớp với số nhân khẩu"
        case .unknownUnit: "Đơn vị hành chính không có trong danh mục"
        case .duplicateHousehold: "Mã hộ trùng trong cùng năm rà soát"
        }
    }
}

/// A rejected row's verdict: the reason, the column at fault (when one field is) and a readable
/// message that never quotes personal data.
public struct RowRejection: Error, Sendable, Equatable {
    public var reason: QuarantineReason
    /// Canonical column name, or nil when no single field is at fault.
    public var column: String?
    /// E.g. `members must be a whole number ≥ 1, got "-2"`.
    public var message: String

    public init(reason: QuarantineReason, column: String? = nil, message: String) {
        self.reason = reason
        self.column = column
        self.message = message
    }
}

/// A data-quality note that does not reject a row (outputs.md, `warnings`).
public struct DataWarning: Sendable, Equatable {
    /// Stable code, e.g. `basis_disagreement`, `unknown_column`, `padded_code`.
    public var code: String
    public var message: String
    /// 1-based physical line, when the warning is about one row.
    public var line: Int?

    public init(code: String, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }
}
