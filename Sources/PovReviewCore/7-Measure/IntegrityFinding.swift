/// The checks of `integrity_findings` (outputs.md §3): what a reviewer should look at before
/// publishing. Each check's method is in the README ("Analyst measures").
public enum IntegrityCheck: String, Sendable, CaseIterable, Hashable {
    case incomeBunching = "income_bunching"
    case exitWithoutChange = "exit_without_change"
    case implausibleDrop = "implausible_drop"
    case bulkAbsence = "bulk_absence"
    case sumMismatch = "sum_mismatch"

    /// English label for reports.
    public var labelEN: String {
        switch self {
        case .incomeBunching: "Incomes bunched just above the line"
        case .exitWithoutChange: "Exits with no change in deprivations"
        case .implausibleDrop: "Implausible fall of the poor rate"
        case .bulkAbsence: "Many households absent from one year to the next"
        case .sumMismatch: "Counts do not add up across levels"
        }
    }

    /// Vietnamese label for reports.
    public var labelVi: String {
        switch self {
        case .incomeBunching: "Thu nhập dồn ngay trên chuẩn nghèo"
        case .exitWithoutChange: "Thoát nghèo nhưng không thay đổi chỉ số thiếu hụt"
        case .implausibleDrop: "Tỷ lệ hộ nghèo giảm bất thường"
        case .bulkAbsence: "Nhiều hộ vắng mặt so với năm trước"
        case .sumMismatch: "Số liệu các cấp không khớp tổng"
        }
    }
}

/// How much a finding matters: `warning` asks for a look before publishing, `info` is context.
public enum FindingSeverity: String, Sendable, CaseIterable, Hashable {
    case info, warning
}

/// One `integrity_findings` row.
public struct IntegrityFinding: Sendable, Equatable {
    public var reviewYear: Int
    public var standard: StandardID
    public var level: UnitLevel
    public var unitCode: UnitCode
    public var check: IntegrityCheck
    public var severity: FindingSeverity
    /// The figure the check tested (a p-value, a fall in points, a share in percent, a difference).
    public var statistic: Double
    /// The threshold it was compared with.
    public var threshold: Double
    /// JSON object with the counts behind the statistic (keys in a fixed order).
    public var detail: String

    public init(
        reviewYear: Int, standard: StandardID, level: UnitLevel, unitCode: UnitCode, check: IntegrityCheck,
        severity: FindingSeverity, statistic: Double, threshold: Double, detail: String
    ) {
        self.reviewYear = reviewYear
        self.standard = standard
        self.level = level
        self.unitCode = unitCode
        self.check = check
        self.severity = severity
        self.statistic = statistic
        self.threshold = threshold
        self.detail = detail
    }
}

/// A tiny JSON object writer with keys in the order given (deterministic `detail` text).
public struct JSONFields: Sendable {
    private var parts: [String] = []
    public init() {}

    public mutating func add(_ key: String, _ value: Int) { parts.append("\"\(key)\":\(value)") }
    public mutating func add(_ key: String, _ value: Double?) {
        guard let value, value.isFinite else { parts.append("\"\(key)\":null"); return }
        parts.append("\"\(key)\":\(value)")
    }
    public mutating func add(_ key: String, _ value: String) {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = Array("0123456789abcdef")
                escaped += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 15)])
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        parts.append("\"\(key)\":\"\(escaped)\"")
    }
    public var text: String { "{" + parts.joined(separator: ",") + "}" }
}

/// The thresholds of the integrity checks: pipeline configuration with the spec's defaults.
public struct IntegrityThresholds: Sendable, Equatable {
    /// income_bunching: households within ±5% of the line a unit needs to be judged.
    public var bunchingMinimumHouseholds = 30
    /// income_bunching: p-value below which the excess above the line is flagged.
    public var bunchingPValue = 0.001
    /// exit_without_change: such households a unit needs to be judged.
    public var exitMinimumHouseholds = 5
    /// exit_without_change: p-value below which the excess is flagged.
    public var exitPValue = 0.001
    /// implausible_drop: the fall of rate_P must exceed this many points …
    public var dropMinimumPoints = 10.0
    /// … and the province's median fall + this many × 1.4826 × MAD.
    public var dropMADMultiplier = 6.0
    /// implausible_drop: households a unit needs in both years to be judged (and to count in the median).
    public var dropMinimumHouseholds = 25
    /// implausible_drop: the mean deprivation count changed by less than this.
    public var dropMaximumDeprivationChange = 0.1
    /// bulk_absence: flagged when more than this percentage of the unit's households are absent.
    public var absenceMaximumPercent = 10.0
    /// bulk_absence: units with fewer households than this at `T − 1` get `info`, not `warning`.
    public var absenceWarningMinimumHouseholds = 25

    public init() {}
}
