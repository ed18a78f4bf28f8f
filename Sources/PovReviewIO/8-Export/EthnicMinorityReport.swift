/// Report table (d): the ethnic-minority breakdown and the poor households without labour
/// capacity, per level, unit and review year.
public enum EthnicMinorityReport {
    public static let id = "05-dan-toc-thieu-so-va-lao-dong"
    public static let title = "Hộ dân tộc thiểu số và hộ nghèo không có khả năng lao động"
    public static let sheetName = "Dân tộc thiểu số, lao động"

    public static let columns: [ReportColumn] =
        ReportColumn.unitYearStandard + [
            ReportColumn("Tổng số hộ", .integer, source: "unit_rates.households"),
            ReportColumn("Số hộ nghèo", .integer, source: "unit_rates.poor"),
            ReportColumn("Số hộ dân tộc thiểu số", .integer, source: "unit_rates.ethnic_minority_households"),
            ReportColumn("Số hộ nghèo dân tộc thiểu số", .integer, source: "unit_rates.ethnic_minority_poor"),
            ReportColumn(
                "Tỷ lệ hộ nghèo dân tộc thiểu số (%)", .rate,
                source: "100 × unit_rates.ethnic_minority_poor / unit_rates.ethnic_minority_households (empty when 0)"),
            ReportColumn(
                "Tỷ trọng hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo (%)", .rate,
                source: "100 × unit_rates.ethnic_minority_poor / unit_rates.poor (empty when 0)"),
            ReportColumn(
                "Số hộ nghèo không có khả năng lao động", .integer, source: "unit_rates.poor_without_labour_capacity"),
            ReportColumn(
                "Tỷ trọng hộ nghèo không có khả năng lao động (%)", .rate,
                source: "100 × unit_rates.poor_without_labour_capacity / unit_rates.poor (empty when 0)"),
            ReportColumn(
                "Số hộ nghèo có hoàn cảnh đặc biệt khó khăn", .integer, source: "unit_rates.poor_special_difficulty"),
        ]

    /// Reads the table from `database`.
    public static func table(from database: SQLiteDatabase) throws -> ReportTable {
        let rows = try UnitRatesReportRows.ethnicMinority(in: database).map { r -> [ReportCell] in
            [
                .text(ReportLabels.level(r.level)), .text(r.unitCode), .text(r.unitName),
                .integer(r.reviewYear), .text(r.standard), .integer(r.households), .integer(r.poor),
                .integer(r.ethnicMinorityHouseholds), .integer(r.ethnicMinorityPoor),
                .rate(r.ethnicMinorityPoor, of: r.ethnicMinorityHouseholds),
                .rate(r.ethnicMinorityPoor, of: r.poor), .integer(r.poorWithoutLabourCapacity),
                .rate(r.poorWithoutLabourCapacity, of: r.poor), .integer(r.poorSpecialDifficulty),
            ]
        }
        return ReportTable(id: id, title: title, sheetName: sheetName, columns: columns, rows: rows)
    }
}
