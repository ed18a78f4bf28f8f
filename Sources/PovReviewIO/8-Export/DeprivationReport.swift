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

    /// Reads the table from `database`.
    public static func table(from database: SQLiteDatabase) throws -> ReportTable {
        var rows: [[ReportCell]] = []
        for r in try UnitRatesReportRows.deprivations(in: database) {
            for (offset, indicator) in Indicator.catalog.enumerated() {
                let poorDeprived = r.poorDeprived[offset], nearPoorDeprived = r.nearPoorDeprived[offset]
                if poorDeprived == nil && nearPoorDeprived == nil { continue }
                rows.append([
                    .text(ReportLabels.level(r.level)), .text(r.unitCode), .text(r.unitName),
                    .integer(r.reviewYear), .text(r.standard), .text(indicator.dimension.labelVi),
                    .text(indicator.id.rawValue), .text(indicator.nameVi),
                    .integer(r.poor), .optionalInteger(poorDeprived), poorDeprived.map { .rate($0, of: r.poor) } ?? .empty,
                    .integer(r.nearPoor), .optionalInteger(nearPoorDeprived),
                    nearPoorDeprived.map { .rate($0, of: r.nearPoor) } ?? .empty,
                ])
            }
        }
        return ReportTable(id: id, title: title, sheetName: sheetName, columns: columns, rows: rows)
    }
}
