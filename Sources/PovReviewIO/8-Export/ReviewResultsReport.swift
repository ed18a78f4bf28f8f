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

    static let sql = """
        SELECT level, unit_code, unit_name, parent_code, review_year, standard, households, poor,
               near_poor, poor_near_poor, average, poor_members, near_poor_members, denominator_source
        FROM unit_rates
        ORDER BY \(ReportLabels.levelRankSQL("level")), unit_code, review_year, standard
        """

    /// Reads the table from `database`.
    public static func table(from database: SQLiteDatabase) throws -> ReportTable {
        let rows = try database.rows(sql).map { row -> [ReportCell] in
            let households = row[6].count, poor = row[7].count, nearPoor = row[8].count
            let poorNearPoor = row[9].count
            return [
                .text(ReportLabels.level(row[0].text)), row[1].textCell, row[2].textCell, row[3].textCell,
                row[4].integerCell, row[5].textCell, .integer(households),
                .integer(poor), .rate(poor, of: households),
                .integer(nearPoor), .rate(nearPoor, of: households),
                .integer(poorNearPoor), .rate(poorNearPoor, of: households),
                row[10].integerCell, row[11].integerCell, row[12].integerCell,
                .text(row[13].text == "totals" ? "Số liệu tổng hợp" : "Dữ liệu rà soát"),
            ]
        }
        return ReportTable(id: id, title: title, sheetName: sheetName, columns: columns, rows: rows)
    }
}
