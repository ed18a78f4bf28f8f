/// Report table (f): the households of one plan that escaped poverty sustainably (poor at the
/// baseline, neither poor nor near-poor in the last two review years), per village. Only the
/// household id and where it lives: no names or other personal data (outputs.md §1).
public enum SustainedEscapeReport {
    public static func id(plan: String) -> String { "thoat-ngheo-ben-vung-" + ExportFileNames.slug(plan) }
    public static func title(plan: String) -> String { "Hộ thoát nghèo bền vững – kế hoạch \(plan)" }
    public static func sheetName(plan: String) -> String { SheetNames.fit("Thoát nghèo BV " + plan) }

    public static let columns: [ReportColumn] = [
        ReportColumn("Kế hoạch", .text, source: "sustained_escapes.plan"),
        ReportColumn("Năm gốc", .integer, source: "sustained_escapes.baseline_year"),
        ReportColumn("Năm đánh giá", .integer, source: "sustained_escapes.evaluation_year"),
        ReportColumn("Chuẩn nghèo", .text, source: "sustained_escapes.standard"),
        ReportColumn("Mã tỉnh", .text, source: "sustained_escapes.province_code"),
        ReportColumn("Mã xã", .text, source: "sustained_escapes.commune_code"),
        ReportColumn("Tên xã", .text, source: "unit_rates.unit_name (commune, evaluation_year)"),
        ReportColumn("Mã thôn", .text, source: "sustained_escapes.village_code"),
        ReportColumn("Tên thôn", .text, source: "unit_rates.unit_name (village, evaluation_year), else from the code"),
        ReportColumn("Mã hộ", .text, source: "sustained_escapes.household_id"),
    ]

    /// Reads the list of `plan` from `database`.
    public static func table(from database: SQLiteDatabase, plan: String) throws -> ReportTable {
        let rows = try PlanReportRows.sustainedEscapes(of: plan, in: database).map { r -> [ReportCell] in
            let villageName = r.villageName ?? ReportLabels.villageName(fromCode: r.villageCode)
            return [
                .text(r.plan), .integer(r.baselineYear), .integer(r.evaluationYear), .text(r.standard),
                .text(r.provinceCode), .text(r.communeCode), .optionalText(r.communeName), .text(r.villageCode),
                .text(villageName), .text(r.householdID),
            ]
        }
        return ReportTable(
            id: id(plan: plan), title: title(plan: plan), sheetName: sheetName(plan: plan), columns: columns,
            rows: rows)
    }
}
