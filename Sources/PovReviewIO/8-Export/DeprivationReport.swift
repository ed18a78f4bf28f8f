import PovReviewCore

/// Report table (c): deprivations per indicator among poor and near-poor households, one row per
/// level, unit, review year and indicator of the row's standard ("thiếu hụt các dịch vụ xã hội cơ
/// bản"). The share is the count over the poor (near-poor) households of the unit, as in Bắc
/// Ninh's monitoring figures (plans.md). Indicators the standard lacks (NULL counts) have no row.
public enum DeprivationReport {
    public static let id = "04-thieu-hut-theo-chi-so"
    public static let title = "Thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo, hộ cận nghèo theo chỉ số"
    public static let sheetName = "Thiếu hụt theo chỉ số"

    public static let columns: [ReportColumn] =
        ReportColumn.unitYearStandard + [
            ReportColumn("Chiều thiếu hụt", .text, source: "dimension of the indicator (Indicator.catalog)"),
            ReportColumn("Mã chỉ số", .text, source: "<id> of the columns poor_deprived_<id>"),
            ReportColumn("Chỉ số thiếu hụt", .text, source: "Vietnamese name of the indicator (Indicator.catalog)"),
            ReportColumn("Số hộ nghèo", .integer, source: "unit_rates.poor"),
            ReportColumn("Số hộ nghèo thiếu hụt", .integer, source: "unit_rates.poor_deprived_<id>"),
            ReportColumn(
                "Tỷ lệ hộ nghèo thiếu hụt (%)", .rate, source: "100 × unit_rates.poor_deprived_<id> / unit_rates.poor"),
            ReportColumn("Số hộ cận nghèo", .integer, source: "unit_rates.near_poor"),
            ReportColumn("Số hộ cận nghèo thiếu hụt", .integer, source: "unit_rates.near_poor_deprived_<id>"),
            ReportColumn(
                "Tỷ lệ hộ cận nghèo thiếu hụt (%)", .rate,
                source: "100 × unit_rates.near_poor_deprived_<id> / unit_rates.near_poor"),
        ]

    /// Column names are spliced from the indicator catalog (code, not input); values are bound.
    static let sql: String = {
        let counts = Indicator.catalog.map { "poor_deprived_\($0.id.rawValue), near_poor_deprived_\($0.id.rawValue)" }
        return """
            SELECT level, unit_code, unit_name, review_year, standard, poor, near_poor,
                   \(counts.joined(separator: ",\n       "))
            FROM unit_rates
            ORDER BY \(ReportLabels.levelRankSQL("level")), unit_code, review_year, standard
            """
    }()

    /// Reads the table from `database`.
    public static func table(from database: SQLiteDatabase) throws -> ReportTable {
        var rows: [[ReportCell]] = []
        for row in try database.rows(sql) {
            let poor = row[5].count, nearPoor = row[6].count
            for (offset, indicator) in Indicator.catalog.enumerated() {
                let poorDeprived = row[7 + 2 * offset], nearPoorDeprived = row[8 + 2 * offset]
                if poorDeprived == .null && nearPoorDeprived == .null { continue }
                rows.append([
                    .text(ReportLabels.level(row[0].text)), row[1].textCell, row[2].textCell,
                    row[3].integerCell, row[4].textCell, .text(indicator.dimension.labelVi),
                    .text(indicator.id.rawValue), .text(indicator.nameVi),
                    .integer(poor), poorDeprived.integerCell, poorDeprived == .null ? .empty : .rate(poorDeprived.count, of: poor),
                    .integer(nearPoor), nearPoorDeprived.integerCell,
                    nearPoorDeprived == .null ? .empty : .rate(nearPoorDeprived.count, of: nearPoor),
                ])
            }
        }
        return ReportTable(id: id, title: title, sheetName: sheetName, columns: columns, rows: rows)
    }
}
