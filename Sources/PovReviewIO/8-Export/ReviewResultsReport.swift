/// Report table (a): the review results per level, unit and review year — households, poor,
/// near-poor and their rates ("Kết quả rà soát hộ nghèo, hộ cận nghèo").
public enum ReviewResultsReport {
    public static let id = "01-ket-qua-ra-soat"
    public static let title = "Kết quả rà soát hộ nghèo, hộ cận nghèo"
    public static let sheetName = "Kết quả rà soát"

    public static let columns: [ReportColumn] = [
        ReportColumn("Cấp", .text, source: "unit_rates.level" + ReportLabels.levelWords),
        ReportColumn("Mã đơn vị", .text, source: "unit_rates.unit_code"),
        ReportColumn("Tên đơn vị", .text, source: "unit_rates.unit_name"),
        ReportColumn("Mã đơn vị cấp trên", .text, source: "unit_rates.parent_code"),
        ReportColumn("Năm rà soát", .integer, source: "unit_rates.review_year"),
        ReportColumn("Chuẩn nghèo", .text, source: "unit_rates.standard"),
        ReportColumn("Tổng số hộ", .integer, source: "unit_rates.households"),
        ReportColumn("Số hộ nghèo", .integer, source: "unit_rates.poor"),
        ReportColumn("Tỷ lệ hộ nghèo (%)", .rate, source: "100 × unit_rates.poor / unit_rates.households"),
        ReportColumn("Số hộ cận nghèo", .integer, source: "unit_rates.near_poor"),
        ReportColumn("Tỷ lệ hộ cận nghèo (%)", .rate, source: "100 × unit_rates.near_poor / unit_rates.households"),
        ReportColumn("Số hộ nghèo và cận nghèo", .integer, source: "unit_rates.poor_near_poor"),
        ReportColumn(
            "Tỷ lệ hộ nghèo và cận nghèo (%)", .rate,
            source: "100 × unit_rates.poor_near_poor / unit_rates.households"),
        ReportColumn("Số hộ có mức sống trung bình", .integer, source: "unit_rates.average"),
        ReportColumn("Số nhân khẩu hộ nghèo", .integer, source: "unit_rates.poor_members"),
        ReportColumn("Số nhân khẩu hộ cận nghèo", .integer, source: "unit_rates.near_poor_members"),
        ReportColumn(
            "Nguồn số hộ", .text,
            source: "unit_rates.denominator_source (dump → Dữ liệu rà soát, totals → Số liệu tổng hợp)"),
    ]

    /// Reads the table from `database`.
    public static func table(from database: SQLiteDatabase) throws -> ReportTable {
        let rows = try UnitRatesReportRows.reviewResults(in: database).map { r -> [ReportCell] in
            [
                .text(ReportLabels.level(r.level)), .text(r.unitCode), .text(r.unitName), .optionalText(r.parentCode),
                .integer(r.reviewYear), .text(r.standard), .integer(r.households),
                .integer(r.poor), .rate(r.poor, of: r.households),
                .integer(r.nearPoor), .rate(r.nearPoor, of: r.households),
                .integer(r.poorNearPoor), .rate(r.poorNearPoor, of: r.households),
                .integer(r.average), .integer(r.poorMembers), .integer(r.nearPoorMembers),
                .text(r.denominatorSource == "totals" ? "Số liệu tổng hợp" : "Dữ liệu rà soát"),
            ]
        }
        return ReportTable(id: id, title: title, sheetName: sheetName, columns: columns, rows: rows)
    }
}
